import { MAX_OPEN_REASSEMBLIES, MAX_SYNC_MESSAGE_BYTES, REASSEMBLY_TIMEOUT_MS } from '../limits';
import type { Channel, PeerId, PeerInfo } from './channel';
import { Reassembler } from './chunks';
import { Outbox } from './outbox';

/** What the sync layer (sync.ts) keeps per peer, and what it tells about all of them. */

/** Bytes of a large message received so far and in all, summed over peers. */
export interface SyncProgress {
  readonly received: number;
  readonly total: number;
}

export interface SyncState {
  /** A large message (a catch-up) is arriving; null when none is. */
  readonly receiving: SyncProgress | null;
  /**
   * Peers this device cannot send the session to: a stock y-webrtc peer, which cannot
   * reassemble chunks, when a message is larger than its link carries.
   */
  readonly unreachablePeers: number;
}

/** Marks document and awareness changes that came from a peer, so they are not sent back. */
export class FromPeer {
  constructor(readonly peer: PeerId) {}
}

export interface PeerState {
  readonly origin: FromPeer;
  readonly reassembler: Reassembler;
  readonly outbox: Outbox;
  /** Awareness client ids this peer told us about: removed when it leaves. */
  readonly clients: Set<number>;
  unreachable: boolean;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** When a frame of it last arrived: a room forgets peers it heard only that way and lost. */
  lastHeardAt: number;
  /** A Kring peer (it reassembles chunks and tells its neighbours). */
  readonly kring: boolean;
  /** The peers it has a direct link to, as it last said; null: not known (sync-neighbours.ts). */
  neighbours: ReadonlySet<PeerId> | null;
}

/** The state of all peers together: a catch-up arriving, and peers that cannot be reached. */
export function summarize(peers: Iterable<PeerState>): SyncState {
  let received = 0;
  let total = 0;
  let unreachablePeers = 0;
  for (const state of peers) {
    const progress = state.reassembler.progress();
    if (progress) {
      received += progress.received;
      total += progress.total;
    }
    if (state.unreachable) unreachablePeers++;
  }
  return { receiving: total > 0 ? { received, total } : null, unreachablePeers };
}

export function sameSyncState(a: SyncState, b: SyncState): boolean {
  return (
    a.unreachablePeers === b.unreachablePeers &&
    a.receiving?.received === b.receiving?.received &&
    a.receiving?.total === b.receiving?.total
  );
}

/** A peer's state as it joins: empty reassembly, an outbox to it over `channel`. */
export function newPeerState(
  peer: PeerId,
  info: PeerInfo,
  channel: Channel,
  resync: () => readonly Uint8Array[],
  nextMessageId: () => number,
): PeerState {
  return {
    origin: new FromPeer(peer),
    reassembler: new Reassembler({
      maxMessageBytes: MAX_SYNC_MESSAGE_BYTES,
      maxOpen: MAX_OPEN_REASSEMBLIES,
      timeoutMs: REASSEMBLY_TIMEOUT_MS,
    }),
    outbox: new Outbox(
      {
        info,
        send: (frame) => channel.send(peer, frame),
        bufferedBytes: () => channel.bufferedBytes(peer),
        highWaterBytes: channel.highWaterBytes,
      },
      resync,
      nextMessageId,
    ),
    clients: new Set(),
    unreachable: false,
    retryTimer: null,
    lastHeardAt: Date.now(),
    kring: info.chunks,
    neighbours: null,
  };
}
