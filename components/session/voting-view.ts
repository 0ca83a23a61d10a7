import { computed, type ReadonlySignal } from '@preact/signals';
import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import type { Translate } from '../../lib/i18n/translate';
import type { ItemKind, ItemSnapshot, VotingStatus } from '../../lib/session';

/** Dot voting in the phase on screen, as the voting controls and results show it. */
export interface VotingView {
  readonly phaseId: string;
  readonly status: VotingStatus;
  /** The kinds voted on, a subset of the phase's kinds. */
  readonly kinds: readonly ItemKind[];
  readonly budget: number;
  /** Equal to `budget` when the facilitator set no maximum. */
  readonly maxPerItem: number;
  readonly showLive: boolean;
  /** Totals and ranks are on screen (closed, or open with "show live"). */
  readonly showVotes: boolean;
  /** Place of each item with at least one vote, per kind (1, 2, 2, 4 for ties); empty while hidden. */
  readonly ranks: ReadonlyMap<string, number>;
}

/** The voting of a phase view; null where voting never started in it. */
export function votingOf(view: PhaseView | null): VotingView | null {
  if (!view || view.phase.voting.status === 'none') return null;
  const { voting } = view.phase;
  const ranks = new Map<string, number>();
  if (view.showVotes) {
    for (const kind of voting.kinds) {
      for (const [id, rank] of ranksOf(view.itemsByKind.get(kind) ?? [])) ranks.set(id, rank);
    }
  }
  return {
    phaseId: view.phase.id,
    status: voting.status,
    kinds: voting.kinds,
    budget: voting.budget,
    maxPerItem: voting.maxPerItem,
    showLive: voting.showLive,
    showVotes: view.showVotes,
    ranks,
  };
}

/** Whether the items of `kind` are on screen most votes first, with their totals. */
export function isRanked(voting: VotingView | null, kind: ItemKind): boolean {
  return voting?.showVotes === true && voting.kinds.includes(kind);
}

/**
 * Standard competition ranking of items already sorted by votes, most first (phase-view.ts):
 * equal totals share a place and the next place skips (1, 2, 2, 4). Items without votes get
 * no place: "4th" for nobody's choice would read as a result.
 */
export function ranksOf(sorted: readonly ItemSnapshot[]): Map<string, number> {
  const ranks = new Map<string, number>();
  let place = 0;
  let previous = Number.POSITIVE_INFINITY;
  sorted.forEach((item, index) => {
    if (item.votes <= 0) return;
    if (item.votes < previous) place = index + 1;
    previous = item.votes;
    ranks.set(item.id, place);
  });
  return ranks;
}

/** "Voting is open: 3 votes each. At most 2 on one contribution. Totals are shown when …" */
export function votingStateText(t: Translate, voting: VotingView, view: PhaseView): string {
  if (voting.status === 'closed') return t('voting.closed');
  const parts = [t('voting.open', { count: voting.budget })];
  if (voting.maxPerItem < voting.budget) {
    parts.push(t('voting.openMax', { count: voting.maxPerItem }));
  }
  if (voting.kinds.length < view.phase.kinds.length) {
    const kinds = voting.kinds.map((kind) => t(`kind.${kind}.plural`).toLocaleLowerCase());
    parts.push(t('voting.openKinds', { kinds: kinds.join(', ') }));
  }
  parts.push(voting.showLive ? t('voting.openLive') : t('voting.openHidden'));
  return parts.join(' ');
}

function sameVoting(a: VotingView | null, b: VotingView | null): boolean {
  if (a === null || b === null) return a === b;
  if (
    a.phaseId !== b.phaseId ||
    a.status !== b.status ||
    a.budget !== b.budget ||
    a.maxPerItem !== b.maxPerItem ||
    a.showLive !== b.showLive ||
    a.showVotes !== b.showVotes ||
    a.kinds.length !== b.kinds.length ||
    a.kinds.some((kind, i) => b.kinds[i] !== kind) ||
    a.ranks.size !== b.ranks.size
  ) {
    return false;
  }
  for (const [id, rank] of a.ranks) if (b.ranks.get(id) !== rank) return false;
  return true;
}

const signals = new WeakMap<SessionModel, ReadonlySignal<VotingView | null>>();

/**
 * The voting of the phase on screen as one signal per session that keeps its identity while
 * nothing about the voting changed. Each item row reads it, and a keystroke in some item makes
 * a new phase view: without this, every row on screen would redraw on every keystroke.
 */
export function votingSignal(session: SessionModel): ReadonlySignal<VotingView | null> {
  const known = signals.get(session);
  if (known) return known;
  let last: VotingView | null = null;
  const signal = computed(() => {
    const next = votingOf(session.phaseView.value);
    if (!sameVoting(last, next)) last = next;
    return last;
  });
  signals.set(session, signal);
  return signal;
}
