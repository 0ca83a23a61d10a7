import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_DRAFTS_PER_SESSION, MAX_ITEMS_PER_SESSION } from '../../lib/limits';
import {
  addDraft,
  addVote,
  deleteDraft,
  editDraft,
  endSession,
  isRevealed,
  markReadable,
  mineOf,
  readDrafts,
  rememberMine,
  removePhase,
  revealPhase,
  type SessionContext,
  shareDrafts,
  updatePhase,
  voterKeyOf,
  wasReadable,
  withRole,
  writesDrafts,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, snap } from '../helpers/session';
import { forkDoc, syncDocs } from '../helpers/v1-document';
import { guardFixture } from '../helpers/write-ops';

/** Issue 11, item 8: what stays on the device (drafts, own items, voter key), and the reveal. */

const at = (minute: number) => Date.UTC(2026, 10, 25, 9, minute, 0);

/** A session whose phase 'alone' is for writing alone first, and an empty device state. */
function setup() {
  const { doc } = guardFixture();
  return { doc, local: new Y.Doc() };
}

function draft(shared: Y.Doc, local: Y.Doc, text: string, context?: SessionContext) {
  return expectOk(addDraft(shared, local, { kind: 'insight', phaseId: 'alone', text }, context));
}

describe('drafts', () => {
  it('are kept on the device only, checked as items are', () => {
    const { doc, local } = setup();
    const before = Y.encodeStateAsUpdate(doc);
    const id = draft(doc, local, '  My own thought  ', fixedContext('d'));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readDrafts(local)).toEqual([
      {
        id: 'd0000',
        phaseId: 'alone',
        kind: 'insight',
        text: 'My own thought',
        createdAt: '2026-11-25T09:00:00.000Z',
        owner: '',
        due: '',
      },
    ]);
    expect(readDrafts(local, 'group')).toEqual([]);
    expect(id).toBe('d0000');
    const add = (item: Parameters<typeof addDraft>[2]) => addDraft(doc, local, item);
    expect(add({ kind: 'insight', phaseId: 'alone', text: '  ' })).toEqual({
      ok: false,
      error: { code: 'text-empty', field: 'item' },
    });
    expect(add({ kind: 'insight', phaseId: 'alone', text: 'x'.repeat(2001) })).toEqual({
      ok: false,
      error: { code: 'text-too-long', field: 'item', length: 2001, limit: 2000 },
    });
    expect(add({ kind: 'question', phaseId: 'alone', text: 'q' })).toEqual({
      ok: false,
      error: { code: 'kind-not-in-phase', kind: 'question', phaseId: 'alone' },
    });
    expect(add({ kind: 'insight', phaseId: 'gone', text: 'q' })).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'gone' },
    });
    expect(add({ kind: 'action', phaseId: 'group', text: 'a', due: '1 Dec' })).toEqual({
      ok: false,
      error: { code: 'invalid-date', value: '1 Dec' },
    });
    expect(readDrafts(local)).toHaveLength(1);
  });

  it('are edited and deleted, with the same checks, and unknown ones are refused', () => {
    const { doc, local } = setup();
    const id = draft(doc, local, 'First');
    expectOk(editDraft(local, id, { text: ' Second ' }));
    expect(readDrafts(local)[0]?.text).toBe('Second');
    expect(editDraft(local, id, { text: ' ' })).toEqual({
      ok: false,
      error: { code: 'text-empty', field: 'item' },
    });
    expect(readDrafts(local)[0]?.text).toBe('Second');
    const action = expectOk(
      addDraft(doc, local, { kind: 'action', phaseId: 'group', text: 'Call', owner: ' Ana ' }),
    );
    expect(readDrafts(local, 'group')[0]).toMatchObject({ owner: 'Ana', due: '' });
    expectOk(editDraft(local, action, { due: '2026-12-01', owner: 'Bo' }));
    expect(readDrafts(local, 'group')[0]).toMatchObject({ owner: 'Bo', due: '2026-12-01' });
    expect(editDraft(local, action, { due: 'soon' }).ok).toBe(false);
    expectOk(deleteDraft(local, id));
    expect(readDrafts(local, 'alone')).toEqual([]);
    for (const result of [deleteDraft(local, id), editDraft(local, 'nope', { text: 'x' })]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'draft-not-found' } });
    }
  });

  it(`stop at ${MAX_DRAFTS_PER_SESSION} per session, and after the end`, () => {
    const { doc, local } = setup();
    local.transact(() => {
      for (let i = 0; i < MAX_DRAFTS_PER_SESSION; i++) draft(doc, local, `d${i}`);
    });
    expect(addDraft(doc, local, { kind: 'insight', phaseId: 'alone', text: 'one more' })).toEqual({
      ok: false,
      error: { code: 'too-many-drafts', limit: MAX_DRAFTS_PER_SESSION },
    });
    const fresh = setup();
    expectOk(endSession(fresh.doc));
    expect(
      addDraft(fresh.doc, fresh.local, { kind: 'insight', phaseId: 'alone', text: 'x' }),
    ).toEqual({
      ok: false,
      error: { code: 'session-ended' },
    });
  });
});

