import { render } from 'preact';
import { parseHandoutHash } from '../../lib/app/handout';
import { loadOwnTemplates } from '../../lib/app/own-templates-store';
import { loadLanguage, translator } from '../../lib/i18n/translate';
import type { KeyValueStore } from '../../lib/platform/types';
import { builtInTemplates } from '../../lib/templates';
import { HandoutPage, handoutName, loadHandout } from './HandoutPage';
import '../../lib/i18n/workshop-messages';

/** The sheet's printable height: A4 (297 mm) less the @page margins in handout.css. */
const PAGE_HEIGHT_MM = 297 - 2 * 12;
const PX_PER_MM = 96 / 25.4;
/** Font sizes tried, largest first, until the sheet fits on one page (an own template with many phases). */
const FIT_STEPS_PT = [10.5, 10, 9.5, 9, 8.5, 8];

/**
 * Runs the handout page (entrypoints/handout in the extension, web/handout.html on the web):
 * reads what to show from the URL fragment, renders it, fits it to one A4 page and opens the
 * print dialog. `store` is where this app keeps the facilitator's own templates.
 */
export async function startHandoutPage(store: KeyValueStore, win: Window = window): Promise<void> {
  const root = win.document.getElementById('handout') as HTMLElement;
  const params = parseHandoutHash(win.location.hash);
  const locale = params?.locale ?? 'en';
  win.document.documentElement.lang = locale;
  const ids = new Set(builtInTemplates.map((template) => template.id));
  // The sheet's own texts are workshop texts (in every language), but translator() promises
  // only what a loaded language has: fetched alongside the template.
  const [content] = await Promise.all([
    params
      ? loadHandout(params, async () => (await loadOwnTemplates(store, ids)).templates).catch(
          () => ({ kind: 'missing' }) as const,
        )
      : ({ kind: 'missing' } as const),
    loadLanguage(locale),
  ]);
  const t = translator(locale);
  const name = params ? handoutName(content, params) : null;
  if (name) win.document.title = t('handout.title', { name });
  render(<HandoutPage params={params} content={content} onPrint={() => win.print()} />, root);
  fitToOnePage(win);
  await win.document.fonts?.ready;
  // Marks the page ready for tests and for the print below.
  win.document.documentElement.dataset.ready = 'true';
  if (content.kind !== 'missing') win.print();
}

/** Steps the font size down until the sheet's content is no taller than one printed page. */
function fitToOnePage(win: Window): void {
  const content = win.document.querySelector<HTMLElement>('.sheet-content');
  if (!content) return;
  const limit = PAGE_HEIGHT_MM * PX_PER_MM;
  for (const size of FIT_STEPS_PT) {
    // CSSOM, not a style attribute: the web page's CSP allows no inline style.
    content.style.setProperty('--sheet-font', `${size}pt`);
    if (content.getBoundingClientRect().height <= limit) return;
  }
}
