import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  addPhase,
  addTheme,
  addVote,
  clearTimer,
  closeVoting,
  createSnapshotReader,
  deleteItem,
  deleteTheme,
  editItemText,
  endSession,
  ITEM_KINDS,
  movePhase,
  pauseTimer,
  removePhase,
  removeVote,
  renameTheme,
  reopenSession,
  revealPhase,
  type SessionContext,
  type SessionSnapshot,
  setItemDone,
  setItemTheme,
  setLearningQuestion,
  setShowLive,
  snapshotSession,
  startTimer,
  startVoting,
  stepPhase,
  THEME_POLICIES,
  updateAction,
  updatePhase,
} from '../../lib/session';
import { expectOk } from '../helpers/session';
import { seededRandom } from '../helpers/test-network';
import { forkDoc } from '../helpers/v1-document';
import { guardFixture } from '../helpers/write-ops';

/** Issue 11, item 9: the incremental snapshot equals a fresh one, and keeps what did not change. */

const VOTERS = ['voterAAAAAAAAAAA', 'voterBBBBBBBBBBB', 'voterCCCCCCCCCCC'];

function counterContext(prefix: string): SessionContext {
  let tick = 0;
  return {
    now: () => new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + 1000 * (tick % 7)),
    newId: () => `${prefix}${String(tick++).padStart(4, '0')}`,
  };
}

/** One random thing a person (or a careless peer) does to `doc`; refusals are fine. */
function randomOperation(doc: Y.Doc, random: () => number, context: SessionContext): void {
  const session = expectOk(snapshotSession(doc));
  const pick = <T>(values: readonly T[]): T | undefined =>
    values[Math.floor(random() * values.length)];
  const phase = pick(session.phases);
  const item = pick(session.items);
  const theme = pick(session.themes);
  const phaseId = phase?.id ?? '';
  const itemId = item?.id ?? '';
  const raw = doc.getMap<Y.Map<unknown>>('items').get(itemId);
  const operations: (() => unknown)[] = [
    () =>
      addItem(doc, { kind: pick(phase?.kinds ?? []) ?? 'insight', phaseId, text: 'new' }, context),
    () => addItem(doc, { kind: 'insight', phaseId, text: `i${Math.floor(random() * 9)}` }, context),
    () => addItem(doc, { kind: 'question', phaseId: 'group', text: 'q' }, context),
    () => reopenSession(doc, context),
    () =>
      editItemText(
        doc,
        itemId,
        {
          index: Math.floor(random() * 5),
          deleteCount: Math.floor(random() * 3),
          insert: pick(['', 'x', 'ü😀', '\n']) ?? '',
        },
        null,
        context,
      ),
    () => editItemText(doc, itemId, { index: 0, deleteCount: 0, insert: 'y' }, null, context),
    () => deleteItem(doc, itemId, null, context),
    () => updateAction(doc, itemId, { owner: pick(['', 'Ana', 'Bo']) }, context),
    () => setItemDone(doc, itemId, random() < 0.6, context),
    () => setLearningQuestion(doc, pick(['', 'How?', 'Why?']) ?? '', context),
    () => addVote(doc, itemId, pick(VOTERS) ?? '', context),
    () => addVote(doc, itemId, pick(VOTERS) ?? '', context),
    () => removeVote(doc, itemId, pick(VOTERS) ?? '', context),
    () =>
      startVoting(
        doc,
        phaseId,
        {
          budget: 1 + Math.floor(random() * 4),
          maxPerItem: random() < 0.5 ? null : 1,
          showLive: random() < 0.5,
        },
        context,
      ),
    () => closeVoting(doc, phaseId, context),
    () => setShowLive(doc, phaseId, random() < 0.5, context),
    () => updatePhase(doc, phaseId, { themes: pick(THEME_POLICIES) }, context),
    () => addTheme(doc, phaseId, pick(['', 'Care', 'Trust']) ?? '', context),
    () => renameTheme(doc, theme?.id ?? '', pick(['Care!', 'T', '']) ?? '', null, context),
    () => deleteTheme(doc, theme?.id ?? '', context),
    () => setItemTheme(doc, itemId, theme?.id ?? '', context),
    () => setItemTheme(doc, itemId, '', context),
    () => movePhase(doc, phaseId, Math.floor(random() * 4), context),
    () =>
      updatePhase(
        doc,
        phaseId,
        {
          kinds: ITEM_KINDS.filter(() => random() < 0.7),
          title: pick(['A', 'B']),
          privateWriting: random() < 0.3,
        },
        context,
      ),
    () => addPhase(doc, { title: 'More', kinds: ['insight', 'action'] }, phaseId, context),
    () => removePhase(doc, phaseId, context),
    () => revealPhase(doc, phaseId, context),
    () => stepPhase(doc, random() < 0.5 ? 1 : -1, context),
    () => startTimer(doc, phaseId, 1 + Math.floor(random() * 5), context),
    () => pauseTimer(doc, context),
    () => clearTimer(doc, context),
    () => (random() < 0.3 ? endSession(doc, context) : reopenSession(doc, context)),
    // A careless peer: raw writes the operations would never make.
    () => raw?.set('kind', pick(['poll', 'insight', 'question'])),
    () => raw?.set('phaseId', pick([phaseId, 'gone'])),
    () => raw?.set('themeId', theme?.id ?? 'nope'),
    () => raw?.set('done', pick([true, false, 'yes', 1])),
    () => doc.getMap('meta').set('learningQuestion', pick(['Who?', 7, null])),
    () => doc.getMap('meta').set('largeGroup', pick([true, false, 'yes', null])),
    () =>
      doc
        .getMap('meta')
        .set(
          'continuesFrom',
          pick([
            { title: 'Lab 1', createdAt: '2026-11-01T09:00:00.000Z', templateName: 'Social lab' },
            { title: 'Lab 1' },
            'Lab 1',
          ]),
        ),
    () => doc.getMap('votes').set(`${itemId}:${pick(VOTERS)}`, pick([99, -1, 'x', 2])),
    () =>
      doc
        .getMap<Y.Map<unknown>>('themes')
        .get(theme?.id ?? '')
        ?.set('phaseId', phaseId),
  ];
  pick(operations)?.();
}

