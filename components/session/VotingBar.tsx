import { useState } from 'preact/hooks';
import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import type { SessionError } from '../../lib/session';
import { useT } from '../app-context';
import { LazyVotingForm } from '../lazy-parts';
import { memo } from '../memo';
import { votingOf, votingStateText } from './voting-view';
import './voting.css';

/**
 * Dot voting in the phase on screen: where it stands, for everyone, and for the facilitator
 * the controls to start it, close it and show the totals live. Each item's dots are in its
 * row (VoteControl) and what is left in VotesLeft.
 */
function VotingBarView({ session, view }: { session: SessionModel; view: PhaseView }) {
  const t = useT();
  const manage = session.capabilities.value.has('manage-voting');
  const [problem, setProblem] = useState<SessionError | null>(null);
  const voting = votingOf(view);
  if (view.phase.kinds.length === 0) return null;
  if (!voting && !manage) return null;
  // Before the reveal there is nothing shared to vote on: the drafts are still on the devices.
  if (!voting && view.phase.privateWriting && view.phase.revealedAt === null) return null;

  /** A refusal is shown here, beside the control, rather than also at the top of the screen. */
  const run = (result: { ok: true } | { ok: false; error: SessionError }) => {
    setProblem(result.ok ? null : result.error);
    if (!result.ok) session.dismissError();
    return result.ok;
  };

  return (
    <section class="voting" aria-label={t('voting.label')}>
      {voting && (
        <p class="voting-state" role="status">
          {votingStateText(t, voting, view)}
        </p>
      )}
      {manage && voting?.status === 'open' && (
        <div class="voting-tools">
          <button type="button" class="primary" onClick={() => run(session.closeVoting())}>
            {t('voting.close')}
          </button>
          <label class="check">
            <input
              type="checkbox"
              checked={voting.showLive}
              onChange={(e) => run(session.setShowLive(e.currentTarget.checked))}
            />
            {t('voting.showLive')}
          </label>
        </div>
      )}
      {manage && voting?.status === 'closed' && (
        <div class="voting-tools">
          <button type="button" class="secondary" onClick={() => run(session.startVoting())}>
            {t('voting.reopen')}
          </button>
        </div>
      )}
      {/* Keyed by phase, so the form starts from the settings of the phase it is for. */}
      {manage && !voting && (
        <LazyVotingForm key={view.phase.id} session={session} phase={view.phase} run={run} />
      )}
      {problem && (
        <p class="error" role="alert">
          {describeSessionError(t, problem)}
        </p>
      )}
    </section>
  );
}

type VotingBarProps = Parameters<typeof VotingBarView>[0];

/** Redrawn when the phase changes, not on every keystroke in an item (items do not show here). */
export const VotingBar = memo(
  VotingBarView,
  (before: VotingBarProps, after: VotingBarProps) =>
    before.session === after.session && before.view.phase === after.view.phase,
);
