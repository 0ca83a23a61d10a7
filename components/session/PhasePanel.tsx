import { useState } from 'preact/hooks';
import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import type { SessionSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { LazyPhaseEditor } from '../lazy-parts';
import { memo } from '../memo';
import { PhaseTimer } from './PhaseTimer';

/**
 * The phase on screen: where the group is, the prompt, and moving on. The facilitator moves
 * everyone; anyone may look back at another phase on their own screen.
 */
function PhasePanelView({
  session,
  view,
  snapshot,
}: {
  session: SessionModel;
  view: PhaseView;
  snapshot: SessionSnapshot;
}) {
  const t = useT();
  const facilitator = session.role === 'facilitator';
  const { phase } = view;
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <section class="phase" aria-labelledby="phase-title">
        <p class="phase-position">
          <span>{t('session.phaseOf', { current: view.index + 1, total: view.total })}</span>
        </p>
        <h2 id="phase-title" class="phase-title">
          {phase.title}
        </h2>
        {/* Keyed by phase, so the form starts from the phase it edits. */}
        <LazyPhaseEditor
          key={phase.id}
          session={session}
          view={view}
          onDone={() => setEditing(false)}
        />
      </section>
    );
  }
  return (
    <section class="phase" aria-labelledby="phase-title">
      <p class="phase-position">
        <span>{t('session.phaseOf', { current: view.index + 1, total: view.total })}</span>
        {phase.minutes > 0 && <span>· {t('session.minutes', { count: phase.minutes })}</span>}
        {view.isCurrent && <span class="here-badge">{t('session.groupIsHere')}</span>}
      </p>
      <h2 id="phase-title" class="phase-title">
        {phase.title}
      </h2>
      {phase.prompt && <p class="phase-prompt">{phase.prompt}</p>}
      <PhaseTimer session={session} view={view} timer={snapshot.timer} />
      {facilitator && snapshot.status !== 'ended' && (
        <button type="button" class="link edit-phase" onClick={() => setEditing(true)}>
          {t('phase.edit')}
        </button>
      )}
      {facilitator && phase.notes && (
        <details class="notes">
          <summary>{t('session.facilitatorNotes')}</summary>
          <p>{phase.notes}</p>
        </details>
      )}
      {!view.isCurrent && (
        <div class="looking-back" role="note">
          <span>{t('session.lookingBack')}</span>
          <button type="button" class="link" onClick={() => session.viewPhase(null)}>
            {t('session.backToCurrent')}
          </button>
        </div>
      )}
      {facilitator && (
        <div class="row phase-nav">
          <button
            type="button"
            class="secondary"
            onClick={() => session.previousPhase()}
            disabled={view.isCurrent && view.index === 0}
          >
            {t('session.previousPhase')}
          </button>
          <button
            type="button"
            class="primary"
            onClick={() => session.nextPhase()}
            disabled={view.isCurrent && view.index === view.total - 1}
          >
            {t('session.nextPhase')}
          </button>
        </div>
      )}
      <PhaseList session={session} view={view} snapshot={snapshot} />
    </section>
  );
}

function PhaseList({
  session,
  view,
  snapshot,
}: {
  session: SessionModel;
  view: PhaseView;
  snapshot: SessionSnapshot;
}) {
  const t = useT();
  return (
    <details class="phase-list">
      <summary>{t('session.viewPhase')}</summary>
      <ol>
        {snapshot.phases.map((phase) => {
          const isCurrent = phase.id === snapshot.currentPhaseId;
          return (
            <li key={phase.id}>
              <button
                type="button"
                class="link"
                aria-current={phase.id === view.phase.id ? 'step' : undefined}
                onClick={() => session.viewPhase(phase.id)}
              >
                {phase.title}
              </button>
              {isCurrent && <span class="here-badge">{t('session.groupIsHere')}</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

type PhasePanelProps = Parameters<typeof PhasePanelView>[0];

/** Re-renders only when something it shows changed, not on every keystroke in an item. */
export const PhasePanel = memo(
  PhasePanelView,
  (before: PhasePanelProps, after: PhasePanelProps) => {
    const [a, b] = [before.snapshot, after.snapshot];
    return (
      before.session === after.session &&
      before.view.phase === after.view.phase &&
      before.view.index === after.view.index &&
      before.view.total === after.view.total &&
      before.view.isCurrent === after.view.isCurrent &&
      a.phases === b.phases &&
      a.timer === b.timer &&
      a.currentPhaseId === b.currentPhaseId &&
      a.status === b.status
    );
  },
);
