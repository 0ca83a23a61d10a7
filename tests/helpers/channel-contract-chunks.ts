import { expect, it } from 'vitest';
import {
  MAX_OPEN_REASSEMBLIES,
  MAX_SYNC_MESSAGE_BYTES,
  REASSEMBLY_TIMEOUT_MS,
} from '../../lib/limits';
import type { Channel, PeerId, PeerInfo } from '../../lib/room/channel';
import { ChunkedMessage, Reassembler } from '../../lib/room/chunks';
import { Outbox, type PushResult } from '../../lib/room/outbox';
import { MESSAGE_CHUNK } from '../../lib/room/wire';
import { type ChannelRoom, type ContractContext, patterned, sameBytes } from './channel-contract';

/**
 * One device's end of the chunk layer, wired to a channel as sync.ts wires it (an Outbox and a
 * Reassembler per peer, pumped on drain), carrying opaque messages instead of Yjs ones, so the
 * contract can send exact sizes and compare bytes.
 */
class ChunkEnd {
  readonly received: { readonly from: PeerId; readonly message: Uint8Array }[] = [];
  readonly dropped: string[] = [];
  /** Every frame that arrived: its sender, size, and whether it was a chunk. */
  readonly frames: { readonly from: PeerId; readonly bytes: number; readonly chunk: boolean }[] =
    [];
  /** The most bytes buffered towards each peer right after a send. */
  readonly mostBuffered = new Map<PeerId, number>();
  drains = 0;
  /** Full states the outbox fell back to: a send failed or the queue overflowed. */
  fullStates = 0;
  private readonly outboxes = new Map<PeerId, Outbox>();
  private readonly reassemblers = new Map<PeerId, Reassembler>();
  private nextId = 1;

  constructor(private readonly channel: Channel) {
    channel.on('peer-joined', (peer, info) => this.add(peer, info));
    channel.on('peer-left', (peer) => {
      this.outboxes.delete(peer);
      this.reassemblers.delete(peer);
    });
    channel.on('drain', (peer) => {
      this.drains++;
      this.outboxes.get(peer)?.pump();
    });
    channel.on('frame', (from, frame) => this.receive(from, frame));
    for (const [peer, info] of channel.peers()) this.add(peer, info);
  }

  send(peer: PeerId, message: Uint8Array): PushResult {
    const outbox = this.outboxes.get(peer);
    if (!outbox) throw new Error(`no outbox for ${peer}`);
    const result = outbox.push(message);
    outbox.pump();
    return result;
  }

  reassembler(peer: PeerId): Reassembler | undefined {
    return this.reassemblers.get(peer);
  }

  private add(peer: PeerId, info: PeerInfo): void {
    const link = {
      info,
      send: (frame: Uint8Array) => {
        const ok = this.channel.send(peer, frame);
        const buffered = this.channel.bufferedBytes(peer);
        this.mostBuffered.set(peer, Math.max(this.mostBuffered.get(peer) ?? 0, buffered));
        return ok;
      },
      bufferedBytes: () => this.channel.bufferedBytes(peer),
      highWaterBytes: this.channel.highWaterBytes,
    };
    const fullState = () => {
      this.fullStates++;
      return new Uint8Array([0, 0xff]);
    };
    this.outboxes.set(
      peer,
      new Outbox(
        link,
        () => [fullState()],
        () => this.nextId++,
      ),
    );
    this.reassemblers.set(
      peer,
      new Reassembler({
        maxMessageBytes: MAX_SYNC_MESSAGE_BYTES,
        maxOpen: MAX_OPEN_REASSEMBLIES,
        timeoutMs: REASSEMBLY_TIMEOUT_MS,
      }),
    );
  }

  private receive(from: PeerId, frame: Uint8Array): void {
    const chunk = frame[0] === MESSAGE_CHUNK;
    this.frames.push({ from, bytes: frame.length, chunk });
    if (!chunk) {
      this.received.push({ from, message: frame.slice() });
      return;
    }
    const result = this.reassemblers.get(from)?.accept(frame);
    if (result?.kind === 'complete') this.received.push({ from, message: result.message });
    if (result?.kind === 'dropped') this.dropped.push(result.reason);
  }
}

const limitTo = (from: Channel, to: PeerId) => (from.peers().get(to) as PeerInfo).maxFrameBytes;

