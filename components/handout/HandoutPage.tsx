import type { VNode } from 'preact';
import type { HandoutParams } from '../../lib/app/handout';
import { translator } from '../../lib/i18n/translate';
import { builtInTemplates, findTemplate, type Template } from '../../lib/templates';
import { loadHandoutText } from '../guides/guide-texts';
import { loadMarkdown, renderTokens, splitAtJoin } from '../guides/markdown';
import { GeneratedHandout } from './GeneratedHandout';
import { JoinBox } from './JoinBox';
import '../../lib/i18n/workshop-messages';

/** What the handout page shows: a built-in template's written handout, a generated one, or nothing. */
export type HandoutContent =
  | {
      readonly kind: 'written';
      readonly name: string;
      readonly before: VNode[];
      /** After the join marker; null when the file has none (the box then goes at the end). */
      readonly after: VNode[] | null;
    }
  | { readonly kind: 'generated'; readonly template: Template }
  | { readonly kind: 'missing' };

/**
 * Finds the handout: the written Markdown of a built-in template, else the template itself
 * among the built-in and this device's own ones (`ownTemplates`, read only when needed).
 */
export async function loadHandout(
  params: HandoutParams,
  ownTemplates: () => Promise<readonly Template[]>,
): Promise<HandoutContent> {
  const builtIn = findTemplate(params.templateId, builtInTemplates);
  if (builtIn) {
    const [source, parse] = await Promise.all([
      loadHandoutText(builtIn.id, params.locale),
      loadMarkdown(),
    ]);
    if (source !== null) {
      const { before, after } = splitAtJoin(source);
      return {
        kind: 'written',
        name: builtIn.name[params.locale],
        before: renderTokens(parse(before)),
        after: after === null ? null : renderTokens(parse(after)),
      };
    }
    return { kind: 'generated', template: builtIn };
  }
  const own = findTemplate(params.templateId, await ownTemplates());
  return own ? { kind: 'generated', template: own } : { kind: 'missing' };
}

export function handoutName(content: HandoutContent, params: HandoutParams): string | null {
  if (content.kind === 'written') return content.name;
  if (content.kind === 'generated') return content.template.name[params.locale];
  return null;
}

/**
 * The page itself, in the session's language: a Print button on screen (not on paper) and the
 * sheet, laid out for one A4 page (components/handout/handout.css).
 */
export function HandoutPage(props: {
  params: HandoutParams | null;
  content: HandoutContent;
  onPrint: () => void;
}) {
  const { params, content } = props;
  const locale = params?.locale ?? 'en';
  const t = translator(locale);
  return (
    <>
      {content.kind !== 'missing' && (
        <div class="handout-bar">
          <button type="button" class="handout-print" onClick={props.onPrint}>
            {t('handout.print')}
          </button>
          <p>{t('handout.printHint')}</p>
        </div>
      )}
      <main class="sheet" lang={locale}>
        <div class="sheet-content">
          {content.kind === 'missing' || !params ? (
            <p role="alert">{t('handout.missing')}</p>
          ) : content.kind === 'generated' ? (
            <GeneratedHandout
              template={content.template}
              locale={locale}
              code={params.code}
              link={params.link}
            />
          ) : (
            <>
              {content.before}
              <JoinBox t={t} code={params.code} link={params.link} />
              {content.after}
            </>
          )}
        </div>
      </main>
    </>
  );
}
