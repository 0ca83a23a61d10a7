/// <reference types="vite/client" />
import type { Locale } from '../../lib/locale';

/**
 * The built-in templates' guides and handouts (templates/guides, templates/handouts), each
 * its own small chunk fetched only when shown. Vite (the extension's WXT build, the web build
 * and vitest alike) turns these globs into `() => import('…?raw')` per file.
 */
const guides = import.meta.glob<string>('../../templates/guides/*.md', {
  query: '?raw',
  import: 'default',
});
const handouts = import.meta.glob<string>('../../templates/handouts/*.md', {
  query: '?raw',
  import: 'default',
});

function loader(
  files: Record<string, () => Promise<string>>,
  folder: string,
  id: string,
  locale: Locale,
) {
  return files[`../../templates/${folder}/${id}.${locale}.md`];
}

/** Whether a built-in template has a written guide (own templates get a generated one). */
export function hasWrittenGuide(id: string, locale: Locale): boolean {
  return loader(guides, 'guides', id, locale) !== undefined;
}

/** The Markdown of a template's guide, or null when it has none in this language. */
export async function loadGuideText(id: string, locale: Locale): Promise<string | null> {
  const load = loader(guides, 'guides', id, locale);
  return load ? load() : null;
}

/** The Markdown of a template's handout, or null when it has none in this language. */
export async function loadHandoutText(id: string, locale: Locale): Promise<string | null> {
  const load = loader(handouts, 'handouts', id, locale);
  return load ? load() : null;
}
