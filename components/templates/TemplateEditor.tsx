import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Route } from '../../lib/app/app-types';
import { translator } from '../../lib/i18n/translate';
import {
  MAX_TEMPLATE_CREDITS_LENGTH,
  MAX_TEMPLATE_ID_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATE_PURPOSE_LENGTH,
} from '../../lib/limits';
import { LOCALES, type Locale } from '../../lib/locale';
import type { Template } from '../../lib/templates/types';
import { useApp, useT } from '../app-context';
import { Field } from '../Field';
import { holdLeaving, leaveThen } from '../leave-guard';
import {
  sameTextsFor,
  withName,
  withPhase,
  withPhaseAdded,
  withPhaseMoved,
  withPhaseRemoved,
  withReview,
} from './draft-edits';
import { CheckField, LocalizedField, NumberField, ProblemText } from './EditorParts';
import { LanguageChoice, LeaveQuestion, OneLanguageQuestion } from './EditorQuestions';
import { PhaseDraftEditor } from './PhaseDraftEditor';
import { ProblemSummary } from './ProblemSummary';
import { domIdOf, focusField, invalidProps } from './problem-fields';
import { blankDraft, copyDraft, draftOf, type TemplateDraft } from './template-draft';
import { useSaveTemplate } from './use-save-template';
import './own-templates.css';
import '../../lib/i18n/workshop-messages';

type TemplateRoute = Extract<Route, { name: 'template' }>;

/**
 * The template editor, a screen of its own: a new template, a copy of any template, or one of
 * the facilitator's own. Everything the format holds is here, in one or both languages. Save
 * runs the same validator as an imported file and shows each problem beside its field.
 */
export function TemplateEditor({ route }: { route: TemplateRoute }) {
  const app = useApp();
  const t = useT();
  const editing = route.id
    ? app.ownTemplates.peek().find((template) => template.id === route.id)
    : undefined;
  if (route.id && !editing) {
    return (
      <main class="screen">
        <h2>{t('tpl.heading.edit')}</h2>
        <p class="error" role="alert">
          {t('tpl.notFound')}
        </p>
      </main>
    );
  }
  return <TemplateForm route={route} editing={editing} />;
}

