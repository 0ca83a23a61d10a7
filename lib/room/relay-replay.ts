import { RELAY_MAX_TRACKED_SENDERS, RELAY_REPLAY_WINDOW } from '../limits';

/**
 * Which counters of which senders a receiver has accepted: a sliding window per sender, as
 * IPsec and DTLS keep one (RFC 4303 §3.4.3). A counter is fresh when it is above the highest one
 * seen, or within the window behind it and not seen yet. The window tolerates frames that
 * arrive slightly out of order (AES-GCM promises may settle out of order; two server instances
 * relay in parallel), where secsync demands each clock be exactly the previous one plus one and
 * fails the whole document when one frame is lost.
 *
 * A presence "last will" is checked on its own: the server holds it back until the sender's
 * connection drops, so its counter is older than everything the sender sent after it. A will is
 * fresh when no newer will and no newer presence came from that sender: an old will the server
 * keeps and replays later cannot remove presence the sender has since renewed.
 */
export type ReplayStream = 'frames' | 'will';

interface Window {
  highest: number;
  /** Bit i set: counter `highest - i` was accepted. */
  seen: bigint;
}

interface SenderState {
  readonly frames: Window;
  readonly will: Window;
  /** The highest counter of an accepted presence frame: a will older than it is stale. */
  lastAwareness: number;
}

const WINDOW_MASK = (1n << BigInt(RELAY_REPLAY_WINDOW)) - 1n;

export class ReplayGuard {
  private readonly senders = new Map<string, SenderState>();

  constructor(private readonly maxSenders: number = RELAY_MAX_TRACKED_SENDERS) {}

  /** Whether `counter` would be accepted now; changes nothing (checked before decrypting). */
  isFresh(sender: string, stream: ReplayStream, counter: number): boolean {
    const state = this.senders.get(sender);
    if (!state) return true;
    if (stream === 'will' && counter <= state.lastAwareness) return false;
    return fresh(state[stream], counter);
  }

  /**
   * Records an accepted counter, after the frame decrypted; false when it is not fresh (a copy
   * that was decrypting at the same time got there first).
   */
  accept(sender: string, stream: ReplayStream, counter: number, awareness = false): boolean {
    if (!this.isFresh(sender, stream, counter)) return false;
    const state = this.touch(sender);
    record(state[stream], counter);
    if (awareness) state.lastAwareness = Math.max(state.lastAwareness, counter);
    return true;
  }

  /** Forgets a sender (it left the room): its ids are random per connection and never return. */
  forget(sender: string): void {
    this.senders.delete(sender);
  }

  trackedSenders(): number {
    return this.senders.size;
  }

  private touch(sender: string): SenderState {
    let state = this.senders.get(sender);
    if (state) {
      // Map order is insertion order: re-inserting keeps the least recently heard first.
      this.senders.delete(sender);
    } else {
      state = { frames: emptyWindow(), will: emptyWindow(), lastAwareness: 0 };
      if (this.senders.size >= this.maxSenders) {
        const oldest = this.senders.keys().next().value;
        if (oldest !== undefined) this.senders.delete(oldest);
      }
    }
    this.senders.set(sender, state);
    return state;
  }
}

function emptyWindow(): Window {
  return { highest: 0, seen: 0n };
}

function fresh(window: Window, counter: number): boolean {
  if (counter > window.highest) return true;
  const behind = window.highest - counter;
  if (behind >= RELAY_REPLAY_WINDOW) return false;
  return (window.seen & (1n << BigInt(behind))) === 0n;
}

function record(window: Window, counter: number): void {
  if (counter > window.highest) {
    const ahead = counter - window.highest;
    window.seen =
      ahead >= RELAY_REPLAY_WINDOW ? 1n : ((window.seen << BigInt(ahead)) | 1n) & WINDOW_MASK;
    window.highest = counter;
  } else {
    window.seen |= 1n << BigInt(window.highest - counter);
  }
}
