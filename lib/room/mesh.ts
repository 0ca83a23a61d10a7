import {
  MAX_ROOM_PEERS,
  MESH_FRAME_BYTES,
  REANNOUNCE_MIN_MS,
  SEND_HIGH_WATER_BYTES,
  SEND_LOW_WATER_BYTES,
  STOCK_PEER_FRAME_BYTES,
} from '../limits';
import { ChannelEmitter, type PeerId, type PeerInfo } from './channel';
import { decryptSignal, encryptSignal } from './crypto';
import { meshHealth } from './mesh-health';
import type { MeshChannel, MeshSignal } from './path-policy';
import Peer from './peer';
import { KRING_PROTOCOL, readSignalMessage, type SignalMessage } from './signal-messages';
import { connectSignaling, type SignalingClient, type WebSocketFactory } from './signaling-client';
import type { IceServer } from './transport';

/**
 * The WebRTC mesh as a channel: a plain y-webrtc room (the same signaling messages, the same
 * encryption, the same glare rule), so stock y-webrtc peers meet Kring peers, but with Kring's
 * own peers and sync layer on top instead of y-webrtc's provider. What it adds:
 * - Kring peers mark their signaling messages (`kring: 1`; y-webrtc ignores unknown fields), so
 *   each side knows before the data channel opens whether the other reassembles chunks;
 * - a message that does not decrypt is an event (`decrypt-failed`), and is answered with a
 *   fresh announcement, so a newcomer with a wrong passphrase in a settled room hears of it;
 * - status comes from events (sockets, peers, the browser's online/offline), not from polling
 *   y-webrtc's internals;
 * - no BroadcastChannel shortcut between tabs of one browser: every peer is a real WebRTC
 *   connection, which is what the end-to-end tests count;
 * - what choosing the path needs (path-channel.ts): who was heard on signaling, connected or
 *   not (blocked WebRTC shows as peers heard that never join), and the relay beacon.
 */
export interface MeshOptions {
  readonly roomName: string;
  readonly key: CryptoKey;
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly IceServer[];
  /** False once this device knows it is the one with the wrong passphrase (stop answering). */
  readonly answerUndecryptable?: () => boolean;
  readonly createSocket?: WebSocketFactory;
  /** A peer was heard on signaling for the first time, or sent the relay beacon. */
  readonly onSignal?: (signal: MeshSignal) => void;
}

interface Conn {
  readonly peer: Peer;
  /** The other side is Kring (it said so in signaling). */
  kring: boolean;
  /** y-webrtc's glare token: the time of our first signal, plus noise. */
  glareToken: number | undefined;
  joined: boolean;
}

