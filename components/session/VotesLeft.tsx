import type { SessionModel } from '../../lib/app/session-model';
import { useT } from '../app-context';
import { votingSignal } from './voting-view';

/** Budgets up to this many are also drawn as dots, filled for each one left. */
const DOTS_DRAWN = 10;

/**
 * "Votes left: 2 of 3", for everyone who may vote while voting is open in the phase on screen.
 * It sits after the lists and sticks to the bottom of the screen (voting.css), so it stays in
 * sight however long the list; as a status, a screen reader hears it change after each dot.
 */
export function VotesLeft({ session }: { session: SessionModel }) {
  const t = useT();
  const voting = votingSignal(session).value;
  const mine = session.myVotes.value;
  const canVote = session.capabilities.value.has('vote');
  if (voting?.status !== 'open' || !mine || !canVote) return null;
  return (
    <p
      class={mine.left === 0 ? 'votes-left votes-left-none' : 'votes-left'}
      role="status"
      aria-label={t('voting.votesLeft')}
    >
      {t('voting.votesLeftCount', { left: mine.left, budget: mine.budget })}
      {mine.budget <= DOTS_DRAWN && (
        <span class="votes-left-dots" aria-hidden="true">
          {Array.from({ length: mine.budget }, (_, i) => (
            <span key={i} class={i < mine.left ? 'vote-dot' : 'vote-dot vote-dot-empty'} />
          ))}
        </span>
      )}
    </p>
  );
}
