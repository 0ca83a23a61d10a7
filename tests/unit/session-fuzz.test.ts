import fc from 'fast-check';
import { describe, it } from 'vitest';
import type * as Y from 'yjs';
import { applyFuzzOperation, type FuzzWorld } from '../helpers/fuzz-apply';
import { DraftLedger } from '../helpers/fuzz-drafts';
import { checkSettled, checkStep } from '../helpers/fuzz-invariants';
import { FuzzNetwork } from '../helpers/fuzz-network';
import { type FuzzOperation, fuzzOperation } from '../helpers/fuzz-operations';
import { type FuzzPeer, fuzzPeers } from '../helpers/fuzz-peer';
import { makeLegacy, startFuzzSession } from '../helpers/fuzz-session';
import { seededRandom } from '../helpers/test-network';

/**
 * Random operations on five peers under a random delivery schedule (late, reordered,
 * duplicated; peers going offline, working on, and coming back): items, phase editing by two
 * facilitators, dot voting (the last peer is a second tab of the one before, voting under the
 * same key), themes, private drafts and the reveal; one run in four starts from an upgraded
 * Kring 1 session that holds a phase twice. Whatever happens, after every step the acting
 * peer's incremental snapshot equals a fresh one and no private draft is in its shared
 * document; once every message has arrived all peers hold the same snapshot and harvest, phase
 * ids are unique and no move copied a record, votes follow the tally rule within every budget,
 * themed insights are in their theme's phase, and no draft was lost (fuzz-invariants.ts).
 * After tldraw's syncFuzz and Yjs' TestConnector.
 *
 * `npm run fuzz` runs 10,000 schedules (KRING_FUZZ_RUNS). A failure prints fast-check's seed
 * and path; replay exactly that schedule with
 *   KRING_FUZZ_SEED=<seed> KRING_FUZZ_PATH=<path> npx vitest run --project unit tests/unit/session-fuzz.test.ts
 */
const PEERS = 5;
const RUNS = Number(process.env.KRING_FUZZ_RUNS ?? 1_000);
const STEPS = 60;
const replay = process.env.KRING_FUZZ_SEED
  ? { seed: Number(process.env.KRING_FUZZ_SEED), path: process.env.KRING_FUZZ_PATH }
  : {};

function run(ops: readonly FuzzOperation[], legacyCopyAt: number | null, seed: number): void {
  const network = new FuzzNetwork(PEERS);
  const ledger = new DraftLedger();
  const peers = fuzzPeers(network.docs, ledger);
  try {
    const first = network.docs[0] as Y.Doc;
    startFuzzSession(first);
    if (legacyCopyAt !== null) makeLegacy(first, legacyCopyAt);
    const phaseRecords = new Map<string, number>();
    for (const record of first.getArray<Y.Map<unknown>>('phases')) {
      const id = String(record.get('id'));
      phaseRecords.set(id, (phaseRecords.get(id) ?? 0) + 1);
    }
    const world: FuzzWorld = {
      network,
      peers,
      ledger,
      phaseRecords,
      deletedItems: new Set(),
      counter: { n: 0 },
    };
    network.settle(seededRandom(seed));

    let step = 0;
    // What arrives, the peer reacts to as the session model does: it shares what was revealed.
    network.afterDelivery = (index) => {
      const peer = peers[index] as FuzzPeer;
      peer.shareRevealed();
      checkStep(peer, ledger, step);
    };
    for (const op of ops) {
      step++;
      const actor = applyFuzzOperation(world, op);
      if (!actor) continue;
      actor.shareRevealed();
      checkStep(actor, ledger, step);
    }
    step = -1; // settling
    network.settle(seededRandom(seed + 1));
    checkSettled(world);
  } finally {
    for (const peer of peers) peer.destroy();
    network.destroy();
  }
}

describe('convergence under random schedules', () => {
  it(
    `${PEERS} peers with votes, themes, drafts and reconnects converge (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          // `size: 'max'`: schedules of any length up to STEPS, not fast-check's short default.
          fc.array(fuzzOperation(PEERS), { maxLength: STEPS, size: 'max' }),
          // One run in four starts from an upgraded Kring 1 session holding a phase twice.
          fc.oneof(
            { arbitrary: fc.constant(null), weight: 3 },
            { arbitrary: fc.nat(4), weight: 1 },
          ),
          fc.integer(),
          run,
        ),
        { numRuns: RUNS, ...replay },
      );
      // A count of runs, not a time, is what this test is about: the timeout follows the count
      // (about 20 ms a run alone on this 2-core machine, several times that beside other tests).
    },
    30_000 + RUNS * 100,
  );
});
