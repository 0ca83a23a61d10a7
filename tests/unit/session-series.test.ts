import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_LEARNING_QUESTION_LENGTH } from '../../lib/limits';
import {
  addItem,
  createSession,
  endSession,
  setItemDone,
  setLearningQuestion,
  withRole,
} from '../../lib/session';
import type { Template } from '../../lib/templates/types';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';
import { seededRandom, TestNetwork } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

/** Issue 8: marking questions answered and actions done, and the shared learning question. */

const participant = withRole(fixedContext('p'), 'participant');
const studio: Template = { ...testTemplate, id: 'studio', learningQuestion: true };

function sessionWithItems() {
  const doc = newSessionDoc();
  const context = fixedContext('i');
  const question = expectOk(
    addItem(doc, { kind: 'question', phaseId: 'open', text: 'Q' }, context),
  );
  const insight = expectOk(
    addItem(doc, { kind: 'insight', phaseId: 'explore', text: 'I' }, context),
  );
  const action = expectOk(
    addItem(doc, { kind: 'action', phaseId: 'act', text: 'A', owner: 'Ana' }, context),
  );
  return { doc, question, insight, action };
}

const doneOf = (doc: Y.Doc, id: string) => snap(doc).items.find((item) => item.id === id)?.done;

describe('setItemDone', () => {
  it('marks a question answered and an action done, and back; new items are open', () => {
    const { doc, question, action } = sessionWithItems();
    expect(doneOf(doc, question)).toBe(false);
    expect(doneOf(doc, action)).toBe(false);
    expectOk(setItemDone(doc, question, true));
    expectOk(setItemDone(doc, action, true));
    expect(doneOf(doc, question)).toBe(true);
    expect(doneOf(doc, action)).toBe(true);
    expectOk(setItemDone(doc, action, false));
    expect(doneOf(doc, action)).toBe(false);
  });

  it('lets a participant tick off an action', () => {
    const { doc, action } = sessionWithItems();
    expectOk(setItemDone(doc, action, true, participant));
    expect(doneOf(doc, action)).toBe(true);
  });

  it('refuses an insight, a deleted item, and any change after the end', () => {
    const { doc, insight, action } = sessionWithItems();
    expect(setItemDone(doc, insight, true)).toEqual({
      ok: false,
      error: { code: 'cannot-be-done', itemId: insight },
    });
    expect(setItemDone(doc, 'gone', true)).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'gone' },
    });
    expectOk(endSession(doc));
    for (const context of [fixedContext('f'), participant]) {
      expect(setItemDone(doc, action, true, context)).toEqual({
        ok: false,
        error: { code: 'session-ended' },
      });
    }
    expect(doneOf(doc, action)).toBe(false);
    expect(doneOf(doc, insight)).toBe(false);
  });

  it('writes nothing when the item already is as asked', () => {
    const { doc, action } = sessionWithItems();
    expectOk(setItemDone(doc, action, true));
    let updates = 0;
    doc.on('update', () => updates++);
    expectOk(setItemDone(doc, action, true));
    expect(updates).toBe(0);
  });
});

