import { isControlMessage } from '../lib/room/relay-control';
import { RelayFrameType, type RelayHeader, readRelayFrame } from '../lib/room/relay-frame';
import { RelayEnvelopeKind, readEnvelope, writeEnvelope } from './relay-envelope';
import { newMember } from './relay-join';
import type { SyncElection } from './relay-sync';
import type { Member, RelayBridge, RelaySink, Room, RouterContext } from './relay-types';

/**
 * Catch-up across instances (issue 10, scale-out): one responder PER INSTANCE for an untargeted
 * sync request. Clients catch up and repair what pub/sub dropped only through such requests, so
 * a joiner alone on one instance must be answered from another, and a member asking now and
 * then must sometimes be answered by someone elsewhere.
 *
 * - A local member's untargeted request is elected here as always (relay-sync.ts) and also put
 *   on the room's bus topic in a request envelope (relay-envelope.ts) naming this instance.
 * - Another instance runs the same election for a *proxy*: a Member that is not in its room's
 *   members (nobody elects it, nothing fans out to it), whose sink puts what is delivered to it
 *   back on the topic in a reply envelope naming the origin. Server messages to it (sync-
 *   unanswered) stay there: the origin tells its own requester. A proxy lives while it has a
 *   request open; at most `maxOpenSyncRequests` per remote sender and `maxRoomMembers` per room.
 * - The origin takes a reply envelope naming it only for a local member that asked the other
 *   instances that very request, not long ago, and delivers it with the usual backpressure. Its
 *   own election is left alone: the requester gets one answer per instance, never one per member.
 *
 * The other instances are trusted to have checked their senders, as for room-wide frames
 * (relay-bridge.ts); envelopes are still checked to be what they claim, and refusals counted.
 */
export class RemoteSync {
  constructor(
    private readonly context: RouterContext,
    private readonly sync: SyncElection,
    private readonly bridge: RelayBridge,
    private readonly instanceId: string,
  ) {}

  /** `requester`'s untargeted request was taken here: ask the other instances too. */
  ask(requester: Member, counter: number, frame: Uint8Array): void {
    const { limits, clock, counters } = this.context;
    const now = clock.now();
    const asks = requester.remoteAsks;
    for (const [open, until] of asks) if (until < now) asks.delete(open);
    // As many as it may have open here; a newer request makes the oldest one's replies unwanted.
    for (const oldest of asks.keys()) {
      if (asks.size < limits.maxOpenSyncRequests) break;
      asks.delete(oldest);
    }
    // Long enough for every attempt of a remote election and the idle time of a chunked reply.
    asks.set(counter, now + limits.syncTimeoutMs * limits.syncMaxAttempts + limits.syncReplyIdleMs);
    counters.remoteSyncRequestsOut++;
    const envelope = writeEnvelope(RelayEnvelopeKind.request, this.instanceId, frame);
    this.bridge.publish(requester.room.tag, envelope);
  }

  /** An envelope from `room`'s bus topic. Never throws. */
  receive(room: Room, bytes: Uint8Array): void {
    const envelope = readEnvelope(bytes);
    if (envelope === null) {
      this.context.counters.remoteRefused++;
    } else if (envelope.kind === RelayEnvelopeKind.request) {
      // Our own (a bus drops echoes, but one that does not must not make us our own proxy).
      if (envelope.instanceId !== this.instanceId) {
        this.request(room, envelope.instanceId, envelope.frame);
      }
    } else if (envelope.instanceId === this.instanceId) {
      this.reply(room, envelope.frame);
    } // a reply for another instance: every instance sees it on the topic, one takes it
  }