describe('shareDrafts', () => {
  it('shares one draft now (Share now), with its own time, and remembers it as mine', () => {
    const { doc, local } = setup();
    const keep = draft(doc, local, 'Keep', fixedContext('k', at(0)));
    const share = draft(doc, local, 'Share', fixedContext('s', at(1)));
    expect(expectOk(shareDrafts(doc, local, { draftId: share }, fixedContext('i', at(5))))).toBe(1);
    expect(readDrafts(local).map((d) => d.id)).toEqual([keep]);
    const items = snap(doc).items.filter((item) => item.phaseId === 'alone');
    expect(items).toMatchObject([
      { id: 'i0000', text: 'Share', createdAt: '2026-11-25T09:05:00.000Z' },
    ]);
    expect([...mineOf(local)]).toEqual(['i0000']);
    expect(shareDrafts(doc, local, { draftId: share })).toEqual({
      ok: false,
      error: { code: 'draft-not-found', draftId: share },
    });
  });

  it('shares a revealed phase: every writer at the reveal time, so the order mixes writers', () => {
    const { doc } = setup();
    const [a, b] = [forkDoc(doc), forkDoc(doc)];
    const [localA, localB] = [new Y.Doc(), new Y.Doc()];
    // A wrote first, B later: grouped by time, A's drafts would come first.
    draft(a, localA, 'A early', fixedContext('x', at(1)));
    draft(a, localA, 'A late', fixedContext('y', at(2)));
    draft(b, localB, 'B', fixedContext('z', at(3)));
    expectOk(addDraft(a, localA, { kind: 'insight', phaseId: 'group', text: 'other phase' }));
    expectOk(revealPhase(a, 'alone', fixedContext('r', at(10))));
    syncDocs(a, b);
    const ids = ['m3', 'm1', 'm2'];
    const idsOf = (): SessionContext => ({
      now: () => new Date(at(11)),
      newId: () => ids.shift() ?? '?',
    });
    expect(expectOk(shareDrafts(a, localA, { phaseId: 'alone' }, idsOf()))).toBe(2);
    expect(expectOk(shareDrafts(b, localB, { phaseId: 'alone' }, idsOf()))).toBe(1);
    syncDocs(a, b);
    const shared = snap(a).items.filter((item) => item.phaseId === 'alone');
    expect(shared.map((item) => item.createdAt)).toEqual(Array(3).fill('2026-11-25T09:10:00.000Z'));
    expect(shared.map((item) => item.text)).toEqual(['A late', 'B', 'A early']);
    expect(snap(b).items).toEqual(snap(a).items);
    expect(readDrafts(localA).map((d) => d.text)).toEqual(['other phase']);
    expect(mineOf(localA)).toEqual(new Set(['m3', 'm1']));
  });

  it('keeps the drafts of a removed phase on the device', () => {
    const { doc, local } = setup();
    const id = draft(doc, local, 'Orphaned');
    expectOk(removePhase(doc, 'alone'));
    expect(expectOk(shareDrafts(doc, local, { phaseId: 'alone' }))).toBe(0);
    expect(expectOk(shareDrafts(doc, local, { draftId: id }))).toBe(0);
    expect(readDrafts(local).map((d) => d.text)).toEqual(['Orphaned']);
    expect(snap(doc).items.some((item) => item.text === 'Orphaned')).toBe(false);
  });

  it('refuses to pass the item limit, and keeps every draft', () => {
    const { doc, local } = setup();
    draft(doc, local, 'one');
    draft(doc, local, 'two');
    const items = doc.getMap<Y.Map<unknown>>('items');
    doc.transact(() => {
      for (let i = items.size; i < MAX_ITEMS_PER_SESSION - 1; i++) {
        const record = new Y.Map<unknown>();
        record.set('kind', 'question');
        record.set('phaseId', 'group');
        record.set('text', new Y.Text('q'));
        items.set(`filler${i}`, record);
      }
    });
    expect(shareDrafts(doc, local, { phaseId: 'alone' })).toEqual({
      ok: false,
      error: { code: 'too-many-items', limit: MAX_ITEMS_PER_SESSION },
    });
    expect(readDrafts(local)).toHaveLength(2);
  });
});

