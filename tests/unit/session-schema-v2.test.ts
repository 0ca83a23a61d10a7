import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import {
  addItem,
  addTheme,
  addVote,
  createSnapshotReader,
  MIN_READER_VERSION,
  markReadable,
  movePhase,
  reopenSession,
  SCHEMA_VERSION,
  type SessionSnapshot,
  setItemTheme,
  snapshotSession,
  startVoting,
  updatePhase,
  wasReadable,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';
import { forkDoc, syncDocs, V1_ITEMS, writeV1Fixture } from '../helpers/v1-document';
import { guardFixture, REOPEN, stateOf, WRITE_OPS } from '../helpers/write-ops';

/** Issue 11, item 6: schema 2 with a minimum reader version, built to evolve. */

/**
 * The harvest Kring 1 itself made of `writeV1Fixture` (participants: 4): produced by running
 * the snapshot and export code of commit 1367d67 (before schema 2) on that document. Read, not
 * a file snapshot: `vitest -u` must never rewrite what Kring 1 produced.
 */
const V1_HARVEST = readFileSync(new URL('../fixtures/v1-harvest.md', import.meta.url), 'utf8');

/** A v1 session as a device stored it (IndexedDB keeps Yjs updates), opened by this Kring. */
function openStoredV1(): Y.Doc {
  const written = new Y.Doc();
  writeV1Fixture(written);
  const stored = Y.encodeStateAsUpdate(written);
  const opened = new Y.Doc();
  Y.applyUpdate(opened, stored);
  return opened;
}

/** What Kring 1 checked before reading a document (lib/session/schema.ts at 1367d67). */
function v1Refuses(doc: Y.Doc): 'not-a-session' | 'newer-schema' | null {
  const version = doc.getMap('meta').get('schemaVersion');
  if (typeof version !== 'number') return 'not-a-session';
  return version > 1 ? 'newer-schema' : null;
}

/** The fields Kring 1 read, as it read them: phases in array order, first record of an id. */
function v1View(doc: Y.Doc) {
  const seen = new Set<string>();
  const phases = doc
    .getArray<Y.Map<unknown>>('phases')
    .toArray()
    .map((p) => ({
      id: p.get('id'),
      title: p.get('title'),
      prompt: p.get('prompt'),
      kinds: p.get('kinds'),
      minutes: p.get('minutes'),
      notes: p.get('notes'),
    }))
    .filter((p) => !seen.has(String(p.id)) && seen.add(String(p.id)));
  const items = [...doc.getMap<Y.Map<unknown>>('items').entries()].map(([id, item]) => ({
    id,
    kind: item.get('kind'),
    phaseId: item.get('phaseId'),
    text: String(item.get('text')),
    createdAt: item.get('createdAt'),
    owner: item.get('kind') === 'action' ? item.get('owner') : '',
    due: item.get('kind') === 'action' ? item.get('due') : '',
  }));
  return { phases, items: items.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

describe('a v1 session stored on a device', () => {
  it('opens with the schema 2 defaults, and opening writes nothing', () => {
    const doc = openStoredV1();
    const before = Y.encodeStateVector(doc);
    const session = snap(doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(session).toMatchObject({ schemaVersion: 1, readOnly: null, themes: [] });
    expect(session.status).toBe('ended');
    expect(session.phases.map((phase) => phase.id)).toEqual(['open', 'explore', 'act']);
    for (const phase of session.phases) {
      expect(phase).toMatchObject({ privateWriting: false, revealedAt: null, themes: 'off' });
      expect(phase.voting).toEqual({
        status: 'none',
        kinds: phase.kinds,
        budget: 3,
        maxPerItem: 3,
        showLive: false,
      });
    }
    expect(session.items).toHaveLength(V1_ITEMS.length);
    for (const item of session.items) expect(item).toMatchObject({ themeId: '', votes: 0 });
    expect(session.items.find((item) => item.id === 'i4')).toMatchObject({
      owner: 'Fatima',
      due: '2026-12-01',
    });
  });

  it('exports byte for byte what Kring 1 exported, with no voting or theme lines', () => {
    const markdown = harvestMarkdown(snap(openStoredV1()), { participants: 4 });
    expect(markdown).toBe(V1_HARVEST);
    expect(markdown).not.toMatch(/vot|dot|theme|stem|stip|thema/i);
  });

  it('stays a Kring 1 document when this Kring writes to it', () => {
    const doc = openStoredV1();
    expectOk(reopenSession(doc));
    expectOk(addItem(doc, { kind: 'insight', phaseId: 'act', text: 'New' }, fixedContext('n')));
    expectOk(movePhase(doc, 'act', 0));
    expect(v1Refuses(doc)).toBeNull();
    expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(snap(doc).phases.map((phase) => phase.id)).toEqual(['act', 'open', 'explore']);
  });
});

describe('a mixed-version room', () => {
  it('a session made now asks only for Kring 1 of its readers', () => {
    const doc = newSessionDoc();
    const meta = doc.getMap('meta');
    expect(meta.get('schemaVersion')).toBe(MIN_READER_VERSION);
    expect(MIN_READER_VERSION).toBe(1);
    expect(meta.get('writerVersion')).toBe(SCHEMA_VERSION);
    expect(v1Refuses(doc)).toBeNull();
  });

  it('schema 2 data does not disturb what a Kring 1 peer reads', () => {
    const doc = newSessionDoc();
    const context = fixedContext('m');
    const v1Before = v1View(doc);
    expectOk(updatePhase(doc, 'act', { privateWriting: true, themes: 'anyone' }));
    const insight = expectOk(addItem(doc, { kind: 'insight', phaseId: 'explore', text: 'Hm' }));
    expectOk(updatePhase(doc, 'explore', { themes: 'anyone' }));
    const theme = expectOk(addTheme(doc, 'explore', 'Care', context));
    expectOk(setItemTheme(doc, insight, theme));
    expectOk(startVoting(doc, 'explore', { budget: 2 }));
    expectOk(addVote(doc, insight, 'someVoterKey0001'));
    // A Kring 1 peer joins: it gets every byte, schema 2 maps and fields included.
    const v1Peer = forkDoc(doc);
    expect(v1Refuses(v1Peer)).toBeNull();
    const view = v1View(v1Peer);
    expect(view.phases).toEqual(v1Before.phases);
    const v2 = snap(doc);
    expect(view.items).toEqual(
      v2.items.map(({ id, kind, phaseId, text, createdAt, owner, due }) => ({
        id,
        kind,
        phaseId,
        text,
        createdAt,
        owner,
        due,
      })),
    );
    // And what a Kring 1 peer writes (a keyless phase, an item without a theme) reads here.
    v1Peer.transact(() => {
      const record = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({
        id: 'v1phase',
        title: 'From Kring 1',
        prompt: '',
        kinds: ['question'],
        minutes: 5,
        notes: '',
      })) {
        record.set(key, value);
      }
      v1Peer.getArray<Y.Map<unknown>>('phases').insert(1, [record]);
    });
    syncDocs(doc, v1Peer);
    expect(snap(doc).phases.map((phase) => phase.id)).toEqual([
      'open',
      'v1phase',
      'explore',
      'act',
    ]);
    expect(snap(doc).phases[1]).toMatchObject({ privateWriting: false, themes: 'off' });
  });
});

describe('the attack: a peer claims a newer minimum reader version', () => {
  const attack = (victim: Y.Doc, version: unknown) => {
    const hostile = forkDoc(victim);
    hostile.getMap('meta').set('schemaVersion', version);
    syncDocs(hostile, victim);
  };

  it('refuses a device that never read the session, and keeps it readable for one that did', () => {
    const { doc } = guardFixture();
    const local = new Y.Doc();
    const reader = createSnapshotReader(doc, { allowNewer: () => wasReadable(local) });
    const before = expectOk(reader.read());
    markReadable(local);
    attack(doc, 99);

    expect(snapshotSession(doc)).toEqual({
      ok: false,
      error: { code: 'newer-schema', found: 99, supported: SCHEMA_VERSION },
    });
    const expected: SessionSnapshot = {
      ...before,
      schemaVersion: 99,
      readOnly: { found: 99, supported: SCHEMA_VERSION },
    };
    expect(expectOk(snapshotSession(doc, { allowNewer: true }))).toEqual(expected);
    expect(expectOk(reader.read())).toEqual(expected);
    expect(harvestMarkdown(expected)).toBe(harvestMarkdown(before));

    // After a reload: the session and this device's state come back from storage.
    const reloaded = forkDoc(doc);
    const reloadedLocal = forkDoc(local);
    expect(wasReadable(reloadedLocal)).toBe(true);
    const after = createSnapshotReader(reloaded, { allowNewer: () => wasReadable(reloadedLocal) });
    expect(expectOk(after.read())).toEqual(expected);
    // A device that never read it is refused, as a newer session should be.
    const stranger = createSnapshotReader(reloaded, { allowNewer: () => wasReadable(new Y.Doc()) });
    expect(stranger.read().ok).toBe(false);
    reader.destroy();
    after.destroy();
    stranger.destroy();
  });

  it('refuses every write while the claim stands; setting it back restores writing', () => {
    for (const [name, run] of [...WRITE_OPS, REOPEN]) {
      const fixture = guardFixture();
      if (name === 'reopenSession') fixture.doc.getMap('meta').set('status', 'ended');
      attack(fixture.doc, 99);
      const before = stateOf(fixture);
      expect(run(fixture, fixedContext('w')), name).toEqual({
        ok: false,
        error: { code: 'newer-schema', found: 99, supported: SCHEMA_VERSION },
      });
      expect(stateOf(fixture), name).toBe(before);
      attack(fixture.doc, 1);
      expect(snap(fixture.doc).readOnly, name).toBeNull();
      const result = run(fixture, fixedContext('w'));
      expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it.each([[-1], [0], [1.5], [2]])(
    'a claim of %s that this Kring supports changes nothing',
    (value) => {
      const { doc } = guardFixture();
      attack(doc, value);
      const session = snap(doc);
      expect(session.readOnly).toBeNull();
      expectOk(addItem(doc, { kind: 'question', phaseId: 'group', text: 'Still?' }));
    },
  );

  it.each([[Number.NaN], ['99'], ['1'], [null], [{ v: 99 }]])(
    'a malformed claim (%s) crashes nothing and is read as the lowest version',
    (value) => {
      for (const [name, run] of WRITE_OPS) {
        const fixture = guardFixture();
        attack(fixture.doc, value);
        for (const options of [{}, { allowNewer: true }]) {
          expect(() => snapshotSession(fixture.doc, options)).not.toThrow();
        }
        const result = run(fixture, fixedContext());
        expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
      }
    },
  );

  it.each([[Number.NaN], ['99'], [undefined]])(
    'a malformed or removed claim (%s) is no claim: the session stays readable and writable for everyone',
    (value) => {
      const { doc } = guardFixture();
      if (value === undefined) forkAndDelete(doc);
      else attack(doc, value);
      // Not even a device that never read it is refused: real Kring never writes such a value.
      const result = snapshotSession(doc);
      expect(result.ok && result.value.readOnly).toBeNull();
      expect(result.ok && result.value.schemaVersion).toBe(MIN_READER_VERSION);
      expect(addItem(doc, { kind: 'question', phaseId: 'group', text: 'Still ours' }).ok).toBe(
        true,
      );
    },
  );
});

function forkAndDelete(victim: Y.Doc): void {
  const hostile = forkDoc(victim);
  hostile.getMap('meta').delete('schemaVersion');
  syncDocs(hostile, victim);
}