  /** Another instance's member asks: elect a member here for its proxy. */
  private request(room: Room, origin: string, frame: Uint8Array): void {
    const { limits, counters } = this.context;
    const header = this.header(room, frame);
    if (header === null || header.type !== RelayFrameType.syncRequest || header.target !== null) {
      counters.remoteRefused++;
      return;
    }
    // A sender id in use here: a reply to it could not be told from one to the local member.
    if (room.members.has(header.sender)) {
      counters.remoteRefused++;
      return;
    }
    let proxy = room.proxies.get(header.sender);
    if (proxy === undefined) {
      if (room.proxies.size >= limits.maxRoomMembers) {
        counters.remoteRefused++;
        return;
      }
      proxy = this.newProxy(room, header, origin);
      room.proxies.set(proxy.sender, proxy);
    } else if (proxy.keyId !== header.keyId) {
      counters.remoteRefused++;
      return;
    } else if (proxy.sink instanceof ProxySink) {
      // It reconnected elsewhere with the same id: its replies go where it asks from now.
      proxy.sink.origin = origin;
    }
    const taken = this.sync.request(proxy, header, frame, null);
    if (!taken.ok) {
      counters.remoteRefused++; // over its open requests, or a repeat of an open one
      if (proxy.requesting === 0) room.proxies.delete(proxy.sender);
      return;
    }
    counters.remoteSyncRequestsIn++;
  }

  /** A reply from another instance to a request of ours: to the local member that asked. */
  private reply(room: Room, frame: Uint8Array): void {
    const { limits, clock, counters } = this.context;
    const header = this.header(room, frame);
    const requester =
      header !== null && isReplyHeader(header) && header.target !== null
        ? room.members.get(header.target)
        : undefined;
    const until = requester?.remoteAsks.get(header?.inReplyTo ?? 0);
    const now = clock.now();
    if (
      header === null ||
      requester === undefined ||
      requester.gone ||
      requester.keyId !== header.keyId ||
      until === undefined ||
      until < now
    ) {
      counters.remoteRefused++;
      return;
    }
    // The rest of a chunked reply is still taken while chunks keep coming.
    requester.remoteAsks.set(header.inReplyTo, Math.max(until, now + limits.syncReplyIdleMs));
    counters.remoteRepliesIn++;
    this.context.deliver(requester, frame);
  }

  /** A well-formed frame of this very room: its header; else null. */
  private header(room: Room, frame: Uint8Array): RelayHeader | null {
    const read = readRelayFrame(frame, this.context.limits.maxFrameBytes);
    if (!read.ok || read.value.header.roomTag !== room.tag) return null;
    return read.value.header;
  }

  private newProxy(room: Room, header: RelayHeader, origin: string): Member {
    const { limits, clock, counters } = this.context;
    const sink = new ProxySink(origin, (to, bytes) => {
      counters.remoteRepliesOut++;
      this.bridge.publish(room.tag, writeEnvelope(RelayEnvelopeKind.reply, to, bytes));
    });
    const join = { roomTag: room.tag, keyId: header.keyId, sender: header.sender };
    return newMember(sink, room, join, this.context.currentSeq(), limits, clock);
  }
}

/** Whether a frame answers a sync request: a `syncReply`, or a `chunk` naming the request. */
export function isReplyHeader(header: RelayHeader): boolean {
  return (
    header.type === RelayFrameType.syncReply ||
    (header.type === RelayFrameType.chunk && header.inReplyTo !== 0)
  );
}

/**
 * Where a proxy's deliveries go: back over the bus to its origin. It never refuses and never
 * queues (the bus bounds its own backlog), so Delivery never disconnects a proxy: a proxy
 * shares its sender id with no member here, but it must never be "removed" as one either.
 */
class ProxySink implements RelaySink {
  constructor(
    public origin: string,
    private readonly publish: (origin: string, bytes: Uint8Array) => void,
  ) {}

  send(bytes: Uint8Array): boolean {
    // The origin tells its requester itself when nobody answered (relay-sync.ts' giveUp).
    if (!isControlMessage(bytes)) this.publish(this.origin, bytes);
    return true;
  }

  bufferedBytes(): number {
    return 0;
  }
}
