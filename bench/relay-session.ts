import * as Y from 'yjs';
import { addItem, createSession, goToPhase } from '../lib/session';
import { findTemplate } from '../lib/templates';
import { BENCH_TITLE } from './kring-driver';

/**
 * The session of the relay benchmark, made in Node with Kring's own session operations as a
 * facilitator's device would hold it: a Reflective dialogue marked "Large group", on its
 * "What happened?" phase with one question (the item the edits go to, which the web page shows
 * as the bench's other pages do). `growSession` then adds insights to the next phase, so that
 * every device holds a large session without the browsers rendering it.
 */
export interface RelaySession {
  /** The session as one update, base64. */
  readonly update: string;
  readonly questionId: string;
}

/** The phase the edits happen in, and the one the seeded insights go to. */
const EDIT_PHASE = 'what';
const SEED_PHASE = 'so-what';

export function relaySession(): RelaySession {
  const doc = new Y.Doc();
  const template = findTemplate('reflective-dialogue');
  if (!template) throw new Error('bench relay: no Reflective dialogue template');
  const made = createSession(doc, { template, locale: 'en', title: BENCH_TITLE, largeGroup: true });
  if (!made.ok) throw new Error(`bench relay: ${made.error.code}`);
  const moved = goToPhase(doc, EDIT_PHASE);
  if (!moved.ok) throw new Error(`bench relay: ${moved.error.code}`);
  const question = addItem(doc, { kind: 'question', phaseId: EDIT_PHASE, text: 'Bench question' });
  if (!question.ok) throw new Error(`bench relay: ${question.error.code}`);
  const update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return { update, questionId: question.value };
}

/** Adds `count` insights of `chars` characters in one transaction (one update, one frame run). */
export function growSession(doc: Y.Doc, first: number, count: number, chars: number): void {
  doc.transact(() => {
    for (let i = first; i < first + count; i++) {
      const text = `Seeded insight ${i + 1}: `.padEnd(chars, 'abcdefghij klmnopqrs tuvwxyz ');
      const added = addItem(doc, { kind: 'insight', phaseId: SEED_PHASE, text });
      if (!added.ok) throw new Error(`bench relay: item ${i} refused: ${added.error.code}`);
    }
  });
}