describe('revealPhase', () => {
  it('is the facilitator’s, once, and only on a phase for writing alone', () => {
    const { doc } = setup();
    const participant = withRole(fixedContext(), 'participant');
    expect(writesDrafts(doc, 'alone')).toBe(true);
    expect(isRevealed(doc, 'alone')).toBe(false);
    expect(revealPhase(doc, 'alone', participant)).toEqual({
      ok: false,
      error: { code: 'not-allowed', action: 'reveal' },
    });
    expect(isRevealed(doc, 'alone')).toBe(false);
    expect(revealPhase(doc, 'group')).toEqual({
      ok: false,
      error: { code: 'not-private', phaseId: 'group' },
    });
    expect(revealPhase(doc, 'gone')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'gone' },
    });
    expectOk(revealPhase(doc, 'alone', fixedContext('r', at(10))));
    expectOk(revealPhase(doc, 'alone', fixedContext('r', at(20))));
    expect(snap(doc).phases[0]?.revealedAt).toBe('2026-11-25T09:10:00.000Z');
    expect(writesDrafts(doc, 'alone')).toBe(false);
    expect(isRevealed(doc, 'alone')).toBe(true);
  });

  it('turning private writing off also ends the private moment', () => {
    const { doc } = setup();
    expectOk(updatePhase(doc, 'alone', { privateWriting: false }));
    expect(writesDrafts(doc, 'alone')).toBe(false);
    expect(isRevealed(doc, 'alone')).toBe(true);
    expect(isRevealed(doc, 'gone')).toBe(false);
  });
});

describe('the device record', () => {
  it('keeps one voter key per session device, stable across reloads, that can vote', () => {
    const local = new Y.Doc();
    const key = voterKeyOf(local);
    expect(key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(voterKeyOf(local)).toBe(key);
    expect(voterKeyOf(forkDoc(local))).toBe(key);
    expect(voterKeyOf(new Y.Doc())).not.toBe(key);
    const { doc } = guardFixture();
    const item = snap(doc).items.find((i) => i.kind === 'action')?.id ?? '';
    expectOk(addVote(doc, item, key));
    expect(snap(doc).items.find((i) => i.id === item)?.votes).toBe(1);
  });

  it('remembers that this device read the session, once, across reloads', () => {
    const local = new Y.Doc();
    expect(wasReadable(local)).toBe(false);
    let updates = 0;
    local.on('update', () => updates++);
    markReadable(local);
    markReadable(local);
    expect(updates).toBe(1);
    expect(wasReadable(local)).toBe(true);
    expect(wasReadable(forkDoc(local))).toBe(true);
  });

  it('remembers which items are mine', () => {
    const local = new Y.Doc();
    rememberMine(local, []);
    expect(local.getMap('mine').size).toBe(0);
    rememberMine(local, ['a', 'b']);
    rememberMine(local, ['b', 'c']);
    expect(mineOf(forkDoc(local))).toEqual(new Set(['a', 'b', 'c']));
  });
});
