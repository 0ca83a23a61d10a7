import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import {
  MAX_ROOM_PEERS,
  REANNOUNCE_MIN_MS,
  SIGNALING_GRACE_MS,
  START_JITTER_MS,
  STATUS_POLL_MS,
} from '../limits';
import type { RoomSecrets } from './keys';
import type { ConnectionCounts, Transport, TransportOptions, TransportStatus } from './transport';

/**
 * The WebRTC transport on y-webrtc. Facts it designs around (../shared/TESTING.md):
 * - y-webrtc defaults to a public signaling server, so `signaling` is always passed;
 * - `maxConns` only limits the connections a peer starts; too low and a room splits into
 *   islands that never converge, so it is set above the largest room we support;
 * - two peers starting at the same instant can both offer and never connect (glare), so the
 *   provider starts after a small random delay;
 * - a wrong password only shows as an uncaught `OperationError` from WebCrypto, so unhandled
 *   rejections of that name are counted here and turned into a status.
 */
export function connectWebrtc(
  doc: Y.Doc,
  secrets: RoomSecrets,
  options: TransportOptions,
): Transport {
  const awareness = new Awareness(doc);
  const listeners = new Set<(status: TransportStatus) => void>();
  let provider: WebrtcProvider | null = null;
  let destroyed = false;
  let connectingSince = Date.now();
  let undecryptable = 0;
  let current: TransportStatus = { kind: 'connecting' };

  const start = () => {
    if (destroyed) return;
    provider = new WebrtcProvider(secrets.roomName, doc, {
      signaling: [...options.signalingUrls],
      password: secrets.password,
      awareness,
      maxConns: MAX_ROOM_PEERS,
      filterBcConns: true,
      peerOpts: { config: { iceServers: options.iceServers.map((server) => ({ ...server })) } },
    });
    provider.on('peers', update);
  };
  const startTimer = setTimeout(start, Math.random() * START_JITTER_MS);

  const connections = (): ConnectionCounts => {
    const room = provider?.room;
    if (!room) return { webrtc: 0, broadcast: 0 };
    let webrtc = 0;
    for (const conn of room.webrtcConns.values()) if (conn.connected) webrtc++;
    return { webrtc, broadcast: room.bcConns.size };
  };

  const compute = (): TransportStatus => {
    const { webrtc, broadcast } = connections();
    const peers = webrtc + broadcast;
    if (peers > 0) return { kind: 'connected', peers };
    if (undecryptable > 0 && options.role === 'participant') return { kind: 'wrong-passphrase' };
    const signalingUp = (provider?.signalingConns ?? []).some(
      (conn: { connected?: boolean }) => conn.connected === true,
    );
    // A reachable server outranks navigator.onLine, which is false on some hosts that work.
    if (signalingUp) return { kind: 'connected', peers: 0 };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
    return Date.now() - connectingSince < SIGNALING_GRACE_MS
      ? { kind: 'connecting' }
      : { kind: 'signaling-unreachable' };
  };

  function update(): void {
    if (destroyed) return;
    const next = compute();
    if (sameStatus(next, current)) return;
    current = next;
    for (const listener of listeners) listener(current);
  }

  // y-webrtc publishes only when a peer (re)connects, so a newcomer with a wrong passphrase in
  // a settled room would never receive a message it fails to decrypt, and would wait forever.
  // Whoever cannot read a message announces itself again, so the newcomer gets one. Throttled,
  // and never by a peer that already knows it is the one with the wrong passphrase, so two
  // peers with different passphrases cannot keep answering each other.
  let lastAnswerAt = Number.NEGATIVE_INFINITY;
  const answerUnreadable = () => {
    if (current.kind === 'wrong-passphrase' || Date.now() - lastAnswerAt < REANNOUNCE_MIN_MS)
      return;
    lastAnswerAt = Date.now();
    provider?.room?.connect(); // Room.connect() re-publishes `announce`; the rest is idempotent.
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    if (reason instanceof DOMException && reason.name === 'OperationError') {
      undecryptable++;
      event.preventDefault();
      update();
      answerUnreadable();
    }
  };
  // Without a network the peer connections are dead anyway; leaving the room at once tells the
  // others this peer is gone and lets it rejoin cleanly (and merge its offline edits) when the
  // network returns.
  const onOnline = () => retry();
  const onOffline = () => {
    leaveRoom();
    update();
  };
  // y-webrtc's disconnect() clears our awareness state (Room.disconnect removes it) and
  // connect() does not bring it back: without this, a peer that went offline or pressed Retry
  // is missing from everyone's presence, its own included, until the panel is reopened.
  let presenceState: Record<string, unknown> | null = null;
  function leaveRoom(): void {
    presenceState = awareness.getLocalState() ?? presenceState;
    provider?.disconnect();
  }
  function rejoinRoom(): void {
    provider?.connect();
    if (awareness.getLocalState() === null && presenceState !== null) {
      awareness.setLocalState(presenceState);
    }
  }
  // Status has several sources (sockets, peers, the network); polling them is simpler and
  // sturdier than wiring every event of y-webrtc's internals.
  const poll = setInterval(update, STATUS_POLL_MS);
  globalThis.addEventListener?.('unhandledrejection', onRejection);
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);

  function retry(): void {
    if (destroyed || !provider) return;
    undecryptable = 0;
    connectingSince = Date.now();
    leaveRoom();
    // Retry is a person's explicit wish: try even if the browser believes it is offline.
    rejoinRoom();
    update();
  }

  return {
    awareness,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connections,
    retry,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(startTimer);
      clearInterval(poll);
      globalThis.removeEventListener?.('unhandledrejection', onRejection);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      listeners.clear();
      // y-webrtc 10.3: destroy() leaves the signaling socket open; disconnect() closes it.
      provider?.disconnect();
      provider?.destroy();
      awareness.destroy();
    },
  };
}

function sameStatus(a: TransportStatus, b: TransportStatus): boolean {
  return (
    a.kind === b.kind && (a.kind !== 'connected' || b.kind !== 'connected' || a.peers === b.peers)
  );
}
