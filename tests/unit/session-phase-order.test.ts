import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  addPhase,
  addTheme,
  addVote,
  movePhase,
  removePhase,
  startVoting,
  updatePhase,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';
import {
  forkDoc,
  phaseRecordIds,
  syncDocs,
  v1MovePhase,
  writeV1Session,
} from '../helpers/v1-document';

/** Issue 11, item 7: phase order by fractional keys, and schema 1 documents read as before. */

const shownIds = (doc: Y.Doc) => snap(doc).phases.map((phase) => phase.id);

/** What Kring 1 showed: array order, the first record of an id wins. */
const v1Order = (doc: Y.Doc) => [...new Set(phaseRecordIds(doc))];

/** `ids` with `id` moved to `to`, as a facilitator expects a move to look. */
function moved(ids: readonly string[], id: string, to: number): string[] {
  const rest = ids.filter((other) => other !== id);
  rest.splice(Math.min(Math.max(0, to), rest.length), 0, id);
  return rest;
}

function expectUniqueRecords(doc: Y.Doc): void {
  const ids = phaseRecordIds(doc);
  expect(new Set(ids).size).toBe(ids.length);
}

function v1Doc(): Y.Doc {
  const doc = new Y.Doc();
  writeV1Session(doc);
  return doc;
}

describe('concurrent moves of one phase (the bug of issue 11)', () => {
  it('Kring 1 copy-moves left two records of one id; fractional keys leave one', () => {
    const legacy = v1Doc();
    const [a, b] = [forkDoc(legacy), forkDoc(legacy)];
    v1MovePhase(a, 'act', 0);
    v1MovePhase(b, 'act', 1);
    syncDocs(a, b);
    expect(phaseRecordIds(a).filter((id) => id === 'act')).toHaveLength(2);

    const base = newSessionDoc();
    const [c, d, offline] = [forkDoc(base), forkDoc(base), forkDoc(base)];
    expectOk(movePhase(c, 'act', 0));
    expectOk(movePhase(d, 'act', 1));
    expectOk(movePhase(offline, 'act', 0));
    expectOk(movePhase(offline, 'open', 2));
    syncDocs(c, d);
    for (const doc of [c, d]) expectUniqueRecords(doc);
    expect(shownIds(c)).toEqual(shownIds(d));
    expect(['act', 'open', 'explore'].includes(shownIds(c)[0] ?? '')).toBe(true);

    syncDocs(c, d, offline); // the offline device comes back
    for (const doc of [c, d, offline]) {
      expectUniqueRecords(doc);
      expect(phaseRecordIds(doc)).toHaveLength(3);
      expect(shownIds(doc)).toEqual(shownIds(c));
    }
    expect(snap(c).phases).toEqual(snap(offline).phases);
  });

  it('a later remove takes the phase away for good: no hidden copy comes back', () => {
    const base = newSessionDoc();
    const [a, b, offline] = [forkDoc(base), forkDoc(base), forkDoc(base)];
    expectOk(movePhase(a, 'explore', 0));
    expectOk(movePhase(b, 'explore', 2));
    syncDocs(a, b);
    expectOk(removePhase(a, 'explore'));
    syncDocs(a, b);
    expectOk(movePhase(offline, 'explore', 0)); // moved while away, after it was removed
    syncDocs(a, b, offline);
    for (const doc of [a, b, offline]) {
      expect(shownIds(doc)).toEqual(['open', 'act']);
      expect(phaseRecordIds(doc)).not.toContain('explore');
    }
  });

  it('keeps an edit made while another device moved the phase', () => {
    const base = newSessionDoc();
    const [a, b] = [forkDoc(base), forkDoc(base)];
    expectOk(movePhase(a, 'act', 0));
    expectOk(updatePhase(b, 'act', { title: 'Doing', minutes: 12 }));
    syncDocs(a, b);
    for (const doc of [a, b]) {
      expect(shownIds(doc)).toEqual(['act', 'open', 'explore']);
      expect(snap(doc).phases[0]).toMatchObject({ id: 'act', title: 'Doing', minutes: 12 });
    }
  });
});

