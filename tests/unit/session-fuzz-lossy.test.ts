import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import { ANTI_ENTROPY_MS, REASSEMBLY_TIMEOUT_MS } from '../../lib/limits';
import { type SyncLayer, startSync } from '../../lib/room/sync';
import { createSession } from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { type MemoryChannel, MemoryNetwork } from '../helpers/memory-channel';
import { snap } from '../helpers/session';
import {
  applySessionOperation,
  type SessionOperation,
  sessionOperations,
} from '../helpers/session-operations';
import { seededRandom } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

/**
 * The session fuzz (session-fuzz.test.ts) over the real sync layer on a lossy network: random
 * session operations on 3 or 5 peers, each running startSync over an in-memory channel whose
 * frames are delivered, dropped, duplicated and reordered as the schedule says, links cut and
 * restored, sends failed, and the clock moved on. Then the network heals: everything in flight arrives, one
 * anti-entropy round runs, and that arrives too. Every peer must then hold the same snapshot
 * and export the same Markdown: what a lost message took away came back by itself (issue 9).
 */
type NetworkOperation =
  /** Acts on frames in flight: each `roll` below the run's drop rate drops, a little above duplicates. */
  | { type: 'frames'; steps: { pick: number; roll: number; anyOrder: boolean }[] }
  /** Moves the clock on: retries, reassembly sweeps and anti-entropy rounds run (and may be lost). */
  | { type: 'tick'; ms: number }
  | { type: 'cut' | 'restore'; a: number; b: number }
  /** The peer's next sends fail (the channel returns false): its outbox falls back to a full state. */
  | { type: 'fail'; peer: number; sends: number };

type Operation = SessionOperation | NetworkOperation;

/**
 * A number in [0, 1), uniform: fast-check's doubles crowd near 0 (uniform over their bit
 * patterns) and its integers lean to the bounds, which would make every roll a drop and every
 * pick the first frame.
 */
const unit = fc.noBias(fc.integer({ min: 0, max: 999 })).map((n) => n / 1000);

function operation(peers: number): fc.Arbitrary<Operation> {
  const peer = fc.nat({ max: peers - 1 });
  const frames = fc.record({
    type: fc.constant('frames' as const),
    steps: fc.array(fc.record({ pick: unit, roll: unit, anyOrder: fc.boolean() }), {
      minLength: 1,
      maxLength: 8,
      size: 'max',
    }),
  });
  return fc.oneof<fc.WeightedArbitrary<Operation>[]>(
    ...sessionOperations(peers),
    { arbitrary: frames, weight: 8 },
    { arbitrary: fc.record({ type: fc.constant('tick' as const), ms: fc.nat(12_000) }), weight: 1 },
    {
      arbitrary: fc.record({
        type: fc.constantFrom('cut' as const, 'restore' as const),
        a: peer,
        b: peer,
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('fail' as const),
        peer,
        sends: fc.integer({ min: 1, max: 4 }),
      }),
      weight: 1,
    },
  );
}

interface Peer {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly channel: MemoryChannel;
  readonly sync: SyncLayer;
}

class LossyRoom {
  readonly network: MemoryNetwork;
  readonly peers: Peer[];
  private readonly cut = new Set<string>();
  /** Sends still to fail, per peer. */
  readonly failing: number[];

  constructor(count: number, maxFrameBytes: number) {
    this.network = new MemoryNetwork({ mode: 'manual', maxFrameBytes });
    this.failing = Array.from({ length: count }, () => 0);
    this.peers = Array.from({ length: count }, (_, index) => {
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      const channel = this.network.channel();
      const send = channel.send.bind(channel);
      channel.send = (peer, frame) => {
        if ((this.failing[index] ?? 0) === 0) return send(peer, frame);
        this.failing[index] = (this.failing[index] ?? 0) - 1;
        return false;
      };
      const sync = startSync(doc, awareness, channel);
      this.network.connect(channel);
      return { doc, awareness, channel, sync };
    });
  }

  setLinked(a: number, b: number, linked: boolean): void {
    if (a === b) return;
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (linked !== this.cut.has(key)) return; // already so
    if (linked) this.cut.delete(key);
    else this.cut.add(key);
    this.network.setLinked(this.peerAt(a).channel, this.peerAt(b).channel, linked);
  }

  /** The network heals: every link back, no more failing sends. */
  restoreAll(): void {
    this.failing.fill(0);
    for (const key of [...this.cut]) {
      const [a, b] = key.split('-').map(Number) as [number, number];
      this.setLinked(a, b, true);
    }
  }

  peerAt(index: number): Peer {
    return this.peers[index] as Peer;
  }

