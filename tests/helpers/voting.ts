import * as Y from 'yjs';
import { type SessionContext, withRole } from '../../lib/session/context';
import { createSession } from '../../lib/session/create';
import { addItem } from '../../lib/session/items';
import { phasesOf } from '../../lib/session/schema';
import type { ItemKind, VotingSnapshot } from '../../lib/session/types';
import { readVoting, tallyDoc } from '../../lib/session/votes';
import type { Template } from '../../lib/templates/types';
import { expectOk } from './session';

// Shared by the session-votes*.test.ts files: one template, fixed ids, and ways to read and
// exchange voting documents.

const text = (en: string) => ({ en, nl: en });

const template: Template = {
  id: 'vote-test',
  version: 1,
  name: text('Vote test'),
  purpose: text('Vote on ideas.'),
  credits: text(''),
  phases: [
    {
      id: 'ideas',
      title: text('Ideas'),
      prompt: text('What could we do?'),
      kinds: ['question', 'insight', 'action'],
      minutes: 10,
      notes: text(''),
    },
    {
      id: 'talk',
      title: text('Talk'),
      prompt: text('What matters?'),
      kinds: ['insight'],
      minutes: 10,
      notes: text(''),
    },
  ],
};

/** A deterministic clock and id source, so item ids (and thus the tally order) are fixed. */
export function counterContext(prefix: string): SessionContext {
  let counter = 0;
  return {
    now: () => new Date(Date.UTC(2026, 0, 1, 9, 0, counter)),
    newId: () => `${prefix}${String(counter++).padStart(3, '0')}`,
  };
}

export const participant: SessionContext = withRole(counterContext('x'), 'participant');

/** A running session with insights a, b, c, an action and a question in 'ideas', one in 'talk'. */
export function votingDoc() {
  const doc = new Y.Doc();
  const context = counterContext('i');
  expectOk(createSession(doc, { template, locale: 'en' }, context));
  const add = (kind: ItemKind, phaseId: string, itemText: string) =>
    expectOk(addItem(doc, { kind, phaseId, text: itemText }, context));
  const ids = {
    a: add('insight', 'ideas', 'Open the library on Sundays'),
    b: add('insight', 'ideas', 'A bench by the bus stop'),
    c: add('insight', 'ideas', 'Street party in June'),
    action: add('action', 'ideas', 'Ask the council'),
    question: add('question', 'ideas', 'Who pays?'),
    talk: add('insight', 'talk', 'People want to meet'),
  };
  return { doc, ids };
}

export function votingOf(doc: Y.Doc, phaseId: string): VotingSnapshot {
  const record = phasesOf(doc)
    .toArray()
    .find((phase) => phase.get('id') === phaseId);
  return readVoting(record?.get('voting'), record?.get('kinds') as ItemKind[]);
}

export function totals(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries([...tallyDoc(doc)].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  }
}

/** 0..length-1 in a seeded random order. */
export function shuffled(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