/** Ids of the items whose record (or text) was written since the last `clear()`. */
function watchItemWrites(doc: Y.Doc): Set<string> {
  const written = new Set<string>();
  const items = doc.getMap('items');
  items.observeDeep((events) => {
    for (const event of events) {
      if (event.target === items) for (const key of event.changes.keys.keys()) written.add(key);
      else written.add(String(event.path[0]));
    }
  });
  return written;
}

/** What did not change keeps its identity: an item nobody wrote, equal phases and themes. */
function expectIdentityKept(
  before: SessionSnapshot,
  after: SessionSnapshot,
  written: ReadonlySet<string>,
  where: string,
): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const old = new Map(before.items.map((item) => [item.id, item]));
  for (const item of after.items) {
    const was = old.get(item.id);
    if (was && !written.has(item.id) && same(was, item)) expect(item, where).toBe(was);
  }
  if (same(before.phases, after.phases)) expect(after.phases, where).toBe(before.phases);
  if (same(before.themes, after.themes)) expect(after.themes, where).toBe(before.themes);
  if (same(before.items, after.items) && written.size === 0) {
    expect(after.items, where).toBe(before.items);
  }
  // Nothing visible changed and no item was written: the same object, so views skip it.
  if (same(before, after) && written.size === 0) expect(after, where).toBe(before);
}

describe('createSnapshotReader on a live document', () => {
  it.each([1, 2, 3])(
    'equals a fresh snapshot after each of 300 random operations, local and remote (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      const { doc } = guardFixture();
      const remote = forkDoc(doc);
      const reader = createSnapshotReader(doc);
      const local = counterContext('L');
      const peer = counterContext('R');
      const written = watchItemWrites(doc);
      let previous: SessionSnapshot | null = null;
      let reads = 0;
      const most = { items: 0, themes: 0, votes: 0 };
      for (let step = 0; step < 300; step++) {
        if (random() < 0.3) {
          randomOperation(remote, random, peer);
          // Remote updates arrive late and batched, sometimes several at once.
          if (random() < 0.6) {
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
          }
        } else {
          randomOperation(doc, random, local);
          if (random() < 0.2) {
            Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)));
          }
        }
        // Sometimes read only after several operations, as a screen does between frames.
        if (random() < 0.3 && step < 299) continue;
        const incremental = expectOk(reader.read());
        const where = `seed ${seed}, step ${step}`;
        expect(incremental, where).toEqual(expectOk(snapshotSession(doc)));
        if (previous) expectIdentityKept(previous, incremental, written, where);
        written.clear();
        previous = incremental;
        reads++;
        most.items = Math.max(most.items, incremental.items.length);
        most.themes = Math.max(most.themes, incremental.themes.length);
        most.votes = Math.max(most.votes, ...incremental.items.map((item) => item.votes), 0);
      }
      // The run did something: a session with items, themes and votes was read many times.
      expect(reads).toBeGreaterThan(150);
      expect(most.items).toBeGreaterThan(3);
      expect(most.themes).toBeGreaterThan(0);
      expect(most.votes).toBeGreaterThan(0);
      reader.destroy();
    },
  );
});

