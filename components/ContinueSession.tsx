import { useEffect, useState } from 'preact/hooks';
import type { ContinueSource } from '../lib/app/continue-actions';
import { formatDate } from '../lib/i18n/translate';
import type { ItemSnapshot } from '../lib/session';
import { useApp, useT } from './app-context';
import { SessionFields, StartFooter, usePreloadSessionParts, useStartForm } from './StartFields';
import { TemplatePicker } from './templates/TemplatePicker';

/**
 * "Continue in a new session" (issue 8): a new session from a template, whose review phase
 * opens with what the earlier one left open. The facilitator picks which open questions and
 * actions go along; everything is checked at first, since leaving things behind is the choice.
 */
export function ContinueSession({ roomName }: { roomName: string }) {
  const app = useApp();
  const t = useT();
  const [source, setSource] = useState<ContinueSource | null | 'reading'>('reading');
  useEffect(() => {
    let live = true;
    app.carryOverFor(roomName).then(
      (found) => live && setSource(found),
      () => live && setSource(null),
    );
    return () => {
      live = false;
    };
  }, [app, roomName]);
  return (
    <main class="screen">
      <h2>{t('continue.title')}</h2>
      {source === 'reading' ? (
        <p role="status">{t('continue.loading')}</p>
      ) : source === null ? (
        <p class="error" role="alert">
          {t('continue.missing')}
        </p>
      ) : (
        <ContinueForm source={source} />
      )}
    </main>
  );
}

function ContinueForm({ source }: { source: ContinueSource }) {
  const app = useApp();
  const t = useT();
  // Built-in first, then this device's own templates (lib/app/own-templates.ts).
  const templates = app.allTemplates.value;
  const [templateId, setTemplateId] = useState<string | null>(
    templates.some((template) => template.id === source.templateId) ? source.templateId : null,
  );
  const form = useStartForm({
    title: source.source.title,
    locale: source.locale,
    learningQuestion: source.learningQuestion ?? '',
    // A group that was large last time usually still is.
    largeGroup: source.largeGroup,
  });
  const [kept, setKept] = useState<ReadonlySet<string>>(
    () => new Set([...source.questions, ...source.actions].map((item) => item.id)),
  );
  const [problem, setProblem] = useState<string | null>(null);
  usePreloadSessionParts();
  const chosen = templates.find((template) => template.id === templateId);
  const askLearningQuestion = chosen?.learningQuestion === true || source.learningQuestion !== null;

  const start = async (event: Event) => {
    event.preventDefault();
    if (!chosen) {
      setProblem(t('new.chooseTemplate'));
      return;
    }
    setProblem(null);
    const items = [...source.questions, ...source.actions].filter((item) => kept.has(item.id));
    await app.startSession({
      template: chosen,
      title: form.title,
      locale: form.locale,
      passphrase: form.passphrase,
      learningQuestion: askLearningQuestion ? form.learningQuestion : undefined,
      continuation: { source: source.source, items },
      largeGroup: form.largeGroup,
    });
  };

  const choose = (ids: readonly string[], keep: boolean) => {
    const next = new Set(kept);
    for (const id of ids) {
      if (keep) next.add(id);
      else next.delete(id);
    }
    setKept(next);
  };

  return (
    <form onSubmit={start} noValidate>
      <p class="continue-source">
        {t('continue.source', {
          title: source.source.title,
          date: formatDate(app.locale.value, source.source.createdAt),
        })}
      </p>
      <p class="hint">{t('continue.carryHint')}</p>
      <CarryList
        id="carry-questions"
        legend={t('continue.openQuestions')}
        empty={t('continue.noQuestions')}
        items={source.questions}
        kept={kept}
        onChoose={choose}
      />
      <CarryList
        id="carry-actions"
        legend={t('continue.openActions')}
        empty={t('continue.noActions')}
        items={source.actions}
        kept={kept}
        onChoose={choose}
      />
      <TemplatePicker
        templates={templates}
        selectedId={templateId}
        locale={form.locale}
        onSelect={setTemplateId}
      />
      <SessionFields form={form} askLearningQuestion={askLearningQuestion} />
      <StartFooter form={form} problem={problem} />
    </form>
  );
}

/** One kind of open item, each with a checkbox: checked ones go into the new session. */
function CarryList(props: {
  id: string;
  legend: string;
  empty: string;
  items: readonly ItemSnapshot[];
  kept: ReadonlySet<string>;
  onChoose: (ids: readonly string[], keep: boolean) => void;
}) {
  const app = useApp();
  const t = useT();
  const { items } = props;
  const ids = items.map((item) => item.id);
  return (
    <fieldset class="carry-list">
      <legend>{props.legend}</legend>
      {items.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <>
          <div class="row carry-tools">
            <button type="button" class="small" onClick={() => props.onChoose(ids, true)}>
              {t('continue.selectAll')}
            </button>
            <button type="button" class="small" onClick={() => props.onChoose(ids, false)}>
              {t('continue.selectNone')}
            </button>
          </div>
          <ul class="carry-items">
            {items.map((item) => {
              const detailsId = `${props.id}-${item.id}-details`;
              return (
                <li key={item.id}>
                  <label class="carry-item">
                    <input
                      type="checkbox"
                      checked={props.kept.has(item.id)}
                      aria-describedby={item.kind === 'action' ? detailsId : undefined}
                      onChange={(e) => props.onChoose([item.id], e.currentTarget.checked)}
                    />
                    <span class="carry-text">{item.text}</span>
                  </label>
                  {item.kind === 'action' && (
                    <p id={detailsId} class="carry-details">
                      {t('item.owner')}: {item.owner || t('continue.noOwner')} · {t('item.due')}:{' '}
                      {item.due ? formatDate(app.locale.value, item.due) : t('continue.noDue')}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </fieldset>
  );
}