export function chunkContract({ channel: underTest, open }: ContractContext): void {
  it('carries messages of 1 B, limit − 1, limit, limit + 1 and 10 MB whole (or refuses them)', async () => {
    const made: ChunkEnd[] = [];
    const room = await open(2, (channel) => made.push(new ChunkEnd(channel)));
    const [a, b] = made as [ChunkEnd, ChunkEnd];
    const toB = room.idOf(room.channels[1] as Channel);
    const limit = limitTo(room.channels[0] as Channel, toB);
    const sizes = [1, limit - 1, limit, limit + 1, 10 * 1024 * 1024];
    const messages = sizes.map((size, i) => patterned(size, i + 1));
    const results = messages.map((message) => a.send(toB, message));
    // What fits one frame goes whole; the rest is chunked, or refused by a peer without chunks.
    const fits = (m: Uint8Array) => m.length <= limit;
    const deliverable = messages.filter((m) => fits(m) || underTest.chunks);
    expect(results).toEqual(
      messages.map((m) => (fits(m) || underTest.chunks ? 'queued' : 'too-large-for-peer')),
    );
    await room.until(() => b.received.length >= deliverable.length, 'every message arrives');
    const bySize = [...b.received].sort((x, y) => x.message.length - y.message.length);
    expect(bySize.map((r) => r.message.length)).toEqual(deliverable.map((m) => m.length));
    expect(bySize.every((r, i) => sameBytes(r.message, deliverable[i] as Uint8Array))).toBe(true);
    // Never a frame over the limit; a message that fits is never chunked, one that does not
    // always is, and a peer without chunking is never sent a chunk.
    expect(b.frames.every((f) => f.bytes <= limit)).toBe(true);
    const whole = b.frames.filter((f) => !f.chunk).length;
    expect(whole).toBe(messages.filter(fits).length);
    if (!underTest.chunks) expect(b.frames.some((f) => f.chunk)).toBe(false);
    else expect(b.frames.filter((f) => f.chunk).length).toBeGreaterThan((10 * 1024 * 1024) / limit);
    expect(b.dropped).toEqual([]);
    expect(a.fullStates).toBe(0);
  });

  it('keeps to back-pressure: at most high water + one frame buffered, and all of it arrives', async () => {
    const made: ChunkEnd[] = [];
    const room = await open(2, (channel) => made.push(new ChunkEnd(channel)));
    const [a, b] = made as [ChunkEnd, ChunkEnd];
    const sender = room.channels[0] as Channel;
    const toB = room.idOf(room.channels[1] as Channel);
    const limit = limitTo(sender, toB);
    // Four times high water: in one large message where chunks are allowed, and in small ones
    // (whole frames) either way, interleaved.
    const messages: Uint8Array[] = [];
    if (underTest.chunks) messages.push(patterned(4 * sender.highWaterBytes + 1, 1));
    const small = Math.max(1, Math.floor(limit / 2));
    const smallCount = Math.ceil((4 * sender.highWaterBytes) / small);
    for (let i = 0; i < smallCount; i++) messages.push(patterned(small, i + 2));
    for (const message of messages) expect(a.send(toB, message)).toBe('queued');
    await room.until(
      () => b.received.length >= messages.length,
      'everything arrives after draining',
    );
    expect(a.mostBuffered.get(toB) ?? 0).toBeLessThanOrEqual(sender.highWaterBytes + limit);
    // A link that ever filled up must have drained for the rest to go.
    if ((a.mostBuffered.get(toB) ?? 0) >= sender.highWaterBytes) {
      expect(a.drains).toBeGreaterThan(0);
    }
    expect(b.received).toHaveLength(messages.length);
    const total = (list: Uint8Array[]) => list.reduce((n, m) => n + m.length, 0);
    expect(total(b.received.map((r) => r.message))).toBe(total(messages));
    expect(a.fullStates).toBe(0);
  });

  it('reassembles chunks interleaved from several peers, even under the same message ids', async () => {
    const room = await open(4);
    const [receiver, ...senders] = [...room.channels].reverse() as Channel[];
    const end = new ChunkEnd(receiver as Channel);
    const toReceiver = room.idOf(receiver as Channel);
    const sent = new Map<PeerId, Uint8Array>();
    // Every sender numbers its messages from 1: only the per-peer buffers keep them apart.
    const pieces = senders.map((sender, i) => {
      const limit = limitTo(sender, toReceiver);
      const message = patterned(5 * limit + 17 * i, i + 1);
      sent.set(room.idOf(sender), message);
      return { sender, chunks: new ChunkedMessage(message, 1, limit) };
    });
    // Round robin, one frame from each sender in turn.
    while (pieces.some((p) => p.chunks.remainingBytes() > 0)) {
      for (const { sender, chunks } of pieces) {
        const frame = chunks.next();
        if (frame) expect(sender.send(toReceiver, frame)).toBe(true);
      }
    }
    await room.until(() => end.received.length >= senders.length, 'one message from each sender');
    expect(end.received).toHaveLength(senders.length);
    for (const { from, message } of end.received) {
      expect(sameBytes(message, sent.get(from) as Uint8Array)).toBe(true);
    }
    // The chunks really were interleaved on arrival (where the test orders the network).
    const order = end.frames.map((f) => f.from);
    const runs = order.filter((from, i) => i === 0 || from !== order[i - 1]).length;
    if (room.network) expect(runs).toBeGreaterThan(senders.length);
    expect(end.dropped).toEqual([]);
  });

  it.skipIf(!underTest.controlled || !underTest.chunks)(
    'reassembles chunks that arrive in any order and twice, between small messages',
    async () => {
      const made: ChunkEnd[] = [];
      const room = await open(2, (channel) => made.push(new ChunkEnd(channel)));
      const [a, b] = made as [ChunkEnd, ChunkEnd];
      const network = room.network as NonNullable<ChannelRoom['network']>;
      const toB = room.idOf(room.channels[1] as Channel);
      const limit = limitTo(room.channels[0] as Channel, toB);
      const large = [patterned(7 * limit + 3, 1), patterned(3 * limit, 2)];
      const small = [patterned(10, 3), patterned(limit, 4)];
      for (const message of [large[0], small[0], large[1], small[1]]) {
        a.send(toB, message as Uint8Array);
      }
      let random = 12345;
      const next = () => {
        random = (random * 1103515245 + 12345) % 2147483648;
        return random / 2147483648;
      };
      let guard = 0;
      while (network.step(next(), next() < 0.25 ? 'duplicate' : 'deliver', true)) {
        if (++guard > 100_000) throw new Error('does not settle');
      }
      for (const message of [...large, ...small]) {
        const copies = b.received.filter((r) => sameBytes(r.message, message)).length;
        // A duplicated whole frame is a duplicated message (Yjs takes it twice, harmlessly);
        // a chunked message is put together once, whatever was duplicated.
        if (large.includes(message)) expect(copies).toBe(1);
        else expect(copies).toBeGreaterThanOrEqual(1);
      }
      expect(b.dropped).toEqual([]);
    },
  );
}
