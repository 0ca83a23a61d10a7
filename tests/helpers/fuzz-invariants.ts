import { expect } from 'vitest';
import type * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import {
  guard,
  isRevealed,
  readDrafts,
  type SessionSnapshot,
  snapshotSession,
  voterTally,
} from '../../lib/session';
import type { FuzzWorld } from './fuzz-apply';
import type { DraftLedger } from './fuzz-drafts';
import type { FuzzPeer } from './fuzz-peer';

/**
 * What must hold in the session fuzz (session-fuzz.test.ts): after every step on the peer that
 * changed, and on every peer once the network has settled.
 */

/** Deep equality, fast: snapshots are plain JSON, built in one key order. */
export function expectSameSnapshot(
  actual: SessionSnapshot,
  expected: SessionSnapshot,
  message: string,
): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    expect(actual, message).toEqual(expected); // the readable diff
  }
}

function freshSnapshot(doc: Y.Doc): SessionSnapshot {
  const result = snapshotSession(doc);
  if (!result.ok) throw new Error(`expected a session, got ${result.error.code}`);
  return result.value;
}

/**
 * After each step on `peer`: its long-lived incremental reader equals a fresh read, and none
 * of the drafts still private on any device is in its shared document.
 */
export function checkStep(peer: FuzzPeer, ledger: DraftLedger, step: number): void {
  const incremental = peer.snapshot();
  const fresh = freshSnapshot(peer.doc);
  expectSameSnapshot(incremental, fresh, `peer ${peer.index}: incremental snapshot, step ${step}`);
  ledger.expectNoLeak(fresh, `peer ${peer.index}, step ${step}`);
}

/** Once every message has arrived: the same session everywhere, and every rule holds. */
export function checkSettled(world: FuzzWorld): void {
  const { peers, ledger } = world;
  const snapshots = peers.map((peer) => freshSnapshot(peer.doc));
  const reference = snapshots[0] as SessionSnapshot;
  peers.forEach((peer, index) => {
    expect(peer.doc.store.pendingStructs, `peer ${index} waits for nothing`).toBeNull();
    expectSameSnapshot(snapshots[index] as SessionSnapshot, reference, `peer ${index} converged`);
    expectSameSnapshot(peer.snapshot(), reference, `peer ${index}: incremental snapshot`);
  });
  const markdown = new Set(snapshots.map((snapshot) => harvestMarkdown(snapshot)));
  expect(markdown.size, 'one harvest, byte for byte, on every peer').toBe(1);

  expectUniquePhases(world, reference);
  expectOneRecordRead(world, reference);
  expectVotesWithinRules(world, reference);
  expectThemesInTheirPhase(reference);
  ledger.expectNoLeak(reference, 'settled');
  // And none is left behind: a device back online shares what was revealed while it was away.
  if (reference.status === 'running') {
    for (const peer of peers) {
      for (const draft of readDrafts(peer.device)) {
        expect(isRevealed(peer.doc, draft.phaseId), `draft ${draft.text} still private`).toBe(
          false,
        );
      }
    }
  }
  ledger.expectNoneLost(
    peers.map((peer) => peer.device),
    reference,
    world.deletedItems,
  );
}

/**
 * One phase per id on screen, and in the document no more records of an id than at the start
 * (one; two for a Kring 1 copy): a move never copies a record.
 */
function expectUniquePhases(world: FuzzWorld, snapshot: SessionSnapshot): void {
  const shown = snapshot.phases.map((phase) => phase.id);
  expect(new Set(shown).size, `phase ids unique: ${shown}`).toBe(shown.length);
  expect(shown.includes(snapshot.currentPhaseId)).toBe(true);
  const stored = (world.peers[0] as FuzzPeer).doc
    .getArray<Y.Map<unknown>>('phases')
    .toArray()
    .map((record) => String(record.get('id')));
  for (const id of new Set(stored)) {
    const records = stored.filter((other) => other === id).length;
    expect(records, `records of phase ${id}: ${stored}`).toBeLessThanOrEqual(
      world.phaseRecords.get(id) ?? 1,
    );
  }
}

/**
 * What the screens show of a phase is what the core enforces: the voting settings the voter's
 * "Votes left" counts with, and the theme policy the write guard applies, come from the same
 * record the snapshot shows (a Kring 1 copy must not be read by one and not the other).
 */
