import { err, ok, type Result } from '../lib/result';
import { RelayErrorCode, type RelayJoin } from '../lib/room/relay-control';
import type { RelayLimits } from './relay-limits';
import type { Member, RelayClock, RelayDropReason, RelaySink, Room } from './relay-types';
import { TokenBucket } from './token-bucket';

/** Why a join was refused, and what the joiner is told. */
export interface JoinRefusal {
  readonly reason: RelayDropReason;
  readonly code: RelayErrorCode;
  readonly retryAfterMs: number;
}

/**
 * The room a join may enter (made when it is the first), or why not: the room is at its cap,
 * the sender id is taken there, or the room's join bucket is empty (a reconnect storm: the
 * joiner retries after the time it is told, plus its own jitter). A room made here and then
 * refused is removed again, so refused joins leave nothing behind.
 */
export function admit(
  rooms: Map<string, Room>,
  join: RelayJoin,
  limits: RelayLimits,
  clock: RelayClock,
): Result<Room, JoinRefusal> {
  const existing = rooms.get(join.roomTag);
  if (existing && existing.members.size >= limits.maxRoomMembers) {
    return err({
      reason: 'room-full',
      code: RelayErrorCode.roomFull,
      retryAfterMs: limits.joinRetryAfterMs,
    });
  }
  if (existing?.members.has(join.sender)) {
    return err({ reason: 'sender-in-use', code: RelayErrorCode.senderInUse, retryAfterMs: 0 });
  }
  const room: Room = existing ?? {
    tag: join.roomTag,
    members: new Map(),
    joins: new TokenBucket(limits.joinBurst, limits.joinsPerSecond, () => clock.now()),
    requests: new Map(),
    proxies: new Map(),
  };
  if (!room.joins.take()) {
    return err({
      reason: 'join-rate',
      code: RelayErrorCode.joinRate,
      retryAfterMs: limits.joinRetryAfterMs,
    });
  }
  rooms.set(room.tag, room);
  return ok(room);
}

export function newMember(
  sink: RelaySink,
  room: Room,
  join: RelayJoin,
  seq: number,
  limits: RelayLimits,
  clock: RelayClock,
): Member {
  const now = () => clock.now();
  return {
    sink,
    room,
    sender: join.sender,
    keyId: join.keyId,
    seq,
    frames: new TokenBucket(limits.frameBurst, limits.framesPerSecond, now),
    fanoutBytes: new TokenBucket(limits.fanoutByteBurst, limits.fanoutBytesPerSecond, now),
    violations: 0,
    gone: false,
    toldRateLimited: false,
    awareness: null,
    awarenessSeq: 0,
    awarenessForwardedAt: Number.NEGATIVE_INFINITY,
    cancelAwarenessFlush: null,
    will: null,
    answering: 0,
    requesting: 0,
    remoteAsks: new Map(),
  };
}
