import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import {
  addItem,
  clearTimer,
  createSession,
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
import { fixedContext } from '../helpers/context';
import { snap } from '../helpers/session';
import { seededRandom, TestNetwork } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

/**
 * Random operations on random peers under a random delivery schedule (late, reordered,
 * duplicated). Whatever happens, once every message has arrived all peers hold the same
 * snapshot. After tldraw's syncFuzz and Yjs' TestConnector.
 */
const PHASES = testTemplate.phases.map((phase) => ({ id: phase.id, kinds: phase.kinds }));

type Operation =
  | { type: 'add'; peer: number; phase: number; kind: number; text: string }
  | { type: 'edit'; peer: number; item: number; index: number; deleteCount: number; insert: string }
  | { type: 'delete'; peer: number; item: number }
  | { type: 'action'; peer: number; item: number; owner: string }
  | { type: 'step'; peer: number; forward: boolean }
  | { type: 'end' | 'reopen'; peer: number }
  | { type: 'timer'; peer: number; phase: number; action: 'start' | 'pause' | 'clear' }
  | { type: 'deliver'; pick: number; duplicate: boolean };

/**
 * Which pending update to deliver, uniform in [0, 1). fast-check's doubles favour values near
 * the bounds (92 % of picks fell below 0.01), which delivered almost always the oldest update.
 */
const uniformPick = fc.noBias(fc.integer({ min: 0, max: 999 })).map((n) => n / 1000);

const text = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', 'b', ' ', '#', '\n', 'é', '😀'),
});

function operation(peers: number): fc.Arbitrary<Operation> {
  const peer = fc.nat({ max: peers - 1 });
  return fc.oneof(
    fc.record({ type: fc.constant('add' as const), peer, phase: fc.nat(2), kind: fc.nat(2), text }),
    fc.record({
      type: fc.constant('edit' as const),
      peer,
      item: fc.nat(20),
      index: fc.nat(15),
      deleteCount: fc.nat(3),
      insert: fc.string({ maxLength: 4 }),
    }),
    fc.record({ type: fc.constant('delete' as const), peer, item: fc.nat(20) }),
    fc.record({
      type: fc.constant('action' as const),
      peer,
      item: fc.nat(20),
      owner: fc.string({ maxLength: 6 }),
    }),
    fc.record({ type: fc.constant('step' as const), peer, forward: fc.boolean() }),
    fc.record({ type: fc.constantFrom('end' as const, 'reopen' as const), peer }),
    fc.record({
      type: fc.constant('timer' as const),
      peer,
      phase: fc.nat(2),
      action: fc.constantFrom('start' as const, 'pause' as const, 'clear' as const),
    }),
    fc.record({
      type: fc.constant('deliver' as const),
      pick: uniformPick,
      duplicate: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('deliver' as const),
      pick: uniformPick,
      duplicate: fc.constant(false),
    }),
  );
}

function apply(network: TestNetwork, op: Operation, counter: { n: number }): void {
  if (op.type === 'deliver') {
    network.deliverOne(op.pick, op.duplicate);
    return;
  }
  const doc = network.docs[op.peer] as Y.Doc;
  const items = snap(doc).items;
  const pickItem = (index: number) => items[index % Math.max(1, items.length)]?.id ?? 'none';
  // Results are deliberately ignored: refusals (ended session, unknown item) are part of the fuzz.
  switch (op.type) {
    case 'add': {
      const phase = PHASES[op.phase] as { id: string; kinds: readonly ItemKind[] };
      const kind = phase.kinds[op.kind % phase.kinds.length] as ItemKind;
      addItem(
        doc,
        { kind, phaseId: phase.id, text: op.text },
        fixedContext(`p${op.peer}-${counter.n++}-`),
      );
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

describe('convergence under random schedules', () => {
  for (const peers of [3, 5]) {
    it(`${peers} peers always converge to one snapshot`, () => {
      fc.assert(
        // `size: 'max'`: schedules of any length up to 40, not fast-check's short default.
        fc.property(
          fc.array(operation(peers), { maxLength: 40, size: 'max' }),
          fc.integer(),
          (ops, seed) => {
            const network = new TestNetwork(peers);
            try {
              createSession(
                network.docs[0] as Y.Doc,
                { template: testTemplate, locale: 'en' },
                fixedContext('s'),
              );
              network.flush(seededRandom(seed));
              const counter = { n: 0 };
              for (const op of ops) apply(network, op, counter);
              network.flush(seededRandom(seed + 1));
              const [first, ...rest] = network.docs.map(snap);
              for (const other of rest) expect(other).toEqual(first);
              // And so the same harvest, byte for byte, on every peer.
              const markdown = new Set(network.docs.map((doc) => harvestMarkdown(snap(doc))));
              expect(markdown.size).toBe(1);
            } finally {
              network.destroy();
            }
          },
        ),
        { numRuns: 1_000 },
      );
      // 1,000 runs take a few seconds alone, more beside the other test files on two cores:
      // a count of runs, not a time, is what this test is about.
    }, 60_000);
  }
});
