import { expect, it } from 'vitest';
import type { Channel, ChannelStatus, PeerId, PeerInfo } from '../../lib/room/channel';
import { CHUNK_HEADER_MAX_BYTES } from '../../lib/room/chunks';
import { type ContractContext, others, patterned, sameBytes } from './channel-contract';

/** What one channel heard, in order. */
type Heard =
  | { readonly event: 'joined'; readonly peer: PeerId; readonly info: PeerInfo }
  | { readonly event: 'left'; readonly peer: PeerId }
  | { readonly event: 'frame'; readonly peer: PeerId; readonly frame: Uint8Array }
  | { readonly event: 'drain'; readonly peer: PeerId };

function listen(channel: Channel): Heard[] {
  const heard: Heard[] = [];
  channel.on('peer-joined', (peer, info) => heard.push({ event: 'joined', peer, info }));
  channel.on('peer-left', (peer) => heard.push({ event: 'left', peer }));
  // A copy: a channel may reuse a frame's buffer once its listeners return (chunks.ts copies
  // for the same reason).
  channel.on('frame', (peer, frame) => heard.push({ event: 'frame', peer, frame: frame.slice() }));
  channel.on('drain', (peer) => heard.push({ event: 'drain', peer }));
  return heard;
}

const framesIn = (heard: Heard[], from?: PeerId) =>
  heard.flatMap((h) => (h.event === 'frame' && (!from || h.peer === from) ? [h.frame] : []));
const peersOf = (heard: Heard[], event: 'joined' | 'left') =>
  heard.flatMap((h) => (h.event === event ? [h.peer] : []));
const sorted = (ids: Iterable<PeerId>) => [...ids].sort();
const STATUS_KINDS = ['connecting', 'online', 'offline', 'unreachable'];

