import { beforeAll, describe, expect, it } from 'vitest';
import { isControlMessage, RelayControlType } from '../../lib/room/relay-control';
import { deriveRelayKeys, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { RELAY_SYNC_TIMEOUT_MS } from '../../signaling/relay-limits';
import { RelayRouter } from '../../signaling/relay-room';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { counterOf, FakeClock, TestPeer } from '../helpers/relay-router';

let keys: RelayKeys;
let otherPassphrase: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
  otherPassphrase = await deriveRelayKeys(fakeRoomSecrets('room-a', 'buurt 2026'));
});

async function setup(members: readonly RelayKeys[] = [keys, keys, keys]) {
  const clock = new FakeClock();
  const router = new RelayRouter({ clock });
  const peers: TestPeer[] = [];
  for (const memberKeys of members) {
    const peer = new TestPeer(memberKeys);
    expect(peer.join(router).ok).toBe(true);
    peers.push(peer);
    clock.advance(1_000); // joined one after another: the first is the longest connected
  }
  const joiner = new TestPeer(keys);
  expect(joiner.join(router).ok).toBe(true);
  for (const peer of [...peers, joiner]) peer.sink.take();
  return { clock, router, peers, joiner };
}

/** Which peers received a relay frame since the last look (and forgets what they received). */
function receivers(peers: readonly TestPeer[]): number[] {
  return peers.flatMap((peer, i) =>
    peer.sink.take().some((bytes) => !isControlMessage(bytes)) ? [i] : [],
  );
}

async function ask(router: RelayRouter, joiner: TestPeer) {
  const request = await joiner.seal(RelayFrameType.syncRequest, 'state vector');
  expect(router.receive(joiner.sink, request)).toEqual({ ok: true, value: { delivered: 1 } });
  return counterOf(request);
}

