import { describe, expect, it } from 'vitest';
import { MAX_ITEM_TEXT_LENGTH, MAX_ITEMS_PER_SESSION } from '../../lib/limits';
import {
  addItem,
  deleteItem,
  diffText,
  editItemText,
  endSession,
  itemText,
  replaceItemText,
  updateAction,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

describe('addItem', () => {
  it('adds a question to a phase that asks for questions, trimmed', () => {
    const doc = newSessionDoc();
    const id = expectOk(
      addItem(
        doc,
        { kind: 'question', phaseId: 'open', text: '  Who is missing?  ' },
        fixedContext('q'),
      ),
    );
    expect(id).toBe('q0000');
    expect(snap(doc).items).toEqual([
      {
        id: 'q0000',
        kind: 'question',
        phaseId: 'open',
        text: 'Who is missing?',
        createdAt: '2026-11-25T09:00:00.000Z',
        owner: '',
        due: '',
        themeId: '',
        votes: 0,
        done: false,
      },
    ]);
  });

  it('stores owner and due date on actions only', () => {
    const doc = newSessionDoc();
    const context = fixedContext();
    addItem(
      doc,
      {
        kind: 'action',
        phaseId: 'act',
        text: 'Call the school',
        owner: ' Fatima ',
        due: '2026-12-01',
      },
      context,
    );
    addItem(
      doc,
      { kind: 'insight', phaseId: 'act', text: 'Trust first', owner: 'ignored' },
      context,
    );
    const [insight, action] = snap(doc).items;
    expect(action).toMatchObject({ kind: 'action', owner: 'Fatima', due: '2026-12-01' });
    expect(insight).toMatchObject({ kind: 'insight', owner: '', due: '' });
  });

  it.each([
    [
      { kind: 'insight', phaseId: 'open', text: 'x' },
      { code: 'kind-not-in-phase', kind: 'insight', phaseId: 'open' },
    ],
    [
      { kind: 'question', phaseId: 'nope', text: 'x' },
      { code: 'phase-not-found', phaseId: 'nope' },
    ],
    [
      { kind: 'question', phaseId: 'open', text: ' \n\t ' },
      { code: 'text-empty', field: 'item' },
    ],
    [
      { kind: 'question', phaseId: 'open', text: 'x'.repeat(MAX_ITEM_TEXT_LENGTH + 1) },
      {
        code: 'text-too-long',
        field: 'item',
        length: MAX_ITEM_TEXT_LENGTH + 1,
        limit: MAX_ITEM_TEXT_LENGTH,
      },
    ],
    [
      { kind: 'action', phaseId: 'act', text: 'x', due: '2026-02-30' },
      { code: 'invalid-date', value: '2026-02-30' },
    ],
    [
      { kind: 'action', phaseId: 'act', text: 'x', due: '1-12-2026' },
      { code: 'invalid-date', value: '1-12-2026' },
    ],
    [
      { kind: 'action', phaseId: 'act', text: 'x', owner: 'o'.repeat(201) },
      { code: 'text-too-long', field: 'owner', length: 201, limit: 200 },
    ],
  ] as const)('refuses %j with %j and adds nothing', (item, error) => {
    const doc = newSessionDoc();
    expect(addItem(doc, item)).toEqual({ ok: false, error });
    expect(snap(doc).items).toHaveLength(0);
  });

  it('accepts a text of exactly the limit', () => {
    const doc = newSessionDoc();
    expectOk(
      addItem(doc, { kind: 'question', phaseId: 'open', text: 'x'.repeat(MAX_ITEM_TEXT_LENGTH) }),
    );
  });

  it(`refuses item number ${MAX_ITEMS_PER_SESSION + 1}`, () => {
    const doc = newSessionDoc();
    const context = fixedContext();
    doc.transact(() => {
      for (let i = 0; i < MAX_ITEMS_PER_SESSION; i++) {
        expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: `q${i}` }, context));
      }
    });
    expect(addItem(doc, { kind: 'question', phaseId: 'open', text: 'one more' }, context)).toEqual({
      ok: false,
      error: { code: 'too-many-items', limit: MAX_ITEMS_PER_SESSION },
    });
    expect(snap(doc).items).toHaveLength(MAX_ITEMS_PER_SESSION);
  });

  it('refuses once the session has ended, and the harvest is kept', () => {
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'kept' }));
    endSession(doc);
    expect(addItem(doc, { kind: 'question', phaseId: 'open', text: 'late' })).toEqual({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(editItemText(doc, id, { index: 0, deleteCount: 0, insert: 'x' })).toEqual({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(deleteItem(doc, id)).toEqual({ ok: false, error: { code: 'session-ended' } });
    expect(snap(doc).items.map((i) => i.text)).toEqual(['kept']);
  });
});

