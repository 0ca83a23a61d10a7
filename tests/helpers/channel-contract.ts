import { afterEach, describe, vi } from 'vitest';
import type { Channel, ChannelStatus, PeerId } from '../../lib/room/channel';
import { chunkContract } from './channel-contract-chunks';
import { frameContract } from './channel-contract-frames';
import { syncContract } from './channel-contract-sync';

/**
 * The contract every channel (lib/room/channel.ts) keeps: the WebRTC mesh, the relay to come
 * and the in-memory test double (issue 9). It is written against the Channel interface only,
 * and every wait on the network is awaited (`until`, `join`, `leave`), so it runs against the
 * double (tests/unit/channel-contract.test.ts) and against the real mesh in Chromium, whose
 * channel calls a synchronous bridge carries to the pages (tests/e2e/mesh-contract.test.ts).
 *
 * Three parts: frames (peers, delivery, limits, status, back-pressure), the chunk layer over
 * the channel (Outbox + Reassembler, wired as sync.ts wires them, at exact message sizes), and
 * the whole sync layer (startSync with Y.Docs: catch-up, garbage, a lost chunk that heals).
 */

/** One room of linked channels, as a factory made it. */
export interface ChannelRoom {
  /** The channels of the room, each linked to every other (grows with `join`). */
  readonly channels: readonly Channel[];
  /** The id by which the other channels address `channel` (a channel does not know its own). */
  idOf(channel: Channel): PeerId;
  /**
   * Lets the network carry frames until `done()` holds, or fails naming `what`. The in-memory
   * double delivers everything in flight, then checks once; a real channel polls to a deadline.
   */
  until(done: () => boolean, what: string): Promise<void>;
  /**
   * A new peer in the room. `setup` runs before it links (listeners, a sync layer); resolves
   * once every channel of the room sees every other.
   */
  join(setup?: (channel: Channel) => void): Promise<Channel>;
  /** Destroys `channel` and resolves once the others can have seen it go. */
  leave(channel: Channel): Promise<void>;
  /** Destroys every channel of the room. */
  close(): Promise<void>;
  /** Present when the test holds the frames in flight (`controlled`). */
  readonly network?: HeldFrames;
}

/** Frames the test delivers, drops or duplicates one at a time (MemoryNetwork in manual mode). */
export interface HeldFrames {
  pending(): number;
  /**
   * Acts on one frame in flight, chosen by `pick` in [0, 1); frames of one link keep their
   * order unless `anyOrder`. False when nothing is in flight.
   */
  step(pick: number, action?: 'deliver' | 'drop' | 'duplicate', anyOrder?: boolean): boolean;
}

export interface ChannelUnderTest {
  /** A room of `count` channels; `setup` runs on each before it links. */
  open(count: number, setup?: (channel: Channel, index: number) => void): Promise<ChannelRoom>;
  /** Whether the peers reassemble chunks (false: what stock y-webrtc peers are to Kring). */
  readonly chunks: boolean;
  /**
   * Whether the test holds the frames (`room.network`) and may fake the clock: the parts about
   * loss, reordering and timeouts need both, so they run only against the double.
   */
  readonly controlled: boolean;
  /** Drives a channel's health; absent where the test cannot (then status is only checked). */
  readonly setStatus?: (channel: Channel, status: ChannelStatus) => Promise<void>;
}

/** What the parts of the contract share: the channel, and rooms that are closed after each test. */
export interface ContractContext {
  readonly channel: ChannelUnderTest;
  /** Opens a room that is closed after the test, with everything registered through `onClose`. */
  open(count: number, setup?: (channel: Channel, index: number) => void): Promise<ChannelRoom>;
  /** Runs `cleanup` after the test, before the rooms close (e.g. a sync layer's destroy). */
  onClose(cleanup: () => void): void;
}

export function describeChannelContract(
  name: string,
  channel: ChannelUnderTest,
  /** `retry` for real networks only (see tests/e2e/mesh-contract.test.ts); never in memory. */
  options: { readonly retry?: number } = {},
): void {
  describe(`channel contract: ${name}`, { retry: options.retry ?? 0 }, () => {
    const rooms: ChannelRoom[] = [];
    const cleanups: (() => void)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      for (const room of rooms.splice(0)) await room.close();
      vi.useRealTimers();
    });
    const context: ContractContext = {
      channel,
      async open(count, setup) {
        const room = await channel.open(count, setup);
        rooms.push(room);
        return room;
      },
      onClose: (cleanup) => cleanups.push(cleanup),
    };
    describe('frames', () => frameContract(context));
    describe('the chunk layer over it', () => chunkContract(context));
    describe('the sync layer over it', () => syncContract(context));
  });
}

/** Bytes of a message the contract sends: deterministic from `seed`, easy to compare. */
export function patterned(length: number, seed: number, first = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  // The first byte is a message type: 0 (a sync message), so a whole message is never taken
  // for a chunk frame (wire.ts MESSAGE_CHUNK).
  if (length > 0) bytes[0] = first;
  return bytes;
}

/** Byte equality without the deep-equality walk, which takes seconds over 10 MB. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every peer another channel of the room knows `channel` by, as seen from `from`. */
export function others(room: ChannelRoom, from: Channel): PeerId[] {
  return room.channels.filter((c) => c !== from).map((c) => room.idOf(c));
}
