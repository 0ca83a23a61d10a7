import { err, ok } from '../lib/result';
import { RelayFrameType, type RelayHeader, readRelayFrame } from '../lib/room/relay-frame';
import {
  isControlMessage,
  RelayControlType,
  RelayErrorCode,
  readJoin,
  writeError,
  writeMemberJoined,
  writeMemberLeft,
  writeWelcome,
} from './relay-control';
import { Delivery } from './relay-delivery';
import { admit, newMember } from './relay-join';
import { type RelayLimits, resolveRelayLimits } from './relay-limits';
import { Presence } from './relay-presence';
import { SyncElection } from './relay-sync';
import {
  type Member,
  newCounters,
  RELAY_VIOLATIONS,
  type RelayClock,
  type RelayCounters,
  type RelayDisconnectReason,
  type RelayDropReason,
  type RelayReceipt,
  type RelaySink,
  type Room,
  type RouterContext,
  systemClock,
} from './relay-types';

/**
 * The relay's routing (issue 10), free of any transport: the server feeds it each connection's
 * binary messages and closes what it is told to close. Frames (lib/room/relay-frame.ts) are
 * end-to-end encrypted; the router reads only their clear header and never logs: it counts
 * (`counters`), and the caller logs the counts. The server's own messages are in
 * relay-control.ts, the limits in relay-limits.ts, catch-up in relay-sync.ts, presence in
 * relay-presence.ts.
 *
 * A connection's first binary message is a join {room tag, key id, sender id}. From then on
 * every frame must carry exactly those three (a member cannot speak for another connection or
 * another room) and is routed by type:
 * - update, and chunk or control without a target: to every other member;
 * - a frame with a target: to that member only;
 * - sync request without a target: to one member the server picks (relay-sync.ts);
 * - sync reply, and a chunk naming a request in `inReplyTo`: back to the requester, if the
 *   request was routed to this sender;
 * - awareness: stored, and forwarded throttled; awareness-will: stored, sent when it leaves.
 *
 * A receiver with more than the hard limit queued is disconnected rather than buffered for;
 * dropping happens before the caller ever sees an unbounded queue.
 */
export interface RelayRouterOptions {
  readonly limits?: Partial<RelayLimits>;
  readonly clock?: RelayClock;
  /**
   * Close this connection. The router has already removed it from its room (the others got its
   * will and member-left); calling `disconnect` for it afterwards is harmless.
   */
  readonly onDisconnect?: (sink: RelaySink, reason: RelayDisconnectReason) => void;
}

export type { RelayClock, RelayCounters, RelayDisconnectReason, RelayReceipt, RelaySink };

export class RelayRouter {
  readonly limits: RelayLimits;
  readonly counters: RelayCounters = newCounters();
  private readonly clock: RelayClock;
  private readonly onDisconnect: RelayRouterOptions['onDisconnect'];
  private readonly members = new Map<RelaySink, Member>();
  private readonly rooms = new Map<string, Room>();
  private readonly presence: Presence;
  private readonly sync: SyncElection;
  private readonly delivery: Delivery;
  private seq = 0;

  constructor(options: RelayRouterOptions = {}) {
    this.limits = resolveRelayLimits(options.limits);
    this.clock = options.clock ?? systemClock;
    this.onDisconnect = options.onDisconnect;
    this.delivery = new Delivery(this.limits, this.counters);
    const context: RouterContext = {
      limits: this.limits,
      // Timers fire outside `receive`, so disconnects they cause are settled after each one.
      clock: {
        now: () => this.clock.now(),
        schedule: (delayMs, run) =>
          this.clock.schedule(delayMs, () => {
            run();
            this.settle();
          }),
      },
      counters: this.counters,
      deliver: (to, bytes) => this.deliver(to, bytes),
      currentSeq: () => this.seq,
    };
    this.presence = new Presence(context);
    this.sync = new SyncElection(context);
  }

  /** One binary message from a connection. Never throws; a drop says why. */
  receive(sink: RelaySink, input: unknown): RelayReceipt {
    const result = this.route(sink, input);
    const member = this.members.get(sink);
    if (!result.ok) {
      this.counters.dropped[result.error]++;
      if (member && RELAY_VIOLATIONS.has(result.error)) {
        member.violations++;
        if (member.violations > this.limits.maxViolations) this.delivery.mark(member, 'protocol');
      }
    }
    this.settle();
    return result;
  }

  /** The connection closed (or is being closed): it leaves its room. Idempotent. */
  disconnect(sink: RelaySink): void {
    const member = this.members.get(sink);
    if (member) this.remove(member);
    this.settle();
  }

