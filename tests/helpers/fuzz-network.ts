import * as Y from 'yjs';

/**
 * The session fuzz's network (session-fuzz.test.ts): real Y.Docs exchanging real update
 * messages through per-recipient inboxes, delivered late, out of order or twice, only when the
 * schedule says so (after Yjs' TestConnector, like test-network.ts). Peers also go offline and
 * come back, as a closed laptop or a lost WebRTC link does: what was in flight to an offline
 * peer is lost, what it writes reaches nobody, and on its return it exchanges the difference
 * with every peer that is online, as y-webrtc's sync step 2 does. Those catch-up messages go
 * through the same late, reordered, duplicated delivery.
 */
export class FuzzNetwork {
  readonly docs: Y.Doc[];
  private readonly inboxes: Uint8Array[][];
  private readonly online: boolean[];
  /** Called after an update was applied to a peer: where the app reacts to what arrived. */
  afterDelivery: (peer: number) => void = () => {};

  constructor(peerCount: number) {
    this.docs = Array.from({ length: peerCount }, (_, index) => {
      const doc = new Y.Doc({ gc: true, guid: `peer-${index}` });
      // Yjs breaks ties between concurrent writes by client id, which is random by default:
      // fixed ids make a failing seed replay the same way.
      doc.clientID = index + 1;
      return doc;
    });
    this.inboxes = this.docs.map(() => []);
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Not what the network delivered (no echo), and not while offline: nobody hears that.
        if (origin === this || !this.online[from]) return;
        this.inboxes.forEach((inbox, to) => {
          if (to !== from && this.online[to]) inbox.push(update);
        });
      });
    });
  }

  isOnline(peer: number): boolean {
    return this.online[peer] === true;
  }

  pending(): number {
    return this.inboxes.reduce((sum, inbox) => sum + inbox.length, 0);
  }

  /**
   * Delivers one pending update to its peer, chosen by `pick` (a number in [0, 1)) among all
   * pending ones: late and reordered delivery. With `duplicate` a copy stays in the inbox, so
   * it arrives again later.
   */
  deliverOne(pick: number, duplicate = false): boolean {
    const total = this.pending();
    if (total === 0) return false;
    let target = Math.floor(pick * total);
    for (const [to, inbox] of this.inboxes.entries()) {
      if (target < inbox.length) {
        const update = duplicate ? inbox[target] : inbox.splice(target, 1)[0];
        if (update) {
          Y.applyUpdate(this.docs[to] as Y.Doc, update, this);
          this.afterDelivery(to);
        }
        return true;
      }
      target -= inbox.length;
    }
    return false;
  }

  /** The peer drops off the network: what was in flight to it is lost. */
  goOffline(peer: number): void {
    if (!this.online[peer]) return;
    this.online[peer] = false;
    (this.inboxes[peer] as Uint8Array[]).length = 0;
  }

  /**
   * The peer is back: it and every online peer send each other what the other lacks (by state
   * vector), computed now and delivered whenever the schedule says.
   */
  reconnect(peer: number): void {
    if (this.online[peer]) return;
    this.online[peer] = true;
    const returning = this.docs[peer] as Y.Doc;
    this.docs.forEach((other, index) => {
      if (index === peer || !this.online[index]) return;
      this.inboxes[peer]?.push(Y.encodeStateAsUpdate(other, Y.encodeStateVector(returning)));
      this.inboxes[index]?.push(Y.encodeStateAsUpdate(returning, Y.encodeStateVector(other)));
    });
  }

  /**
   * The network heals: every peer is back and catches up by state vector, as after a reconnect,
   * instead of through the backlog in the inboxes: the same end state (Yjs converges whatever
   * the order) at a fraction of the cost, which leaves time for more schedules. One peer, picked
   * by `random`, first gathers what every other holds, then each other peer gets what it lacks,
   * in a random order. What the peers write in reaction (shared drafts) is then delivered until
   * nothing is left.
   */
  settle(random: () => number): void {
    this.online.fill(true);
    for (const inbox of this.inboxes) inbox.length = 0;
    const order = shuffled(this.docs.length, random);
    const [hub, ...rest] = order.map((peer) => this.docs[peer] as Y.Doc);
    if (!hub) return;
    for (const other of rest) this.catchUp(hub, other);
    this.afterDelivery(order[0] as number);
    rest.forEach((other, index) => {
      this.catchUp(other, hub);
      this.afterDelivery(order[index + 1] as number);
    });
    while (this.pending() > 0) {
      const waiting = this.inboxes.flatMap((inbox, peer) => (inbox.length > 0 ? [peer] : []));
      const peer = waiting[Math.floor(random() * waiting.length)] as number;
      const inbox = this.inboxes[peer] as Uint8Array[];
      Y.applyUpdate(this.docs[peer] as Y.Doc, Y.mergeUpdates(inbox.splice(0)), this);
      this.afterDelivery(peer);
    }
  }

  /** `doc` receives what `from` holds and it lacks. */
  private catchUp(doc: Y.Doc, from: Y.Doc): void {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(from, Y.encodeStateVector(doc)), this);
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy();
  }
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
