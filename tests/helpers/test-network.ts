import * as Y from 'yjs';

/**
 * In-memory peers whose updates are held in per-recipient inboxes and delivered only when the
 * test says so: late, out of order, or twice (after Yjs' TestConnector). Nothing is mocked:
 * real Y.Docs exchange real update messages; only the network's timing is under test control.
 */
export class TestNetwork {
  readonly docs: Y.Doc[];
  private readonly inboxes: Uint8Array[][];

  constructor(peerCount: number) {
    this.docs = Array.from(
      { length: peerCount },
      (_, i) => new Y.Doc({ gc: true, guid: `peer-${i}` }),
    );
    this.inboxes = this.docs.map(() => []);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return; // do not echo what the network delivered
        this.inboxes.forEach((inbox, to) => {
          if (to !== from) inbox.push(update);
        });
      });
    });
  }

  pending(): number {
    return this.inboxes.reduce((sum, inbox) => sum + inbox.length, 0);
  }

  /**
   * Delivers one pending update to one peer, chosen by `pick` (a number in [0, 1)), optionally
   * keeping a copy in the inbox so it arrives twice.
   */
  deliverOne(pick: number, duplicate = false): boolean {
    const total = this.pending();
    if (total === 0) return false;
    let target = Math.floor(pick * total);
    for (const [to, inbox] of this.inboxes.entries()) {
      if (target < inbox.length) {
        const update = duplicate ? inbox[target] : inbox.splice(target, 1)[0];
        if (update) Y.applyUpdate(this.docs[to] as Y.Doc, update, this);
        return true;
      }
      target -= inbox.length;
    }
    return false;
  }

  /** Delivers everything in a random order from `random` until every inbox is empty. */
  flush(random: () => number = Math.random): void {
    while (this.deliverOne(random())) {
      /* keep delivering */
    }
  }

  /** Sends peer `from`'s full state to every other peer, as a reconnecting peer would. */
  syncFrom(from: number): void {
    const state = Y.encodeStateAsUpdate(this.docs[from] as Y.Doc);
    this.docs.forEach((doc, to) => {
      if (to !== from) Y.applyUpdate(doc, state, this);
    });
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy();
  }
}

/** A small seeded PRNG (mulberry32) so a failing schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
