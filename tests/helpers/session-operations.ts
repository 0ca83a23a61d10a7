import fc from 'fast-check';
import type * as Y from 'yjs';
import {
  addItem,
  clearTimer,
  deleteItem,
  editItemText,
  endSession,
  type ItemKind,
  pauseTimer,
  reopenSession,
  startTimer,
  stepPhase,
  updateAction,
} from '../../lib/session';
import { fixedContext } from './context';
import { snap } from './session';
import { testTemplate } from './test-template';

/**
 * Random session operations for the fuzzes: what facilitators and participants do to a
 * session, on a chosen peer: for the fuzz over raw Yjs updates (session-fuzz.test.ts) and
 * the lossy fuzz over the sync layer (session-fuzz-lossy.test.ts).
 */
export type SessionOperation =
  | { type: 'add'; peer: number; phase: number; kind: number; text: string }
  | { type: 'edit'; peer: number; item: number; index: number; deleteCount: number; insert: string }
  | { type: 'delete'; peer: number; item: number }
  | { type: 'action'; peer: number; item: number; owner: string }
  | { type: 'step'; peer: number; forward: boolean }
  | { type: 'end' | 'reopen'; peer: number }
  | { type: 'timer'; peer: number; phase: number; action: 'start' | 'pause' | 'clear' };

const PHASES = testTemplate.phases.map((phase) => ({ id: phase.id, kinds: phase.kinds }));

const text = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', 'b', ' ', '#', '\n', 'é', '😀'),
});

/** Each operation with its weight, for `fc.oneof`. */
export function sessionOperations(peers: number): fc.WeightedArbitrary<SessionOperation>[] {
  const peer = fc.nat({ max: peers - 1 });
  const item = fc.nat(20);
  const weighted = (arbitrary: fc.Arbitrary<SessionOperation>, weight: number) => ({
    arbitrary,
    weight,
  });
  return [
    weighted(
      fc.record({
        type: fc.constant('add' as const),
        peer,
        phase: fc.nat(2),
        kind: fc.nat(2),
        text,
      }),
      3,
    ),
    weighted(
      fc.record({
        type: fc.constant('edit' as const),
        peer,
        item,
        index: fc.nat(15),
        deleteCount: fc.nat(3),
        insert: fc.string({ maxLength: 4 }),
      }),
      3,
    ),
    weighted(fc.record({ type: fc.constant('delete' as const), peer, item }), 1),
    weighted(
      fc.record({
        type: fc.constant('action' as const),
        peer,
        item,
        owner: fc.string({ maxLength: 6 }),
      }),
      1,
    ),
    weighted(fc.record({ type: fc.constant('step' as const), peer, forward: fc.boolean() }), 1),
    weighted(fc.record({ type: fc.constantFrom('end' as const, 'reopen' as const), peer }), 1),
    weighted(
      fc.record({
        type: fc.constant('timer' as const),
        peer,
        phase: fc.nat(2),
        action: fc.constantFrom('start' as const, 'pause' as const, 'clear' as const),
      }),
      1,
    ),
  ];
}

/** Applies `op` to `doc` (peer `op.peer`'s document); `counter` keeps new item ids unique. */
export function applySessionOperation(
  doc: Y.Doc,
  op: SessionOperation,
  counter: { n: number },
): void {
  const items = snap(doc).items;
  const pickItem = (index: number) => items[index % Math.max(1, items.length)]?.id ?? 'none';
  // Results are deliberately ignored: refusals (ended session, unknown item) are part of the fuzz.
  switch (op.type) {
    case 'add': {
      const phase = PHASES[op.phase] as { id: string; kinds: readonly ItemKind[] };
      const kind = phase.kinds[op.kind % phase.kinds.length] as ItemKind;
      const context = fixedContext(`p${op.peer}-${counter.n++}-`);
      addItem(doc, { kind, phaseId: phase.id, text: op.text }, context);
      return;
    }
    case 'edit':
      editItemText(doc, pickItem(op.item), op);
      return;
    case 'delete':
      deleteItem(doc, pickItem(op.item));
      return;
    case 'action':
      updateAction(doc, pickItem(op.item), { owner: op.owner });
      return;
    case 'step':
      stepPhase(doc, op.forward ? 1 : -1);
      return;
    case 'end':
      endSession(doc);
      return;
    case 'reopen':
      reopenSession(doc);
      return;
    case 'timer': {
      const phaseId = (PHASES[op.phase] as { id: string }).id;
      if (op.action === 'start') startTimer(doc, phaseId);
      else if (op.action === 'pause') pauseTimer(doc);
      else clearTimer(doc);
      return;
    }
  }
}
