import * as Y from 'yjs';
import type { Result } from '../../lib/result';
import {
  addDraft,
  addItem,
  addPhase,
  addTheme,
  addVote,
  clearTimer,
  closeVoting,
  createSession,
  deleteItem,
  deleteTheme,
  editItemText,
  editThemeName,
  endSession,
  goToPhase,
  movePhase,
  pauseTimer,
  removePhase,
  removeVote,
  renameTheme,
  reopenSession,
  replaceItemText,
  revealPhase,
  type SessionContext,
  type SessionError,
  setItemDone,
  setItemTheme,
  setLearningQuestion,
  setShowLive,
  setTitle,
  shareDrafts,
  startTimer,
  startVoting,
  stepPhase,
  updateAction,
  updatePhase,
} from '../../lib/session';
import type { Template } from '../../lib/templates/types';
import { fixedContext } from './context';
import { expectOk } from './session';

/**
 * A session with something of everything (an item of each kind, a theme with an insight in it,
 * open voting with a vote, a private phase with a draft), and every write operation of the
 * core over it, so guard tests can prove that *each* one is refused, not just a sample.
 */

const text = (en: string) => ({ en, nl: en });

export const guardTemplate: Template = {
  id: 'guard-test',
  version: 1,
  name: text('Guard test'),
  purpose: text('Every operation.'),
  credits: text(''),
  phases: [
    {
      id: 'alone',
      title: text('Alone'),
      prompt: text('Write alone first.'),
      kinds: ['insight'],
      minutes: 5,
      notes: text(''),
      privateWriting: true,
    },
    {
      id: 'group',
      title: text('Group'),
      prompt: text('Group and vote.'),
      kinds: ['question', 'insight', 'action'],
      minutes: 10,
      notes: text(''),
      themes: 'anyone',
    },
    {
      id: 'lead',
      title: text('Lead'),
      prompt: text('Themes by the facilitator.'),
      kinds: ['insight'],
      minutes: 10,
      notes: text(''),
      themes: 'facilitator',
    },
  ],
};

export interface GuardFixture {
  readonly doc: Y.Doc;
  /** This device's own state (drafts). */
  readonly local: Y.Doc;
  readonly insight: string;
  readonly action: string;
  readonly theme: string;
  readonly draft: string;
  readonly voter: string;
}

export function guardFixture(context: SessionContext = fixedContext('g')): GuardFixture {
  const doc = new Y.Doc();
  const local = new Y.Doc();
  expectOk(createSession(doc, { template: guardTemplate, locale: 'en' }, context));
  const insight = expectOk(
    addItem(doc, { kind: 'insight', phaseId: 'group', text: 'Trust' }, context),
  );
  const action = expectOk(
    addItem(doc, { kind: 'action', phaseId: 'group', text: 'Call', owner: 'Ana' }, context),
  );
  const theme = expectOk(addTheme(doc, 'group', 'People', context));
  expectOk(setItemTheme(doc, insight, theme, context));
  expectOk(startVoting(doc, 'group', {}, context));
  const voter = 'voterAAAAAAAAAAA';
  expectOk(addVote(doc, insight, voter, context));
  const draft = expectOk(
    addDraft(doc, local, { kind: 'insight', phaseId: 'alone', text: 'Mine' }, context),
  );
  expectOk(startTimer(doc, 'group', 5, context));
  return { doc, local, insight, action, theme, draft, voter };
}

export type WriteOp = readonly [
  name: string,
  run: (fixture: GuardFixture, context: SessionContext) => Result<unknown, SessionError>,
];

/** Every write operation of lib/session that goes through the guard. */
export const WRITE_OPS: readonly WriteOp[] = [
  ['addItem', (f, c) => addItem(f.doc, { kind: 'question', phaseId: 'group', text: 'Q' }, c)],
  [
    'editItemText',
    (f, c) => editItemText(f.doc, f.insight, { index: 0, deleteCount: 1, insert: 'x' }, null, c),
  ],
  ['replaceItemText', (f, c) => replaceItemText(f.doc, f.insight, 'Other', null, c)],
  ['deleteItem', (f, c) => deleteItem(f.doc, f.insight, null, c)],
  ['updateAction', (f, c) => updateAction(f.doc, f.action, { owner: 'Bo' }, c)],
  ['setItemDone', (f, c) => setItemDone(f.doc, f.action, true, c)],
  ['setTitle', (f, c) => setTitle(f.doc, 'New title', c)],
  ['setLearningQuestion', (f, c) => setLearningQuestion(f.doc, 'What helps residents?', c)],
  ['goToPhase', (f, c) => goToPhase(f.doc, 'group', c)],
  ['stepPhase', (f, c) => stepPhase(f.doc, 1, c)],
  ['updatePhase', (f, c) => updatePhase(f.doc, 'group', { title: 'Renamed' }, c)],
  ['addPhase', (f, c) => addPhase(f.doc, { title: 'Extra' }, 'group', c)],
  ['removePhase', (f, c) => removePhase(f.doc, 'lead', c)],
  ['movePhase', (f, c) => movePhase(f.doc, 'lead', 0, c)],
  ['startTimer', (f, c) => startTimer(f.doc, 'group', 3, c)],
  ['pauseTimer', (f, c) => pauseTimer(f.doc, c)],
  ['clearTimer', (f, c) => clearTimer(f.doc, c)],
  ['endSession', (f, c) => endSession(f.doc, c)],
  ['revealPhase', (f, c) => revealPhase(f.doc, 'alone', c)],
  ['startVoting', (f, c) => startVoting(f.doc, 'group', { budget: 5 }, c)],
  ['closeVoting', (f, c) => closeVoting(f.doc, 'group', c)],
  ['setShowLive', (f, c) => setShowLive(f.doc, 'group', true, c)],
  ['addVote', (f, c) => addVote(f.doc, f.action, f.voter, c)],
  ['removeVote', (f, c) => removeVote(f.doc, f.insight, f.voter, c)],
  ['addTheme', (f, c) => addTheme(f.doc, 'group', 'Another', c)],
  ['renameTheme', (f, c) => renameTheme(f.doc, f.theme, 'Folk', null, c)],
  [
    'editThemeName',
    (f, c) => editThemeName(f.doc, f.theme, { index: 0, deleteCount: 0, insert: 'x' }, null, c),
  ],
  ['deleteTheme', (f, c) => deleteTheme(f.doc, f.theme, c)],
  ['setItemTheme', (f, c) => setItemTheme(f.doc, f.insight, '', c)],
  [
    'addDraft',
    (f, c) => addDraft(f.doc, f.local, { kind: 'insight', phaseId: 'alone', text: 'D' }, c),
  ],
  ['shareDrafts', (f, c) => shareDrafts(f.doc, f.local, { draftId: f.draft }, c)],
];

/** Runs after the session ended (reopenSession is the one write an ended session takes). */
export const REOPEN: WriteOp = ['reopenSession', (f, c) => reopenSession(f.doc, c)];

/** The whole shared document and the device state, to prove a refused write changed nothing. */
export function stateOf(fixture: GuardFixture): string {
  return JSON.stringify([fixture.doc.toJSON(), fixture.local.toJSON()]);
}