function expectOneRecordRead(world: FuzzWorld, snapshot: SessionSnapshot): void {
  const doc = (world.peers[0] as FuzzPeer).doc;
  const participant = world.peers.find((peer) => peer.role === 'participant') as FuzzPeer;
  for (const phase of snapshot.phases) {
    const tally = voterTally(doc, phase.id, participant.voterKey);
    expect(tally.budget, `budget of ${phase.id}`).toBe(phase.voting.budget);
    const refusal = guard(doc, 'edit-themes', participant.context, phase.id);
    const open = snapshot.status === 'running' && phase.themes === 'anyone';
    expect(refusal === null, `participant may make themes in ${phase.id}`).toBe(open);
  }
}

/**
 * Every total is what the tally rule of SPEC.md gives, computed here once more from the raw
 * entries; and no voter's effective dots in a phase exceed the budget or, per item, the maximum.
 */
function expectVotesWithinRules(world: FuzzWorld, snapshot: SessionSnapshot): void {
  const doc = (world.peers[0] as FuzzPeer).doc;
  const expected = referenceTally(doc, snapshot);
  for (const item of snapshot.items) {
    expect(item.votes, `votes on ${item.id}`).toBe(expected.get(item.id) ?? 0);
  }
  const byItem = new Map<string, number>();
  const voters = new Set(world.peers.map((peer) => peer.voterKey));
  for (const phase of snapshot.phases) {
    if (phase.voting.status === 'none') continue;
    for (const voter of voters) {
      const tally = voterTally(doc, phase.id, voter);
      expect(tally.used, `dots of ${voter} in ${phase.id}`).toBeLessThanOrEqual(
        phase.voting.budget,
      );
      for (const [itemId, count] of tally.byItem) {
        expect(count).toBeLessThanOrEqual(phase.voting.maxPerItem);
        byItem.set(itemId, (byItem.get(itemId) ?? 0) + count);
      }
    }
  }
  // The voters' own view adds up to the totals everyone sees.
  for (const item of snapshot.items) expect(item.votes).toBe(byItem.get(item.id) ?? 0);
}

/** The tally rule, written out independently of lib/session/vote-tally.ts. */
function referenceTally(doc: Y.Doc, snapshot: SessionSnapshot): Map<string, number> {
  const items = new Map(snapshot.items.map((item) => [item.id, item]));
  const phases = new Map(snapshot.phases.map((phase) => [phase.id, phase]));
  const groups = new Map<string, [string, number][]>();
  for (const [key, value] of doc.getMap<unknown>('votes').entries()) {
    const colon = key.lastIndexOf(':');
    const item = items.get(key.slice(0, colon));
    const phase = item && phases.get(item.phaseId);
    if (!item || !phase || typeof value !== 'number') continue;
    if (phase.voting.status === 'none' || !phase.voting.kinds.includes(item.kind)) continue;
    const group = `${phase.id}\n${key.slice(colon + 1)}`;
    groups.set(group, [...(groups.get(group) ?? []), [item.id, value]]);
  }
  const totals = new Map<string, number>();
  for (const [group, entries] of groups) {
    const { voting } = phases.get(group.split('\n')[0] as string) as SessionSnapshot['phases'][0];
    let left = voting.budget;
    for (const [itemId, value] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const count = Math.min(Math.max(Math.floor(value), 0), voting.maxPerItem, left);
      left -= count;
      if (count > 0) totals.set(itemId, (totals.get(itemId) ?? 0) + count);
    }
  }
  return totals;
}

/** An insight in a theme is in that theme's phase; nothing else is in a theme. */
function expectThemesInTheirPhase(snapshot: SessionSnapshot): void {
  const themes = new Map(snapshot.themes.map((theme) => [theme.id, theme]));
  const phaseIds = new Set(snapshot.phases.map((phase) => phase.id));
  for (const theme of snapshot.themes) expect(phaseIds.has(theme.phaseId)).toBe(true);
  for (const item of snapshot.items) {
    if (item.themeId === '') continue;
    expect(item.kind, `${item.id} in a theme`).toBe('insight');
    expect(themes.get(item.themeId)?.phaseId, `theme of ${item.id}`).toBe(item.phaseId);
  }
}
