import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_CHUNK } from './wire';

/**
 * Messages larger than one frame travel as chunk frames (issue 9: a late joiner's catch-up of
 * 10 MB must arrive through links that carry 64 KiB or 256 KiB at a time):
 *
 *   varuint MESSAGE_CHUNK · varuint id · varuint index · varuint count · varuint total · bytes
 *
 * `id` numbers the sender's chunked messages, `count` is how many chunks it has, `total` its
 * length in bytes. Chunks may arrive in any order and interleaved with other messages; the
 * receiver keeps bounded buffers and forgets what does not complete in time (Reassembler).
 */

/** Finished or abandoned message ids remembered per peer, to ignore their stray chunks. */
const CLOSED_IDS_KEPT = 256;

/** Room for the type and four varuints of the header (5 bytes each at most). */
export const CHUNK_HEADER_MAX_BYTES = 1 + 4 * 5;

/** Hands out a large message's chunk frames one at a time, so the frames never all exist at once. */
export class ChunkedMessage {
  readonly count: number;
  private index = 0;
  private readonly payloadBytes: number;

  constructor(
    readonly message: Uint8Array,
    readonly id: number,
    maxFrameBytes: number,
  ) {
    this.payloadBytes = maxFrameBytes - CHUNK_HEADER_MAX_BYTES;
    if (this.payloadBytes < 1) throw new RangeError('frame too small for a chunk header');
    this.count = Math.max(1, Math.ceil(message.length / this.payloadBytes));
  }

  /** Bytes still to be handed out. */
  remainingBytes(): number {
    return Math.max(0, this.message.length - this.index * this.payloadBytes);
  }

  next(): Uint8Array | null {
    if (this.index >= this.count) return null;
    const start = this.index * this.payloadBytes;
    const payload = this.message.subarray(start, start + this.payloadBytes);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_CHUNK);
    encoding.writeVarUint(encoder, this.id);
    encoding.writeVarUint(encoder, this.index);
    encoding.writeVarUint(encoder, this.count);
    encoding.writeVarUint(encoder, this.message.length);
    encoding.writeUint8Array(encoder, payload);
    this.index++;
    return encoding.toUint8Array(encoder);
  }
}

export interface ReassemblyLimits {
  /** The largest message, and the most bytes of unfinished messages, kept for one peer. */
  readonly maxMessageBytes: number;
  /** Unfinished messages kept at once for one peer; a new one beyond it drops the oldest. */
  readonly maxOpen: number;
  /** Milliseconds without a new chunk after which an unfinished message is forgotten. */
  readonly timeoutMs: number;
}

export type ReassemblyResult =
  | { readonly kind: 'complete'; readonly message: Uint8Array }
  | { readonly kind: 'partial' }
  /** A chunk of a message already finished or given up: ignored, and not a new message. */
  | { readonly kind: 'ignored' }
  /** The frame (and the message it belonged to) was thrown away; nothing was applied. */
  | { readonly kind: 'dropped'; readonly reason: 'malformed' | 'too-large' | 'inconsistent' };

interface Assembly {
  readonly count: number;
  readonly total: number;
  readonly parts: (Uint8Array | undefined)[];
  received: number;
  receivedBytes: number;
  lastAt: number;
}

/** Puts one peer's chunked messages back together. Never throws on what a peer sends. */
export class Reassembler {
  private readonly open = new Map<number, Assembly>();
  /**
   * Ids of messages finished or given up, newest last: their late or repeated chunks must not
   * open a buffer that can never complete (and show a catch-up that never ends).
   */
  private readonly closed = new Set<number>();
  private bufferedBytes = 0;

