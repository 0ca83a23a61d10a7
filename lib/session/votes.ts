import type * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { orderedPhases } from './phase-order';
import { itemsOf, readString, type YRecord } from './schema';
import { type ItemKind, isItemKind, type SessionError, type VotingSnapshot } from './types';
import {
  admitVoterEntries,
  isBudget,
  isVoterKey,
  ownEntries,
  readKinds,
  readStoredVoting,
  readVoting,
  type StoredVoting,
  voteKey,
  votesOf,
} from './vote-tally';

/**
 * Dot voting over the shared document. Votes live in one top-level map, `votes`, keyed
 * `${itemId}:${voterKey}` with a count: a device only ever writes its own keys, so concurrent
 * clicks of different devices never touch the same entry, and a top-level map cannot be created
 * twice concurrently (a lazily made nested map could, losing one peer's votes). The count a
 * device may cast is checked on writing, but what counts is decided on reading (vote-tally.ts),
 * so neither two tabs of one device nor a modified client gets more than the budget.
 */

export {
  parseVoteKey,
  readVoting,
  tallyDoc,
  tallyVotes,
  VOTES,
  type VotingItem,
  voteKey,
  votesOf,
  votingItemsOf,
  votingOfPhases,
} from './vote-tally';

export interface VotingSettings {
  readonly budget?: number;
  /** null: no maximum per item (up to the whole budget on one item). */
  readonly maxPerItem?: number | null;
  /** Empty: every kind of the phase. */
  readonly kinds?: readonly ItemKind[];
  readonly showLive?: boolean;
}

interface PhaseVoting {
  readonly record: YRecord;
  readonly kinds: readonly ItemKind[];
  readonly stored: StoredVoting;
  readonly voting: VotingSnapshot;
}

function phaseVoting(doc: Y.Doc, phaseId: string): PhaseVoting | undefined {
  const record = orderedPhases(doc).find((phase) => phase.id === phaseId)?.record;
  if (!record) return undefined;
  const kinds = readKinds(record.get('kinds'));
  const value = record.get('voting');
  return {
    record,
    kinds,
    stored: readStoredVoting(value, kinds),
    voting: readVoting(value, kinds),
  };
}

/** The whole object every time: concurrent settings changes resolve last-writer-wins per phase. */
function writeVoting(record: YRecord, voting: StoredVoting): void {
  record.set('voting', {
    status: voting.status,
    kinds: [...voting.kinds],
    budget: voting.budget,
    maxPerItem: voting.maxPerItem,
    showLive: voting.showLive,
  });
}

/** This voter's effective dots in one phase (same capping), for "Votes left". */
export function voterTally(
  doc: Y.Doc,
  phaseId: string,
  voterKey: string,
): { used: number; left: number; budget: number; byItem: ReadonlyMap<string, number> } {
  const voting = phaseVoting(doc, phaseId)?.voting ?? readVoting(undefined, []);
  const byItem =
    voting.status !== 'none' && isVoterKey(voterKey)
      ? admitVoterEntries(ownEntries(doc, phaseId, voting, voterKey), voting)
      : new Map<string, number>();
  let used = 0;
  for (const count of byItem.values()) used += count;
  return { used, left: Math.max(voting.budget - used, 0), budget: voting.budget, byItem };
}

export function startVoting(
  doc: Y.Doc,
  phaseId: string,
  settings: VotingSettings = {},
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'manage-voting', context);
  if (refusal) return err(refusal);
  const phase = phaseVoting(doc, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  const { stored } = phase;
  // Unset settings keep what the phase holds, e.g. what its template preset.
  const budget = settings.budget ?? stored.budget;
  if (!isBudget(budget)) return err({ code: 'invalid-budget', value: budget });
  let maxPerItem = stored.maxPerItem === null ? null : Math.min(stored.maxPerItem, budget);
  if (settings.maxPerItem !== undefined) {
    maxPerItem = settings.maxPerItem;
    if (maxPerItem !== null && !(Number.isInteger(maxPerItem) && maxPerItem >= 1)) {
      return err({ code: 'invalid-budget', value: maxPerItem });
    }
    if (maxPerItem !== null && maxPerItem > budget) {
      return err({ code: 'invalid-budget', value: maxPerItem });
    }
  }
  let kinds = stored.kinds;
  if (settings.kinds !== undefined) {
    const outside = settings.kinds.find((kind) => !phase.kinds.includes(kind));
    if (outside !== undefined) return err({ code: 'kind-not-in-phase', kind: outside, phaseId });
    const chosen = readKinds(settings.kinds);
    kinds = chosen.length > 0 ? chosen : phase.kinds;
  }
  // Votes stay in `votes` while voting is closed, so reopening continues where it stopped.
  writeVoting(phase.record, {
    status: 'open',
    kinds,
    budget,
    maxPerItem,
    showLive: settings.showLive ?? stored.showLive,
  });
  return ok(undefined);
}

