import { expect } from 'vitest';
import type * as Y from 'yjs';
import {
  type DraftSnapshot,
  itemText,
  mineOf,
  readDrafts,
  type SessionSnapshot,
} from '../../lib/session';

/**
 * The session fuzz's record of every private draft (session-fuzz.test.ts): where each one is,
 * so the fuzz can prove that no draft reaches a shared document before it is shared and that
 * none is lost on the way (it stays on its device, or it became an item).
 *
 * Every draft text holds a token no other text can contain: « », then the writer's number and
 * a counter in sub- and superscript digits, which neither the fuzz's item texts nor its edits
 * (ASCII) ever produce. Edits cannot forge one from another either: they only delete token
 * characters or insert others, and every token has the same length.
 */
export interface DraftRecord {
  readonly peer: number;
  readonly draftId: string;
  readonly phaseId: string;
  token: string;
  text: string;
  state: 'draft' | 'deleted' | 'shared';
  /** The item it became, once shared. */
  itemId: string | null;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const TOKEN = /«[₀-₉][⁰¹²³⁴-⁹]{4}»/g;

function digits(value: number, width: number, alphabet: string): string {
  return String(value)
    .padStart(width, '0')
    .split('')
    .map((digit) => alphabet[Number(digit)])
    .join('');
}

export class DraftLedger {
  private readonly records = new Map<string, DraftRecord>();
  private readonly counters: number[] = [];

  /** A text no other draft or item has, for peer `peer`, ending in `tail`. */
  newText(peer: number, tail: string): string {
    const n = this.counters[peer] ?? 0;
    this.counters[peer] = n + 1;
    return `«${digits(peer, 1, SUB)}${digits(n, 4, SUPER)}» ${tail}`;
  }

  /** Records a draft just made or edited on `device` (its stored, trimmed text). */
  noteDraft(peer: number, device: Y.Doc, draftId: string): void {
    const draft = readDrafts(device).find((entry) => entry.id === draftId);
    if (!draft) throw new Error(`draft ${draftId} was accepted but is not on the device`);
    const token = tokenOf(draft.text);
    const known = this.records.get(key(peer, draftId));
    if (known) {
      known.text = draft.text;
      known.token = token;
      return;
    }
    this.records.set(key(peer, draftId), {
      peer,
      draftId,
      phaseId: draft.phaseId,
      token,
      text: draft.text,
      state: 'draft',
      itemId: null,
    });
  }

  noteDeleted(peer: number, draftId: string): void {
    const record = this.records.get(key(peer, draftId));
    if (record) record.state = 'deleted';
  }

  /**
   * After `shareDrafts` on a peer: each draft that left the device must now be an item of the
   * peer's shared document with the same text, among the items the device calls its own.
   * `mineBefore` is the device's own items before the call.
   */
  noteShared(peer: number, shared: Y.Doc, device: Y.Doc, mineBefore: ReadonlySet<string>): void {
    const onDevice = new Set(readDrafts(device).map((draft) => draft.id));
    const fresh = [...mineOf(device)].filter((id) => !mineBefore.has(id));
    const byText = new Map(fresh.map((id) => [itemText(shared, id)?.toString(), id]));
    let matched = 0;
    for (const record of this.records.values()) {
      if (record.peer !== peer || record.state !== 'draft' || onDevice.has(record.draftId)) {
        continue;
      }
      const itemId = byText.get(record.text);
      if (itemId === undefined) {
        throw new Error(`draft ${record.draftId} of peer ${peer} left the device but is no item`);
      }
      record.state = 'shared';
      record.itemId = itemId;
      matched++;
    }
    expect(matched, 'every new item of the device is a draft it shared').toBe(fresh.length);
  }

  /** Tokens of the drafts still private: none of them may be in any shared document. */
  liveTokens(): Set<string> {
    const tokens = new Set<string>();
    for (const record of this.records.values()) {
      if (record.state === 'draft') tokens.add(record.token);
    }
    return tokens;
  }

  /** No item of `snapshot` holds the text of a draft that was not shared. */
  expectNoLeak(snapshot: SessionSnapshot, where: string): void {
    const live = this.liveTokens();
    if (live.size === 0) return;
    for (const item of snapshot.items) {
      for (const token of item.text.match(TOKEN) ?? []) {
        if (live.has(token)) {
          throw new Error(`${where}: unshared draft ${token} is in item ${item.id}: ${item.text}`);
        }
      }
    }
  }

  /**
   * After the network settled: each device holds exactly the drafts recorded as still private
   * (same text), and each shared draft is an item of the session unless someone deleted it.
   */
  expectNoneLost(
    devices: readonly Y.Doc[],
    snapshot: SessionSnapshot,
    deletedItems: ReadonlySet<string>,
  ): void {
    devices.forEach((device, peer) => {
      const expected = [...this.records.values()]
        .filter((record) => record.peer === peer && record.state === 'draft')
        .map((record) => [record.draftId, record.text])
        .sort();
      const actual = readDrafts(device)
        .map((draft: DraftSnapshot) => [draft.id, draft.text])
        .sort();
      expect(actual, `drafts on device ${peer}`).toEqual(expected);
    });
    const items = new Set(snapshot.items.map((item) => item.id));
    for (const record of this.records.values()) {
      if (record.state !== 'shared' || record.itemId === null) continue;
      if (!items.has(record.itemId) && !deletedItems.has(record.itemId)) {
        throw new Error(`shared draft ${record.token} (item ${record.itemId}) was lost`);
      }
    }
  }

  /** A peer's draft by index among its drafts, for operations that pick one. */
  static pick(device: Y.Doc, index: number): DraftSnapshot | undefined {
    const drafts = readDrafts(device);
    return drafts[index % Math.max(1, drafts.length)];
  }
}

function key(peer: number, draftId: string): string {
  return `${peer}/${draftId}`;
}

function tokenOf(text: string): string {
  const tokens = text.match(TOKEN) ?? [];
  if (tokens.length !== 1) throw new Error(`a fuzz draft holds one token: ${text}`);
  return tokens[0] as string;
}
