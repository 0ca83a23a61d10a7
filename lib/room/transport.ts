import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ConnectionCounts } from './channel';
import type { RoomSecrets } from './keys';
import type { SyncProgress } from './sync-peer';

export type { ConnectionCounts };

/**
 * How a session document reaches the other peers. The interface is all the app sees. Under it,
 * one sync layer (sync.ts) runs over a channel (channel.ts): the WebRTC mesh today, a relay
 * next, without touching the interface code (DESIGN.md, style 2).
 */
export type TransportStatus =
  /** Looking for the signaling server or for peers; the first seconds after joining. */
  | { readonly kind: 'connecting' }
  /** Reachable: `peers` others are connected directly (0: waiting for others). */
  | {
      readonly kind: 'connected';
      readonly peers: number;
      /**
       * How this device reaches the others: 'direct' over WebRTC (the mesh), or 'relay'
       * through the server, end-to-end encrypted (large groups, networks that block WebRTC).
       * Absent means direct.
       */
      readonly path?: TransportPath;
      /** A large message (a newcomer's catch-up) is arriving: bytes so far and in all. */
      readonly receiving?: SyncProgress | null;
      /**
       * Peers that cannot be sent this session because it is larger than their app can
       * receive (a stock y-webrtc client, which has no chunking).
       */
      readonly unreachablePeers?: number;
    }
  /** The device has no network. Edits are kept and merge when it returns. */
  | { readonly kind: 'offline' }
  /** The network works but no signaling server answers. */
  | { readonly kind: 'signaling-unreachable' }
  /** Others are in the room but their messages cannot be decrypted with our passphrase. */
  | { readonly kind: 'wrong-passphrase' };

export type TransportPath = 'direct' | 'relay';

export interface IceServer {
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

export interface TransportOptions {
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly IceServer[];
  /**
   * The facilitator's passphrase defines the room, so a facilitator who cannot decrypt someone
   * is facing a participant with a wrong passphrase, not the other way round.
   */
  readonly role: 'facilitator' | 'participant';
}

export interface Transport {
  readonly awareness: Awareness;
  status(): TransportStatus;
  /** Calls `listener` on every change of status; returns the unsubscribe. */
  onStatus(listener: (status: TransportStatus) => void): () => void;
  connections(): ConnectionCounts;
  /**
   * The session asks for the relay (the facilitator chose "Large group"): switch to it, if not
   * on it yet, for the rest of this transport's life. Harmless to call again.
   */
  preferRelay?(): void;
  /** Reconnects now instead of waiting for the next automatic attempt. */
  retry(): void;
  destroy(): void;
}

export type ConnectTransport = (
  doc: Y.Doc,
  secrets: RoomSecrets,
  options: TransportOptions,
) => Transport;
