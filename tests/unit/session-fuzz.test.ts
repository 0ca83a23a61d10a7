import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import { createSession } from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { snap } from '../helpers/session';
import {
  applySessionOperation,
  type SessionOperation,
  sessionOperations,
} from '../helpers/session-operations';
import { seededRandom, TestNetwork } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

/**
 * Random operations on random peers under a random delivery schedule (late, reordered,
 * duplicated). Whatever happens, once every message has arrived all peers hold the same
 * snapshot. After tldraw's syncFuzz and Yjs' TestConnector.
 */
type Operation =
  | SessionOperation
  /** Deliver one pending update (`pick` in [0, 1) chooses which), maybe keeping a copy. */
  | { type: 'deliver'; pick: number; duplicate: boolean };

/**
 * Which pending update to deliver, uniform in [0, 1). fast-check's doubles favour values near
 * the bounds (92 % of picks fell below 0.01), which delivered almost always the oldest update.
 */
const uniformPick = fc.noBias(fc.integer({ min: 0, max: 999 })).map((n) => n / 1000);

function operation(peers: number): fc.Arbitrary<Operation> {
  return fc.oneof(...sessionOperations(peers), {
    arbitrary: fc.record({
      type: fc.constant('deliver' as const),
      pick: uniformPick,
      duplicate: fc.boolean(),
    }),
    weight: 4,
  });
}

function apply(network: TestNetwork, op: Operation, counter: { n: number }): void {
  if (op.type === 'deliver') network.deliverOne(op.pick, op.duplicate);
  else applySessionOperation(network.docs[op.peer] as Y.Doc, op, counter);
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
