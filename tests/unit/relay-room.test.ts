import { beforeAll, describe, expect, it } from 'vitest';
import { RelayControlType, RelayErrorCode, writeJoin } from '../../lib/room/relay-control';
import { deriveRelayKeys, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { RelayRouter } from '../../signaling/relay-room';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { FakeClock, TestPeer } from '../helpers/relay-router';

let keys: RelayKeys;
let otherRoom: RelayKeys;
let otherPassphrase: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
  otherRoom = await deriveRelayKeys(fakeRoomSecrets('room-b'));
  otherPassphrase = await deriveRelayKeys(fakeRoomSecrets('room-a', 'buurt 2026'));
});

function setup(limits: ConstructorParameters<typeof RelayRouter>[0] = {}) {
  const clock = new FakeClock();
  const disconnects: string[] = [];
  const router = new RelayRouter({
    clock,
    ...limits,
    onDisconnect: (_sink, reason) => disconnects.push(reason),
  });
  return { clock, router, disconnects };
}

/** `count` peers joined to one room, their welcomes and join notices consumed. */
async function room(router: RelayRouter, count: number, roomKeys = keys) {
  const peers = Array.from({ length: count }, () => new TestPeer(roomKeys));
  for (const peer of peers) expect(peer.join(router).ok).toBe(true);
  for (const peer of peers) await peer.inbox();
  return peers;
}

describe('relay router: joining', () => {
  it('welcomes a joiner with the members already there, and tells them it joined', async () => {
    const { router } = setup();
    const [a, b] = await room(router, 2);
    const c = new TestPeer(otherPassphrase);
    expect(c.join(router)).toEqual({ ok: true, value: { delivered: 2 } });
    expect(await c.inbox()).toEqual([
      {
        kind: 'server',
        message: {
          type: RelayControlType.welcome,
          members: [
            { sender: a?.id, keyId: keys.keyId },
            { sender: b?.id, keyId: keys.keyId },
          ],
          presenceFrames: 0,
        },
      },
    ]);
    // The others see who joined, and that its passphrase differs (another key id).
    const notice = { type: RelayControlType.memberJoined, sender: c.id, keyId: c.keys.keyId };
    expect(await a?.inbox()).toEqual([{ kind: 'server', message: notice }]);
    expect(c.keys.keyId).not.toBe(keys.keyId);
  });

  it('keeps rooms apart: the same router serves two room tags without mixing them', async () => {
    const { router } = setup();
    const [a, b] = await room(router, 2);
    const [x] = await room(router, 1, otherRoom);
    if (!a || !b || !x) throw new Error('peers');
    router.receive(a.sink, await a.seal(RelayFrameType.update, 'for room a'));
    router.receive(x.sink, await x.seal(RelayFrameType.update, 'for room b'));
    expect(await b.texts()).toEqual(['for room a']);
    expect(await x.texts()).toEqual([]);
    expect(router.stats().rooms).toBe(2);
  });

  it('refuses a second join, a taken sender id and a malformed join, with an error each', async () => {
    const { router } = setup();
    const [a] = await room(router, 1);
    if (!a) throw new Error('peers');
    expect(a.join(router)).toEqual({ ok: false, error: 'already-joined' });
    const twin = new TestPeer(keys, a.id);
    expect(twin.join(router)).toEqual({ ok: false, error: 'sender-in-use' });
    const garbled = new TestPeer(keys);
    const bytes = garbled.joinBytes().slice(0, 20);
    expect(router.receive(garbled.sink, bytes)).toEqual({ ok: false, error: 'bad-join' });
    const zero = writeJoin({ roomTag: keys.roomTag, keyId: keys.keyId, sender: '0'.repeat(16) });
    expect(router.receive(garbled.sink, zero)).toEqual({ ok: false, error: 'bad-join' });
    const codes = async (peer: TestPeer) =>
      (await peer.inbox()).map((item) =>
        item.kind === 'server' && item.message.type === RelayControlType.error
          ? item.message.code
          : null,
      );
    expect(await codes(a)).toEqual([RelayErrorCode.alreadyJoined]);
    expect(await codes(twin)).toEqual([RelayErrorCode.senderInUse]);
    expect(await codes(garbled)).toEqual([RelayErrorCode.badJoin, RelayErrorCode.badJoin]);
    expect(router.stats().members).toBe(1);
  });

  it('drops frames before a join, and says so', async () => {
    const { router } = setup();
    const stranger = new TestPeer(keys);
    const result = router.receive(stranger.sink, await stranger.seal(RelayFrameType.update, 'x'));
    expect(result).toEqual({ ok: false, error: 'not-joined' });
    expect(router.counters.dropped['not-joined']).toBe(1);
    expect(router.stats()).toMatchObject({ rooms: 0, members: 0 });
  });
});