/** Closes voting: no more votes, and the totals are shown to everyone. */
export function closeVoting(
  doc: Y.Doc,
  phaseId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'manage-voting', context);
  if (refusal) return err(refusal);
  const phase = phaseVoting(doc, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  if (phase.stored.status === 'none') return err({ code: 'voting-not-open', phaseId });
  if (phase.stored.status === 'closed') return ok(undefined);
  writeVoting(phase.record, { ...phase.stored, status: 'closed' });
  return ok(undefined);
}

/** Whether the totals are shown while voting is still open. */
export function setShowLive(
  doc: Y.Doc,
  phaseId: string,
  showLive: boolean,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'manage-voting', context);
  if (refusal) return err(refusal);
  const phase = phaseVoting(doc, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  if (phase.stored.showLive !== showLive) writeVoting(phase.record, { ...phase.stored, showLive });
  return ok(undefined);
}

interface VoteTarget {
  readonly phaseId: string;
  readonly voting: VotingSnapshot;
  /** The voter's effective dots in the phase, before this change. */
  readonly own: Map<string, number>;
}

/** The checks adding and removing share: who votes, on what, and whether voting is open. */
function voteTarget(
  doc: Y.Doc,
  itemId: string,
  voterKey: string,
  context: SessionContext,
): Result<VoteTarget, SessionError> {
  const refusal = guard(doc, 'vote', context);
  if (refusal) return err(refusal);
  if (!isVoterKey(voterKey)) return err({ code: 'not-allowed', action: 'vote' });
  const record = itemsOf(doc).get(itemId);
  const kind = record?.get('kind');
  if (!record || !isItemKind(kind)) return err({ code: 'item-not-found', itemId });
  const phaseId = readString(record, 'phaseId');
  const voting = phaseVoting(doc, phaseId)?.voting;
  if (voting?.status !== 'open') return err({ code: 'voting-not-open', phaseId });
  if (!voting.kinds.includes(kind)) return err({ code: 'kind-not-voted', kind });
  const own = admitVoterEntries(ownEntries(doc, phaseId, voting, voterKey), voting);
  return ok({ phaseId, voting, own });
}

/**
 * Writes the voter's entries in the phase as `counts`. Entries the tally cuts (two tabs of one
 * device that voted at once, or a budget lowered since) are trimmed to what counts at the same
 * time, so the dot the voter adds or removes is the one they see change.
 */
function writeOwn(
  doc: Y.Doc,
  target: VoteTarget,
  voterKey: string,
  counts: ReadonlyMap<string, number>,
): void {
  const votes = votesOf(doc);
  doc.transact(() => {
    for (const [itemId] of ownEntries(doc, target.phaseId, target.voting, voterKey)) {
      if (!counts.has(itemId)) votes.delete(voteKey(itemId, voterKey));
    }
    for (const [itemId, count] of counts) {
      const key = voteKey(itemId, voterKey);
      if (votes.get(key) !== count) votes.set(key, count);
    }
  });
}

export function addVote(
  doc: Y.Doc,
  itemId: string,
  voterKey: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const target = voteTarget(doc, itemId, voterKey, context);
  if (!target.ok) return target;
  const { voting, own } = target.value;
  let used = 0;
  for (const count of own.values()) used += count;
  if (used >= voting.budget) return err({ code: 'no-votes-left', budget: voting.budget });
  const current = own.get(itemId) ?? 0;
  if (current >= voting.maxPerItem) {
    return err({ code: 'item-vote-limit', limit: voting.maxPerItem });
  }
  writeOwn(doc, target.value, voterKey, new Map(own).set(itemId, current + 1));
  return ok(undefined);
}

export function removeVote(
  doc: Y.Doc,
  itemId: string,
  voterKey: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const target = voteTarget(doc, itemId, voterKey, context);
  if (!target.ok) {
    // A dot on a kind no longer voted on does not count, so there is none to take back.
    if (target.error.code === 'kind-not-voted') return err({ code: 'no-vote-to-remove', itemId });
    return target;
  }
  const { own } = target.value;
  const current = own.get(itemId) ?? 0;
  if (current === 0) return err({ code: 'no-vote-to-remove', itemId });
  const counts = new Map(own);
  if (current === 1) counts.delete(itemId);
  else counts.set(itemId, current - 1);
  writeOwn(doc, target.value, voterKey, counts);
  return ok(undefined);
}

/** Deletes every vote entry of the given items, e.g. when an item is deleted (same transaction). */
export function forgetVotesOf(doc: Y.Doc, itemIds: ReadonlySet<string>): void {
  if (itemIds.size === 0) return;
  const votes = votesOf(doc);
  const doomed: string[] = [];
  for (const key of votes.keys()) {
    const colon = key.lastIndexOf(':');
    if (colon > 0 && itemIds.has(key.slice(0, colon))) doomed.push(key);
  }
  if (doomed.length === 0) return;
  doc.transact(() => {
    for (const key of doomed) votes.delete(key);
  });
}
