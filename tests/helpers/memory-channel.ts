import {
  type Channel,
  ChannelEmitter,
  type ChannelStatus,
  type PeerId,
  type PeerInfo,
} from '../../lib/room/channel';

/**
 * The in-memory test double of a channel (lib/room/channel.ts), held to the same contract as
 * the real ones (tests/unit/channel-contract.test.ts). Nothing of the sync is mocked: real
 * frames go from one channel to another. Only the network is simulated:
 * - `auto` delivers every frame at once (component tests, like the old MemoryRooms);
 * - `manual` keeps frames in flight until the test delivers, drops or duplicates them, and
 *   counts them as buffered, so back-pressure and loss can be tested.
 */
export interface MemoryNetworkOptions {
  readonly mode?: 'auto' | 'manual';
  /** The largest frame a send may carry; larger ones are refused as a real link would. */
  readonly maxFrameBytes?: number;
  /** Whether the peers say they reassemble chunks (false: like stock y-webrtc peers). */
  readonly chunks?: boolean;
  readonly highWaterBytes?: number;
  readonly lowWaterBytes?: number;
}

interface InFlight {
  readonly from: MemoryChannel;
  readonly to: MemoryChannel;
  readonly frame: Uint8Array;
}

export class MemoryNetwork {
  readonly mode: 'auto' | 'manual';
  readonly maxFrameBytes: number;
  readonly chunks: boolean;
  readonly highWaterBytes: number;
  readonly lowWaterBytes: number;
  private readonly channels = new Set<MemoryChannel>();
  private readonly inFlight: InFlight[] = [];
  private nextId = 1;

  constructor(options: MemoryNetworkOptions = {}) {
    this.mode = options.mode ?? 'auto';
    this.maxFrameBytes = options.maxFrameBytes ?? 64 * 1024;
    this.chunks = options.chunks ?? true;
    this.highWaterBytes = options.highWaterBytes ?? 1024 * 1024;
    this.lowWaterBytes = options.lowWaterBytes ?? 256 * 1024;
  }

  /**
   * A new peer in `room`, not linked yet: attach the sync layer (or the test's listeners), then
   * `connect` it, as a real channel is listened to before its first peer can join.
   */
  channel(room = 'room', status: ChannelStatus = { kind: 'online' }): MemoryChannel {
    return new MemoryChannel(this, `peer-${this.nextId++}`, room, status);
  }

  /** Links `channel` to every peer already in its room. */
  connect(channel: MemoryChannel): void {
    this.channels.add(channel);
    for (const other of this.channels) {
      if (other !== channel && other.room === channel.room) this.setLinked(channel, other, true);
    }
  }

  /** Cuts (or restores) the link between two peers, as a failed WebRTC connection would. */
  setLinked(a: MemoryChannel, b: MemoryChannel, linked: boolean): void {
    if (linked) {
      // Both ends know each other before either is told, so the first frames are not lost.
      const joinedA = a.link(b);
      const joinedB = b.link(a);
      joinedA?.();
      joinedB?.();
    } else {
      this.forget((f) => (f.from === a && f.to === b) || (f.from === b && f.to === a));
      a.unlink(b);
      b.unlink(a);
    }
  }

  /** @internal */
  leave(channel: MemoryChannel): void {
    this.channels.delete(channel);
    this.forget((f) => f.from === channel || f.to === channel);
    for (const other of this.channels) other.unlink(channel);
  }

  /** @internal */
  carry(from: MemoryChannel, to: MemoryChannel, frame: Uint8Array): void {
    // A copy, as a real link would: the sender may reuse its buffer.
    const copy = frame.slice();
    if (this.mode === 'auto') to.receive(from, copy);
    else this.inFlight.push({ from, to, frame: copy });
  }

  /** @internal */
  buffered(from: MemoryChannel, to: MemoryChannel): number {
    let bytes = 0;
    for (const f of this.inFlight) if (f.from === from && f.to === to) bytes += f.frame.length;
    return bytes;
  }

  pending(): number {
    return this.inFlight.length;
  }

  /**
   * Delivers, drops or duplicates one frame in flight, chosen by `pick` in [0, 1). Frames on
   * one link keep their order unless `anyOrder` (a lossy, reordering network).
   */
  step(pick: number, action: 'deliver' | 'drop' | 'duplicate' = 'deliver', anyOrder = false) {
    if (this.inFlight.length === 0) return false;
    let index = Math.floor(pick * this.inFlight.length);
    if (!anyOrder) {
      // The first frame on the chosen frame's link: data channels are ordered.
      const chosen = this.inFlight[index] as InFlight;
      index = this.inFlight.findIndex((f) => f.from === chosen.from && f.to === chosen.to);
    }
    const flight = this.inFlight[index] as InFlight;
    if (action !== 'duplicate') this.inFlight.splice(index, 1);
    if (action !== 'drop') flight.to.receive(flight.from, flight.frame);
    flight.from.maybeDrain(flight.to);
    return true;
  }

