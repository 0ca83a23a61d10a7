import type { Result } from '../lib/result';
import type { FrameError } from '../lib/room/relay-frame';
import type { RelayLimits } from './relay-limits';
import type { TokenBucket } from './token-bucket';

/**
 * The shapes the relay's routing modules share (relay-room.ts is the entry point). Nothing here
 * touches a socket: the server hands each connection in as a sink, and timers run on a clock
 * it passes, so tests drive the whole relay with a fake one.
 */

/** One connection as the relay sees it: somewhere to queue bytes, and how much is queued. */
export interface RelaySink {
  /** Queues one binary message; false when the connection can take nothing more (closed). */
  send(bytes: Uint8Array): boolean;
  /** Bytes queued for this connection and not yet written (ws: `socket.bufferedAmount`). */
  bufferedBytes(): number;
}

/**
 * Carries a room's room-wide frames to the same room on the other instances (relay-bus.ts puts
 * it on the topic bus). The router tells it when this instance's first member of a room joins
 * and its last one leaves, so the bus holds one upstream subscription per live room.
 */
export interface RelayBridge {
  opened(roomTag: string): void;
  closed(roomTag: string): void;
  /**
   * A frame this instance fanned out to the whole room (update, presence, will, ...), or an
   * envelope (relay-envelope.ts) of a sync request or reply crossing instances.
   */
  publish(roomTag: string, frame: Uint8Array): void;
  /** The bus's id for this instance, if it has one (32 hex digits); else the router picks one. */
  readonly instanceId?: string;
}

export interface RelayClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `run` once after `delayMs`; the returned function cancels it. */
  schedule(delayMs: number, run: () => void): () => void;
}