export function connectMesh(options: MeshOptions): MeshChannel {
  const { roomName, key } = options;
  const self: PeerId = globalThis.crypto.randomUUID();
  const events = new ChannelEmitter();
  const conns = new Map<PeerId, Conn>();
  let destroyed = false;
  const health = meshHealth(
    () => clients.some((c) => c.isOpen()),
    (status) => events.emit('status', status),
  );
  const updateStatus = () => {
    if (!destroyed) health.update();
  };
  let lastAnswerAt = Number.NEGATIVE_INFINITY;

  const clients: SignalingClient[] = options.signalingUrls.map((url) =>
    connectSignaling(
      url,
      {
        open: () => {
          announceOn(client(url));
          updateStatus();
        },
        close: updateStatus,
        message: (topic, data) => {
          if (topic !== roomName) return;
          receiving = receiving.then(() => receive(client(url), data)).catch(() => {});
        },
      },
      options.createSocket,
    ),
  );
  const client = (url: string) => clients.find((c) => c.url === url) as SignalingClient;
  for (const c of clients) c.subscribe(roomName);

  // WebCrypto calls can finish out of order; an offer must not arrive after its candidates. So
  // encryption and decryption each run one message at a time, in order.
  let sending: Promise<void> = Promise.resolve();
  let receiving: Promise<void> = Promise.resolve();
  function publish(via: SignalingClient, message: SignalMessage): void {
    sending = sending
      .then(async () => {
        const data = await encryptSignal(message, key);
        if (!destroyed) via.publish(roomName, data);
      })
      .catch(() => {});
  }

  function announceOn(via: SignalingClient): void {
    if (conns.size < MAX_ROOM_PEERS && via.isOpen()) {
      publish(via, { type: 'announce', from: self, kring: KRING_PROTOCOL });
    }
  }

  function announce(): void {
    for (const c of clients) announceOn(c);
  }

  async function receive(via: SignalingClient, data: unknown): Promise<void> {
    const decrypted = await decryptSignal(data, key);
    if (destroyed) return;
    if (!decrypted.ok) {
      if (decrypted.error === 'decrypt-failed') onUndecryptable();
      return;
    }
    const message = readSignalMessage(decrypted.value);
    if (!message || message.from === self) return;
    if (message.type === 'relay') return options.onSignal?.('relay-beacon');
    if (message.type === 'announce') {
      if (!conns.has(message.from) && conns.size < MAX_ROOM_PEERS) {
        open(via, message.from, true, message.kring === KRING_PROTOCOL);
      }
      return;
    }
    if (message.to !== self) return;
    const existing = conns.get(message.from);
    // y-webrtc's glare rule: of two crossing offers, the one with the higher token loses.
    if (message.signal.type === 'offer' && existing) {
      const remote = typeof message.token === 'number' ? message.token : 0;
      if (existing.glareToken !== undefined && existing.glareToken > remote) return;
      existing.glareToken = undefined;
    }
    if (message.signal.type === 'answer' && existing) existing.glareToken = undefined;
    // Only an offer starts a connection; a late answer or candidate for a closed one would
    // leave a connection behind that can never open.
    if (!existing && message.signal.type !== 'offer') return;
    const conn = existing ?? open(via, message.from, false, message.kring === KRING_PROTOCOL);
    if (message.kring === KRING_PROTOCOL) conn.kring = true;
    conn.peer.signal(message.signal);
  }

  function open(via: SignalingClient, remote: PeerId, initiator: boolean, kring: boolean): Conn {
    const peer = new Peer({
      initiator,
      config: { iceServers: options.iceServers.map((server) => ({ ...server })) },
      lowWaterBytes: SEND_LOW_WATER_BYTES,
    });
    const conn: Conn = { peer, kring, glareToken: undefined, joined: false };
    conns.set(remote, conn);
    options.onSignal?.('heard');
    peer.on('signal', (signal) => {
      conn.glareToken ??= Date.now() + Math.random();
      publish(via, {
        type: 'signal',
        from: self,
        to: remote,
        token: conn.glareToken,
        signal,
        kring: KRING_PROTOCOL,
      });
    });
    peer.on('connect', () => {
      conn.joined = true;
      events.emit('peer-joined', remote, infoOf(conn));
      updateStatus();
    });
    peer.on('data', (frame) => {
      if (frame.length > 0) events.emit('frame', remote, frame);
    });
    peer.on('drain', () => events.emit('drain', remote));
    peer.on('close', () => {
      if (conns.get(remote) !== conn) return;
      conns.delete(remote);
      if (conn.joined) events.emit('peer-left', remote);
      updateStatus();
      if (!destroyed) announce(); // as y-webrtc: let whoever is still there find us again
    });
    peer.on('error', () => {
      if (!destroyed) announce();
    });
    return conn;
  }

  function infoOf(conn: Conn): PeerInfo {
    const limit = conn.peer.maxMessageSize() ?? STOCK_PEER_FRAME_BYTES;
    return {
      chunks: conn.kring,
      maxFrameBytes: Math.min(conn.kring ? MESH_FRAME_BYTES : STOCK_PEER_FRAME_BYTES, limit),
    };
  }

  /**
   * y-webrtc announces only when a peer (re)connects, so a newcomer with a wrong passphrase in
   * a settled room would never receive a message it fails to decrypt. Whoever cannot read a
   * message announces itself again, so the newcomer gets one: throttled, and never by a peer
   * that already knows it is the one in the wrong, so two wrong peers cannot ping-pong.
   */
  function onUndecryptable(): void {
    events.emit('decrypt-failed');
    const answer = options.answerUndecryptable?.() ?? true;
    if (!answer || Date.now() - lastAnswerAt < REANNOUNCE_MIN_MS) return;
    lastAnswerAt = Date.now();
    announce();
  }

  function closeAll(): void {
    for (const conn of [...conns.values()]) conn.peer.destroy();
  }

  // Without a network the peer connections are dead anyway: closing them at once tells the
  // sync layer, and the mesh forms again (merging offline edits) when the network returns.
  const onOffline = () => {
    closeAll();
    for (const c of clients) c.drop();
    updateStatus();
  };
  const onOnline = () => retry();
  globalThis.addEventListener?.('offline', onOffline);
  globalThis.addEventListener?.('online', onOnline);

  function retry(): void {
    if (destroyed) return;
    health.restart();
    closeAll();
    for (const c of clients) c.reconnectNow();
    announce();
    updateStatus();
  }
  updateStatus(); // a page opened offline says so at once

  return {
    status: health.current,
    peers() {
      const joined = new Map<PeerId, PeerInfo>();
      for (const [id, conn] of conns) if (conn.joined) joined.set(id, infoOf(conn));
      return joined;
    },
    send(peer, frame) {
      const conn = conns.get(peer);
      // Refused, never cut: a frame over the peer's limit is the sender's mistake.
      if (!conn?.joined || frame.length > infoOf(conn).maxFrameBytes) return false;
      try {
        conn.peer.send(frame);
        return true;
      } catch {
        return false;
      }
    },
    bufferedBytes: (peer) => conns.get(peer)?.peer.bufferedAmount() ?? 0,
    highWaterBytes: SEND_HIGH_WATER_BYTES,
    lowWaterBytes: SEND_LOW_WATER_BYTES,
    on: (event, listener) => events.on(event, listener),
    connections() {
      let webrtc = 0;
      for (const conn of conns.values()) if (conn.joined && conn.peer.connected) webrtc++;
      return { webrtc, broadcast: 0 };
    },
    retry,
    heard: () => conns.size,
    announceRelay() {
      for (const c of clients) if (c.isOpen()) publish(c, { type: 'relay', from: self });
      return sending;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      health.destroy();
      globalThis.removeEventListener?.('offline', onOffline);
      globalThis.removeEventListener?.('online', onOnline);
      closeAll();
      for (const c of clients) {
        c.unsubscribe(roomName);
        c.destroy();
      }
      events.clear();
    },
  };
}
