import type * as Y from 'yjs';
import { DEFAULT_VOTE_BUDGET, MAX_VOTE_BUDGET } from '../limits';
import { orderedPhases } from './phase-order';
import { itemsOf, readString } from './schema';
import {
  ITEM_KINDS,
  type ItemKind,
  isItemKind,
  type VotingSnapshot,
  type VotingStatus,
} from './types';

/**
 * The reading side of dot voting: one counting rule for the snapshot, the "Votes left" status
 * and the tests, as pure functions over plain data plus the readers that feed them a document. Any peer can write anything into
 * the shared document, so everything here reads defensively and caps instead of trusting.
 */

/** A voter key as devices make them (nanoid): also what makes `itemId:voterKey` parseable. */
const VOTER_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function isVoterKey(value: unknown): value is string {
  return typeof value === 'string' && VOTER_KEY.test(value);
}

export function voteKey(itemId: string, voterKey: string): string {
  return `${itemId}:${voterKey}`;
}

/**
 * Splits at the last ':' since a voter key never holds one, while an item id written by a
 * modified peer might. Keys that do not name an item and a well-formed voter are null.
 */
export function parseVoteKey(key: string): { itemId: string; voterKey: string } | null {
  if (typeof key !== 'string') return null;
  const colon = key.lastIndexOf(':');
  if (colon <= 0) return null;
  const voterKey = key.slice(colon + 1);
  if (!isVoterKey(voterKey)) return null;
  return { itemId: key.slice(0, colon), voterKey };
}

/**
 * The voting settings as stored on a phase record, normalised. Unlike VotingSnapshot it keeps
 * "no maximum per item" as null, so raising the budget later does not shrink the maximum.
 */
export interface StoredVoting {
  readonly status: VotingStatus;
  readonly kinds: readonly ItemKind[];
  readonly budget: number;
  readonly maxPerItem: number | null;
  readonly showLive: boolean;
}

const STATUSES: readonly VotingStatus[] = ['none', 'open', 'closed'];

/** Known kinds in ITEM_KINDS order, from any value. */
export function readKinds(value: unknown): ItemKind[] {
  return ITEM_KINDS.filter((kind) => Array.isArray(value) && value.includes(kind));
}

export function isBudget(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_VOTE_BUDGET;
}

/** Reads a phase record's 'voting' field, keeping "no maximum" as null. */
export function readStoredVoting(value: unknown, phaseKinds: readonly ItemKind[]): StoredVoting {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const status = STATUSES.find((known) => known === fields.status) ?? 'none';
  const allowed = readKinds(phaseKinds);
  const chosen = readKinds(fields.kinds).filter((kind) => allowed.includes(kind));
  const budget = isBudget(fields.budget) ? fields.budget : DEFAULT_VOTE_BUDGET;
  const max = fields.maxPerItem;
  const maxPerItem =
    typeof max === 'number' && Number.isFinite(max)
      ? Math.min(Math.max(Math.floor(max), 1), budget)
      : null;
  return {
    status,
    // No kind chosen (or none left after the phase's kinds changed) means every kind.
    kinds: chosen.length > 0 ? chosen : allowed,
    budget,
    maxPerItem,
    showLive: fields.showLive === true,
  };
}

/** Reads a phase record's 'voting' field defensively (any peer may write garbage). */
export function readVoting(value: unknown, phaseKinds: readonly ItemKind[]): VotingSnapshot {
  const stored = readStoredVoting(value, phaseKinds);
  return { ...stored, maxPerItem: stored.maxPerItem ?? stored.budget };
}

export interface VotingItem {
  readonly id: string;
  readonly phaseId: string;
  readonly kind: ItemKind;
}

/** One voter's raw entries in one phase: item id and the stored value (not yet trusted). */
type RawEntries = Array<readonly [string, number]>;

/**
 * The heart of the tally rule (SPEC.md): entries in item-id order, each clamped to
 * [0, maxPerItem], admitted while the voter's running sum stays within the budget; the entry
 * that crosses it is cut to what is left. Only document data decides, so every peer agrees.
 */
export function admitVoterEntries(
  entries: RawEntries,
  voting: VotingSnapshot,
): Map<string, number> {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const admitted = new Map<string, number>();
  let left = voting.budget;
  for (const [itemId, value] of sorted) {
    if (left <= 0) break;
    const count = Math.min(Math.max(Math.floor(value), 0), voting.maxPerItem, left);
    if (count === 0) continue;
    admitted.set(itemId, count);
    left -= count;
  }
  return admitted;
}

