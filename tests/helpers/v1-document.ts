import * as Y from 'yjs';

/**
 * Session documents as Kring 1 wrote them (commit 1367d67: lib/session/create.ts, items.ts,
 * phases.ts), field by field with raw Y.Maps, so the tests of schema 2 read real schema 1 data
 * rather than what today's code would write: no `writerVersion`, phases without `order` or any
 * facilitation field, items without `themeId`, no `themes` or `votes` maps.
 */

export interface V1Phase {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly kinds: readonly string[];
  readonly minutes: number;
  readonly notes: string;
}

export interface V1Item {
  readonly id: string;
  readonly kind: 'question' | 'insight' | 'action';
  readonly phaseId: string;
  readonly text: string;
  readonly createdAt: string;
  readonly owner?: string;
  readonly due?: string;
}

export const V1_PHASES: readonly V1Phase[] = [
  {
    id: 'open',
    title: 'Opening',
    prompt: 'What brings you here?',
    kinds: ['question'],
    minutes: 5,
    notes: 'Go round.',
  },
  {
    id: 'explore',
    title: 'Explore',
    prompt: 'What do we notice?\nAnd what not?',
    kinds: ['question', 'insight'],
    minutes: 15,
    notes: '',
  },
  {
    id: 'act',
    title: 'Act',
    prompt: 'Who does what?',
    kinds: ['insight', 'action'],
    minutes: 10,
    notes: '',
  },
];

/** Kring 1's phaseRecord: every field set in object order. */
export function v1PhaseRecord(phase: V1Phase): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(phase)) {
    record.set(key, Array.isArray(value) ? [...value] : value);
  }
  return record;
}

/** What Kring 1's createSession wrote for the test template, in its transaction. */
export function writeV1Session(doc: Y.Doc, phases: readonly V1Phase[] = V1_PHASES): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', 'Buurtlab *Noord*');
    meta.set('templateId', 'test-template');
    meta.set('templateVersion', 3);
    meta.set('templateName', 'Test template');
    meta.set('locale', 'en');
    meta.set('createdAt', '2026-11-25T09:00:00.000Z');
    meta.set('currentPhaseId', phases[0]?.id ?? '');
    meta.set('status', 'running');
    meta.set('endedAt', null);
    doc.getArray<Y.Map<unknown>>('phases').push(phases.map(v1PhaseRecord));
  });
}

/** What Kring 1's addItem wrote: owner and due on actions only, the text a Y.Text. */
export function writeV1Item(doc: Y.Doc, item: V1Item): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('kind', item.kind);
    record.set('phaseId', item.phaseId);
    record.set('text', new Y.Text(item.text));
    record.set('createdAt', item.createdAt);
    if (item.kind === 'action') {
      record.set('owner', item.owner ?? '');
      record.set('due', item.due ?? '');
    }
    doc.getMap<Y.Map<unknown>>('items').set(item.id, record);
  });
}

/** Contributions of every kind, with Markdown-looking text and one of a removed phase. */
export const V1_ITEMS: readonly V1Item[] = [
  {
    id: 'i1',
    kind: 'question',
    phaseId: 'open',
    text: 'Who is *missing*?',
    createdAt: '2026-11-25T09:01:00.000Z',
  },
  {
    id: 'i2',
    kind: 'insight',
    phaseId: 'explore',
    text: 'Trust first\nthen plans',
    createdAt: '2026-11-25T09:02:00.000Z',
  },
  {
    id: 'i3',
    kind: 'question',
    phaseId: 'explore',
    text: '# Is this #1?',
    createdAt: '2026-11-25T09:03:00.000Z',
  },
  {
    id: 'i4',
    kind: 'action',
    phaseId: 'act',
    text: 'Call the school',
    createdAt: '2026-11-25T09:04:00.000Z',
    owner: 'Fatima',
    due: '2026-12-01',
  },
  {
    id: 'i5',
    kind: 'action',
    phaseId: 'act',
    text: 'Book a room',
    createdAt: '2026-11-25T09:05:00.000Z',
  },
  {
    id: 'i6',
    kind: 'insight',
    phaseId: 'act',
    text: 'Small steps',
    createdAt: '2026-11-25T09:04:00.000Z',
  },
  {
    id: 'i7',
    kind: 'insight',
    phaseId: 'gone',
    text: 'Left over',
    createdAt: '2026-11-25T09:06:00.000Z',
  },
];

/**
 * A whole Kring 1 session: the phases, `V1_ITEMS`, a paused timer, and ended in the second
 * phase (so the harvest says it ended early).
 */
export function writeV1Fixture(doc: Y.Doc): void {
  writeV1Session(doc);
  for (const item of V1_ITEMS) writeV1Item(doc, item);
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    meta.set('currentPhaseId', 'explore');
    meta.set('timer', {
      phaseId: 'explore',
      durationMs: 900000,
      remainingMs: 60000,
      startedAt: null,
    });
    meta.set('status', 'ended');
    meta.set('endedAt', '2026-11-25T10:30:00.000Z');
  });
}

/**
 * Kring 1's movePhase: Y.Array has no move, so it deleted the record and inserted a copy.
 * Two of these at once on one phase leave two records with its id (issue 11, item 7).
 */
export function v1MovePhase(doc: Y.Doc, phaseId: string, toIndex: number): void {
  const phases = doc.getArray<Y.Map<unknown>>('phases');
  const from = phases.toArray().findIndex((phase) => phase.get('id') === phaseId);
  if (from < 0) throw new Error(`v1MovePhase: no phase ${phaseId}`);
  const to = Math.min(Math.max(0, toIndex), phases.length - 1);
  if (to === from) return;
  doc.transact(() => {
    const copy = (phases.get(from) as Y.Map<unknown>).toJSON() as V1Phase;
    phases.delete(from, 1);
    phases.insert(to, [v1PhaseRecord(copy)]);
  });
}

/** Exchanges every update both ways, as two peers do once they reconnect. */
export function syncDocs(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

/** A fresh copy of `doc` as another peer holds it after syncing. */
export function forkDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The ids of the phase records in array order, duplicates included. */
export function phaseRecordIds(doc: Y.Doc): string[] {
  return doc
    .getArray<Y.Map<unknown>>('phases')
    .toArray()
    .map((phase) => String(phase.get('id')));
}
