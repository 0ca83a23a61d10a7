import { expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ANTI_ENTROPY_MS, MAX_SYNC_MESSAGE_BYTES, REASSEMBLY_TIMEOUT_MS } from '../../lib/limits';
import type { Channel, PeerId, PeerInfo } from '../../lib/room/channel';
import { ChunkedMessage } from '../../lib/room/chunks';
import { type SyncLayer, startSync } from '../../lib/room/sync';
import { MESSAGE_CHUNK, MESSAGE_SYNC } from '../../lib/room/wire';
import { type ChannelRoom, type ContractContext, patterned, sameBytes } from './channel-contract';

interface SyncPeer {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly channel: Channel;
  readonly sync: SyncLayer;
}

/** Starts the sync layer on a channel (before it links), destroyed after the test. */
function syncOn(
  channel: Channel,
  onClose: (cleanup: () => void) => void,
  doc = new Y.Doc(),
): SyncPeer {
  const awareness = new Awareness(doc);
  const sync = startSync(doc, awareness, channel);
  onClose(() => {
    sync.destroy();
    awareness.destroy();
    doc.destroy();
  });
  return { doc, awareness, channel, sync };
}

function fill(doc: Y.Doc, prefix: string, items: number, chars: number): void {
  doc.transact(() => {
    const map = doc.getMap<Y.Text>('items');
    for (let i = 0; i < items; i++) map.set(`${prefix}${i}`, new Y.Text('x'.repeat(chars)));
  });
}

const itemCount = (doc: Y.Doc) => doc.getMap('items').size;
const sameState = (a: Y.Doc, b: Y.Doc) => sameBytes(Y.encodeStateVector(a), Y.encodeStateVector(b));
const hasPending = (doc: Y.Doc) =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
const limitTo = (from: Channel, to: PeerId) => (from.peers().get(to) as PeerInfo).maxFrameBytes;

/** A document of about `bytes` bytes of state: items of 2,000 characters. */
function sized(bytes: number): Y.Doc {
  const doc = new Y.Doc();
  fill(doc, 'big-', Math.max(1, Math.ceil(bytes / 2_000)), 2_000);
  return doc;
}

