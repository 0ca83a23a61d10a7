import { RELAY_FRAME_BYTES } from '../lib/limits';

/**
 * Every limit of the relay's routing (relay-room.ts; issue 10 item 5), each with its unit. They
 * live here rather than in limits.ts (the signaling protocol's) so the two can change apart.
 * Nothing here counts per address: a whole venue often shares one public address, and 200
 * honest people behind it must fit in one room. What one abusive client can do is bounded per
 * connection (rates, sizes, what is stored for it) and per room (size, join rate); an outsider
 * cannot even aim at a room, because joining needs its room tag, which only the code gives.
 * Tests pass smaller values through `new RelayRouter({ limits })`.
 */

/** Bytes in one frame, header and tag included: one frame is one WebSocket message. */
export const RELAY_MAX_FRAME_BYTES = RELAY_FRAME_BYTES;
/**
 * Members of one room (per instance). Above the 200 of a large neighbourhood evening with
 * headroom; it bounds what one frame fans out to and the size of a welcome (16 bytes each).
 */
export const RELAY_MAX_ROOM_MEMBERS = 500;
/**
 * Joins one room accepts at once (token bucket capacity), and per second after that (refill).
 * When an instance dies its rooms reconnect elsewhere at once; clients back off with jitter
 * after a refused join, so 200 members are back within about 10 s instead of arriving in one
 * instant and all asking for a sync.
 */
export const RELAY_JOIN_BURST = 50;
export const RELAY_JOINS_PER_SECOND = 20;
/** Milliseconds a refused join is told to wait before trying again (the client adds jitter). */
export const RELAY_JOIN_RETRY_AFTER_MS = 1_000;
/**
 * Frames one member may send per second (refill) and at once (capacity). Typing makes a few
 * updates a second, presence a few more; a chunked catch-up reply of 1 MB is 16 frames.
 */
export const RELAY_FRAMES_PER_SECOND = 50;
export const RELAY_FRAME_BURST = 200;
/**
 * Bytes one member may make the server send, per second (refill) and at once (capacity): a
 * frame costs its size times the members it goes to. Charging the fan-out, not the frame,
 * is what stops one member from filling 199 receivers' buffers with 64 KiB frames (which
 * would get honest, slow receivers disconnected). A keystroke in a room of 200 is about
 * 200 bytes × 199 = 40 KB; a large paste of one full frame to 199 is 13 MB, within the burst.
 */
export const RELAY_FANOUT_BYTES_PER_SECOND = 4 * 1024 * 1024;
export const RELAY_FANOUT_BYTE_BURST = 32 * 1024 * 1024;
/**
 * Bytes of one stored presence frame and of one stored last will. Kring's presence is a name
 * and a few flags; a frame larger than this is not forwarded and not kept. With the room cap,
 * a room's stored presence is at most 500 × 2 × 4 KiB = 4 MiB.
 */
export const RELAY_MAX_AWARENESS_BYTES = 4 * 1024;
/**
 * Milliseconds between two presence frames of one member that the server forwards; newer ones
 * in between replace the waiting one (the newest wins). The interval grows with the room, so a
 * receiver gets at most about one presence frame per RELAY_AWARENESS_MS_PER_MEMBER whatever
 * the room's size: 200 members' presence costs each receiver 100 frames a second at most.
 */
export const RELAY_AWARENESS_MIN_INTERVAL_MS = 100;
export const RELAY_AWARENESS_MS_PER_MEMBER = 10;
export const RELAY_AWARENESS_MAX_INTERVAL_MS = 2_000;
/**
 * Milliseconds a chosen responder has to start answering a sync request before the server asks
 * the next member. A phone encrypting a 1,000-item state needs well under a second.
 */
export const RELAY_SYNC_TIMEOUT_MS = 4_000;
/** Members asked, one after another, before the requester is told nobody answered. */
export const RELAY_SYNC_MAX_ATTEMPTS = 3;
/**
 * Milliseconds a request stays open after its last reply frame, so the rest of a chunked reply
 * is still routed; then it is forgotten.
 */
export const RELAY_SYNC_REPLY_IDLE_MS = 10_000;
/** Sync requests (with or without a target) one member may have open at once. */
export const RELAY_MAX_OPEN_SYNC_REQUESTS = 4;
/**
 * Requests one member answers at once before the server prefers another: 50 late joiners
 * arriving together are spread over the room instead of all landing on its oldest member.
 */
