import { RelayFrameType, readRelayFrame } from '../lib/room/relay-frame';
import type { Room, RouterContext } from './relay-types';

/**
 * Frames from the same relay room on other instances (issue 10, scale-out), as the topic bus
 * brings them in. What crosses instances in this first version is exactly what a router fans
 * out to the whole room: updates, room-wide chunks and controls, presence (after the sending
 * instance's throttle) and last wills (when the member's connection drops there). Members see
 * only the members of their own instance (welcome, member-joined, member-left), so a target is
 * a local member; the one exception is catch-up: an untargeted sync request is also asked of
 * one member on each other instance, and its reply routed back, in envelopes of their own
 * (relay-envelope.ts, relay-remote.ts) that never reach this function. Presence of members
 * elsewhere is not stored here: a joiner gets it with their next presence frame (clients renew
 * theirs).
 *
 * The other instances are trusted to have checked their senders (rate, room, sender id), so a
 * bridged frame is only checked to be such a room-wide frame of this very room; anything else
 * is refused and counted. Delivery goes through the same backpressure as local frames.
 */
export function deliverBridged(
  room: Room,
  bytes: Uint8Array,
  context: RouterContext,
): 'delivered' | 'refused' {
  const read = readRelayFrame(bytes, context.limits.maxFrameBytes);
  if (!read.ok) return 'refused';
  const { header } = read.value;
  if (header.roomTag !== room.tag || header.target !== null || header.inReplyTo !== 0) {
    return 'refused';
  }
  if (header.type === RelayFrameType.syncRequest || header.type === RelayFrameType.syncReply) {
    return 'refused';
  }
  const presence = header.type === RelayFrameType.awareness;
  for (const member of room.members.values()) {
    if (member.gone || member.sender === header.sender) continue;
    // As for local presence (relay-presence.ts): a slow receiver can do without it.
    if (presence && member.sink.bufferedBytes() > context.limits.softBufferedBytes) {
      context.counters.awarenessSkippedSlow++;
      continue;
    }
    context.deliver(member, bytes);
  }
  return 'delivered';
}
