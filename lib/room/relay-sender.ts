import { RELAY_PADDING_BYTES } from '../limits';
import type { RelayCipher } from './relay-crypto';
import { RELAY_OVERHEAD_BYTES, type RelayFrameType } from './relay-frame';

/**
 * The relay channel's sending side (relay.ts): frames are encrypted side by side but handed to
 * the socket in the order they were sent (a receiver's replay window tolerates some reordering,
 * the sync layer's chunks need none), and what is still being encrypted counts as buffered, so
 * back-pressure holds from the first byte. A WebSocket has no "buffered amount low" event:
 * while above low water the sender polls, and calls `onDrain` once below it.
 */
export interface SenderSocket {
  send(bytes: Uint8Array): boolean;
  bufferedAmount(): number;
}

/** How often the buffer is looked at while above low water. */
const DRAIN_POLL_MS = 10;

/** How a frame is sealed: its relay type, its one addressee (null: the room), what it answers. */
export interface SealRoute {
  readonly type: RelayFrameType;
  readonly target: string | null;
  readonly inReplyTo?: number;
}

export class RelaySender {
  private sealingBytes = 0;
  private queue: Promise<void> = Promise.resolve();
  private drainTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(
    private readonly socket: () => SenderSocket | null,
    private readonly lowWaterBytes: number,
    private readonly onDrain: () => void,
  ) {}

  /**
   * Seals `frame` as `route` says (type, addressee, request answered) and sends it when its
   * turn comes, unless `stillWanted()` says by then that the socket it was meant for is gone.
   */
  send(cipher: RelayCipher, frame: Uint8Array, route: SealRoute, stillWanted: () => boolean): void {
    const cost = sealedBytes(frame.length);
    this.sealingBytes += cost;
    // `seal` pads (copies) the payload before it first awaits: the caller may reuse its buffer.
    const sealed = cipher.seal(route.type, frame, {
      target: route.target,
      inReplyTo: route.inReplyTo,
    });
    this.queue = this.queue
      .then(async () => {
        try {
          const result = await sealed;
          if (result.ok && !this.destroyed && stillWanted()) {
            this.socket()?.send(result.value.frame);
          }
        } finally {
          this.sealingBytes -= cost;
        }
      })
      .catch(() => {});
    this.watchDrain();
  }

  /** Bytes handed to this sender that have not left the device yet. */
  buffered(): number {
    return (this.socket()?.bufferedAmount() ?? 0) + this.sealingBytes;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.drainTimer);
  }

  private watchDrain(): void {
    if (this.drainTimer !== undefined || this.buffered() < this.lowWaterBytes) return;
    const poll = () => {
      if (this.destroyed) return;
      if (this.buffered() >= this.lowWaterBytes) {
        this.drainTimer = setTimeout(poll, DRAIN_POLL_MS);
        return;
      }
      this.drainTimer = undefined;
      this.onDrain();
    };
    this.drainTimer = setTimeout(poll, DRAIN_POLL_MS);
  }
}

/** The bytes a payload of `length` takes on the wire once sealed (padding, header, IV, tag). */
function sealedBytes(length: number): number {
  return Math.ceil((length + 1) / RELAY_PADDING_BYTES) * RELAY_PADDING_BYTES + RELAY_OVERHEAD_BYTES;
}