describe('relay catch-up: one responder per sync request', () => {
  it('hands a request without a target to one member, the longest connected, and routes its reply back', async () => {
    const { router, peers, joiner } = await setup();
    const [first] = peers;
    if (!first) throw new Error('peers');
    const request = await joiner.seal(RelayFrameType.syncRequest, 'state vector');
    router.receive(joiner.sink, request);
    expect(await first.texts()).toEqual(['state vector']);
    expect(receivers(peers)).toEqual([]); // nobody else: no join storm

    const reply = await first.seal(RelayFrameType.syncReply, 'what you lack', {
      target: joiner.id,
      inReplyTo: counterOf(request),
    });
    expect(router.receive(first.sink, reply)).toEqual({ ok: true, value: { delivered: 1 } });
    expect(await joiner.texts()).toEqual(['what you lack']);
    expect(receivers(peers)).toEqual([]);
    expect(router.stats().syncRequests).toBe(0);
  });

  it('prefers a member with the requester’s key id: another passphrase cannot read the request', async () => {
    const { router, peers, joiner } = await setup([otherPassphrase, keys]);
    await ask(router, joiner);
    expect(receivers(peers)).toEqual([1]);
  });

  it('tells the requester when nobody with its key id is there to ask', async () => {
    const { router, peers, joiner } = await setup([otherPassphrase]);
    const request = await joiner.seal(RelayFrameType.syncRequest, 'sv');
    expect(router.receive(joiner.sink, request)).toEqual({ ok: true, value: { delivered: 0 } });
    expect(await joiner.inbox()).toEqual([
      {
        kind: 'server',
        message: { type: RelayControlType.syncUnanswered, counter: counterOf(request) },
      },
    ]);
    expect(receivers(peers)).toEqual([]);
    expect(router.stats().syncRequests).toBe(0);
  });

  it('asks the next member when the responder leaves before answering', async () => {
    const { router, peers, joiner } = await setup();
    await ask(router, joiner);
    expect(receivers(peers)).toEqual([0]);
    router.disconnect(peers[0]?.sink as never);
    expect(receivers(peers)).toEqual([1]);
    expect(router.counters.syncElections).toBe(2);
  });

  it('asks the next member when the responder does not answer in time, and accepts a late answer', async () => {
    const { router, clock, peers, joiner } = await setup();
    const counter = await ask(router, joiner);
    expect(receivers(peers)).toEqual([0]);
    clock.advance(RELAY_SYNC_TIMEOUT_MS - 1);
    expect(receivers(peers)).toEqual([]);
    clock.advance(1);
    expect(receivers(peers)).toEqual([1]);
    expect(router.counters.syncTimeouts).toBe(1);
    // The first one answers after all: routed, and the request is done.
    const late = await peers[0]?.seal(RelayFrameType.syncReply, 'late but whole', {
      target: joiner.id,
      inReplyTo: counter,
    });
    expect(router.receive(peers[0]?.sink as never, late).ok).toBe(true);
    expect(await joiner.texts()).toEqual(['late but whole']);
    const second = await peers[1]?.seal(RelayFrameType.syncReply, 'too late', {
      target: joiner.id,
      inReplyTo: counter,
    });
    expect(router.receive(peers[1]?.sink as never, second)).toEqual({
      ok: false,
      error: 'unrequested-reply',
    });
  });

  it('gives up after the attempts and tells the requester; nothing is left open', async () => {
    const { router, clock, peers, joiner } = await setup([keys, keys, keys, keys, keys]);
    const counter = await ask(router, joiner);
    clock.advance(RELAY_SYNC_TIMEOUT_MS * 10);
    expect(receivers(peers)).toEqual([0, 1, 2]); // RELAY_SYNC_MAX_ATTEMPTS members, not all five
    expect(await joiner.inbox()).toEqual([
      { kind: 'server', message: { type: RelayControlType.syncUnanswered, counter } },
    ]);
    expect(router.stats().syncRequests).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('spreads many joiners’ requests instead of piling them on the oldest member', async () => {
    const { router, peers } = await setup();
    const joiners = Array.from({ length: 6 }, () => new TestPeer(keys));
    for (const joiner of joiners) joiner.join(router);
    for (const peer of peers) peer.sink.take();
    for (const joiner of joiners) await ask(router, joiner);
    const asked = peers.map(
      (peer) => peer.sink.take().filter((bytes) => !isControlMessage(bytes)).length,
    );
    // Two answers open at most per responder before the next is preferred.
    expect(asked.slice(0, 3)).toEqual([2, 2, 2]);
  });

  it('routes a chunked reply and keeps routing its chunks until they stop', async () => {
    const { router, clock, peers, joiner } = await setup();
    const counter = await ask(router, joiner);
    const first = peers[0];
    if (!first) throw new Error('peers');
    for (let i = 0; i < 3; i++) {
      const chunk = await first.seal(RelayFrameType.chunk, `part ${i}`, {
        target: joiner.id,
        inReplyTo: counter,
      });
      expect(router.receive(first.sink, chunk).ok).toBe(true);
      clock.advance(RELAY_SYNC_TIMEOUT_MS); // slower than the timeout, but answering
    }
    expect(await joiner.texts()).toEqual(['part 0', 'part 1', 'part 2']);
    expect(receivers(peers)).toEqual([0]); // the request went to nobody else
    clock.advance(60_000);
    expect(router.stats().syncRequests).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('drops a reply to a request nobody asked, or that was routed to someone else', async () => {
    const { router, peers, joiner } = await setup();
    const [first, second] = peers;
    if (!first || !second) throw new Error('peers');
    const counter = await ask(router, joiner);
    const forged = [
      await second.seal(RelayFrameType.syncReply, 'not asked', {
        target: joiner.id,
        inReplyTo: counter,
      }),
      await first.seal(RelayFrameType.syncReply, 'no such request', {
        target: joiner.id,
        inReplyTo: counter + 100,
      }),
      await first.seal(RelayFrameType.chunk, 'no such request', {
        target: joiner.id,
        inReplyTo: 7,
      }),
      await first.seal(RelayFrameType.chunk, 'a reply without a target', { inReplyTo: counter }),
    ];
    const [fromSecond, ...fromFirst] = forged;
    expect(router.receive(second.sink, fromSecond)).toEqual({
      ok: false,
      error: 'unrequested-reply',
    });
    for (const frame of fromFirst) {
      expect(router.receive(first.sink, frame)).toEqual({ ok: false, error: 'unrequested-reply' });
    }
    expect(joiner.sink.received).toEqual([]);
    expect(router.counters.dropped['unrequested-reply']).toBe(4);
  });

  it('routes a directed sync request to its target, and closes requests of a requester that left', async () => {
    const { router, peers, joiner } = await setup();
    const request = await joiner.seal(RelayFrameType.syncRequest, 'to you', {
      target: peers[2]?.id,
    });
    router.receive(joiner.sink, request);
    expect(receivers(peers)).toEqual([2]);
    expect(router.stats().syncRequests).toBe(1);
    router.disconnect(joiner.sink);
    expect(router.stats().syncRequests).toBe(0);
  });

  it('refuses more open requests than the limit', async () => {
    const { router, joiner } = await setup();
    for (let i = 0; i < 4; i++) await ask(router, joiner);
    const fifth = await joiner.seal(RelayFrameType.syncRequest, 'again');
    expect(router.receive(joiner.sink, fifth)).toEqual({
      ok: false,
      error: 'too-many-sync-requests',
    });
  });
});
