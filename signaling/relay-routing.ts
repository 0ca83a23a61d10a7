import { err, ok } from '../lib/result';
import { RelayErrorCode, writeError } from '../lib/room/relay-control';
import { RelayFrameType, type RelayHeader, readRelayFrame } from '../lib/room/relay-frame';
import type { Presence } from './relay-presence';
import { isReplyHeader, type RemoteSync } from './relay-remote';
import type { SyncElection } from './relay-sync';
import type { Member, RelayDropReason, RelayReceipt, RouterContext } from './relay-types';

/**
 * How the relay router (relay-room.ts) routes a joined member's frame, by its clear header.
 * The frame must carry exactly the member's room tag, key id and sender id, and is then routed
 * by type:
 * - update, and chunk or control without a target: to every other member;
 * - a frame with a target: to that member only;
 * - sync request without a target: to one member the server picks (relay-sync.ts), and with a
 *   bridge also to one member on each other instance (relay-remote.ts);
 * - sync reply, and a chunk naming a request in `inReplyTo`: back to the requester, if the
 *   request was routed to this sender; the requester may be on another instance (a proxy),
 *   and only these may target one;
 * - awareness: stored, and forwarded throttled; awareness-will: stored, sent when it leaves.
 *
 * Frames and fan-out bytes are charged to the sender's buckets; over either, the frame is
 * dropped and the sender told once (until a frame of it gets through again).
 */
export class FrameRouting {
  constructor(
    private readonly context: RouterContext,
    private readonly presence: Presence,
    private readonly sync: SyncElection,
    private readonly remote: RemoteSync | null,
  ) {}

  /** One binary, non-control message from a joined member. */
  route(member: Member, bytes: Uint8Array): RelayReceipt {
    this.context.counters.framesIn++;
    if (!member.frames.take()) return this.rateLimited(member);
    const read = readRelayFrame(bytes, this.context.limits.maxFrameBytes);
    if (!read.ok) return read;
    const { header } = read.value;
    if (header.roomTag !== member.room.tag) return err('wrong-room');
    if (header.sender !== member.sender) return err('wrong-sender');
    if (header.keyId !== member.keyId) return err('wrong-key');
    let target: Member | null = null;
    if (header.target !== null) {
      target = member.room.members.get(header.target) ?? null;
      // A reply to a requester on another instance: SyncElection.reply finds its proxy.
      const toProxy = isReplyHeader(header) && member.room.proxies.has(header.target);
      if ((target === null && !toProxy) || target === member) return err('unknown-target');
    }
    member.toldRateLimited = false;
    return this.dispatch(member, header, bytes, target);
  }

  private dispatch(
    member: Member,
    header: RelayHeader,
    bytes: Uint8Array,
    target: Member | null,
  ): RelayReceipt {
    switch (header.type) {
      case RelayFrameType.awareness:
        return delivered(this.presence.awareness(member, bytes), 0);
      case RelayFrameType.awarenessWill:
        return delivered(this.presence.will(member, bytes), 0);
      case RelayFrameType.syncRequest: {
        if (!member.fanoutBytes.take(bytes.length)) return this.rateLimited(member);
        const receipt = this.sync.request(member, header, bytes, target);
        if (receipt.ok && target === null) this.remote?.ask(member, header.counter, bytes);
        return receipt;
      }
      case RelayFrameType.syncReply:
        return this.reply(member, header, bytes);
      case RelayFrameType.chunk:
        if (header.inReplyTo !== 0) return this.reply(member, header, bytes);
        return this.send(member, bytes, target);
      default: // update, control
        return this.send(member, bytes, target);
    }
  }

  private reply(member: Member, header: RelayHeader, bytes: Uint8Array): RelayReceipt {
    const requester = this.sync.reply(member, header);
    if (typeof requester === 'string') return err(requester);
    return this.send(member, bytes, requester);
  }

  /** To `target`, or to everyone else in the room; the fan-out is charged to the sender. */
  private send(from: Member, bytes: Uint8Array, target: Member | null): RelayReceipt {
    const receivers = target ? 1 : from.room.members.size - 1;
    if (!from.fanoutBytes.take(bytes.length * Math.max(1, receivers))) {
      return this.rateLimited(from);
    }
    if (target) return ok({ delivered: this.context.deliver(target, bytes) ? 1 : 0 });
    this.context.publish(from.room, bytes);
    let count = 0;
    for (const other of from.room.members.values()) {
      if (other !== from && this.context.deliver(other, bytes)) count++;
    }
    return ok({ delivered: count });
  }

  private rateLimited(member: Member): RelayReceipt {
    if (!member.toldRateLimited) {
      member.toldRateLimited = true;
      this.context.deliver(member, writeError(RelayErrorCode.rateLimited));
    }
    return err('rate-limited');
  }
}

function delivered(problem: RelayDropReason | null, count: number): RelayReceipt {
  return problem ? err(problem) : ok({ delivered: count });
}
