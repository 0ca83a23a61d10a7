import type { Member, RelayDropReason, Room, RouterContext } from './relay-types';

/**
 * Presence on the relay (issue 10). The server keeps each member's last presence frame and its
 * last will, both encrypted and opaque to it: the presence frames go to every joiner right
 * after its welcome (so nobody has to re-announce themselves when someone joins), and the will
 * goes to the room when the member leaves or its connection drops (so its presence disappears
 * everywhere without anyone waiting for a timeout).
 *
 * Forwarding is throttled per member: at most one presence frame per interval, and frames that
 * arrive in between replace the waiting one (the newest wins; the others are never sent). The
 * interval grows with the room (RELAY_AWARENESS_MS_PER_MEMBER each, between the minimum and the
 * maximum), so every receiver gets about the same number of presence frames per second in a
 * room of 5 or of 200. Receivers with more than the soft limit queued are skipped: presence is
 * the one thing a slow phone can do without, and the next frame brings it up to date.
 */
export class Presence {
  constructor(private readonly context: RouterContext) {}

  /** The throttle interval for one member's presence in `room`, in milliseconds. */
  intervalMs(room: Room): number {
    const { awarenessMinIntervalMs, awarenessMsPerMember, awarenessMaxIntervalMs } =
      this.context.limits;
    const scaled = room.members.size * awarenessMsPerMember;
    return Math.min(awarenessMaxIntervalMs, Math.max(awarenessMinIntervalMs, scaled));
  }

  awareness(member: Member, frame: Uint8Array): RelayDropReason | null {
    const { limits, clock, counters } = this.context;
    if (frame.length > limits.maxAwarenessBytes) return 'awareness-too-large';
    // A copy: what is stored must not be a view into a buffer the transport reuses.
    member.awareness = frame.slice();
    member.awarenessSeq = this.context.currentSeq();
    if (member.cancelAwarenessFlush) {
      counters.awarenessCoalesced++; // the waiting flush sends this one instead
      return null;
    }
    const waitMs = member.awarenessForwardedAt + this.intervalMs(member.room) - clock.now();
    if (waitMs <= 0) {
      this.forward(member);
    } else {
      member.cancelAwarenessFlush = clock.schedule(waitMs, () => {
        member.cancelAwarenessFlush = null;
        this.forward(member);
      });
    }
    return null;
  }

  will(member: Member, frame: Uint8Array): RelayDropReason | null {
    if (frame.length > this.context.limits.maxAwarenessBytes) return 'awareness-too-large';
    member.will = frame.slice();
    return null;
  }

  /** The stored presence of everyone in `room` but `joiner`, for its welcome. */
  storedFor(joiner: Member): Uint8Array[] {
    const frames: Uint8Array[] = [];
    for (const member of joiner.room.members.values()) {
      if (member !== joiner && member.awareness !== null) frames.push(member.awareness);
    }
    return frames;
  }

  /** `member` left its room (already removed from it): its will goes out, and both are forgotten. */
  leave(member: Member): void {
    member.cancelAwarenessFlush?.();
    member.cancelAwarenessFlush = null;
    const will = member.will;
    member.awareness = null;
    member.will = null;
    if (will === null) return;
    for (const other of member.room.members.values()) {
      if (other !== member && !other.gone) this.context.deliver(other, will);
    }
    this.context.publish(member.room, will);
  }

  private forward(member: Member): void {
    const { clock, counters, limits } = this.context;
    const frame = member.awareness;
    if (member.gone || frame === null) return;
    member.awarenessForwardedAt = clock.now();
    for (const other of member.room.members.values()) {
      if (other === member || other.gone) continue;
      // Joined after this frame came: its welcome held it already.
      if (other.seq > member.awarenessSeq) continue;
      if (other.sink.bufferedBytes() > limits.softBufferedBytes) {
        counters.awarenessSkippedSlow++;
        continue;
      }
      this.context.deliver(other, frame);
    }
    this.context.publish(member.room, frame);
  }
}
