import { beforeAll, describe, expect, it } from 'vitest';
import { RelayControlType, RelayErrorCode } from '../../lib/room/relay-control';
import { deriveRelayKeys, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import {
  RELAY_JOIN_BURST,
  RELAY_JOIN_RETRY_AFTER_MS,
  RELAY_JOINS_PER_SECOND,
  resolveRelayLimits,
} from '../../signaling/relay-limits';
import { RelayRouter } from '../../signaling/relay-room';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { FakeClock, type Received, TestPeer } from '../helpers/relay-router';

let keys: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
});

function setup(limits: Parameters<typeof resolveRelayLimits>[0] = {}) {
  const clock = new FakeClock();
  const disconnects: { peer: TestPeer | undefined; reason: string }[] = [];
  const peers: TestPeer[] = [];
  const router = new RelayRouter({
    clock,
    limits,
    onDisconnect: (sink, reason) =>
      disconnects.push({ peer: peers.find((peer) => peer.sink === sink), reason }),
  });
  const add = (count: number) => {
    const added = Array.from({ length: count }, () => new TestPeer(keys));
    for (const peer of added) {
      expect(peer.join(router).ok).toBe(true);
      clock.advance(60);
    }
    for (const peer of [...peers, ...added]) peer.sink.take();
    peers.push(...added);
    return added;
  };
  return { clock, router, disconnects, peers, add };
}

function errors(inbox: readonly Received[]) {
  return inbox.flatMap((item) =>
    item.kind === 'server' && item.message.type === RelayControlType.error ? [item.message] : [],
  );
}

describe('relay limits', () => {
  it('lets 200 people on one address into one room: nothing counts per address', async () => {
    const { router, peers, add } = setup();
    add(200);
    const [first] = peers;
    if (!first) throw new Error('peers');
    const result = router.receive(first.sink, await first.seal(RelayFrameType.update, 'hello'));
    expect(result).toEqual({ ok: true, value: { delivered: 199 } });
  });

  it('caps a room’s size, and says when to try again', async () => {
    const { router, add } = setup({ maxRoomMembers: 3 });
    add(3);
    const fourth = new TestPeer(keys);
    expect(fourth.join(router)).toEqual({ ok: false, error: 'room-full' });
    expect(errors(await fourth.inbox())).toEqual([
      { type: RelayControlType.error, code: RelayErrorCode.roomFull, retryAfterMs: 1_000 },
    ]);
    expect(router.stats().members).toBe(3);
  });

  it('paces joins to one room (a reconnect storm), and lets them in as the rate allows', async () => {
    const { router, clock } = setup();
    const storm = Array.from({ length: 200 }, () => new TestPeer(keys));
    const admitted = storm.filter((peer) => peer.join(router).ok);
    expect(admitted.length).toBe(RELAY_JOIN_BURST);
    const refused = storm.filter((peer) => !admitted.includes(peer));
    const told = errors(await (refused[0] as TestPeer).inbox());
    expect(told).toEqual([
      {
        type: RelayControlType.error,
        code: RelayErrorCode.joinRate,
        retryAfterMs: RELAY_JOIN_RETRY_AFTER_MS,
      },
    ]);
    clock.advance(1_000);
    const later = refused.filter((peer) => peer.join(router).ok);
    expect(later.length).toBe(RELAY_JOINS_PER_SECOND);
    // Another room is not held up by this one's storm.
    const elsewhere = new TestPeer(await deriveRelayKeys(fakeRoomSecrets('room-b')));
    expect(elsewhere.join(router).ok).toBe(true);
  });

  it('limits a member’s frame rate, tells it once, and lets it go on after a pause', async () => {
    const { router, clock, add } = setup({ frameBurst: 5, framesPerSecond: 5 });
    const [a, b] = add(2);
    if (!a || !b) throw new Error('peers');
    const results = [];
    for (let i = 0; i < 8; i++) {
      results.push(router.receive(a.sink, await a.seal(RelayFrameType.update, `${i}`)).ok);
    }
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    expect(await b.texts()).toEqual(['0', '1', '2', '3', '4']);
    expect(errors(await a.inbox()).map((error) => error.code)).toEqual([
      RelayErrorCode.rateLimited,
    ]);
    clock.advance(1_000);
    expect(router.receive(a.sink, await a.seal(RelayFrameType.update, 'again')).ok).toBe(true);
    expect(router.counters.dropped['rate-limited']).toBe(3);
  });

  it('charges the fan-out: a big frame to many costs what it makes the server send', async () => {
    const { router, add } = setup({ fanoutByteBurst: 100_000, fanoutBytesPerSecond: 1_000 });
    const [a, b] = add(11);
    if (!a || !b) throw new Error('peers');
    const big = await a.seal(RelayFrameType.update, 'x'.repeat(6_000)); // about 6 KB × 10
    expect(router.receive(a.sink, big).ok).toBe(true);
    const again = await a.seal(RelayFrameType.update, 'x'.repeat(6_000));
    expect(router.receive(a.sink, again)).toEqual({ ok: false, error: 'rate-limited' });
    // The same bytes directed to one member are within what is left.
    const directed = await a.seal(RelayFrameType.control, 'x'.repeat(6_000), { target: b.id });
    expect(router.receive(a.sink, directed).ok).toBe(true);
  });

  it('disconnects a receiver above the hard queue limit, as an action for the caller', async () => {
    const { router, disconnects, add } = setup({
      softBufferedBytes: 1_000,
      hardBufferedBytes: 10_000,
    });
    const [a, b, slow] = add(3);
    if (!a || !b || !slow) throw new Error('peers');
    router.receive(slow.sink, await slow.seal(RelayFrameType.awarenessWill, 'slow has gone'));
    slow.sink.buffered = 10_001;
    const result = router.receive(a.sink, await a.seal(RelayFrameType.update, 'edit'));
    expect(result).toEqual({ ok: true, value: { delivered: 1 } });
    expect(disconnects).toEqual([{ peer: slow, reason: 'too-slow' }]);
    expect(errors(await slow.inbox()).map((error) => error.code)).toEqual([RelayErrorCode.tooSlow]);
    const seen = (await b.inbox()).map((item) =>
      item.kind === 'frame' ? item.text : item.message.type,
    );
    expect(seen).toEqual(['edit', 'slow has gone', RelayControlType.memberLeft]);
    expect(router.stats().members).toBe(2);
    router.disconnect(slow.sink); // the caller's close handler: harmless
    expect(router.counters.disconnected['too-slow']).toBe(1);
  });

  it('disconnects a connection whose sink refuses a message', async () => {
    const { router, disconnects, add } = setup();
    const [a, closed] = add(2);
    if (!a || !closed) throw new Error('peers');
    closed.sink.open = false;
    router.receive(a.sink, await a.seal(RelayFrameType.update, 'edit'));
    expect(disconnects).toEqual([{ peer: closed, reason: 'send-failed' }]);
    expect(router.stats().members).toBe(1);
  });

  it('refuses a configuration that could never work', () => {
    expect(() => resolveRelayLimits({ maxRoomMembers: 0 })).toThrow(RangeError);
    expect(() => resolveRelayLimits({ fanoutByteBurst: 10 })).toThrow(RangeError);
    expect(() => resolveRelayLimits({ softBufferedBytes: 10, hardBufferedBytes: 5 })).toThrow(
      RangeError,
    );
  });
});
