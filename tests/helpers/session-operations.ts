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
  type SessionContext,
  startTimer,
  stepPhase,
  updateAction,
} from '../../lib/session';
import { fixedContext } from './context';
import { snap } from './session';

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

const text = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', 'b', ' ', '#', '\n', 'é', '😀'),
});

/** Weights by operation type ('end' for end and reopen); unnamed ones keep their default. */
export type OperationWeights = Partial<Record<Exclude<SessionOperation['type'], 'reopen'>, number>>;

/**
 * Each operation with its weight, for `fc.oneof`. A phase is picked modulo the phases the peer
 * sees: 0..11 spreads evenly over 3 or 4 phases.
 */
export function sessionOperations(
  peers: number,
  weights: OperationWeights = {},
): fc.WeightedArbitrary<SessionOperation>[] {
  const peer = fc.nat({ max: peers - 1 });
  const item = fc.nat(20);
  const phase = fc.nat(11);
  const weighted = (arbitrary: fc.Arbitrary<SessionOperation>, weight: number) => ({
    arbitrary,
    weight,
  });
  return [
    weighted(
      fc.record({
        type: fc.constant('add' as const),
        peer,
        phase,
        kind: fc.nat(2),
        text,
      }),
      weights.add ?? 3,
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
      weights.edit ?? 3,
    ),
    weighted(fc.record({ type: fc.constant('delete' as const), peer, item }), weights.delete ?? 1),
    weighted(
      fc.record({
        type: fc.constant('action' as const),
        peer,
        item,
        owner: fc.string({ maxLength: 6 }),
      }),
      weights.action ?? 1,
    ),
    weighted(
      fc.record({ type: fc.constant('step' as const), peer, forward: fc.boolean() }),
      weights.step ?? 1,
    ),
    weighted(
      fc.record({ type: fc.constantFrom('end' as const, 'reopen' as const), peer }),
      weights.end ?? 1,
    ),
    weighted(
      fc.record({
        type: fc.constant('timer' as const),
        peer,
        phase,
        action: fc.constantFrom('start' as const, 'pause' as const, 'clear' as const),
      }),
      weights.timer ?? 1,
    ),
  ];
}

/**
 * Applies `op` to `doc` (peer `op.peer`'s document); `counter` keeps new item ids unique.
 * `context` is the acting device's (its role and clock); without one it acts as a facilitator
 * with the wall clock. Phases are picked among those the peer sees, in its order.
 */
export function applySessionOperation(
  doc: Y.Doc,
  op: SessionOperation,
  counter: { n: number },
  context?: SessionContext,
): void {
  const { items, phases } = snap(doc);
  const pickItem = (index: number) => items[index % Math.max(1, items.length)]?.id ?? 'none';
  const pickPhase = (index: number) => phases[index % Math.max(1, phases.length)];
  // Results are deliberately ignored: refusals (ended session, unknown item) are part of the fuzz.
  switch (op.type) {
    case 'add': {
      const phase = pickPhase(op.phase);
      const kind: ItemKind | undefined = phase?.kinds[op.kind % phase.kinds.length];
      if (!phase || !kind) return; // a phase may collect no kind at all
      const adding = context ?? fixedContext(`p${op.peer}-${counter.n++}-`);
      addItem(doc, { kind, phaseId: phase.id, text: op.text }, adding);
      return;
    }
    case 'edit':
      editItemText(doc, pickItem(op.item), op, null, context);
      return;
    case 'delete':
      deleteItem(doc, pickItem(op.item), null, context);
      return;
    case 'action':
      updateAction(doc, pickItem(op.item), { owner: op.owner }, context);
      return;
    case 'step':
      stepPhase(doc, op.forward ? 1 : -1, context);
      return;
    case 'end':
      endSession(doc, context);
      return;
    case 'reopen':
      reopenSession(doc, context);
      return;
    case 'timer': {
      const phaseId = pickPhase(op.phase)?.id ?? 'none';
      if (op.action === 'start') startTimer(doc, phaseId, undefined, context);
      else if (op.action === 'pause') pauseTimer(doc, context);
      else clearTimer(doc, context);
      return;
    }
  }
}