describe('relay router: fan-out', () => {
  it('sends updates, and chunks and controls without a target, to every member but the sender', async () => {
    const { router } = setup();
    const [a, b, c] = await room(router, 3);
    if (!a || !b || !c) throw new Error('peers');
    for (const type of [RelayFrameType.update, RelayFrameType.chunk, RelayFrameType.control]) {
      const result = router.receive(a.sink, await a.seal(type, `type ${type}`));
      expect(result).toEqual({ ok: true, value: { delivered: 2 } });
    }
    const expected = ['type 3', 'type 6', 'type 7'];
    expect(await b.texts()).toEqual(expected);
    expect(await c.texts()).toEqual(expected);
    expect(a.sink.received).toEqual([]); // no echo
  });

  it('sends a frame with a target to that member only', async () => {
    const { router } = setup();
    const [a, b, c] = await room(router, 3);
    if (!a || !b || !c) throw new Error('peers');
    const chunk = await a.seal(RelayFrameType.chunk, 'only for c', { target: c.id });
    const control = await a.seal(RelayFrameType.control, 'also for c', { target: c.id });
    expect(router.receive(a.sink, chunk)).toEqual({ ok: true, value: { delivered: 1 } });
    expect(router.receive(a.sink, control)).toEqual({ ok: true, value: { delivered: 1 } });
    expect(await c.texts()).toEqual(['only for c', 'also for c']);
    expect(b.sink.received).toEqual([]);
  });

  it('drops a frame for a member that is not there, or for the sender itself', async () => {
    const { router } = setup();
    const [a, b] = await room(router, 2);
    const [elsewhere] = await room(router, 1, otherRoom);
    if (!a || !b || !elsewhere) throw new Error('peers');
    for (const target of [elsewhere.id, a.id, 'abcdef0123456789']) {
      const frame = await a.seal(RelayFrameType.control, 'x', { target });
      expect(router.receive(a.sink, frame)).toEqual({ ok: false, error: 'unknown-target' });
    }
    expect(b.sink.received).toEqual([]);
    expect(elsewhere.sink.received).toEqual([]);
  });
});

describe('relay router: hostile frames are dropped and counted, never crash', () => {
  it('drops frames with another sender id, room tag or key id than the join', async () => {
    const { router } = setup();
    const [a, b] = await room(router, 2);
    if (!a || !b) throw new Error('peers');
    const impostor = new TestPeer(keys); // same key, but not a's sender id
    const inOtherRoom = new TestPeer(otherRoom, a.id);
    const otherKey = new TestPeer(otherPassphrase, a.id);
    const cases = [
      [impostor, 'wrong-sender'],
      [inOtherRoom, 'wrong-room'],
      [otherKey, 'wrong-key'],
    ] as const;
    for (const [forger, reason] of cases) {
      const frame = await forger.seal(RelayFrameType.update, 'forged');
      expect(router.receive(a.sink, frame)).toEqual({ ok: false, error: reason });
      expect(router.counters.dropped[reason]).toBe(1);
    }
    expect(b.sink.received).toEqual([]);
  });

  it('drops garbage, truncated, oversized and server-typed messages', async () => {
    const { router } = setup({ limits: { maxFrameBytes: 1024, maxViolations: 1_000 } });
    const [a, b] = await room(router, 2);
    if (!a || !b) throw new Error('peers');
    const good = await a.seal(RelayFrameType.update, 'x');
    const oversized = new Uint8Array(1025);
    oversized.set(good.subarray(0, 58));
    const wrongVersion = good.slice();
    wrongVersion[0] = 9;
    const unknownType = good.slice();
    unknownType[1] = 42;
    const cases: [unknown, string][] = [
      ['a text message', 'not-binary'],
      [{ type: 'publish' }, 'not-binary'],
      [new Uint8Array(0), 'truncated'],
      [good.subarray(0, 60), 'truncated'],
      [oversized, 'too-large'],
      [wrongVersion, 'unsupported-version'],
      [unknownType, 'unknown-type'],
      [new Uint8Array([1, RelayControlType.welcome, 0, 0, 0, 0]), 'unknown-control'],
      [new Uint8Array([1, 0xff]), 'unknown-control'],
    ];
    for (const [input, reason] of cases) {
      expect(router.receive(a.sink, input)).toEqual({ ok: false, error: reason });
    }
    const random = new Uint8Array(300);
    for (let i = 0; i < 200; i++) {
      globalThis.crypto.getRandomValues(random);
      expect(router.receive(b.sink, random).ok).toBe(false);
    }
    expect(a.sink.received).toEqual([]);
    expect(router.stats().members).toBe(2);
  });

  it('disconnects a connection after too many violations, and the room carries on', async () => {
    const { router, disconnects } = setup({ limits: { maxViolations: 3 } });
    const [a, b] = await room(router, 2);
    if (!a || !b) throw new Error('peers');
    for (let i = 0; i < 4; i++) router.receive(a.sink, new Uint8Array([1, 2, 3]));
    expect(disconnects).toEqual(['protocol']);
    expect(router.stats().members).toBe(1);
    const left = (await b.inbox()).map((item) => item.kind === 'server' && item.message);
    expect(left).toEqual([{ type: RelayControlType.memberLeft, sender: a.id }]);
  });
});

describe('relay router: memory', () => {
  it('holds nothing after 1,000 joins and leaves: rooms, members, presence, requests, timers', async () => {
    const { router, clock } = setup();
    const [anchor] = await room(router, 1);
    if (!anchor) throw new Error('peers');
    for (let i = 0; i < 1000; i++) {
      const peer = new TestPeer(i % 2 ? keys : otherRoom);
      expect(peer.join(router).ok).toBe(true);
      router.receive(peer.sink, await peer.seal(RelayFrameType.awareness, `here ${i}`));
      router.receive(peer.sink, await peer.seal(RelayFrameType.awareness, `still ${i}`));
      router.receive(peer.sink, await peer.seal(RelayFrameType.awarenessWill, `gone ${i}`));
      router.receive(peer.sink, await peer.seal(RelayFrameType.syncRequest, 'sv'));
      router.disconnect(peer.sink);
      router.disconnect(peer.sink); // twice: harmless
      clock.advance(60); // joins stay under the room's join rate
    }
    anchor.sink.take();
    router.disconnect(anchor.sink);
    expect(router.stats()).toEqual({
      rooms: 0,
      members: 0,
      syncRequests: 0,
      remoteRequesters: 0,
      storedPresenceBytes: 0,
    });
    expect(clock.pending).toBe(0);
    expect(router.counters).toMatchObject({ joined: 1001, left: 1001 });
  });
});