describe('a schema 1 document (phases without order keys)', () => {
  /** Kring 1 data with a duplicate 'act' from two concurrent copy-moves. */
  function legacyWithDuplicates(): Y.Doc {
    const legacy = v1Doc();
    const [a, b] = [forkDoc(legacy), forkDoc(legacy)];
    v1MovePhase(a, 'act', 0);
    v1MovePhase(b, 'act', 1);
    syncDocs(a, b);
    return a;
  }

  it('reads in array order, one phase per id, as Kring 1 did', () => {
    const plain = v1Doc();
    expect(shownIds(plain)).toEqual(['open', 'explore', 'act']);
    const doc = legacyWithDuplicates();
    expect(new Set(phaseRecordIds(doc)).size).toBeLessThan(phaseRecordIds(doc).length);
    expect(shownIds(doc)).toEqual(v1Order(doc));
  });

  it('moves every phase to every place correctly, also with duplicate records', () => {
    for (const make of [v1Doc, legacyWithDuplicates]) {
      for (const id of ['open', 'explore', 'act']) {
        for (const to of [0, 1, 2]) {
          const doc = make();
          const expected = moved(shownIds(doc), id, to);
          expectOk(movePhase(doc, id, to));
          expect(shownIds(doc), `${make.name}: ${id} to ${to}`).toEqual(expected);
          // And the next move starts from what is shown.
          const next = moved(expected, 'open', 2);
          expectOk(movePhase(doc, 'open', 2));
          expect(shownIds(doc), `${make.name}: then open to 2`).toEqual(next);
          expect(shownIds(forkDoc(doc))).toEqual(next);
        }
      }
    }
  });

  it('shows an edit of a duplicated phase after it was moved', () => {
    const doc = legacyWithDuplicates();
    expectOk(movePhase(doc, 'act', 2));
    expectOk(updatePhase(doc, 'act', { title: 'Doing' }));
    expect(snap(doc).phases.find((phase) => phase.id === 'act')?.title).toBe('Doing');
    expectOk(movePhase(doc, 'act', 0));
    expect(snap(doc).phases[0]).toMatchObject({ id: 'act', title: 'Doing' });
  });

  it('remove deletes every copy of the phase', () => {
    const doc = legacyWithDuplicates();
    const peer = forkDoc(doc);
    expectOk(removePhase(doc, 'act'));
    expect(phaseRecordIds(doc)).not.toContain('act');
    expect(shownIds(doc)).toEqual(['open', 'explore']);
    syncDocs(doc, peer);
    expect(shownIds(peer)).toEqual(['open', 'explore']);
  });
});

describe('a duplicated phase whose shown record is not the first in the array', () => {
  it('every operation acts on the record shown', () => {
    const doc = newSessionDoc();
    const phases = doc.getArray<Y.Map<unknown>>('phases');
    const original = phases.get(1); // 'explore'
    const copy = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(original.toJSON())) copy.set(key, value);
    copy.set('order', 'zz'); // sorts last, so the original (later in the array) is shown
    copy.set('title', 'Hidden copy');
    phases.insert(0, [copy]);
    expect(shownIds(doc)).toEqual(['open', 'explore', 'act']);
    expect(snap(doc).phases[1]?.title).toBe('Explore');
    expectOk(updatePhase(doc, 'explore', { title: 'Seen', themes: 'anyone' }));
    expectOk(startVoting(doc, 'explore', { budget: 2 }));
    const item = expectOk(addItem(doc, { kind: 'insight', phaseId: 'explore', text: 'x' }));
    expectOk(addVote(doc, item, 'voterKeyOne00001'));
    expectOk(addTheme(doc, 'explore', 'T'));
    const shown = snap(doc);
    expect(shown.phases[1]).toMatchObject({ title: 'Seen', themes: 'anyone' });
    expect(shown.phases[1]?.voting).toMatchObject({ status: 'open', budget: 2 });
    expect(shown.items[0]?.votes).toBe(1);
    expect(shown.themes).toHaveLength(1);
    // Moving it keeps the record shown: its edits, voting and themes stay.
    for (const to of [0, 2, 1]) {
      expectOk(movePhase(doc, 'explore', to));
      expect(shownIds(doc).indexOf('explore')).toBe(to);
      expect(snap(doc).phases[to]).toMatchObject({ title: 'Seen', themes: 'anyone' });
      expect(snap(doc).items[0]?.votes).toBe(1);
    }
  });
});