describe('setLearningQuestion', () => {
  it('sets, trims and empties the question; the facilitator only', () => {
    const doc = new Y.Doc();
    expectOk(createSession(doc, { template: studio, locale: 'en' }, fixedContext()));
    expect(snap(doc).learningQuestion).toBe('');
    expectOk(setLearningQuestion(doc, '  How do we reach the quiet neighbours?  '));
    expect(snap(doc).learningQuestion).toBe('How do we reach the quiet neighbours?');
    expect(setLearningQuestion(doc, 'Mine instead', participant)).toEqual({
      ok: false,
      error: { code: 'not-allowed', action: 'set-title' },
    });
    expectOk(setLearningQuestion(doc, ''));
    // Emptied, the slot stays: the session still shows a place for the question.
    expect(snap(doc).learningQuestion).toBe('');
  });

  it('refuses a question over the limit and after the end, changing nothing', () => {
    const doc = new Y.Doc();
    expectOk(
      createSession(
        doc,
        { template: studio, locale: 'en', learningQuestion: 'Why?' },
        fixedContext(),
      ),
    );
    const long = 'x'.repeat(MAX_LEARNING_QUESTION_LENGTH + 1);
    expect(setLearningQuestion(doc, long)).toEqual({
      ok: false,
      error: {
        code: 'text-too-long',
        field: 'learning-question',
        length: MAX_LEARNING_QUESTION_LENGTH + 1,
        limit: MAX_LEARNING_QUESTION_LENGTH,
      },
    });
    expectOk(endSession(doc));
    expect(setLearningQuestion(doc, 'Later?')).toEqual({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(snap(doc).learningQuestion).toBe('Why?');
  });

  it('is refused over the limit when a session starts, leaving the document empty', () => {
    const doc = new Y.Doc();
    const learningQuestion = 'x'.repeat(MAX_LEARNING_QUESTION_LENGTH + 1);
    const result = createSession(doc, { template: studio, locale: 'nl', learningQuestion });
    expect(result.ok || result.error).toMatchObject({
      code: 'text-too-long',
      field: 'learning-question',
    });
    expect(doc.getMap('meta').size).toBe(0);
  });

  it('is no slot at all in a session whose template does not ask for one', () => {
    expect(snap(newSessionDoc()).learningQuestion).toBeNull();
  });
});

describe('the snapshot of a document a careless or hostile peer wrote', () => {
  it('reads done only as true, and only on questions and actions', () => {
    const { doc, question, insight, action } = sessionWithItems();
    const items = doc.getMap<Y.Map<unknown>>('items');
    items.get(question)?.set('done', 'yes');
    items.get(action)?.set('done', 1);
    items.get(insight)?.set('done', true);
    expect(doneOf(doc, question)).toBe(false);
    expect(doneOf(doc, action)).toBe(false);
    expect(doneOf(doc, insight)).toBe(false);
  });

  it.each([[42], [null], [{ text: 'Why?' }], [['Why?']]])(
    'reads a learning question of %j as no slot',
    (value) => {
      const doc = newSessionDoc();
      doc.getMap('meta').set('learningQuestion', value);
      expect(snap(doc).learningQuestion).toBeNull();
    },
  );

  it.each([
    ['text', 'Lab 1'],
    ['null', null],
    ['a list', ['Lab 1', '2026-11-01', 'Social lab']],
    ['a missing field', { title: 'Lab 1', createdAt: '2026-11-01T09:00:00.000Z' }],
    ['a number', { title: 1, createdAt: '2026-11-01T09:00:00.000Z', templateName: 'Social lab' }],
  ])('reads continuesFrom as %s as null', (_name, value) => {
    const doc = newSessionDoc();
    doc.getMap('meta').set('continuesFrom', value);
    expect(snap(doc).continuesFrom).toBeNull();
  });

  it('reads a well-formed continuesFrom, ignoring extra fields', () => {
    const doc = newSessionDoc();
    const source = { title: 'Lab 1', createdAt: '2026-11-01T09:00:00.000Z', templateName: 'Lab' };
    doc.getMap('meta').set('continuesFrom', { ...source, author: 'someone' });
    expect(snap(doc).continuesFrom).toEqual(source);
  });
});

describe('two devices', () => {
  let network: TestNetwork;
  afterEach(() => network.destroy());

  it('agree on a done toggle and on concurrent toggles of the same action', () => {
    network = new TestNetwork(2);
    const [a, b] = network.docs as [Y.Doc, Y.Doc];
    expectOk(createSession(a, { template: studio, locale: 'nl' }, fixedContext('s')));
    const action = expectOk(
      addItem(a, { kind: 'action', phaseId: 'act', text: 'Buurthuis bellen', owner: 'Ana' }),
    );
    network.flush(seededRandom(1));
    expectOk(setItemDone(b, action, true, participant));
    network.flush(seededRandom(2));
    expect(doneOf(a, action)).toBe(true);
    // Both change it at once: one value wins, the same on both devices.
    expectOk(setItemDone(a, action, false));
    expectOk(setLearningQuestion(a, 'Wat hebben bewoners nodig?'));
    expectOk(setItemDone(b, action, true, participant));
    network.flush(seededRandom(3));
    expect(snap(a)).toEqual(snap(b));
    expect(snap(b).learningQuestion).toBe('Wat hebben bewoners nodig?');
  });
});
