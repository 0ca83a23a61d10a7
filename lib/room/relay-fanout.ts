import type { FanOutKind, PeerId, RoomFanOut } from './channel';
import { RelayFrameType } from './relay-frame';
import type { SealRoute } from './relay-sender';

/**
 * The relay channel's room side (relay.ts): the fan-out the sync layer's room mode sends
 * through (sync-room.ts), and the state requests this device is answering.
 */

const FAN_OUT_TYPES: Readonly<Record<FanOutKind, SealRoute['type']>> = {
  update: RelayFrameType.update,
  presence: RelayFrameType.awareness,
  will: RelayFrameType.awarenessWill,
};

export interface FanOutHost {
  /** Whether `fanOut` is still the one of the current join (a rejoin makes a new one). */
  current(fanOut: RoomFanOut): boolean;
  seal(frame: Uint8Array, route: SealRoute): void;
  buffered(): number;
}

/** One join's fan-out: frames for the room, sealed once each, refused once the join is over. */
export function relayFanOut(maxFrameBytes: number, host: FanOutHost): RoomFanOut {
  const fits = (frame: Uint8Array) => frame.length > 0 && frame.length <= maxFrameBytes;
  const fanOut: RoomFanOut = {
    maxFrameBytes,
    broadcast(frame, kind) {
      if (!host.current(fanOut) || !fits(frame)) return false;
      host.seal(frame, { type: FAN_OUT_TYPES[kind], target: null });
      return true;
    },
    requestState(frame) {
      if (!host.current(fanOut) || !fits(frame)) return false;
      host.seal(frame, { type: RelayFrameType.syncRequest, target: null });
      return true;
    },
    bufferedBytes: () => host.buffered(),
  };
  return fanOut;
}

/**
 * Milliseconds after a peer's state request (or our last frame answering it) during which
 * frames to it are sealed as that answer. Below the server's RELAY_SYNC_REPLY_IDLE_MS (10 s),
 * after which it would refuse them as unrequested.
 */
export const REPLY_WINDOW_MS = 5_000;

/** The state requests of other peers this device is answering, by peer. */
export class OpenAnswers {
  private readonly open = new Map<PeerId, { readonly counter: number; lastAt: number }>();

  /** `peer` asked, in its frame number `counter` (a newer request replaces an older one). */
  asked(peer: PeerId, counter: number): void {
    this.open.set(peer, { counter, lastAt: Date.now() });
  }

  /** The counter of `peer`'s request a frame to it now answers; null when none is open. */
  answer(peer: PeerId): number | null {
    const request = this.open.get(peer);
    if (!request) return null;
    if (Date.now() - request.lastAt > REPLY_WINDOW_MS) {
      this.open.delete(peer);
      return null;
    }
    request.lastAt = Date.now();
    return request.counter;
  }

  has(peer: PeerId): boolean {
    return this.open.has(peer);
  }

  peers(): PeerId[] {
    return [...this.open.keys()];
  }

  clear(): void {
    this.open.clear();
  }
}