function TemplateForm({ route, editing }: { route: TemplateRoute; editing?: Template }) {
  const app = useApp();
  const t = useT();
  const locale = app.locale.peek();
  /** Ids another template has: the id field may not take one of them. */
  const takenIds = useMemo(
    () =>
      new Set(
        app.allTemplates
          .peek()
          .map((template) => template.id)
          .filter((id) => id !== editing?.id),
      ),
    [app, editing],
  );
  const [initial] = useState<TemplateDraft>(() => {
    if (editing) return draftOf(editing, locale);
    const source = route.copyOf
      ? app.allTemplates.peek().find((template) => template.id === route.copyOf)
      : undefined;
    if (!source) return blankDraft(locale);
    // The copy's name in each language, whatever the interface's: "Sociaal lab (kopie)".
    const copyName = (name: string, language: Locale) =>
      translator(language)('tpl.copyName', { name });
    return copyDraft(source, locale, copyName, takenIds);
  });
  const [draft, setDraft] = useState(initial);
  const [askLanguage, setAskLanguage] = useState(false);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const back: Route = route.back ?? { name: 'new' };
  const dirty =
    JSON.stringify({ ...draft, languages: [] }) !== JSON.stringify({ ...initial, languages: [] });
  const release = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const letGo = holdLeaving((proceed) => setLeaving(() => proceed));
    release.current = letGo;
    return letGo;
  }, [dirty]);

  const done = (saved: Template) => {
    release.current?.();
    app.go(back.name === 'new' ? { ...back, templateId: saved.id } : back);
  };
  const { problems, saving, save, summaryRef } = useSaveTemplate({ editing, takenIds, done });

  const onSave = (event: Event) => {
    event.preventDefault();
    if (draft.languages.length < LOCALES.length) setAskLanguage(true);
    else void save(draft);
  };
  const only = draft.languages[0] ?? locale;
  const other = LOCALES.find((language) => language !== only) ?? 'en';
  const { languages } = draft;

  return (
    <main class="screen tpl-editor" id="tpl-editor">
      <h2>{editing ? t('tpl.heading.edit') : t('tpl.heading.new')}</h2>
      {leaving && (
        <LeaveQuestion
          onLeave={() => {
            release.current?.();
            setLeaving(null);
            leaving();
          }}
          onStay={() => setLeaving(null)}
        />
      )}
      <ProblemSummary problems={problems} summaryRef={summaryRef} />
      <form onSubmit={onSave} noValidate>
        <LanguageChoice
          value={languages}
          onChange={(next) => setDraft({ ...draft, languages: next })}
        />
        <LocalizedField
          field="name"
          label={(language) => t('tpl.name', { language })}
          value={draft.name}
          languages={languages}
          maxLength={MAX_TEMPLATE_NAME_LENGTH}
          problems={problems}
          onChange={(name) => setDraft(withName(draft, name, takenIds, locale))}
        />
        <Field id={domIdOf('id')} label={t('tpl.id')} hint={t('tpl.idHint')}>
          <input
            id={domIdOf('id')}
            type="text"
            value={draft.id}
            maxLength={MAX_TEMPLATE_ID_LENGTH}
            autoComplete="off"
            spellcheck={false}
            {...invalidProps(problems, 'id', `${domIdOf('id')}-hint`)}
            onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value, idFixed: true })}
          />
          <ProblemText problems={problems} field="id" />
        </Field>
        <NumberField
          field="version"
          label={t('tpl.version')}
          hint={t('tpl.versionHint')}
          value={draft.version}
          min={1}
          problems={problems}
          onChange={(version) => setDraft({ ...draft, version })}
        />
        <LocalizedField
          field="purpose"
          label={(language) => t('tpl.purpose', { language })}
          value={draft.purpose}
          languages={languages}
          multiline
          maxLength={MAX_TEMPLATE_PURPOSE_LENGTH}
          problems={problems}
          onChange={(purpose) => setDraft({ ...draft, purpose })}
        />
        <LocalizedField
          field="credits"
          label={(language) => t('tpl.credits', { language })}
          value={draft.credits}
          languages={languages}
          multiline
          maxLength={MAX_TEMPLATE_CREDITS_LENGTH}
          problems={problems}
          onChange={(credits) => setDraft({ ...draft, credits })}
        />
        <CheckField
          field="learningQuestion"
          label={t('tpl.learningQuestion')}
          hint={t('tpl.learningQuestionHint')}
          checked={draft.learningQuestion}
          problems={problems}
          onChange={(learningQuestion) => setDraft({ ...draft, learningQuestion })}
        />
        <section class="tpl-phases" id={domIdOf('phases')} aria-labelledby="tpl-phases-heading">
          <h3 id="tpl-phases-heading">{t('tpl.phases')}</h3>
          <ProblemText problems={problems} field="phases" />
          {draft.phases.map((phase, index) => (
            <PhaseDraftEditor
              key={phase.key}
              index={index}
              phase={phase}
              languages={languages}
              problems={problems}
              onChange={(changed) => setDraft(withPhase(draft, index, () => changed))}
              moves={{
                moveUp: index > 0 ? () => setDraft(withPhaseMoved(draft, index, -1)) : undefined,
                moveDown:
                  index < draft.phases.length - 1
                    ? () => setDraft(withPhaseMoved(draft, index, 1))
                    : undefined,
                remove:
                  draft.phases.length > 1
                    ? () => setDraft(withPhaseRemoved(draft, index))
                    : undefined,
                addAfter: () => setDraft(withPhaseAdded(draft, index)),
                setReview: (on) => setDraft(withReview(draft, index, on)),
              }}
            />
          ))}
        </section>
        {askLanguage && (
          <OneLanguageQuestion
            only={only}
            onSameTexts={() => {
              const both = sameTextsFor(draft, only, other);
              setDraft(both);
              setAskLanguage(false);
              void save(both);
            }}
            onWriteOther={() => {
              setDraft({ ...draft, languages: LOCALES });
              setAskLanguage(false);
              requestAnimationFrame(() => focusField(`name.${other}`));
            }}
          />
        )}
        <div class="row tpl-save">
          <button type="submit" class="primary" disabled={saving} aria-busy={saving}>
            {saving ? t('tpl.saving') : t('tpl.save')}
          </button>
          <button type="button" class="secondary" onClick={() => leaveThen(() => app.go(back))}>
            {t('session.cancel')}
          </button>
        </div>
      </form>
    </main>
  );
}