  /** What the router holds, for tests and the caller's metrics. */
  stats(): { rooms: number; members: number; syncRequests: number; storedPresenceBytes: number } {
    let syncRequests = 0;
    let storedPresenceBytes = 0;
    for (const room of this.rooms.values()) syncRequests += room.requests.size;
    for (const member of this.members.values()) {
      storedPresenceBytes += (member.awareness?.length ?? 0) + (member.will?.length ?? 0);
    }
    return {
      rooms: this.rooms.size,
      members: this.members.size,
      syncRequests,
      storedPresenceBytes,
    };
  }

  private route(sink: RelaySink, input: unknown): RelayReceipt {
    const bytes = asBytes(input);
    if (bytes === null) return err('not-binary');
    const member = this.members.get(sink);
    if (isControlMessage(bytes)) {
      if (bytes[1] !== RelayControlType.join) return err('unknown-control');
      if (member) return this.refuse(sink, 'already-joined', RelayErrorCode.alreadyJoined);
      return this.join(sink, bytes);
    }
    if (!member) return this.refuse(sink, 'not-joined', RelayErrorCode.notJoined);
    this.counters.framesIn++;
    if (!member.frames.take()) return this.rateLimited(member);
    const read = readRelayFrame(bytes, this.limits.maxFrameBytes);
    if (!read.ok) return read;
    const { header } = read.value;
    if (header.roomTag !== member.room.tag) return err('wrong-room');
    if (header.sender !== member.sender) return err('wrong-sender');
    if (header.keyId !== member.keyId) return err('wrong-key');
    let target: Member | null = null;
    if (header.target !== null) {
      target = member.room.members.get(header.target) ?? null;
      if (target === null || target === member) return err('unknown-target');
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
      case RelayFrameType.syncRequest:
        if (!member.fanoutBytes.take(bytes.length)) return this.rateLimited(member);
        return this.sync.request(member, header, bytes, target);
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
    if (target) return ok({ delivered: this.deliver(target, bytes) ? 1 : 0 });
    let count = 0;
    for (const other of from.room.members.values()) {
      if (other !== from && this.deliver(other, bytes)) count++;
    }
    return ok({ delivered: count });
  }

  private join(sink: RelaySink, bytes: Uint8Array): RelayReceipt {
    const join = readJoin(bytes);
    if (!join) return this.refuse(sink, 'bad-join', RelayErrorCode.badJoin);
    const admitted = admit(this.rooms, join, this.limits, this.clock);
    if (!admitted.ok) {
      const { reason, code, retryAfterMs } = admitted.error;
      return this.refuse(sink, reason, code, retryAfterMs);
    }
    const room = admitted.value;
    const member = newMember(sink, room, join, ++this.seq, this.limits, this.clock);
    const others = [...room.members.values()];
    room.members.set(member.sender, member);
    this.members.set(sink, member);
    this.counters.joined++;
    const stored = this.presence.storedFor(member);
    this.deliver(member, writeWelcome(others, stored.length));
    for (const frame of stored) this.deliver(member, frame);
    const notice = writeMemberJoined(member);
    for (const other of others) this.deliver(other, notice);
    return ok({ delivered: others.length });
  }

  private remove(member: Member): void {
    const room = member.room;
    if (member.gone) return;
    member.gone = true;
    this.members.delete(member.sink);
    room.members.delete(member.sender);
    this.counters.left++;
    this.sync.leave(member);
    this.presence.leave(member);
    const notice = writeMemberLeft(member.sender);
    for (const other of room.members.values()) this.deliver(other, notice);
    if (room.members.size === 0) this.rooms.delete(room.tag);
  }

  private deliver(to: Member, bytes: Uint8Array): boolean {
    return this.delivery.deliver(to, bytes);
  }

  /** Disconnects the members deliveries (or violations) marked. */
  private settle(): void {
    this.delivery.settle((member, reason) => {
      this.remove(member);
      this.onDisconnect?.(member.sink, reason);
    });
  }

  private refuse(
    sink: RelaySink,
    reason: RelayDropReason,
    code: RelayErrorCode,
    retryAfterMs = 0,
  ): RelayReceipt {
    // Never queue errors for a connection that does not read them (an unjoined flood).
    if (sink.bufferedBytes() <= this.limits.softBufferedBytes) {
      sink.send(writeError(code, retryAfterMs));
    }
    return err(reason);
  }

  private rateLimited(member: Member): RelayReceipt {
    if (!member.toldRateLimited) {
      member.toldRateLimited = true;
      this.deliver(member, writeError(RelayErrorCode.rateLimited));
    }
    return err('rate-limited');
  }
}

function delivered(problem: RelayDropReason | null, count: number): RelayReceipt {
  return problem ? err(problem) : ok({ delivered: count });
}

function asBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return null;
}
