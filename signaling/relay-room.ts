import { err, ok } from '../lib/result';
import {
  isControlMessage,
  RelayControlType,
  RelayErrorCode,
  readJoin,
  writeError,
  writeMemberJoined,
  writeMemberLeft,
  writeWelcome,
} from '../lib/room/relay-control';
import { deliverBridged } from './relay-bridge';
import { Delivery } from './relay-delivery';
import { isEnvelope, isInstanceId, newInstanceId } from './relay-envelope';
import { admit, newMember } from './relay-join';
import { type RelayLimits, resolveRelayLimits } from './relay-limits';
import { Presence } from './relay-presence';
import { RemoteSync } from './relay-remote';
import { FrameRouting } from './relay-routing';
import { SyncElection } from './relay-sync';
import {
  type Member,
  newCounters,
  RELAY_VIOLATIONS,
  type RelayBridge,
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
 * relay-presence.ts, per-type routing in relay-routing.ts.
 *
 * A connection's first binary message is a join {room tag, key id, sender id}; the router
 * keeps the rooms and their members, and hands each later frame to relay-routing.ts, which
 * checks it carries exactly those three (a member cannot speak for another connection or
 * another room) and routes it by type.
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
  /** The same rooms on other instances (relay-bridge.ts says what crosses); none: alone. */
  readonly bridge?: RelayBridge;
  /**
   * This instance's id on the bridge (32 hex digits), which replies from other instances
   * name (relay-envelope.ts); default: the bridge's, else a random one.
   */
  readonly instanceId?: string;
}

export type {
  RelayBridge,
  RelayClock,
  RelayCounters,
  RelayDisconnectReason,
  RelayReceipt,
  RelaySink,
};

export interface RelayRouterStats {
  rooms: number;
  members: number;
  /** Open sync requests, local members' and other instances' (relay-remote.ts). */
  syncRequests: number;
  /** Members of other instances with a sync request open here (their proxies). */
  remoteRequesters: number;
  storedPresenceBytes: number;
}

export class RelayRouter {
  readonly limits: RelayLimits;
  readonly counters: RelayCounters = newCounters();
  readonly instanceId: string;
  private readonly clock: RelayClock;
  private readonly onDisconnect: RelayRouterOptions['onDisconnect'];
  private readonly bridge: RelayBridge | undefined;
  private readonly context: RouterContext;
  private readonly members = new Map<RelaySink, Member>();
  private readonly rooms = new Map<string, Room>();
  private readonly presence: Presence;
  private readonly sync: SyncElection;
  private readonly delivery: Delivery;
  private readonly frames: FrameRouting;
  private readonly remote: RemoteSync | null;
  private seq = 0;

  constructor(options: RelayRouterOptions = {}) {
    this.limits = resolveRelayLimits(options.limits);
    this.clock = options.clock ?? systemClock;
    this.onDisconnect = options.onDisconnect;
    this.bridge = options.bridge;
    this.instanceId = options.instanceId ?? options.bridge?.instanceId ?? newInstanceId();
    if (!isInstanceId(this.instanceId)) throw new RangeError('relay instanceId: 32 hex digits');
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
      publish: (room, bytes) => this.publish(room, bytes),
    };
    this.context = context;
    this.presence = new Presence(context);
    this.sync = new SyncElection(context);
    this.remote = this.bridge
      ? new RemoteSync(context, this.sync, this.bridge, this.instanceId)
      : null;
    this.frames = new FrameRouting(context, this.presence, this.sync, this.remote);
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

  /**
   * A room-wide frame of room `roomTag` from another instance (the bridge's subscription): to
   * every member here; or a sync request or reply envelope (relay-remote.ts). Never throws; a
   * room with no member here any more ignores it.
   */
  receiveBridged(roomTag: string, bytes: Uint8Array): void {
    const room = this.rooms.get(roomTag);
    if (!room) return;
    if (isEnvelope(bytes)) this.remote?.receive(room, bytes);
    else if (deliverBridged(room, bytes, this.context) === 'delivered') this.counters.bridgedIn++;
    else this.counters.bridgeRefused++;
    this.settle();
  }

  /** What the router holds, for tests and the caller's metrics. */
  stats(): RelayRouterStats {
    let syncRequests = 0;
    let remoteRequesters = 0;
    let storedPresenceBytes = 0;
    for (const room of this.rooms.values()) {
      syncRequests += room.requests.size;
      remoteRequesters += room.proxies.size;
    }
    for (const member of this.members.values()) {
      storedPresenceBytes += (member.awareness?.length ?? 0) + (member.will?.length ?? 0);
    }
    return {
      rooms: this.rooms.size,
      members: this.members.size,
      syncRequests,
      remoteRequesters,
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
    return this.frames.route(member, bytes);
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
    const opened = room.members.size === 0;
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
    if (opened) this.bridge?.opened(room.tag);
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
    if (room.members.size === 0) {
      this.rooms.delete(room.tag);
      this.bridge?.closed(room.tag);
    }
  }

  private publish(room: Room, bytes: Uint8Array): void {
    if (!this.bridge) return;
    this.counters.bridgedOut++;
    this.bridge.publish(room.tag, bytes);
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
}

function asBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return null;
}