/** A stored vote value worth counting: a finite number (clamped later). */
export function isVoteValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whether `item` can carry votes under `voting` (its phase's settings). */
function countsFor(item: VotingItem, voting: VotingSnapshot | undefined): boolean {
  return voting !== undefined && voting.status !== 'none' && voting.kinds.includes(item.kind);
}

/** The tally rule of SPEC.md: effective dots per item id (items with 0 may be absent). */
export function tallyVotes(
  entries: Iterable<readonly [string, unknown]>,
  items: ReadonlyMap<string, VotingItem>,
  voting: ReadonlyMap<string, VotingSnapshot>,
): Map<string, number> {
  // phase id -> voter key -> that voter's entries in the phase
  const groups = new Map<string, Map<string, RawEntries>>();
  for (const [key, value] of entries) {
    const parsed = parseVoteKey(key);
    if (!parsed || !isVoteValue(value)) continue;
    const item = items.get(parsed.itemId);
    if (!item || !countsFor(item, voting.get(item.phaseId))) continue;
    const voters = groups.get(item.phaseId) ?? new Map<string, RawEntries>();
    groups.set(item.phaseId, voters);
    const own = voters.get(parsed.voterKey) ?? [];
    voters.set(parsed.voterKey, own);
    own.push([parsed.itemId, value]);
  }
  const totals = new Map<string, number>();
  for (const [phaseId, voters] of groups) {
    const phaseVoting = voting.get(phaseId) as VotingSnapshot;
    for (const own of voters.values()) {
      for (const [itemId, count] of admitVoterEntries(own, phaseVoting)) {
        totals.set(itemId, (totals.get(itemId) ?? 0) + count);
      }
    }
  }
  return totals;
}

/** Top-level map `${itemId}:${voterKey}` -> count; see votes.ts for why it is top-level. */
export const VOTES = 'votes';

export function votesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VOTES);
}

/** Every item that could carry votes, read as the snapshot reads items (known kind). */
export function votingItemsOf(doc: Y.Doc): Map<string, VotingItem> {
  const items = new Map<string, VotingItem>();
  for (const [id, record] of itemsOf(doc).entries()) {
    const kind = record.get('kind');
    if (isItemKind(kind)) items.set(id, { id, kind, phaseId: readString(record, 'phaseId') });
  }
  return items;
}

/** The voting settings of every phase; the first record of an id wins, as in the snapshot. */
export function votingOfPhases(doc: Y.Doc): Map<string, VotingSnapshot> {
  const voting = new Map<string, VotingSnapshot>();
  for (const { id, record } of orderedPhases(doc)) {
    voting.set(id, readVoting(record.get('voting'), readKinds(record.get('kinds'))));
  }
  return voting;
}

/** Effective dots per item of the whole document (items with 0 are absent). */
export function tallyDoc(doc: Y.Doc): Map<string, number> {
  return tallyVotes(votesOf(doc).entries(), votingItemsOf(doc), votingOfPhases(doc));
}

/**
 * A voter's stored entries on the items of a phase that can be voted on (not yet capped).
 * Walks the votes, not the items: a session holds thousands of items but a few hundred dots,
 * and this runs for "Votes left" after every update.
 */
export function ownEntries(
  doc: Y.Doc,
  phaseId: string,
  voting: VotingSnapshot,
  voterKey: string,
): Array<readonly [string, number]> {
  const items = itemsOf(doc);
  const suffix = `:${voterKey}`;
  const entries: Array<readonly [string, number]> = [];
  for (const [key, value] of votesOf(doc).entries()) {
    if (!key.endsWith(suffix) || !isVoteValue(value)) continue;
    const parsed = parseVoteKey(key);
    if (!parsed || parsed.voterKey !== voterKey) continue;
    const record = items.get(parsed.itemId);
    if (!record || typeof record.get !== 'function') continue;
    const kind = record.get('kind');
    if (!isItemKind(kind) || !voting.kinds.includes(kind)) continue;
    if (readString(record, 'phaseId') !== phaseId) continue;
    entries.push([parsed.itemId, value]);
  }
  return entries;
}
