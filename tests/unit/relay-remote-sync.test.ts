import { beforeAll, describe, expect, it } from 'vitest';
import { isControlMessage, RelayControlType } from '../../lib/room/relay-control';
import { deriveRelayKeys, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { relayBridge, splitDelivery } from '../../signaling/relay-bus';
import { RelayEnvelopeKind, readEnvelope, writeEnvelope } from '../../signaling/relay-envelope';
import type { RelayLimits } from '../../signaling/relay-limits';
import { RelayRouter } from '../../signaling/relay-room';
import { MemoryBusHub } from '../helpers/memory-bus';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { counterOf, FakeClock, TestPeer } from '../helpers/relay-router';

/**
 * Catch-up across instances (signaling/relay-remote.ts): routers joined by an in-memory bus
 * that carries bytes between them as Redis pub/sub would. Every frame is sealed and opened with
 * the clients' real cipher, so a reply the servers changed or misrouted fails the test.
 */
let keys: RelayKeys;
let otherPassphrase: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('remote-room'));
  otherPassphrase = await deriveRelayKeys(fakeRoomSecrets('remote-room', 'buurt 2026'));
});

function instances(count: number, limits: readonly Partial<RelayLimits>[] = []) {
  const clock = new FakeClock();
  const hub = new MemoryBusHub();
  const routers = Array.from({ length: count }, (_, i) => {
    const deliver = splitDelivery(
      (roomTag, payload) => router.receiveBridged(roomTag, payload),
      () => {},
    );
    const router: RelayRouter = new RelayRouter({
      clock,
      limits: limits[i],
      bridge: relayBridge(hub.bus(deliver)),
    });
    return router;
  });
  /** Members joined one after another, so the first is each instance's longest connected. */
  const join = (router: RelayRouter, memberKeys: RelayKeys = keys) => {
    const peer = new TestPeer(memberKeys);
    expect(peer.join(router).ok).toBe(true);
    clock.advance(1_000);
    return peer;
  };
  return { clock, hub, routers, join };
}

/** Which peers received a relay frame since the last look (and forgets what they received). */
function receivers(peers: readonly TestPeer[]): number[] {
  return peers.flatMap((peer, i) =>
    peer.sink.take().some((bytes) => !isControlMessage(bytes)) ? [i] : [],
  );
}

function clear(peers: readonly TestPeer[]): void {
  for (const peer of peers) peer.sink.take();
}

async function ask(router: RelayRouter, requester: TestPeer, text = 'state vector') {
  const request = await requester.seal(RelayFrameType.syncRequest, text);
  expect(router.receive(requester.sink, request).ok).toBe(true);
  return counterOf(request);
}

