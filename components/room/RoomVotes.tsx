import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PhaseView } from '../../lib/app/session-model';
import type { ItemSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { isRanked, type VotingView, votingOf, votingStateText } from '../session/voting-view';
import './room-votes.css';

/**
 * The voting of the phase on the board, for the items in it (RoomBoard provides it): through
 * context, so themed insights (RoomThemes) show their totals too.
 */
export const RoomVoting = createContext<VotingView | null>(null);

/** Where dot voting stands in the group's phase, large: "Voting is open: 3 votes each. …" */
export function RoomVotingState({ view }: { view: PhaseView }) {
  const t = useT();
  const voting = votingOf(view);
  if (!voting) return null;
  return <p class="room-voting">{votingStateText(t, voting, view)}</p>;
}

/** An item's place and total, once the facilitator shows the results; nothing before. */
export function RoomVoteResult({ item }: { item: ItemSnapshot }) {
  const t = useT();
  const voting = useContext(RoomVoting);
  if (!isRanked(voting, item.kind)) return null;
  const rank = voting?.ranks.get(item.id) ?? 0;
  return (
    <p class="room-vote-result">
      {rank > 0 && <span class="room-vote-rank">{t('voting.rank', { rank })}</span>}
      <span>{t('voting.total', { count: item.votes })}</span>
    </p>
  );
}
