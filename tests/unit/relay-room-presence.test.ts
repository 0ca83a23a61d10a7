import { beforeAll, describe, expect, it } from 'vitest';
import { RelayControlType } from '../../lib/room/relay-control';
import { deriveRelayKeys, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { RelayRouter } from '../../signaling/relay-room';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { FakeClock, TestPeer } from '../helpers/relay-router';

let keys: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
});

async function setup(count: number, limits: ConstructorParameters<typeof RelayRouter>[0] = {}) {
  const clock = new FakeClock();
  const router = new RelayRouter({ clock, ...limits });
  const peers = Array.from({ length: count }, () => new TestPeer(keys));
  for (const peer of peers) {
    expect(peer.join(router).ok).toBe(true);
    clock.advance(60); // under the room's join rate
  }
  for (const peer of peers) peer.sink.take();
  const [a, b, c] = peers;
  if (!a || !b) throw new Error('peers');
  return { clock, router, peers, a, b, c };
}

describe('relay presence', () => {
  it('hands a joiner everyone’s last presence right after its welcome', async () => {
    const { router, clock, a, b } = await setup(2);
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'a: first'));
    clock.advance(1_000);
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'a: newest'));
    router.receive(b.sink, await b.seal(RelayFrameType.awareness, 'b: here'));
    const joiner = new TestPeer(keys);
    joiner.join(router);
    const inbox = await joiner.inbox();
    expect(inbox[0]).toMatchObject({
      kind: 'server',
      message: { type: RelayControlType.welcome, presenceFrames: 2 },
    });
    expect(inbox.slice(1).map((item) => item.kind === 'frame' && item.text)).toEqual([
      'a: newest',
      'b: here',
    ]);
    // The throttle's flush later does not send the joiner what its welcome held.
    clock.advance(10_000);
    expect(await joiner.texts()).toEqual([]);
  });

  it('sends a member’s last will to the others when its connection drops, then forgets both', async () => {
    const { router, a, b, c } = await setup(3);
    if (!c) throw new Error('peers');
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'a is here'));
    router.receive(a.sink, await a.seal(RelayFrameType.awarenessWill, 'a has gone'));
    await b.inbox();
    await c.inbox();
    router.disconnect(a.sink);
    for (const peer of [b, c]) {
      const inbox = await peer.inbox();
      expect(inbox.map((item) => (item.kind === 'frame' ? item.text : item.message.type))).toEqual([
        'a has gone',
        RelayControlType.memberLeft,
      ]);
    }
    expect(router.stats().storedPresenceBytes).toBe(0);
    const joiner = new TestPeer(keys);
    joiner.join(router);
    expect(await joiner.texts()).toEqual([]); // a's presence is not handed out any more
  });

  it('keeps a will to itself until then: it is not forwarded when sent', async () => {
    const { router, a, b } = await setup(2);
    const result = router.receive(a.sink, await a.seal(RelayFrameType.awarenessWill, 'later'));
    expect(result).toEqual({ ok: true, value: { delivered: 0 } });
    expect(b.sink.received).toEqual([]);
  });

  it('forwards at most one presence frame per member per interval, and the newest wins', async () => {
    const { router, clock, a, b } = await setup(2);
    for (let i = 1; i <= 5; i++) {
      router.receive(a.sink, await a.seal(RelayFrameType.awareness, `move ${i}`));
      clock.advance(10);
    }
    expect(await b.texts()).toEqual(['move 1']); // the first goes at once
    clock.advance(100);
    expect(await b.texts()).toEqual(['move 5']); // 2-4 were replaced, never sent
    expect(router.counters.awarenessCoalesced).toBe(3);
    clock.advance(1_000);
    expect(await b.texts()).toEqual([]);
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'after a pause'));
    expect(await b.texts()).toEqual(['after a pause']); // quiet long enough: at once again
  });

  it('stretches the interval in a large room, so presence costs each receiver about the same', async () => {
    const { router, clock, a, b } = await setup(150);
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'one'));
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'two'));
    clock.advance(1_000);
    expect(await b.texts()).toEqual(['one']); // 150 members × 10 ms: 1.5 s between frames
    clock.advance(500);
    expect(await b.texts()).toEqual(['two']);
  });

  it('skips slow receivers for presence, but not for updates', async () => {
    const { router, a, b, c } = await setup(3, { limits: { softBufferedBytes: 1_000 } });
    if (!c) throw new Error('peers');
    c.sink.buffered = 5_000;
    router.receive(a.sink, await a.seal(RelayFrameType.awareness, 'presence'));
    router.receive(a.sink, await a.seal(RelayFrameType.update, 'an edit'));
    expect(await b.texts()).toEqual(['presence', 'an edit']);
    expect(await c.texts()).toEqual(['an edit']);
    expect(router.counters.awarenessSkippedSlow).toBe(1);
  });

  it('neither keeps nor forwards presence larger than the limit', async () => {
    const { router, a, b } = await setup(2, { limits: { maxAwarenessBytes: 200 } });
    const big = await a.seal(RelayFrameType.awareness, 'x'.repeat(300));
    expect(router.receive(a.sink, big)).toEqual({ ok: false, error: 'awareness-too-large' });
    const bigWill = await a.seal(RelayFrameType.awarenessWill, 'x'.repeat(300));
    expect(router.receive(a.sink, bigWill)).toEqual({ ok: false, error: 'awareness-too-large' });
    expect(b.sink.received).toEqual([]);
    expect(router.stats().storedPresenceBytes).toBe(0);
  });
});