  constructor(
    private readonly limits: ReassemblyLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one whole chunk frame (starting with MESSAGE_CHUNK). */
  accept(frame: Uint8Array): ReassemblyResult {
    const header = readHeader(frame, this.limits.maxMessageBytes);
    if (header === 'too-large') return { kind: 'dropped', reason: 'too-large' };
    if (header === null) return { kind: 'dropped', reason: 'malformed' };
    const { id, index, count, total, payload } = header;
    if (this.closed.has(id)) return { kind: 'ignored' };
    let assembly = this.open.get(id);
    if (assembly && (assembly.count !== count || assembly.total !== total)) {
      this.forget(id);
      return { kind: 'dropped', reason: 'inconsistent' };
    }
    if (!assembly) {
      if (this.open.size >= this.limits.maxOpen) this.forgetOldest();
      assembly = { count, total, parts: [], received: 0, receivedBytes: 0, lastAt: this.now() };
      this.open.set(id, assembly);
    }
    assembly.lastAt = this.now();
    if (assembly.parts[index]) return { kind: 'partial' }; // a duplicate: already have it
    if (
      assembly.receivedBytes + payload.length > total ||
      this.bufferedBytes + payload.length > this.limits.maxMessageBytes
    ) {
      this.forget(id);
      return { kind: 'dropped', reason: 'too-large' };
    }
    // Copy: the frame's buffer belongs to the network layer and may be reused.
    assembly.parts[index] = payload.slice();
    assembly.received++;
    assembly.receivedBytes += payload.length;
    this.bufferedBytes += payload.length;
    if (assembly.received < count) return { kind: 'partial' };
    this.forget(id);
    if (assembly.receivedBytes !== total) return { kind: 'dropped', reason: 'inconsistent' };
    const message = new Uint8Array(total);
    let offset = 0;
    for (const part of assembly.parts) {
      if (!part) return { kind: 'dropped', reason: 'inconsistent' };
      message.set(part, offset);
      offset += part.length;
    }
    return { kind: 'complete', message };
  }

  /** Forgets unfinished messages that have waited too long; returns how many. */
  sweep(): number {
    const cutoff = this.now() - this.limits.timeoutMs;
    let dropped = 0;
    for (const [id, assembly] of this.open) {
      if (assembly.lastAt <= cutoff) {
        this.forget(id);
        dropped++;
      }
    }
    return dropped;
  }

  /** Bytes received and expected of the unfinished messages, or null when there are none. */
  progress(): { readonly received: number; readonly total: number } | null {
    if (this.open.size === 0) return null;
    let received = 0;
    let total = 0;
    for (const assembly of this.open.values()) {
      received += assembly.receivedBytes;
      total += assembly.total;
    }
    return { received, total };
  }

  openCount(): number {
    return this.open.size;
  }

  bufferedByteCount(): number {
    return this.bufferedBytes;
  }

  clear(): void {
    this.open.clear();
    this.closed.clear();
    this.bufferedBytes = 0;
  }

  private forget(id: number): void {
    const assembly = this.open.get(id);
    if (!assembly) return;
    this.bufferedBytes -= assembly.receivedBytes;
    this.open.delete(id);
    this.closed.add(id);
    if (this.closed.size > CLOSED_IDS_KEPT) {
      this.closed.delete(this.closed.values().next().value as number);
    }
  }

  private forgetOldest(): void {
    let oldest: number | null = null;
    let oldestAt = Number.POSITIVE_INFINITY;
    for (const [id, assembly] of this.open) {
      if (assembly.lastAt < oldestAt) {
        oldest = id;
        oldestAt = assembly.lastAt;
      }
    }
    if (oldest !== null) this.forget(oldest);
  }
}

interface Header {
  readonly id: number;
  readonly index: number;
  readonly count: number;
  readonly total: number;
  readonly payload: Uint8Array;
}

function readHeader(frame: Uint8Array, maxMessageBytes: number): Header | null | 'too-large' {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_CHUNK) return null;
    const id = decoding.readVarUint(decoder);
    const index = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    const total = decoding.readVarUint(decoder);
    const payload = frame.subarray(decoder.pos);
    if (total > maxMessageBytes) return 'too-large';
    // Every chunk carries at least one byte, so a message has at most `total` chunks.
    const sane =
      Number.isSafeInteger(id) &&
      count >= 1 &&
      count <= total &&
      index < count &&
      payload.length > 0 &&
      payload.length <= total;
    return sane ? { id, index, count, total, payload } : null;
  } catch {
    return null; // lib0 throws on a truncated varuint
  }
}