describe('relay catch-up across instances: one responder per instance', () => {
  it('answers a joiner alone on one instance from the longest connected member on another', async () => {
    const { clock, hub, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const first = join(one);
    const second = join(one);
    const joiner = join(two);
    clear([first, second, joiner]);

    const counter = await ask(two, joiner);
    // Nobody on its own instance: told so at once (the client only counts it).
    expect(await joiner.inbox()).toEqual([
      { kind: 'server', message: { type: RelayControlType.syncUnanswered, counter } },
    ]);
    hub.flush();
    expect(await first.texts()).toEqual(['state vector']);
    expect(receivers([second])).toEqual([]); // one member per instance, not the room

    for (let i = 0; i < 3; i++) {
      const chunk = await first.seal(RelayFrameType.chunk, `part ${i}`, {
        target: joiner.id,
        inReplyTo: counter,
      });
      expect(one.receive(first.sink, chunk)).toEqual({ ok: true, value: { delivered: 1 } });
      hub.flush();
      clock.advance(4_000); // slower than a responder's timeout, but answering
    }
    expect(await joiner.texts()).toEqual(['part 0', 'part 1', 'part 2']);
    expect(receivers([first, second])).toEqual([]);
    expect(one.counters).toMatchObject({ remoteSyncRequestsIn: 1, remoteRepliesOut: 3 });
    expect(two.counters).toMatchObject({ remoteSyncRequestsOut: 1, remoteRepliesIn: 3 });

    // The chunks stopped: the request closes and its proxy goes with it.
    expect(one.stats()).toMatchObject({ syncRequests: 1, remoteRequesters: 1 });
    clock.advance(60_000);
    expect(one.stats()).toMatchObject({ syncRequests: 0, remoteRequesters: 0 });
    expect(clock.pending).toBe(0);
  });

  it('asks one member per instance, so a request is answered once per instance, never by all', async () => {
    const { hub, routers, join } = instances(3);
    const members = routers.map((router) => [join(router), join(router), join(router)]);
    const joiner = join(routers[0] as RelayRouter);
    clear([...members.flat(), joiner]);

    const counter = await ask(routers[0] as RelayRouter, joiner);
    hub.flush();
    const asked = members.map((peers) => receivers(peers));
    expect(asked).toEqual([[0], [0], [0]]);

    for (const [i, router] of routers.entries()) {
      const responder = members[i]?.[0] as TestPeer;
      const reply = await responder.seal(RelayFrameType.syncReply, `from instance ${i}`, {
        target: joiner.id,
        inReplyTo: counter,
      });
      expect(router.receive(responder.sink, reply).ok).toBe(true);
    }
    hub.flush();
    expect((await joiner.texts()).sort()).toEqual([
      'from instance 0',
      'from instance 1',
      'from instance 2',
    ]);
    expect(receivers(members.flat())).toEqual([]);
    for (const router of routers) expect(router.stats()).toMatchObject({ syncRequests: 0 });
  });

  it('heals an update pub/sub dropped: the next periodic request reaches the other instance', async () => {
    const { hub, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const writer = join(one);
    const local = join(two);
    const asker = join(two);
    clear([writer, local, asker]);

    hub.drop = true;
    one.receive(writer.sink, await writer.seal(RelayFrameType.update, 'lost on the bus'));
    hub.flush();
    hub.drop = false;
    expect(receivers([local, asker])).toEqual([]);

    await ask(two, asker, 'anti-entropy');
    hub.flush();
    expect(await local.texts()).toEqual(['anti-entropy']); // its own instance, as always
    expect(await writer.texts()).toEqual(['anti-entropy']); // and the one that has the update
  });

  it('keeps server messages to a proxy at home, and forgets a proxy nobody could answer', async () => {
    const { hub, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const stranger = join(one, otherPassphrase);
    const joiner = join(two);
    clear([stranger, joiner]);
    await ask(two, joiner);
    hub.flush();
    expect(receivers([stranger])).toEqual([]);
    expect(one.counters.syncUnanswered).toBe(1);
    // Its sync-unanswered went nowhere: nothing came back over the bus.
    const replies = hub.carried.filter(
      ({ payload }) => readEnvelope(payload)?.kind === RelayEnvelopeKind.reply,
    );
    expect(replies).toEqual([]);
    expect(one.stats()).toMatchObject({ syncRequests: 0, remoteRequesters: 0 });
  });
});

describe('relay catch-up across instances: what is refused', () => {
  it('takes a reply envelope only for a local member that asked that request, lately', async () => {
    const { clock, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const responder = join(two);
    const asker = join(one);
    const idle = join(one);
    const counter = await ask(one, asker);
    clear([responder, asker, idle]);
    const reply = (to: string, inReplyTo: number) =>
      responder.seal(RelayFrameType.syncReply, `reply ${inReplyTo}`, { target: to, inReplyTo });
    const land = async (instanceId: string, frame: Uint8Array) =>
      one.receiveBridged(keys.roomTag, writeEnvelope(RelayEnvelopeKind.reply, instanceId, frame));

    await land(two.instanceId, await reply(asker.id, counter)); // names another instance
    await land(one.instanceId, await reply(idle.id, counter)); // to a member that did not ask
    await land(one.instanceId, await reply(asker.id, counter + 1)); // not that request
    expect(receivers([asker, idle])).toEqual([]);
    expect(one.counters).toMatchObject({ remoteRepliesIn: 0, remoteRefused: 2 });

    await land(one.instanceId, await reply(asker.id, counter));
    expect(await asker.texts()).toEqual([`reply ${counter}`]);
    clock.advance(60_000); // long after every remote election would have ended
    await land(one.instanceId, await reply(asker.id, counter));
    expect(receivers([asker])).toEqual([]);
    expect(one.counters).toMatchObject({ remoteRepliesIn: 1, remoteRefused: 3 });
  });

  it('lets only a reply to an open request target a proxy', async () => {
    const { hub, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const responder = join(one);
    const joiner = join(two);
    const counter = await ask(two, joiner);
    hub.flush();
    clear([responder, joiner]);

    const control = await responder.seal(RelayFrameType.control, 'hello', { target: joiner.id });
    expect(one.receive(responder.sink, control)).toEqual({ ok: false, error: 'unknown-target' });
    const wrong = await responder.seal(RelayFrameType.syncReply, 'no such request', {
      target: joiner.id,
      inReplyTo: counter + 1,
    });
    expect(one.receive(responder.sink, wrong)).toEqual({ ok: false, error: 'unrequested-reply' });

    const whole = await responder.seal(RelayFrameType.syncReply, 'whole', {
      target: joiner.id,
      inReplyTo: counter,
    });
    expect(one.receive(responder.sink, whole).ok).toBe(true);
    expect(one.stats()).toMatchObject({ syncRequests: 0, remoteRequesters: 0 });
    const again = await responder.seal(RelayFrameType.syncReply, 'again', {
      target: joiner.id,
      inReplyTo: counter,
    });
    expect(one.receive(responder.sink, again)).toEqual({ ok: false, error: 'unknown-target' });
    hub.flush();
    expect(await joiner.texts()).toEqual(['whole']);
  });

  it('refuses request envelopes that are not an untargeted sync request of this room', async () => {
    const { routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const member = join(one);
    const elsewhere = new TestPeer(keys);
    const foreign = new TestPeer(await deriveRelayKeys(fakeRoomSecrets('another-room')));
    clear([member]);
    const land = (frame: Uint8Array) =>
      one.receiveBridged(
        keys.roomTag,
        writeEnvelope(RelayEnvelopeKind.request, two.instanceId, frame),
      );

    land(await elsewhere.seal(RelayFrameType.update, 'an update'));
    land(await elsewhere.seal(RelayFrameType.syncRequest, 'directed', { target: member.id }));
    land(await foreign.seal(RelayFrameType.syncRequest, 'another room'));
    land(await member.seal(RelayFrameType.syncRequest, 'a sender id in use here'));
    land(new Uint8Array(80).fill(7));
    one.receiveBridged(keys.roomTag, new Uint8Array([RelayEnvelopeKind.request, 1, 2]));
    expect(receivers([member])).toEqual([]);
    expect(one.counters.remoteRefused).toBe(6);
    expect(one.stats()).toMatchObject({ syncRequests: 0, remoteRequesters: 0 });

    land(await elsewhere.seal(RelayFrameType.syncRequest, 'fine'));
    expect(await member.texts()).toEqual(['fine']);
  });

  it('bounds open requests per remote sender and proxies per room', async () => {
    const { hub, routers, join } = instances(2, [{ maxRoomMembers: 2 }]);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    join(one);
    join(one); // the room is full here, and so is its room for proxies
    const busy = join(two);
    for (let i = 0; i < 5; i++) await ask(two, busy, `request ${i}`);
    hub.flush();
    expect(one.stats()).toMatchObject({ syncRequests: 4, remoteRequesters: 1 });
    expect(one.counters.remoteRefused).toBe(1);

    for (let i = 0; i < 2; i++) await ask(two, join(two));
    hub.flush();
    expect(one.stats()).toMatchObject({ syncRequests: 5, remoteRequesters: 2 });
    expect(one.counters.remoteRefused).toBe(2);
  });

  it('closes every proxy when the last member here leaves', async () => {
    const { clock, hub, routers, join } = instances(2);
    const [one, two] = routers as [RelayRouter, RelayRouter];
    const responder = join(one);
    await ask(two, join(two));
    hub.flush();
    expect(one.stats()).toMatchObject({ remoteRequesters: 1 });
    one.disconnect(responder.sink);
    expect(one.stats()).toEqual({
      rooms: 0,
      members: 0,
      syncRequests: 0,
      remoteRequesters: 0,
      storedPresenceBytes: 0,
    });
    hub.flush();
    expect(clock.pending).toBe(0);
  });
});
