import { RelayErrorCode, writeError } from '../lib/room/relay-control';
import type { RelayLimits } from './relay-limits';
import type { Member, RelayCounters, RelayDisconnectReason } from './relay-types';

/**
 * Backpressure for the relay: every byte the server sends a member goes through `deliver`. A
 * member with more than the hard limit queued gets nothing more and is marked to be
 * disconnected, so the server's memory per connection stays below the hard limit plus one
 * frame, however slow the phone on the other end. Marked members are disconnected by `settle`,
 * after the fan-out in progress, so no loop over a room sees the room change under it.
 */
export class Delivery {
  private readonly marked = new Map<Member, RelayDisconnectReason>();

  constructor(
    private readonly limits: RelayLimits,
    private readonly counters: RelayCounters,
  ) {}

  /** Queues `bytes` for `to`; whether it did. */
  deliver(to: Member, bytes: Uint8Array): boolean {
    if (to.gone || this.marked.has(to)) return false;
    if (to.sink.bufferedBytes() > this.limits.hardBufferedBytes) {
      this.marked.set(to, 'too-slow');
      return false;
    }
    if (!to.sink.send(bytes)) {
      this.marked.set(to, 'send-failed');
      return false;
    }
    this.counters.framesOut++;
    this.counters.bytesOut += bytes.length;
    return true;
  }

  mark(member: Member, reason: RelayDisconnectReason): void {
    if (!this.marked.has(member)) this.marked.set(member, reason);
  }

  /**
   * Tells each marked member why (best effort: it may never arrive) and hands it to `remove`;
   * a removal may mark more (its will and its member-left go to the others), and those are
   * handled in the same pass, since a Map's iteration visits entries added during it.
   */
  settle(remove: (member: Member, reason: RelayDisconnectReason) => void): void {
    for (const [member, reason] of this.marked) {
      this.marked.delete(member);
      if (member.gone) continue;
      if (reason !== 'send-failed') {
        const code = reason === 'protocol' ? RelayErrorCode.protocol : RelayErrorCode.tooSlow;
        member.sink.send(writeError(code));
      }
      this.counters.disconnected[reason]++;
      remove(member, reason);
    }
  }
}