describe('addPhase', () => {
  it('in a keyed session: a key between its neighbours, at the matching array place', () => {
    const doc = newSessionDoc();
    const first = expectOk(addPhase(doc, { title: 'Pause' }, 'open', fixedContext('n')));
    const last = expectOk(addPhase(doc, { title: 'Close' }, undefined, fixedContext('m')));
    expect(shownIds(doc)).toEqual(['open', first, 'explore', 'act', last]);
    // A Kring 1 peer, reading the array, shows the same order.
    expect(v1Order(doc)).toEqual(shownIds(doc));
    const records = doc.getArray<Y.Map<unknown>>('phases').toArray();
    for (const record of records) expect(typeof record.get('order')).toBe('string');
    const start = expectOk(addPhase(doc, { title: 'Before' }, undefined, fixedContext('s')));
    expectOk(movePhase(doc, start, 0));
    expect(shownIds(doc)[0]).toBe(start);
  });

  it('in a keyless session: stays keyless, in array order', () => {
    const doc = v1Doc();
    const added = expectOk(addPhase(doc, { title: 'Pause' }, 'open', fixedContext('n')));
    expect(shownIds(doc)).toEqual(['open', added, 'explore', 'act']);
    expect(v1Order(doc)).toEqual(shownIds(doc));
    const records = doc.getArray<Y.Map<unknown>>('phases').toArray();
    expect(records.some((record) => record.has('order'))).toBe(false);
  });

  it('after a duplicated phase, once, in the right place', () => {
    const legacy = v1Doc();
    const [a, b] = [forkDoc(legacy), forkDoc(legacy)];
    v1MovePhase(a, 'act', 0);
    v1MovePhase(b, 'act', 1);
    syncDocs(a, b);
    const before = shownIds(a);
    const added = expectOk(addPhase(a, { title: 'Pause' }, 'act', fixedContext('n')));
    const expected = [...before];
    expected.splice(before.indexOf('act') + 1, 0, added);
    expect(shownIds(a)).toEqual(expected);
  });
});

describe('hostile order keys', () => {
  const hostile: unknown[] = [
    '',
    'zzz',
    'b0',
    'a00',
    `A${'0'.repeat(26)}`,
    'a'.repeat(1000),
    'x'.repeat(1000),
    'a0 ',
    '😀',
    42,
    -1,
    Number.NaN,
    null,
    true,
    { key: 'a0' },
    ['a0'],
  ];

  it.each(hostile.map((value) => [String(value).slice(0, 20), value]))(
    'never crash and moves still work with order %s',
    (_, value) => {
      for (const target of [0, 1, 2]) {
        const doc = newSessionDoc();
        const records = doc.getArray<Y.Map<unknown>>('phases').toArray();
        records[target]?.set('order', value);
        const before = shownIds(doc);
        expect([...before].sort()).toEqual(['act', 'explore', 'open']);
        for (const [id, to] of [
          ['act', 0],
          ['open', 2],
          ['explore', 1],
          [before[target] ?? 'open', 0],
        ] as const) {
          const expected = moved(shownIds(doc), id, to);
          expectOk(movePhase(doc, id, to));
          expect(shownIds(doc)).toEqual(expected);
        }
        const added = expectOk(addPhase(doc, { title: 'More' }, 'open', fixedContext('n')));
        const shown = shownIds(doc);
        expect(shown[shown.indexOf('open') + 1]).toBe(added);
        expect(shownIds(forkDoc(doc))).toEqual(shown);
      }
    },
  );

  it('all keys hostile, or all equal: still one phase per id, and moves work', () => {
    for (const value of ['zzz', 'a0', 7]) {
      const doc = newSessionDoc();
      for (const record of doc.getArray<Y.Map<unknown>>('phases').toArray()) {
        record.set('order', value);
      }
      expect(shownIds(doc)).toEqual(['open', 'explore', 'act']);
      expectOk(movePhase(doc, 'open', 2));
      expect(shownIds(doc)).toEqual(['explore', 'act', 'open']);
      expectOk(movePhase(doc, 'act', 0));
      expect(shownIds(doc)).toEqual(['act', 'explore', 'open']);
    }
  });
});