  /** Delivers everything in flight, including what the deliveries cause, in order. */
  flush(random: () => number = Math.random): void {
    let guard = 0;
    while (this.step(random())) {
      if (++guard > 10_000_000) throw new Error('memory network: flush does not settle');
    }
  }

  private forget(matches: (f: InFlight) => boolean): void {
    for (let i = this.inFlight.length - 1; i >= 0; i--) {
      if (matches(this.inFlight[i] as InFlight)) this.inFlight.splice(i, 1);
    }
  }
}

export class MemoryChannel implements Channel {
  readonly highWaterBytes: number;
  readonly lowWaterBytes: number;
  private readonly events = new ChannelEmitter();
  private readonly linked = new Map<PeerId, MemoryChannel>();
  private readonly above = new Set<PeerId>();
  private readonly early = new Map<PeerId, Uint8Array[]>();
  private current: ChannelStatus;
  private destroyed = false;
  /** Frames this channel refused to send because they were over the network's limit. */
  oversized = 0;
  retries = 0;

  constructor(
    private readonly network: MemoryNetwork,
    readonly id: PeerId,
    readonly room: string,
    status: ChannelStatus,
  ) {
    this.current = status;
    this.highWaterBytes = network.highWaterBytes;
    this.lowWaterBytes = network.lowWaterBytes;
  }

  status(): ChannelStatus {
    return this.current;
  }

  /** Changes the channel's health; like the mesh, it says so only when the kind changes. */
  setStatus(status: ChannelStatus): void {
    const changed = status.kind !== this.current.kind;
    this.current = status;
    if (changed) this.events.emit('status', status);
  }

  peers(): ReadonlyMap<PeerId, PeerInfo> {
    const info = this.info();
    return new Map([...this.linked.keys()].map((id) => [id, info]));
  }

  send(peer: PeerId, frame: Uint8Array): boolean {
    const to = this.linked.get(peer);
    if (!to || this.destroyed) return false;
    if (frame.length > this.network.maxFrameBytes) {
      this.oversized++;
      return false;
    }
    this.network.carry(this, to, frame);
    if (this.bufferedBytes(peer) >= this.lowWaterBytes) this.above.add(peer);
    return true;
  }

  bufferedBytes(peer: PeerId): number {
    const to = this.linked.get(peer);
    return to ? this.network.buffered(this, to) : 0;
  }

  on<E extends keyof import('../../lib/room/channel').ChannelEvents>(
    event: E,
    listener: import('../../lib/room/channel').ChannelEvents[E],
  ): () => void {
    return this.events.on(event, listener);
  }

  connections() {
    return { webrtc: this.linked.size, broadcast: 0 };
  }

  retry(): void {
    this.retries++;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.network.leave(this);
    // Done: it lists no peers any more (as the mesh, whose connections close with it).
    this.linked.clear();
    this.above.clear();
    this.early.clear();
    this.events.clear();
  }

  /**
   * @internal: links, and returns what tells the listeners (null if already linked). Frames
   * that arrive before then wait, as a browser fires a data channel's `open` before any
   * `message`.
   */
  link(other: MemoryChannel): (() => void) | null {
    if (this.linked.has(other.id)) return null;
    this.linked.set(other.id, other);
    const early: Uint8Array[] = [];
    this.early.set(other.id, early);
    return () => {
      this.early.delete(other.id);
      this.events.emit('peer-joined', other.id, this.info());
      for (const frame of early) this.receive(other, frame);
    };
  }

  /** @internal */
  unlink(other: MemoryChannel): void {
    if (!this.linked.delete(other.id)) return;
    this.above.delete(other.id);
    this.early.delete(other.id);
    this.events.emit('peer-left', other.id);
  }

  /** @internal */
  receive(from: MemoryChannel, frame: Uint8Array): void {
    // Never an empty frame (the Channel contract; the mesh drops them too).
    if (this.destroyed || !this.linked.has(from.id) || frame.length === 0) return;
    const early = this.early.get(from.id);
    if (early) early.push(frame);
    else this.events.emit('frame', from.id, frame);
  }

  /** @internal: emits `drain` when a peer's buffer falls below the low-water mark. */
  maybeDrain(to: MemoryChannel): void {
    if (this.above.has(to.id) && this.bufferedBytes(to.id) < this.lowWaterBytes) {
      this.above.delete(to.id);
      this.events.emit('drain', to.id);
    }
  }

  private info(): PeerInfo {
    return { chunks: this.network.chunks, maxFrameBytes: this.network.maxFrameBytes };
  }
}