  destroy(): void {
    for (const { doc, awareness, channel, sync } of this.peers) {
      sync.destroy();
      channel.destroy();
      awareness.destroy();
      doc.destroy();
    }
  }
}

function apply(room: LossyRoom, op: Operation, dropRate: number, counter: { n: number }): void {
  switch (op.type) {
    case 'frames':
      for (const { pick, roll, anyOrder } of op.steps) {
        const action = roll < dropRate ? 'drop' : roll < dropRate + 0.1 ? 'duplicate' : 'deliver';
        room.network.step(pick, action, anyOrder);
      }
      return;
    case 'tick':
      vi.advanceTimersByTime(op.ms);
      return;
    case 'cut':
    case 'restore':
      room.setLinked(op.a, op.b, op.type === 'restore');
      return;
    case 'fail':
      room.failing[op.peer] = op.sends;
      return;
    default:
      applySessionOperation(room.peerAt(op.peer).doc, op, counter);
  }
}

const hasPending = (doc: Y.Doc) =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/**
 * Runs per peer count. Each run is real sync work (≈ 10 ms of Yjs encoding and applying): 200
 * keep the file near 5 s on this 2-core machine; the plain fuzz runs 1,000 of far cheaper runs.
 */
const RUNS = 200;

/**
 * Schedules the fuzz once found diverging, run first every time (fast-check `examples`).
 * A failed send replaced peer 0's queue by a full state, and the outbox then swallowed the
 * anti-entropy state vector it was asked to send: peer 0 never asked for what it lacked.
 */
const FOUND: Record<number, [Operation[], number, number, number][]> = {
  3: [
    [
      [
        { type: 'tick', ms: 4803 },
        { type: 'add', peer: 0, phase: 0, kind: 0, text: 'a' },
        { type: 'tick', ms: 4197 },
        { type: 'fail', peer: 0, sends: 1 },
        { type: 'edit', peer: 0, item: 0, index: 0, deleteCount: 0, insert: ' ' },
        { type: 'end', peer: 1 },
        {
          type: 'frames',
          steps: Array.from({ length: 5 }, () => ({ pick: 0, roll: 0, anyOrder: false })),
        },
      ],
      0.1,
      256,
      -10,
    ],
  ],
};

describe('convergence under lossy schedules, through the sync layer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const peers of [3, 5]) {
    it(`${peers} peers converge to one snapshot after loss, duplication and reordering`, () => {
      fc.assert(
        fc.property(
          // `size: 'max'`: schedules of any length up to 60, not fast-check's short default.
          fc.array(operation(peers), { maxLength: 60, size: 'max' }),
          fc.noBias(fc.integer({ min: 10, max: 30 })).map((percent) => percent / 100),
          // Small frames put the session's catch-up and larger edits through the chunk layer.
          fc.constantFrom(256, 1024, 64 * 1024),
          fc.integer(),
          (ops, dropRate, maxFrameBytes, seed) => {
            const room = new LossyRoom(peers, maxFrameBytes);
            try {
              const first = room.peerAt(0).doc;
              createSession(first, { template: testTemplate, locale: 'en' }, fixedContext('s'));
              room.network.flush(seededRandom(seed)); // every peer starts with the session
              const counter = { n: 0 };
              for (const op of ops) apply(room, op, dropRate, counter);

              // The network heals: no more loss. What is in flight arrives, then one round of
              // anti-entropy runs and its replies arrive.
              room.restoreAll();
              room.network.flush(seededRandom(seed + 1));
              vi.advanceTimersByTime(ANTI_ENTROPY_MS);
              room.network.flush(seededRandom(seed + 2));

              const docs = room.peers.map((p) => p.doc);
              const [reference, ...rest] = docs.map(snap);
              for (const other of rest) expect(other).toEqual(reference);
              const markdown = new Set(docs.map((doc) => harvestMarkdown(snap(doc))));
              expect(markdown.size).toBe(1);
              for (const doc of docs) expect(hasPending(doc)).toBe(false);

              // Once unfinished messages time out, no peer still shows a catch-up under way.
              vi.advanceTimersByTime(REASSEMBLY_TIMEOUT_MS + REASSEMBLY_TIMEOUT_MS / 4);
              room.network.flush(seededRandom(seed + 3));
              for (const { sync } of room.peers) expect(sync.state().receiving).toBeNull();
            } finally {
              room.destroy();
            }
          },
        ),
        { numRuns: RUNS, examples: FOUND[peers] ?? [] },
      );
    }, 60_000); // a busy 2-core machine runs it several times slower than an idle one
  }
});
