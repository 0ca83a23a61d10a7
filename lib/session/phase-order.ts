import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { phasesOf, readString, type YRecord } from './schema';

/**
 * Phase order by fractional index keys (issue 11, item 7). Y.Array has no move: moving by
 * delete + re-insert of a copy let two concurrent moves of one phase leave two records with
 * one id. A move now only sets the moved record's `order` key, a last-writer-wins field, so
 * concurrent moves converge on one position and no record is ever copied.
 *
 * Records without a valid key (a schema 1 session, or a phase added by a Kring 1 peer) sort
 * with the key of the nearest keyed record before them in the array, then by array position,
 * which is exactly the old order while no record has a key.
 */

export interface OrderedPhase {
  readonly record: YRecord;
  readonly id: string;
  /** Position in the Y.Array (for deleting and for Kring 1 compatible inserts). */
  readonly arrayIndex: number;
  /** The record's own valid key, or null. */
  readonly key: string | null;
}

/** Every phase record with a non-empty id, in display order; duplicates of an id included. */
export function orderedPhaseRecords(doc: Y.Doc): OrderedPhase[] {
  const records = phasesOf(doc).toArray();
  const entries: (OrderedPhase & { sortKey: string })[] = [];
  let lastKey = '';
  records.forEach((record, arrayIndex) => {
    const id = readString(record, 'id');
    const raw = record.get('order');
    const key = isOrderKey(raw) ? raw : null;
    if (key !== null) lastKey = key;
    if (id !== '') entries.push({ record, id, arrayIndex, key, sortKey: key ?? lastKey });
  });
  entries.sort(
    (a, b) =>
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || a.arrayIndex - b.arrayIndex,
  );
  return entries;
}

/** The phases as shown: one record per id (the first in display order wins). */
export function orderedPhases(doc: Y.Doc): OrderedPhase[] {
  const seen = new Set<string>();
  return orderedPhaseRecords(doc).filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

/**
 * A key between two neighbours in display order. When a neighbour has no key or an odd one
 * (written by another peer), every phase first gets a fresh key in the current display order,
 * inside the caller's transaction, so the result is always a valid key.
 */
export function keyForPosition(
  doc: Y.Doc,
  ordered: readonly OrderedPhase[],
  position: number,
): string {
  const before = ordered[position - 1];
  const after = ordered[position];
  if (
    (before === undefined || before.key !== null) &&
    (after === undefined || after.key !== null)
  ) {
    const lower = before?.key ?? null;
    const upper = after?.key ?? null;
    if (lower === null || upper === null || lower < upper) {
      try {
        return generateKeyBetween(lower, upper);
      } catch {
        // An odd key from another peer: renumber below.
      }
    }
  }
  const renumbered = renumber(doc, ordered);
  return generateKeyBetween(renumbered[position - 1] ?? null, renumbered[position] ?? null);
}

/** Fresh, evenly spread keys for `ordered`, written into every record; returns them. */
function renumber(doc: Y.Doc, ordered: readonly OrderedPhase[]): string[] {
  const keys = initialOrderKeys(ordered.length);
  doc.transact(() => {
    ordered.forEach((entry, index) => {
      setOrderKey(doc, entry, keys[index] as string);
    });
  });
  return keys;
}

/**
 * Gives the shown record of a phase (`shown`, from `orderedPhases`) the key `key`, and every
 * other record of its id a key after it. A schema 1 session can hold hidden copies of a phase
 * (Kring 1's concurrent copy-moves): a copy left with its old key (or none) would keep its old
 * place and could show there instead, undoing the move; keyed after the shown record, it stays
 * hidden, and the record shown (with the phase's latest edits) stays the same.
 */
export function setOrderKey(doc: Y.Doc, shown: OrderedPhase, key: string): void {
  doc.transact(() => {
    if (shown.record.get('order') !== key) shown.record.set('order', key);
    const hiddenKey = generateKeyBetween(key, null);
    for (const entry of orderedPhaseRecords(doc)) {
      if (entry.id !== shown.id || entry.record === shown.record) continue;
      if (entry.record.get('order') !== hiddenKey) entry.record.set('order', hiddenKey);
    }
  });
}

/** Keys for `count` phases in a new session. */
export function initialOrderKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** A well-formed fractional key (base 62, as fractional-indexing writes them). */
function isOrderKey(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 1 && value.length <= 64 && ORDER_KEY.test(value)
  );
}

const ORDER_KEY = /^[a-zA-Z][0-9A-Za-z]*$/;
