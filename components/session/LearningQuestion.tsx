import { useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import { MAX_LEARNING_QUESTION_LENGTH } from '../../lib/limits';
import type { SessionError } from '../../lib/session';
import { useT } from '../app-context';
import './series.css';
import { focusOnMount } from '../focus-on-mount';

let instances = 0;

/**
 * The shared learning question (leervraag) at the top of the session, for everyone; the
 * facilitator edits it in place: Enter or leaving the field saves, Escape puts it back.
 * Not shown at all in a session without a slot for one.
 */
export function LearningQuestion({
  session,
  question,
}: {
  session: SessionModel;
  /** The snapshot's learning question: null when the session has no slot for one. */
  question: string | null;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<SessionError | null>(null);
  /** Set by Escape: the field's blur as it closes must not save what was just cancelled. */
  const cancelled = useRef(false);
  // Unique in the page, also with two apps in one (the tests' peers), where useId repeats.
  const [id] = useState(() => `learning-question-${++instances}`);
  if (question === null) return null;
  const mayEdit = session.capabilities.value.has('set-title');

  const save = (text: string) => {
    const result = session.setLearningQuestion(text);
    if (result.ok) {
      setProblem(null);
      setEditing(false);
    } else {
      setProblem(result.error);
    }
  };

  return (
    <section class="learning-question" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="small-heading">
        {t('learning.heading')}
      </h2>
      {editing && mayEdit ? (
        <>
          <textarea
            class="learning-question-input"
            aria-labelledby={`${id}-heading`}
            aria-describedby={problem ? `${id}-error` : `${id}-hint`}
            aria-invalid={problem !== null}
            rows={2}
            maxLength={MAX_LEARNING_QUESTION_LENGTH}
            defaultValue={question}
            ref={focusOnMount}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                cancelled.current = true;
                setProblem(null);
                setEditing(false);
              } else if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                save(e.currentTarget.value);
              }
            }}
            onBlur={(e) => {
              if (!cancelled.current) save(e.currentTarget.value);
            }}
          />
          <p id={`${id}-hint`} class="hint">
            {t('learning.editHint')}
          </p>
          {problem && (
            <p id={`${id}-error`} class="error" role="alert">
              {describeSessionError(t, problem)}
            </p>
          )}
        </>
      ) : (
        <>
          <p class={question ? 'learning-question-text' : 'learning-question-text empty'}>
            {question || t('learning.empty')}
          </p>
          {mayEdit && (
            <button
              type="button"
              class="link"
              onClick={() => {
                cancelled.current = false;
                setEditing(true);
              }}
            >
              {t('learning.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
