import * as Y from 'yjs';
import { addItem, addTheme, createSession, startVoting } from '../../lib/session';
import type { Template } from '../../lib/templates/types';
import { fixedContext } from './context';

/**
 * The fuzz's template: a plain phase; a private-writing phase with themes for anyone and a
 * voting preset; an open phase with themes for anyone, where the run opens voting at the start;
 * and a phase where only the facilitator handles themes and only actions are voted on. So
 * every facilitation move is reachable within a short schedule.
 */
export const fuzzTemplate: Template = {
  id: 'fuzz-template',
  version: 1,
  name: { en: 'Fuzz template', nl: 'Fuzzsjabloon' },
  purpose: {
    en: 'Exercise the session under concurrency.',
    nl: 'De sessie onder gelijktijdigheid.',
  },
  credits: { en: '', nl: '' },
  phases: [
    {
      id: 'open',
      title: { en: 'Opening', nl: 'Opening' },
      prompt: { en: 'What brings you here?', nl: 'Wat brengt je hier?' },
      kinds: ['question'],
      minutes: 5,
      notes: { en: '', nl: '' },
    },
    {
      id: 'ideas',
      title: { en: 'Ideas', nl: 'Ideeën' },
      prompt: { en: 'Write alone first.', nl: 'Schrijf eerst alleen.' },
      kinds: ['question', 'insight'],
      minutes: 15,
      notes: { en: '', nl: '' },
      privateWriting: true,
      themes: 'anyone',
      voting: { budget: 3 },
    },
    {
      id: 'explore',
      title: { en: 'Explore', nl: 'Verkennen' },
      prompt: { en: 'What do we notice?', nl: 'Wat valt ons op?' },
      kinds: ['insight', 'action'],
      minutes: 15,
      notes: { en: '', nl: '' },
      themes: 'anyone',
      voting: { budget: 3, maxPerItem: 2 },
    },
    {
      id: 'act',
      title: { en: 'Act', nl: 'Doen' },
      prompt: { en: 'Who does what?', nl: 'Wie doet wat?' },
      kinds: ['insight', 'action'],
      minutes: 10,
      notes: { en: '', nl: '' },
      themes: 'facilitator',
      voting: { budget: 2, maxPerItem: 1, kinds: ['action'] },
    },
  ],
};

/**
 * Starts the fuzz's session on `doc`: voting open in 'explore' and a few items and a theme
 * there and in 'act', so that even a short schedule votes, groups and edits something.
 */
export function startFuzzSession(doc: Y.Doc): void {
  const context = fixedContext('s');
  const steps = [
    createSession(doc, { template: fuzzTemplate, locale: 'en' }, context),
    startVoting(doc, 'explore', {}, context),
    addTheme(doc, 'explore', 'First theme', context),
    ...(
      [
        ['explore', 'insight', 'An insight'],
        ['explore', 'insight', 'Another insight'],
        ['explore', 'action', 'An action'],
        ['act', 'insight', 'A lesson'],
        ['act', 'action', 'A plan'],
      ] as const
    ).map(([phaseId, kind, text]) => addItem(doc, { phaseId, kind, text }, context)),
  ];
  for (const step of steps) if (!step.ok) throw new Error(`fuzz setup: ${step.error.code}`);
}

/**
 * Turns the fresh session into what a Kring 1 session looks like after two facilitators moved
 * 'explore' at once, upgraded: no order keys, and a second record of 'explore' (Kring 1 moved
 * by re-inserting a copy) at array position `copyAt`. Kring 2 must show one 'explore', read
 * and write the same record of it everywhere, and never add another copy.
 */
export function makeLegacy(doc: Y.Doc, copyAt: number): void {
  const phases = doc.getArray<Y.Map<unknown>>('phases');
  doc.transact(() => {
    for (const record of phases.toArray()) record.delete('order');
    const original = phases.toArray().find((record) => record.get('id') === 'explore');
    if (!original) throw new Error('fuzz setup: no explore phase');
    const copy = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(original.toJSON())) copy.set(key, value);
    phases.insert(Math.min(copyAt, phases.length), [copy]);
  });
}
