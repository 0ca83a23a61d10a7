import { MAX_OUTBOX_BYTES } from '../limits';
import type { PeerInfo } from './channel';
import { ChunkedMessage } from './chunks';

/** Where one peer's frames go: a channel, seen from one peer. */
export interface OutboxLink {
  readonly info: PeerInfo;
  send(frame: Uint8Array): boolean;
  bufferedBytes(): number;
  readonly highWaterBytes: number;
}

export type PushResult = 'queued' | 'too-large-for-peer';
export type PumpResult = 'idle' | 'blocked' | 'failed' | 'too-large-for-peer';

/**
 * What waits to be sent to one peer, and the back-pressure that paces it (issue 9): frames are
 * handed to the link only while less than `highWaterBytes` is buffered there, so a 10 MB
 * catch-up never floods the data channel or freezes the page; the rest waits here until the
 * link drains.
 *
 * Small messages (edits, presence) go before the remaining chunks of a large one, so typing
 * stays live while a newcomer catches up. Yjs applies them in any order.
 *
 * Memory is bounded: above MAX_OUTBOX_BYTES, or after a send failed, the queue is replaced by
 * a resync, made when it is sent: one full state of the document (it holds every update the
 * queue held, and is never larger than the document), our state vector (so the peer answers
 * with whatever a dropped request of ours would have brought), and our presence. Nothing is
 * lost, whatever the queue held.
 */
export class Outbox {
  private readonly urgent: Uint8Array[] = [];
  private readonly bulk: ChunkedMessage[] = [];
  private queuedBytes = 0;
  private fullStateDue = false;

  constructor(
    private readonly link: OutboxLink,
    /**
     * What replaces a dropped queue (full state, state vector, presence); called only when it
     * is about to be sent, so it is current.
     */
    private readonly resync: () => readonly Uint8Array[],
    /** A fresh id for the next chunked message (unique per sender). */
    private readonly nextId: () => number,
    private readonly maxQueuedBytes = MAX_OUTBOX_BYTES,
  ) {}

  push(message: Uint8Array): PushResult {
    if (this.fullStateDue) return 'queued'; // the resync will carry it
    const placed = this.place(message);
    if (placed === 'queued' && this.queuedBytes > this.maxQueuedBytes) this.replaceWithFullState();
    return placed;
  }

  /** Sends what the link will take now. */
  pump(): PumpResult {
    let tooLarge = false;
    while (this.link.bufferedBytes() < this.link.highWaterBytes) {
      if (this.fullStateDue) {
        this.fullStateDue = false;
        // Each part on its own: a full state too large for a stock peer must not hold back
        // the small state vector and presence.
        for (const message of this.resync()) {
          if (this.place(message) === 'too-large-for-peer') tooLarge = true;
        }
      }
      const frame = this.nextFrame();
      if (frame === null) return tooLarge ? 'too-large-for-peer' : 'idle';
      if (!this.link.send(frame)) {
        this.replaceWithFullState();
        return 'failed';
      }
    }
    return tooLarge ? 'too-large-for-peer' : 'blocked';
  }

  /** Forgets the queue and sends a resync instead, next time the link takes frames. */
  replaceWithFullState(): void {
    this.urgent.length = 0;
    this.bulk.length = 0;
    this.queuedBytes = 0;
    this.fullStateDue = true;
  }

  isEmpty(): boolean {
    return !this.fullStateDue && this.urgent.length === 0 && this.bulk.length === 0;
  }

  private place(message: Uint8Array): PushResult {
    if (message.length <= this.link.info.maxFrameBytes) {
      this.urgent.push(message);
    } else if (this.link.info.chunks) {
      this.bulk.push(new ChunkedMessage(message, this.nextId(), this.link.info.maxFrameBytes));
    } else {
      return 'too-large-for-peer';
    }
    this.queuedBytes += message.length;
    return 'queued';
  }

  private nextFrame(): Uint8Array | null {
    const small = this.urgent.shift();
    if (small) {
      this.queuedBytes -= small.length;
      return small;
    }
    const large = this.bulk[0];
    if (!large) return null;
    const before = large.remainingBytes();
    const frame = large.next();
    this.queuedBytes -= before - large.remainingBytes();
    if (large.remainingBytes() === 0) this.bulk.shift();
    return frame;
  }
}