export function frameContract({ channel: underTest, open }: ContractContext): void {
  it('lists every other peer, each announced once by peer-joined, with a usable frame limit', async () => {
    const heard: Heard[][] = [];
    const room = await open(3, (channel) => heard.push(listen(channel)));
    const ids = room.channels.map((c) => room.idOf(c));
    expect(new Set(ids).size).toBe(3);
    room.channels.forEach((channel, i) => {
      const expected = sorted(others(room, channel));
      expect(sorted(channel.peers().keys())).toEqual(expected);
      expect(sorted(peersOf(heard[i] ?? [], 'joined'))).toEqual(expected);
      for (const info of channel.peers().values()) {
        expect(info.chunks).toBe(underTest.chunks);
        expect(Number.isInteger(info.maxFrameBytes)).toBe(true);
        // A chunk frame must fit its header and at least one byte of the message.
        expect(info.maxFrameBytes).toBeGreaterThan(CHUNK_HEADER_MAX_BYTES);
      }
      expect(channel.highWaterBytes).toBeGreaterThan(channel.lowWaterBytes);
      expect(channel.lowWaterBytes).toBeGreaterThanOrEqual(0);
    });
  });

  it('delivers every frame once, whole and unchanged, from the peer that sent it', async () => {
    const heard: Heard[][] = [];
    const room = await open(3, (channel) => heard.push(listen(channel)));
    const sent = new Map<string, Uint8Array[]>(); // "from→to" → frames
    room.channels.forEach((from, i) => {
      for (const [to, info] of from.peers()) {
        const frames = [
          new Uint8Array([i]),
          patterned(Math.floor(info.maxFrameBytes / 2), i * 7 + 1),
          patterned(info.maxFrameBytes, i * 7 + 2),
        ];
        const key = `${room.idOf(from)}→${to}`;
        sent.set(
          key,
          frames.map((f) => f.slice()),
        );
        for (const frame of frames) {
          expect(from.send(to, frame)).toBe(true);
          frame.fill(0xee); // the sender may reuse its buffer at once
        }
      }
    });
    const expected = 3 * 2 * 3;
    const count = () => heard.reduce((n, h) => n + framesIn(h).length, 0);
    await room.until(() => count() >= expected, 'every frame arrives');
    expect(count()).toBe(expected);
    room.channels.forEach((to, j) => {
      for (const from of room.channels.filter((c) => c !== to)) {
        const got = framesIn(heard[j] ?? [], room.idOf(from));
        const want = sent.get(`${room.idOf(from)}→${room.idOf(to)}`) ?? [];
        // Order is not part of the contract (the layers above do not need it): match by size.
        const bySize = (a: Uint8Array, b: Uint8Array) => a.length - b.length;
        got.sort(bySize);
        want.sort(bySize);
        expect(got.length).toBe(want.length);
        expect(got.every((frame, k) => sameBytes(frame, want[k] as Uint8Array))).toBe(true);
      }
    });
  });

  it("refuses a frame over the peer's limit instead of cutting it, and never delivers an empty one", async () => {
    const heard: Heard[][] = [];
    const room = await open(2, (channel) => heard.push(listen(channel)));
    const [a, b] = room.channels as [Channel, Channel];
    const toB = room.idOf(b);
    const limit = (a.peers().get(toB) as PeerInfo).maxFrameBytes;
    expect(a.send(toB, patterned(limit + 1, 1))).toBe(false);
    expect(a.send(toB, patterned(4 * limit, 2))).toBe(false);
    a.send(toB, new Uint8Array(0)); // may be refused or carried; must not arrive as a frame
    expect(a.send('no-such-peer', new Uint8Array([1]))).toBe(false);
    expect(a.bufferedBytes('no-such-peer')).toBe(0);
    const sentinel = patterned(limit, 3);
    expect(a.send(toB, sentinel)).toBe(true);
    const got = () => framesIn(heard[1] ?? []);
    await room.until(() => got().length >= 1, 'the frame after the refused ones arrives');
    expect(got()).toHaveLength(1);
    expect(sameBytes(got()[0] as Uint8Array, sentinel)).toBe(true);
  });

  it('tells every peer of a newcomer and the newcomer of every peer; first frames are not lost', async () => {
    const heard: Heard[][] = [];
    const hello = (channel: Channel) =>
      channel.on('peer-joined', (peer) => channel.send(peer, new Uint8Array([42])));
    const room = await open(3, (channel) => {
      heard.push(listen(channel));
      hello(channel);
    });
    let dHeard: Heard[] = [];
    // Listeners first, as the sync layer attaches before its channel links.
    const d = await room.join((channel) => {
      dHeard = listen(channel);
      hello(channel);
    });
    const dId = room.idOf(d);
    const old = room.channels.filter((c) => c !== d);
    await room.until(
      () => framesIn(dHeard).length >= 3 && heard.every((h) => framesIn(h, dId).length >= 1),
      'the hellos sent on peer-joined arrive both ways',
    );
    expect(sorted(d.peers().keys())).toEqual(sorted(old.map((c) => room.idOf(c))));
    expect(sorted(peersOf(dHeard, 'joined'))).toEqual(sorted(old.map((c) => room.idOf(c))));
    for (const h of heard) expect(peersOf(h, 'joined').filter((p) => p === dId)).toHaveLength(1);
    for (const channel of old) expect(channel.peers().has(dId)).toBe(true);
    // No frame from a peer before that peer was announced.
    for (const h of [dHeard, ...heard]) {
      const announced = new Set<PeerId>();
      for (const event of h) {
        if (event.event === 'joined') announced.add(event.peer);
        if (event.event === 'frame') expect(announced.has(event.peer)).toBe(true);
      }
    }
  });

  it('tells the others when a peer leaves, and sends it nothing more', async () => {
    const heard: Heard[][] = [];
    const room = await open(3, (channel) => heard.push(listen(channel)));
    const [a, b, c] = room.channels as [Channel, Channel, Channel];
    const cId = room.idOf(c);
    await room.leave(c);
    await room.until(
      () => [heard[0], heard[1]].every((h) => peersOf(h ?? [], 'left').includes(cId)),
      'peer-left reaches those who stay',
    );
    for (const [channel, h] of [
      [a, heard[0]],
      [b, heard[1]],
    ] as const) {
      expect(peersOf(h ?? [], 'left')).toEqual([cId]);
      expect(channel.peers().has(cId)).toBe(false);
      expect(channel.send(cId, new Uint8Array([1]))).toBe(false);
      expect(channel.bufferedBytes(cId)).toBe(0);
    }
    // The channel that left is done: it lists no peers and sends nothing.
    expect(c.peers().size).toBe(0);
    expect(c.send(room.idOf(a), new Uint8Array([1]))).toBe(false);
  });

  it('reports its health: every status event is what status() says at that moment', async () => {
    const room = await open(2);
    const channel = room.channels[0] as Channel;
    expect(STATUS_KINDS).toContain(channel.status().kind);
    const events: { event: ChannelStatus; now: ChannelStatus }[] = [];
    channel.on('status', (event) => events.push({ event, now: channel.status() }));
    if (!underTest.setStatus) return; // a real channel's health is only checked, not driven
    const path: ChannelStatus[] = [
      { kind: 'connecting' },
      { kind: 'online' },
      { kind: 'offline' },
      { kind: 'offline' },
      { kind: 'online' },
      { kind: 'unreachable' },
      { kind: 'online' },
    ];
    const expected: string[] = [];
    let last = channel.status().kind;
    for (const status of path) {
      await underTest.setStatus(channel, status);
      expect(channel.status()).toEqual(status);
      if (status.kind !== last) expected.push(status.kind);
      last = status.kind;
    }
    // One event per change, none for a "change" to the same health.
    expect(events.map((e) => e.event.kind)).toEqual(expected);
    for (const { event, now } of events) expect(now).toEqual(event);
  });

  it('counts what it has not sent yet and fires drain once that falls below low water', async () => {
    const heard: Heard[][] = [];
    const room = await open(2, (channel) => heard.push(listen(channel)));
    const [a, b] = room.channels as [Channel, Channel];
    const toB = room.idOf(b);
    const limit = (a.peers().get(toB) as PeerInfo).maxFrameBytes;
    let sent = 0;
    let most = 0;
    // Fill the link past high water (a channel that never buffers is allowed: then it carries
    // everything at once and owes no drain).
    const cap = Math.ceil((2 * a.highWaterBytes) / limit) + 1;
    while (a.bufferedBytes(toB) < a.highWaterBytes && sent < cap) {
      expect(a.send(toB, patterned(limit, sent + 1))).toBe(true);
      sent++;
      most = Math.max(most, a.bufferedBytes(toB));
    }
    const drained = () => (heard[0] ?? []).some((h) => h.event === 'drain' && h.peer === toB);
    await room.until(
      () => framesIn(heard[1] ?? []).length >= sent && (most < a.lowWaterBytes || drained()),
      'everything arrives, and drain fires if the link had filled',
    );
    expect(framesIn(heard[1] ?? [])).toHaveLength(sent);
    if (most >= a.lowWaterBytes) expect(drained()).toBe(true);
    expect(a.bufferedBytes(toB)).toBeLessThan(a.lowWaterBytes);
  });
}
