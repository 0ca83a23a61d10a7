import { useState } from 'preact/hooks';
import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import { MAX_PHASE_MINUTES, MAX_PHASE_TEXT_LENGTH, MAX_PHASE_TITLE_LENGTH } from '../../lib/limits';
import type { ItemKind, SessionError } from '../../lib/session';
import { useT } from '../app-context';
import { Field } from '../Field';
import { KindsChoice } from './KindsChoice';
import { PrivateWritingField } from './PrivateWriting';
import { ThemePolicyField } from './ThemePolicyField';

/**
 * The facilitator edits the phase on screen live: its title, question, minutes, what it
 * collects, and its place among the phases. Everyone sees the change at once.
 */
export function PhaseEditor({
  session,
  view,
  onDone,
}: {
  session: SessionModel;
  view: PhaseView;
  onDone: () => void;
}) {
  const t = useT();
  const { phase } = view;
  const [title, setTitle] = useState(phase.title);
  const [prompt, setPrompt] = useState(phase.prompt);
  const [notes, setNotes] = useState(phase.notes);
  const [minutes, setMinutes] = useState(String(phase.minutes));
  const [kinds, setKinds] = useState<readonly ItemKind[]>(phase.kinds);
  const [themes, setThemes] = useState(phase.themes);
  const [privateWriting, setPrivateWriting] = useState(phase.privateWriting);
  const [problem, setProblem] = useState<string | null>(null);

  const show = (result: { ok: true } | { ok: false; error: SessionError }) => {
    setProblem(result.ok ? null : describeSessionError(t, result.error));
    return result.ok;
  };
  const save = (event: Event) => {
    event.preventDefault();
    const saved = show(
      session.updatePhase({
        title,
        prompt,
        notes,
        minutes: Number(minutes),
        kinds,
        themes,
        privateWriting,
      }),
    );
    if (saved) onDone();
  };

  return (
    <form class="phase-editor" onSubmit={save} aria-label={t('phase.editing')}>
      <Field id="phase-title-input" label={t('phase.title')}>
        <input
          id="phase-title-input"
          type="text"
          value={title}
          maxLength={MAX_PHASE_TITLE_LENGTH}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </Field>
      <Field id="phase-prompt-input" label={t('phase.prompt')}>
        <textarea
          id="phase-prompt-input"
          rows={3}
          value={prompt}
          maxLength={MAX_PHASE_TEXT_LENGTH}
          onInput={(e) => setPrompt(e.currentTarget.value)}
        />
      </Field>
      <Field id="phase-minutes-input" label={t('phase.minutes')}>
        <input
          id="phase-minutes-input"
          type="number"
          min={0}
          max={MAX_PHASE_MINUTES}
          step={1}
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </Field>
      <KindsChoice legend={t('phase.kinds')} value={kinds} onChange={setKinds} />
      {kinds.length > 0 && (
        <PrivateWritingField
          checked={privateWriting}
          revealed={phase.revealedAt !== null}
          onChange={setPrivateWriting}
        />
      )}
      {kinds.includes('insight') && <ThemePolicyField value={themes} onChange={setThemes} />}
      <Field id="phase-notes-input" label={t('phase.notes')}>
        <textarea
          id="phase-notes-input"
          rows={3}
          value={notes}
          maxLength={MAX_PHASE_TEXT_LENGTH}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </Field>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {t('phase.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('session.cancel')}
        </button>
      </div>
      <div class="row phase-tools">
        <button
          type="button"
          class="small"
          disabled={view.index === 0}
          onClick={() => show(session.movePhase(-1))}
        >
          {t('phase.moveEarlier')}
        </button>
        <button
          type="button"
          class="small"
          disabled={view.index === view.total - 1}
          onClick={() => show(session.movePhase(1))}
        >
          {t('phase.moveLater')}
        </button>
        <button
          type="button"
          class="small"
          onClick={() => {
            if (show(session.addPhaseAfter(t('phase.newTitle')))) onDone();
          }}
        >
          {t('phase.add')}
        </button>
        <button
          type="button"
          class="small danger-text"
          onClick={() => {
            if (show(session.removePhase())) onDone();
          }}
        >
          {t('phase.remove')}
        </button>
      </div>
    </form>
  );
}
