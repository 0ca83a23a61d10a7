/**
 * A channel carries frames between this device and the other peers of one room: the WebRTC
 * mesh is one (mesh.ts), the relay through our server will be another, the in-memory test
 * double a third. The sync layer (sync.ts) sits on top and is the only thing that knows Yjs;
 * a channel knows peers, frames and its own health. That split follows tldraw's sync client,
 * which runs one protocol over a small socket interface (DESIGN.md, style 2).
 *
 * Why frames and not messages: every link has a largest unit it can carry (Chromium's SCTP
 * takes 256 KiB, our signaling server 64 KiB). Messages of any size are cut into frames above
 * the channel (chunks.ts), so each channel stays small and the one chunking code is tested once,
 * by the contract suite that every channel passes (tests/unit/channel-contract.test.ts).
 */

/** Who a frame is from or for: opaque and unique within one room, never a person's name. */
export type PeerId = string;

export interface PeerInfo {
  /**
   * Whether the peer reassembles Kring's chunk frames. A stock y-webrtc peer does not: it can
   * only be sent what fits in one frame (interoperability, ../shared/TESTING.md).
   */
  readonly chunks: boolean;
  /** The largest frame, in bytes, one `send` to this peer may carry. */
  readonly maxFrameBytes: number;
}

export type ChannelStatus =
  /** The first seconds: looking for the server or the network. */
  | { readonly kind: 'connecting' }
  /** The rendezvous works: peers in the room can be reached (there may be none yet). */
  | { readonly kind: 'online' }
  /** The device has no network. */
  | { readonly kind: 'offline' }
  /** The network works but no server answers. */
  | { readonly kind: 'unreachable' };

export interface ChannelEvents {
  /** A peer can now be sent frames. */
  'peer-joined': (peer: PeerId, info: PeerInfo) => void;
  'peer-left': (peer: PeerId) => void;
  /**
   * One frame from a peer, exactly as it was sent; never empty. `via` is set only by a channel
   * with a fan-out (RoomFanOut): 'request' for a state request the server handed to this
   * device to answer, 'reply' for an answer to one of ours.
   */
  frame: (peer: PeerId, frame: Uint8Array, via?: FrameVia) => void;
  /**
   * A channel with a fan-out joined (or rejoined) its room: the moment to ask for the state
   * and to announce oneself, once, instead of once per peer.
   */
  'room-joined': () => void;
  /** The fan-out's buffer fell below `lowWaterBytes`: more may be broadcast. */
  'room-drain': () => void;
  /** The server dropped frames of ours (its rate limit): what they carried must be sent again. */
  'frames-dropped': () => void;
  /** The peer's outgoing buffer fell below `lowWaterBytes`: more may be sent. */
  drain: (peer: PeerId) => void;
  status: (status: ChannelStatus) => void;
  /**
   * A message from the room could not be decrypted: someone in it uses another passphrase
   * (crypto.ts reports this as a typed result instead of an unhandled rejection).
   */
  'decrypt-failed': () => void;
}

export interface ConnectionCounts {
  /** Direct WebRTC data connections that are open. */
  readonly webrtc: number;
  /** Same-browser peers reached over BroadcastChannel instead (the mesh uses none). */
  readonly broadcast: number;
}

export type FrameVia = 'request' | 'reply';

/** What a frame sent to the whole room is, so the server can keep presence for joiners. */
export type FanOutKind = 'update' | 'presence' | 'will';

/**
 * A server that copies one frame to the whole room (the relay, relay.ts). With it the sync
 * layer works in room mode (sync-room.ts): an edit is sent once whatever the room's size, and a
 * joiner asks for the state once, answered by one peer the server picks, instead of a full
 * sync with every peer.
 */
export interface RoomFanOut {
  /** The largest frame `broadcast` and `requestState` take. */
  readonly maxFrameBytes: number;
  /**
   * One frame for every other peer in the room, sent once. A 'presence' frame is also kept by
   * the server for joiners; a 'will' (a presence removal) is sent only when this connection
   * drops. False when it could not be handed to the network.
   */
  broadcast(frame: Uint8Array, kind: FanOutKind): boolean;
  /** A state vector for one peer the server picks; its answer comes as frames `via: 'reply'`. */
  requestState(frame: Uint8Array): boolean;
  /** Bytes handed to `broadcast` that have not left this device yet ('room-drain' below low water). */
  bufferedBytes(): number;
}

export interface Channel {
  status(): ChannelStatus;
  /**
   * The room's fan-out while joined through a server that has one; null (or absent) for a
   * channel of direct links, and while not joined.
   */
  fanOut?(): RoomFanOut | null;
  /** The peers that can be sent frames now. */
  peers(): ReadonlyMap<PeerId, PeerInfo>;
  /**
   * Hands one frame (at most the peer's `maxFrameBytes`) to the network for `peer`. Returns
   * false when it could not: the peer is gone, or its link failed. The caller then treats what
   * it meant to send as lost for that peer and heals it (sync.ts: full state on the next drain).
   */
  send(peer: PeerId, frame: Uint8Array): boolean;
  /** Bytes handed to the network for `peer` that have not left this device yet. */
  bufferedBytes(peer: PeerId): number;
  /** Back-pressure: stop sending to a peer above this many buffered bytes... */
  readonly highWaterBytes: number;
  /** ...and start again (on `drain`) below this many. */
  readonly lowWaterBytes: number;
  on<E extends keyof ChannelEvents>(event: E, listener: ChannelEvents[E]): () => void;
  connections(): ConnectionCounts;
  /** Reconnects now instead of waiting for the next automatic attempt. */
  retry(): void;
  destroy(): void;
}

/** A typed event emitter for channels: every `on` returns its unsubscribe (DESIGN.md, style 3). */
export class ChannelEmitter {
  private readonly listeners = new Map<keyof ChannelEvents, Set<(...args: never[]) => void>>();

  on<E extends keyof ChannelEvents>(event: E, listener: ChannelEvents[E]): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (...args: never[]) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (...args: never[]) => void);
  }

  emit<E extends keyof ChannelEvents>(event: E, ...args: Parameters<ChannelEvents[E]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      (listener as (...a: Parameters<ChannelEvents[E]>) => void)(...args);
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