export function syncContract({ channel: underTest, open, onClose }: ContractContext): void {
  it('catches a late joiner up on a 10 MB session (5,000 items × 2,000 characters)', async () => {
    const peers: SyncPeer[] = [];
    const doc = sized(10_000_000);
    const room = await open(1, (channel) => peers.push(syncOn(channel, onClose, doc)));
    const [a] = peers as [SyncPeer];
    let b: SyncPeer | undefined;
    await room.join((channel) => {
      b = syncOn(channel, onClose);
    });
    const joiner = b as SyncPeer;
    if (!underTest.chunks) {
      // A peer without chunking cannot take it: said so, nothing cut, nothing half-applied.
      await room.until(() => a.sync.state().unreachablePeers === 1, 'the sender says so');
      expect(itemCount(joiner.doc)).toBe(0);
      return;
    }
    // Waits for nothing half put together too: on a real network a second message with the
    // same items (an anti-entropy reply) may still be arriving when the first is applied.
    await room.until(
      () => itemCount(joiner.doc) === 5_000 && joiner.sync.state().receiving === null,
      'the joiner has every item, and no message is left half put together',
    );
    expect(sameState(joiner.doc, a.doc)).toBe(true);
    expect(a.sync.state().unreachablePeers).toBe(0);
  });

  it('carries edits and presence between every pair of peers', async () => {
    const peers: SyncPeer[] = [];
    const room = await open(4, (channel) => peers.push(syncOn(channel, onClose)));
    peers.forEach((peer, i) => {
      peer.doc.getMap('m').set(`from-${i}`, i);
      peer.awareness.setLocalStateField('name', `peer ${i}`);
    });
    const complete = () =>
      peers.every((p) => p.doc.getMap('m').size === 4 && p.awareness.getStates().size === 4);
    await room.until(complete, 'every edit and every presence everywhere');
    for (const peer of peers) {
      expect(peer.doc.getMap('m').toJSON()).toEqual(peers[0]?.doc.getMap('m').toJSON());
    }
  });

  it.skipIf(!underTest.chunks)(
    'puts together large updates from several peers at once, interleaved',
    async () => {
      const peers: SyncPeer[] = [];
      const room = await open(4, (channel) => peers.push(syncOn(channel, onClose)));
      const chunkFrom: PeerId[] = [];
      const receiver = peers[3] as SyncPeer;
      receiver.channel.on('frame', (from, frame) => {
        if (frame[0] === MESSAGE_CHUNK) chunkFrom.push(from);
      });
      await room.until(() => true, 'the room settles');
      const limit = limitTo(peers[0]?.channel as Channel, room.idOf(receiver.channel));
      // Each of three peers makes one transaction of about six frames, all at the same time.
      peers.slice(0, 3).forEach((peer, i) => {
        fill(peer.doc, `p${i}-`, 3, 2 * limit);
      });
      // On a real network the items can be complete while a message carrying some of them
      // again is still arriving (the answer to a newcomer's state vector, sent after the
      // fill): done is every item everywhere and nothing left half put together.
      await room.until(
        () => peers.every((p) => itemCount(p.doc) === 9 && p.sync.state().receiving === null),
        'every transaction reaches every peer, and no message is left half put together',
      );
      expect(new Set(chunkFrom).size).toBe(3);
      // Where the test orders the network, the chunks of the three really were interleaved.
      const runs = chunkFrom.filter((from, i) => i === 0 || from !== chunkFrom[i - 1]).length;
      if (room.network) expect(runs).toBeGreaterThan(3);
      for (const peer of peers) {
        expect(sameState(peer.doc, receiver.doc)).toBe(true);
      }
    },
  );

  it('drops garbage and truncated chunks, applies none of it, and still syncs after', async () => {
    const peers: SyncPeer[] = [];
    const room = await open(2, (channel) => peers.push(syncOn(channel, onClose)));
    const [a, b] = peers as [SyncPeer, SyncPeer];
    a.doc.getText('t').insert(0, 'before');
    await room.until(() => b.doc.getText('t').toString() === 'before', 'a first edit');
    const before = Y.encodeStateAsUpdate(b.doc);
    const toB = room.idOf(b.channel);
    const limit = limitTo(a.channel, toB);
    // A real sync message, chunked under ids the sender's sync layer will never reach, then cut.
    const real = Y.encodeStateAsUpdate(sized(4 * limit));
    const update = concat([MESSAGE_SYNC, 2, ...varuint(real.length)], real); // sync update
    const chunks = new ChunkedMessage(update, 900_000, limit);
    const realChunks = Array.from({ length: chunks.count }, () => chunks.next() as Uint8Array);
    // Chunk ids from 900,000 on: the sender's own sync layer never gets there in this test (a
    // forged chunk under a real message's id is the next test).
    const id = (n: number) => varuint(900_000 + n);
    const garbage: Uint8Array[] = [
      new Uint8Array([MESSAGE_SYNC]),
      new Uint8Array([MESSAGE_SYNC, 2, 255, 255, 255]),
      new Uint8Array([1, 200]),
      new Uint8Array([MESSAGE_CHUNK]),
      new Uint8Array([MESSAGE_CHUNK, ...id(10), 0, 2, 3, 9, 9, 9, 9]), // more bytes than its total
      new Uint8Array([MESSAGE_CHUNK, ...id(11), 5, 2, 3, 9]), // index past count
      new Uint8Array([MESSAGE_CHUNK, ...id(12), 0, 1, 255, 255, 255, 255, 127, 1]), // bad total
      new Uint8Array([MESSAGE_CHUNK, ...id(13), 0, 1, ...varuint(MAX_SYNC_MESSAGE_BYTES + 1), 1]),
      new Uint8Array([MESSAGE_CHUNK, ...id(14), 0, 2, 3, 9]), // half a message, never finished
      new Uint8Array([MESSAGE_CHUNK, ...id(14), 1, 3, 3, 9]), // ...and one that contradicts it
      new Uint8Array([77, 1, 2, 3]),
      patterned(limit, 98, MESSAGE_SYNC),
      // Every real chunk but the last, each cut short: the message can never be whole.
      ...realChunks.slice(0, -1).map((chunk) => chunk.subarray(0, chunk.length - 3)),
      // A whole chunked message that is garbage inside, and one that holds a chunk.
      ...chunked(patterned(3 * limit, 97, MESSAGE_SYNC), 900_001, limit),
      ...chunked(realChunks[0] as Uint8Array, 900_002, limit),
      // A random frame that starts like a chunk.
      new Uint8Array([MESSAGE_CHUNK, ...id(15), ...patterned(40, 96).subarray(1)]),
    ];
    let arrived = 0;
    b.channel.on('frame', () => arrived++);
    for (const frame of garbage) expect(() => a.channel.send(toB, frame)).not.toThrow();
    const sent = garbage.filter((f) => f.length > 0 && f.length <= limit).length;
    await room.until(() => arrived >= sent, 'the garbage arrives');
    expect(Y.encodeStateAsUpdate(b.doc)).toEqual(before);
    expect(hasPending(b.doc)).toBe(false);
    expect(itemCount(b.doc)).toBe(0);
    // And the session still syncs: a small edit and a chunked one, both ways.
    a.doc.getText('t').insert(6, ' after');
    fill(a.doc, 'a-', 3, underTest.chunks ? limit : 10); // chunked where the peer can take it
    b.doc.getText('t').insert(0, '> ');
    await room.until(
      () => itemCount(b.doc) === 3 && a.doc.getText('t').toString() === '> before after',
      'edits after the garbage',
    );
    expect(b.doc.getText('t').toString()).toBe('> before after');
  });

  it.skipIf(!underTest.chunks)(
    'asks again at once for a real message that a forged chunk under its id spoiled',
    async () => {
      const peers: SyncPeer[] = [];
      const room = await open(2, (channel) => peers.push(syncOn(channel, onClose)));
      const [a, b] = peers as [SyncPeer, SyncPeer];
      await room.until(() => true, 'the room settles');
      const toB = room.idOf(b.channel);
      // Half of a 3-byte message under id 1: the id of the sender's first chunked message
      // (sync.ts numbers them from 1), whose chunks then contradict it.
      a.channel.send(toB, new Uint8Array([MESSAGE_CHUNK, 1, 0, 2, 3, 9, 9]));
      fill(a.doc, 'a-', 3, limitTo(a.channel, toB));
      await room.until(() => itemCount(b.doc) === 3, 'the spoiled message, asked for again');
      expect(sameState(a.doc, b.doc)).toBe(true);
    },
  );

  it.skipIf(!underTest.controlled || !underTest.chunks)(
    'forgets a partial message after the timeout and asks again, so it heals by itself',
    async () => {
      vi.useFakeTimers();
      const peers: SyncPeer[] = [];
      const room = await open(1, (channel) => peers.push(syncOn(channel, onClose)));
      const network = room.network as NonNullable<ChannelRoom['network']>;
      const [a] = peers as [SyncPeer];
      fill(a.doc, 'x-', 400, 1_000);
      // The third chunk of the catch-up is lost on the wire; the send itself succeeded.
      const send = a.channel.send.bind(a.channel);
      let chunks = 0;
      a.channel.send = (peer, frame) => {
        if (frame[0] === MESSAGE_CHUNK && ++chunks === 3) return true;
        return send(peer, frame);
      };
      let b: SyncPeer | undefined;
      await room.join((channel) => {
        b = syncOn(channel, onClose);
      });
      const joiner = b as SyncPeer;
      const joinedAt = Date.now();
      vi.advanceTimersByTime(2_000); // chunks arrive off the beat of the anti-entropy rounds
      await room.until(() => joiner.sync.state().receiving !== null, 'the rest of the chunks');
      expect(chunks).toBeGreaterThan(3);
      expect(itemCount(joiner.doc)).toBe(0);
      const partialAt = Date.now();
      // Everything between them is lost until just before the partial message times out,
      // anti-entropy rounds included: only the timeout can heal what follows.
      while (Date.now() < partialAt + REASSEMBLY_TIMEOUT_MS - 500) {
        vi.advanceTimersByTime(500);
        while (network.step(0, 'drop')) {}
      }
      expect(itemCount(joiner.doc)).toBe(0);
      expect(joiner.sync.state().receiving).not.toBeNull(); // kept until the timeout
      let healedAt = 0;
      while (healedAt === 0 && Date.now() < partialAt + 2 * REASSEMBLY_TIMEOUT_MS) {
        vi.advanceTimersByTime(100);
        await room.until(() => true, 'whatever is in flight');
        if (itemCount(joiner.doc) > 0) healedAt = Date.now();
      }
      expect(sameState(joiner.doc, a.doc)).toBe(true);
      expect(joiner.sync.state().receiving).toBeNull();
      expect(healedAt).toBeGreaterThanOrEqual(partialAt + REASSEMBLY_TIMEOUT_MS);
      // Sooner than the joiner's next anti-entropy round: the timeout asked, not anti-entropy.
      const nextRound =
        joinedAt + ANTI_ENTROPY_MS * Math.ceil((healedAt - joinedAt) / ANTI_ENTROPY_MS);
      expect(healedAt).toBeLessThan(nextRound);
    },
  );
}

function varuint(n: number): number[] {
  const bytes: number[] = [];
  let rest = n;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function concat(head: number[], tail: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  return bytes;
}

function chunked(message: Uint8Array, id: number, limit: number): Uint8Array[] {
  const chunks = new ChunkedMessage(message, id, limit);
  return Array.from({ length: chunks.count }, () => chunks.next() as Uint8Array);
}