/** Node's timers, unref'd so an idle relay does not keep the process alive. */
export const systemClock: RelayClock = {
  now: () => performance.now(),
  schedule(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** Why a message was dropped: what the caller counts (and may log; it holds no content). */
export const RELAY_DROP_REASONS = [
  // A relay frame that does not parse (relay-frame.ts's FrameError).
  'not-binary',
  'truncated',
  'too-large',
  'unsupported-version',
  'unknown-type',
  'bad-header',
  /** A relay frame before the connection joined a room. */
  'not-joined',
  'bad-join',
  'already-joined',
  'room-full',
  'join-rate',
  'sender-in-use',
  /** A server message type (0x80-0xFF) a client must not send. */
  'unknown-control',
  /** A frame whose room tag, sender id or key id is not the one the connection joined with. */
  'wrong-room',
  'wrong-sender',
  'wrong-key',
  /** Addressed to a member not in the room (it may just have left) or to the sender itself. */
  'unknown-target',
  'rate-limited',
  'awareness-too-large',
  'too-many-sync-requests',
  /** A reply or reply chunk for a request the server did not route to this sender. */
  'unrequested-reply',
] as const;
export type RelayDropReason = (typeof RELAY_DROP_REASONS)[number];
/** Fails to compile if relay-frame.ts gains a FrameError this list does not count. */
const FRAME_ERRORS_COUNTED: FrameError extends RelayDropReason ? true : never = true;
void FRAME_ERRORS_COUNTED;

/** Drops that only a broken or hostile client causes: enough of them disconnect it. */
export const RELAY_VIOLATIONS: ReadonlySet<RelayDropReason> = new Set<RelayDropReason>([
  'not-binary',
  'truncated',
  'too-large',
  'unsupported-version',
  'unknown-type',
  'bad-header',
  'already-joined',
  'unknown-control',
  'wrong-room',
  'wrong-sender',
  'wrong-key',
]);

/** How many members a message went to now (0 for presence waiting for the throttle). */
export type RelayReceipt = Result<{ readonly delivered: number }, RelayDropReason>;

/** Why the relay asks the caller to close a connection. */
export type RelayDisconnectReason =
  /** More than the hard limit queued for it. */
  | 'too-slow'
  /** Its sink refused a message. */
  | 'send-failed'
  /** Too many malformed or misaddressed frames. */
  | 'protocol';

/** Running totals for the caller to log or export. Counts only: no ids, tags or payloads. */
export interface RelayCounters {
  joined: number;
  left: number;
  framesIn: number;
  framesOut: number;
  bytesOut: number;
  awarenessCoalesced: number;
  awarenessSkippedSlow: number;
  syncElections: number;
  syncTimeouts: number;
  syncUnanswered: number;
  /** Room-wide frames handed to the other instances, taken from them, and refused from them. */
  bridgedOut: number;
  bridgedIn: number;
  bridgeRefused: number;
  /**
   * Sync requests asked of the other instances and taken from them, replies sent back to
   * them and taken from them (relay-remote.ts), and envelopes refused (malformed, over a
   * bound, or a reply nobody here asked for).
   */
  remoteSyncRequestsOut: number;
  remoteSyncRequestsIn: number;
  remoteRepliesOut: number;
  remoteRepliesIn: number;
  remoteRefused: number;
  readonly dropped: Record<RelayDropReason, number>;
  readonly disconnected: Record<RelayDisconnectReason, number>;
}

/** A sync request the server routes; open until answered, timed out or its requester leaves. */
export interface SyncRequest {
  readonly key: string;
  readonly requester: Member;
  readonly counter: number;
  /** Whether the server picks the responder (no target), or the requester did. */
  readonly elected: boolean;
  /** The request's frame, kept to ask the next member; dropped once answering started. */
  frame: Uint8Array | null;
  responder: Member | null;
  /** Senders asked so far; a late reply from any of them is still routed. */
  readonly asked: Set<string>;
  /** Whether reply chunks are arriving (the request then stays open until they stop). */
  answering: boolean;
  cancelTimer: (() => void) | null;
}

export interface Room {
  readonly tag: string;
  /** By sender id, in join order (a Map keeps insertion order): longest connected first. */
  readonly members: Map<string, Member>;
  readonly joins: TokenBucket;
  readonly requests: Map<string, SyncRequest>;
  /**
   * Requesters on other instances with a request open here, by sender id (relay-remote.ts).
   * Never in `members`: nobody elects them and no frame fans out to them.
   */
  readonly proxies: Map<string, Member>;
}

export interface Member {
  readonly sink: RelaySink;
  readonly room: Room;
  readonly sender: string;
  readonly keyId: string;
  /** Join order across the router: lower joined earlier. */
  readonly seq: number;
  readonly frames: TokenBucket;
  readonly fanoutBytes: TokenBucket;
  violations: number;
  /** Removed from its room; anything still addressed to it is dropped. */
  gone: boolean;
  /** Told it was rate limited since its last accepted frame (so it is told once, not per frame). */
  toldRateLimited: boolean;
  /** Its last presence frame, as it came (encrypted), and `seq` of the newest join before it. */
  awareness: Uint8Array | null;
  awarenessSeq: number;
  awarenessForwardedAt: number;
  /** A newer presence frame waits for the throttle; the timer forwards the newest. */
  cancelAwarenessFlush: (() => void) | null;
  will: Uint8Array | null;
  /** Open requests this member is asked to answer, and open requests it made. */
  answering: number;
  requesting: number;
  /**
   * Counters of its untargeted requests also asked of the other instances, each with the time
   * after which a reply from there is no longer taken (relay-remote.ts).
   */
  readonly remoteAsks: Map<number, number>;
}

/** What the routing modules need from the router. */
export interface RouterContext {
  readonly limits: RelayLimits;
  readonly clock: RelayClock;
  readonly counters: RelayCounters;
  /** Queues `bytes` for `to` with backpressure; whether it was queued. */
  deliver(to: Member, bytes: Uint8Array): boolean;
  /** The seq of the newest join so far. */
  currentSeq(): number;
  /** Hands a frame fanned out to all of `room` here to its members on other instances. */
  publish(room: Room, bytes: Uint8Array): void;
}

export function newCounters(): RelayCounters {
  const dropped = Object.fromEntries(RELAY_DROP_REASONS.map((reason) => [reason, 0]));
  return {
    joined: 0,
    left: 0,
    framesIn: 0,
    framesOut: 0,
    bytesOut: 0,
    awarenessCoalesced: 0,
    awarenessSkippedSlow: 0,
    syncElections: 0,
    syncTimeouts: 0,
    syncUnanswered: 0,
    bridgedOut: 0,
    bridgedIn: 0,
    bridgeRefused: 0,
    remoteSyncRequestsOut: 0,
    remoteSyncRequestsIn: 0,
    remoteRepliesOut: 0,
    remoteRepliesIn: 0,
    remoteRefused: 0,
    dropped: dropped as Record<RelayDropReason, number>,
    disconnected: { 'too-slow': 0, 'send-failed': 0, protocol: 0 },
  };
}
