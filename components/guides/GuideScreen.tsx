import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Route } from '../../lib/app/app-types';
import type { Locale } from '../../lib/locale';
import { findTemplate } from '../../lib/templates';
import { useApp, useT } from '../app-context';
import { GeneratedGuide } from './GeneratedGuide';
import { hasWrittenGuide, loadGuideText } from './guide-texts';
import { loadMarkdown, renderTokens } from './markdown';
import '../../lib/i18n/workshop-messages';

type Written =
  | { readonly state: 'loading' | 'failed' }
  | { readonly state: 'ready'; body: VNode[] };

/**
 * A template's facilitator guide, readable in the side panel: the written guide of a built-in
 * template (templates/guides/<id>.<locale>.md), or one made from the template's own data.
 * Its language is the session's chosen so far, which may differ from the interface's.
 */
export function GuideScreen(props: {
  readonly templateId: string;
  readonly locale?: Locale;
  readonly back?: Route;
}) {
  const app = useApp();
  const t = useT();
  const locale = props.locale ?? app.locale.value;
  const template = findTemplate(props.templateId, app.allTemplates.value);
  // A written guide exists only for a built-in template: an own one with a built-in's id
  // cannot exist (own-templates-store.ts renames it), so the id decides.
  const written = template !== undefined && hasWrittenGuide(template.id, locale);
  const [text, setText] = useState<Written>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!written) return;
    let live = true;
    setText({ state: 'loading' });
    Promise.all([loadGuideText(props.templateId, locale), loadMarkdown()]).then(
      ([source, parse]) => {
        if (live) setText({ state: 'ready', body: renderTokens(parse(source ?? ''), 1) });
      },
      () => {
        if (live) setText({ state: 'failed' });
      },
    );
    return () => {
      live = false;
    };
    // attempt: "Try again" after a chunk failed to load.
  }, [written, props.templateId, locale, attempt]);

  const back = () => app.go(props.back ?? { name: 'new' });
  return (
    <main class="screen guide-screen">
      <div class="row guide-tools">
        <button type="button" class="secondary" onClick={back}>
          {t('guides.back')}
        </button>
        {template && (
          <button
            type="button"
            class="secondary"
            onClick={() => app.printHandout({ template, locale })}
          >
            {t('guides.print')}
          </button>
        )}
      </div>
      {!template ? (
        <p class="error" role="alert">
          {t('guides.notFound')}
        </p>
      ) : !written ? (
        <article class="guide" lang={locale}>
          <GeneratedGuide template={template} locale={locale} />
        </article>
      ) : text.state === 'ready' ? (
        <article class="guide" lang={locale}>
          {text.body}
        </article>
      ) : text.state === 'loading' ? (
        <p class="hint" role="status">
          {t('guides.loading')}
        </p>
      ) : (
        <div class="load-failed">
          <p class="error" role="alert">
            {t('part.failed')}
          </p>
          <div class="row">
            <button type="button" class="secondary" onClick={() => setAttempt(attempt + 1)}>
              {t('part.retry')}
            </button>
          </div>
        </div>
      )}
    </main>
  );
}
