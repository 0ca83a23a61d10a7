import type { ItemKind, ItemSnapshot, PhaseSnapshot } from '../session/types';
import type { HarvestLabels } from './labels';

/**
 * Dot voting as the harvest reports it. The harvest shows what the session screen would show
 * at that moment: while voting is open without "show live", nobody sees the results yet, so an
 * interim export (which anyone may paste anywhere) does not reveal them either.
 */

/** The kinds of a phase whose vote counts the harvest shows: none before or while hidden. */
export function countedKinds(phase: PhaseSnapshot): ReadonlySet<ItemKind> {
  const { voting } = phase;
  const shown = voting.status === 'closed' || (voting.status === 'open' && voting.showLive);
  return new Set(shown ? voting.kinds : []);
}

/** "Dot voting: 3 dots per person." for a phase that voted, or null for one that did not. */
export function votingLine(phase: PhaseSnapshot, labels: HarvestLabels): string | null {
  const { voting } = phase;
  if (voting.status === 'none') return null;
  // Name the kinds only when some kind of the phase was not voted on.
  const partial = phase.kinds.some((kind) => !voting.kinds.includes(kind));
  return labels.voting({
    budget: voting.budget,
    maxPerItem: voting.maxPerItem < voting.budget ? voting.maxPerItem : null,
    kinds: partial ? voting.kinds.map((kind) => labels.kinds[kind]) : [],
    state: voting.status === 'closed' ? 'closed' : voting.showLive ? 'live' : 'hidden',
  });
}

/** An item's dots; anything but a positive whole number counts as none. */
export function votesOf(item: ItemSnapshot): number {
  return Number.isSafeInteger(item.votes) && item.votes > 0 ? item.votes : 0;
}

export function totalVotes(items: readonly ItemSnapshot[]): number {
  return items.reduce((sum, item) => sum + votesOf(item), 0);
}

/** Most dots first; equal counts keep their snapshot order (Array.prototype.sort is stable). */
export function rankedByVotes(items: readonly ItemSnapshot[]): ItemSnapshot[] {
  return [...items].sort((a, b) => votesOf(b) - votesOf(a));
}