describe('identity of what did not change', () => {
  function live() {
    const fixture = guardFixture();
    const { doc } = fixture;
    for (const text of ['one', 'two', 'three']) {
      expectOk(addItem(doc, { kind: 'insight', phaseId: 'group', text }));
    }
    const reader = createSnapshotReader(doc);
    return { ...fixture, reader, before: expectOk(reader.read()) };
  }

  function expectKept(before: SessionSnapshot, after: SessionSnapshot, changedIds: string[]) {
    for (const item of after.items) {
      const old = before.items.find((candidate) => candidate.id === item.id);
      if (changedIds.includes(item.id)) expect(item).not.toBe(old);
      else expect(item, item.id).toBe(old);
    }
  }

  it('a text edit replaces one item and keeps every other item, the phases and the themes', () => {
    const { doc, reader, before, insight } = live();
    expectOk(editItemText(doc, insight, { index: 0, deleteCount: 0, insert: '!' }));
    const after = expectOk(reader.read());
    expect(after).not.toBe(before);
    expect(after.items.find((item) => item.id === insight)?.text).toBe('!Trust');
    expectKept(before, after, [insight]);
    expect(after.phases).toBe(before.phases);
    expect(after.themes).toBe(before.themes);
  });

  it('so does a keystroke that arrives from another peer', () => {
    const { doc, reader, before, action } = live();
    const remote = forkDoc(doc);
    expectOk(editItemText(remote, action, { index: 4, deleteCount: 0, insert: ' back' }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    const after = expectOk(reader.read());
    expectKept(before, after, [action]);
    expect(after.phases).toBe(before.phases);
    expect(after.themes).toBe(before.themes);
  });

  it('a vote replaces only the item voted on', () => {
    const { doc, reader, before, action } = live();
    expectOk(addVote(doc, action, VOTERS[1] as string));
    const after = expectOk(reader.read());
    expect(after.items.find((item) => item.id === action)?.votes).toBe(1);
    expectKept(before, after, [action]);
    expect(after.phases).toBe(before.phases);
    expect(after.themes).toBe(before.themes);
  });

  it('marking an action done, here or on another peer, replaces only that item', () => {
    const { doc, reader, before, action } = live();
    expectOk(setItemDone(doc, action, true));
    const done = expectOk(reader.read());
    expect(done.items.find((item) => item.id === action)?.done).toBe(true);
    expectKept(before, done, [action]);
    expect(done.phases).toBe(before.phases);
    const remote = forkDoc(doc);
    expectOk(setItemDone(remote, action, false));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    const undone = expectOk(reader.read());
    expect(undone.items.find((item) => item.id === action)?.done).toBe(false);
    expectKept(done, undone, [action]);
    expect(undone).toEqual(expectOk(snapshotSession(doc)));
  });

  it('a new learning question keeps items, phases and themes; where it came from keeps too', () => {
    const { doc, reader, before } = live();
    doc.getMap('meta').set('continuesFrom', {
      title: 'Lab 1',
      createdAt: '2026-11-01T09:00:00.000Z',
      templateName: 'Social lab',
    });
    const continued = expectOk(reader.read());
    expect(continued.continuesFrom?.title).toBe('Lab 1');
    expectOk(setLearningQuestion(doc, 'How do we reach the quiet ones?'));
    const asked = expectOk(reader.read());
    expect(asked.learningQuestion).toBe('How do we reach the quiet ones?');
    expect(asked.items).toBe(before.items);
    expect(asked.phases).toBe(before.phases);
    expect(asked.themes).toBe(before.themes);
    // Re-read with the rest of meta, but equal: the same object, so a header does not redraw.
    expect(asked.continuesFrom).toBe(continued.continuesFrom);
    expect(asked).toEqual(expectOk(snapshotSession(doc)));
  });

  it('choosing a large group (issue 10) is read at once and keeps items, phases and themes', () => {
    const { doc, reader, before } = live();
    expect(before.largeGroup).toBe(false);
    doc.getMap('meta').set('largeGroup', true);
    const large = expectOk(reader.read());
    expect(large.largeGroup).toBe(true);
    expect(large.items).toBe(before.items);
    expect(large.phases).toBe(before.phases);
    expect(large.themes).toBe(before.themes);
    doc.getMap('meta').set('largeGroup', 'yes');
    expect(expectOk(reader.read()).largeGroup).toBe(false);
    expect(expectOk(reader.read())).toEqual(expectOk(snapshotSession(doc)));
  });

  it('a theme rename keeps the items and phases; a timer keeps everything but the timer', () => {
    const { doc, reader, before, theme } = live();
    expectOk(renameTheme(doc, theme, 'Folk'));
    const renamed = expectOk(reader.read());
    expect(renamed.themes).not.toBe(before.themes);
    expect(renamed.items).toBe(before.items);
    expect(renamed.phases).toBe(before.phases);
    expectOk(pauseTimer(doc));
    const paused = expectOk(reader.read());
    expect(paused.timer).not.toEqual(renamed.timer);
    expect(paused.items).toBe(renamed.items);
    expect(paused.phases).toBe(renamed.phases);
    expect(paused.themes).toBe(renamed.themes);
    expect(expectOk(reader.read())).toBe(paused);
  });
});