describe('editing text', () => {
  it('inserts and deletes at a position', () => {
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'Who is here?' }));
    expectOk(editItemText(doc, id, { index: 7, deleteCount: 4, insert: 'missing' }));
    expect(itemText(doc, id)?.toString()).toBe('Who is missing?');
  });

  it('clamps positions outside the text instead of throwing', () => {
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'ab' }));
    expectOk(editItemText(doc, id, { index: 99, deleteCount: 5, insert: 'c' }));
    expectOk(editItemText(doc, id, { index: -3, deleteCount: 0, insert: '>' }));
    expect(itemText(doc, id)?.toString()).toBe('>abc');
  });

  it('refuses an insertion that would pass the limit, keeping the text', () => {
    const doc = newSessionDoc();
    const id = expectOk(
      addItem(doc, { kind: 'question', phaseId: 'open', text: 'x'.repeat(1990) }),
    );
    expect(editItemText(doc, id, { index: 0, deleteCount: 0, insert: 'y'.repeat(11) })).toEqual({
      ok: false,
      error: { code: 'text-too-long', field: 'item', length: 2001, limit: 2000 },
    });
    expect(itemText(doc, id)?.length).toBe(1990);
    // Replacing within the limit is fine.
    expectOk(editItemText(doc, id, { index: 0, deleteCount: 20, insert: 'y'.repeat(30) }));
  });

  it('replaceItemText changes only the span that differs', () => {
    expect(diffText('Who is here?', 'Who is missing here?')).toEqual({
      index: 7,
      deleteCount: 0,
      insert: 'missing ',
    });
    expect(diffText('aaa', 'aa')).toEqual({ index: 2, deleteCount: 1, insert: '' });
    expect(diffText('same', 'same')).toEqual({ index: 4, deleteCount: 0, insert: '' });
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'one two' }));
    expectOk(replaceItemText(doc, id, 'one and two'));
    expect(itemText(doc, id)?.toString()).toBe('one and two');
  });

  it('reports an unknown item', () => {
    const doc = newSessionDoc();
    expect(editItemText(doc, 'ghost', { index: 0, deleteCount: 0, insert: 'x' })).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'ghost' },
    });
    expect(replaceItemText(doc, 'ghost', 'x')).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'ghost' },
    });
  });
});

describe('deleteItem', () => {
  it('removes the item', () => {
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'gone' }));
    expectOk(deleteItem(doc, id));
    expect(snap(doc).items).toEqual([]);
    expect(deleteItem(doc, id)).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: id },
    });
  });
});

describe('updateAction', () => {
  it('sets and clears owner and due date', () => {
    const doc = newSessionDoc();
    const id = expectOk(addItem(doc, { kind: 'action', phaseId: 'act', text: 'Invite residents' }));
    expectOk(updateAction(doc, id, { owner: 'Sam', due: '2027-01-15' }));
    expect(snap(doc).items[0]).toMatchObject({ owner: 'Sam', due: '2027-01-15' });
    expectOk(updateAction(doc, id, { due: '' }));
    expect(snap(doc).items[0]).toMatchObject({ owner: 'Sam', due: '' });
  });

  it('refuses a non-action, a bad date and an unknown item', () => {
    const doc = newSessionDoc();
    const insight = expectOk(addItem(doc, { kind: 'insight', phaseId: 'act', text: 'x' }));
    const action = expectOk(addItem(doc, { kind: 'action', phaseId: 'act', text: 'y' }));
    expect(updateAction(doc, insight, { owner: 'Sam' })).toEqual({
      ok: false,
      error: { code: 'not-an-action', itemId: insight },
    });
    expect(updateAction(doc, action, { due: 'tomorrow' })).toEqual({
      ok: false,
      error: { code: 'invalid-date', value: 'tomorrow' },
    });
    expect(updateAction(doc, 'ghost', {})).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'ghost' },
    });
    expect(snap(doc).items.find((i) => i.id === action)?.due).toBe('');
  });
});