export const RELAY_MAX_ANSWERS_PER_RESPONDER = 2;
/**
 * Bytes queued for a receiver above which it is skipped for presence and not picked to answer
 * sync requests: it is slow, and presence is the one thing that can be dropped.
 */
export const RELAY_SOFT_BUFFERED_BYTES = 256 * 1024;
/**
 * Bytes queued for a receiver above which it is disconnected (it resyncs when it reconnects)
 * instead of the server buffering for it without bound. Room for a catch-up reply of 4 MiB.
 */
export const RELAY_HARD_BUFFERED_BYTES = 4 * 1024 * 1024;
/**
 * Malformed or misaddressed frames (wrong sender, room or key, garbage) a connection may send
 * before it is disconnected. An honest client sends none; the margin allows for a race or two.
 */
export const RELAY_MAX_VIOLATIONS = 32;

export interface RelayLimits {
  readonly maxFrameBytes: number;
  readonly maxRoomMembers: number;
  readonly joinBurst: number;
  readonly joinsPerSecond: number;
  readonly joinRetryAfterMs: number;
  readonly framesPerSecond: number;
  readonly frameBurst: number;
  readonly fanoutBytesPerSecond: number;
  readonly fanoutByteBurst: number;
  readonly maxAwarenessBytes: number;
  readonly awarenessMinIntervalMs: number;
  readonly awarenessMsPerMember: number;
  readonly awarenessMaxIntervalMs: number;
  readonly syncTimeoutMs: number;
  readonly syncMaxAttempts: number;
  readonly syncReplyIdleMs: number;
  readonly maxOpenSyncRequests: number;
  readonly maxAnswersPerResponder: number;
  readonly softBufferedBytes: number;
  readonly hardBufferedBytes: number;
  readonly maxViolations: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxFrameBytes: RELAY_MAX_FRAME_BYTES,
  maxRoomMembers: RELAY_MAX_ROOM_MEMBERS,
  joinBurst: RELAY_JOIN_BURST,
  joinsPerSecond: RELAY_JOINS_PER_SECOND,
  joinRetryAfterMs: RELAY_JOIN_RETRY_AFTER_MS,
  framesPerSecond: RELAY_FRAMES_PER_SECOND,
  frameBurst: RELAY_FRAME_BURST,
  fanoutBytesPerSecond: RELAY_FANOUT_BYTES_PER_SECOND,
  fanoutByteBurst: RELAY_FANOUT_BYTE_BURST,
  maxAwarenessBytes: RELAY_MAX_AWARENESS_BYTES,
  awarenessMinIntervalMs: RELAY_AWARENESS_MIN_INTERVAL_MS,
  awarenessMsPerMember: RELAY_AWARENESS_MS_PER_MEMBER,
  awarenessMaxIntervalMs: RELAY_AWARENESS_MAX_INTERVAL_MS,
  syncTimeoutMs: RELAY_SYNC_TIMEOUT_MS,
  syncMaxAttempts: RELAY_SYNC_MAX_ATTEMPTS,
  syncReplyIdleMs: RELAY_SYNC_REPLY_IDLE_MS,
  maxOpenSyncRequests: RELAY_MAX_OPEN_SYNC_REQUESTS,
  maxAnswersPerResponder: RELAY_MAX_ANSWERS_PER_RESPONDER,
  softBufferedBytes: RELAY_SOFT_BUFFERED_BYTES,
  hardBufferedBytes: RELAY_HARD_BUFFERED_BYTES,
  maxViolations: RELAY_MAX_VIOLATIONS,
};

/**
 * The defaults with `overrides` applied, checked. Throws on a configuration that could never
 * work (a programming error, not bad input).
 */
export function resolveRelayLimits(overrides: Partial<RelayLimits> = {}): RelayLimits {
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0)) {
      throw new RangeError(`relay limit ${name} must be a positive number`);
    }
  }
  if (limits.fanoutByteBurst < limits.maxFrameBytes) {
    throw new RangeError('relay limit fanoutByteBurst must be at least maxFrameBytes');
  }
  if (limits.softBufferedBytes > limits.hardBufferedBytes) {
    throw new RangeError('relay limit softBufferedBytes must not exceed hardBufferedBytes');
  }
  return limits;
}
