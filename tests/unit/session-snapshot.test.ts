import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, removePhase } from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

describe('snapshot ordering', () => {
  it('orders items by phase, then kind, then time, then id', () => {
    const doc = newSessionDoc();
    const context = fixedContext('i');
    expectOk(addItem(doc, { kind: 'action', phaseId: 'act', text: 'a1' }, context));
    expectOk(addItem(doc, { kind: 'insight', phaseId: 'act', text: 'i1' }, context));
    expectOk(addItem(doc, { kind: 'insight', phaseId: 'explore', text: 'i2' }, context));
    expectOk(addItem(doc, { kind: 'question', phaseId: 'explore', text: 'q1' }, context));
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'q0' }, context));
    expect(snap(doc).items.map((i) => i.text)).toEqual(['q0', 'q1', 'i2', 'i1', 'a1']);
  });

  it('is plain JSON', () => {
    const doc = newSessionDoc();
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'q' }));
    const session = snap(doc);
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });
});

describe('reading a document written by a careless or hostile peer', () => {
  it('skips items of unknown kind and tolerates missing or wrong-typed fields', () => {
    const doc = newSessionDoc();
    const items = doc.getMap<Y.Map<unknown>>('items');
    const bogus = new Y.Map<unknown>();
    bogus.set('kind', 'poll');
    items.set('bogus', bogus);
    const sparse = new Y.Map<unknown>();
    sparse.set('kind', 'question');
    sparse.set('text', 42);
    items.set('sparse', sparse);
    doc.getMap('meta').set('locale', 'de');
    doc.getMap('meta').set('title', { not: 'a string' });
    const session = snap(doc);
    expect(session.items).toEqual([
      {
        id: 'sparse',
        kind: 'question',
        phaseId: '',
        text: '',
        createdAt: '',
        owner: '',
        due: '',
        themeId: '',
        votes: 0,
        done: false,
      },
    ]);
    expect(session.locale).toBe('en');
    expect(session.title).toBe('');
  });

  it('falls back to the first phase when the current phase is gone', () => {
    const doc = newSessionDoc();
    doc.getMap('meta').set('currentPhaseId', 'deleted-elsewhere');
    expect(snap(doc).currentPhaseId).toBe('open');
  });

  it('keeps items whose phase was removed, after all phases', () => {
    const doc = newSessionDoc();
    const context = fixedContext('i');
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'first' }, context));
    // A peer that had not yet seen the removal added an item to it.
    expectOk(removePhase(doc, 'explore'));
    const orphan = new Y.Map<unknown>();
    orphan.set('kind', 'question');
    orphan.set('phaseId', 'explore');
    orphan.set('text', new Y.Text('orphan'));
    doc.getMap<Y.Map<unknown>>('items').set('orphan', orphan);
    expect(snap(doc).items.map((i) => i.text)).toEqual(['first', 'orphan']);
  });

  it('shows a phase inserted twice with one id only once', () => {
    const doc = newSessionDoc();
    const phases = doc.getArray<Y.Map<unknown>>('phases');
    const copy = new Y.Map<unknown>();
    copy.set('id', 'open');
    copy.set('title', 'duplicate');
    phases.push([copy]);
    expect(snap(doc).phases.map((p) => p.id)).toEqual(['open', 'explore', 'act']);
  });
});
