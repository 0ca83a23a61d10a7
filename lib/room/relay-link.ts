import { SIGNALING_BACKOFF_MAX_MS, SIGNALING_BACKOFF_MIN_MS, SIGNALING_GRACE_MS } from '../limits';
import type { ChannelStatus } from './channel';
import {
  isControlMessage,
  RelayControlType,
  RelayErrorCode,
  readServerMessage,
} from './relay-control';
import type { WebSocketFactory } from './signaling-client';

/**
 * One WebSocket to the relay (`/relay`, signaling/relay-endpoint.ts) and its life: connect,
 * join, reconnect, health. It knows the server's plaintext messages (relay-control.ts, which has
 * no Node imports) only as far as the connection needs them: a welcome means joined, an error
 * may say how long to wait. Peers, frames and crypto are the channel's (relay.ts), which gets
 * every binary message in arrival order, server messages included.
 *
 * Reconnecting: jittered exponential backoff as signaling-client.ts (between half and all of
 * SIGNALING_BACKOFF_MIN_MS · 2^failures, capped), never sooner than a retry-after the server
 * gave. A refused join (room full, join rate) is tried again on the same socket after the
 * retry-after plus up to as much again of jitter, so a room whose instance died refills over
 * seconds instead of in one burst; "sender id in use" rejoins at once under a fresh id.
 */
export interface RelayLinkHandlers {
  /** The socket is open: the join message to send, under a fresh sender id each time. */
  join(): Uint8Array;
  /** Every binary message from the server, in the order it arrived. */
  message(bytes: Uint8Array): void;
  /** The socket closed or was dropped: everyone reached through it is gone. */
  lost(): void;
  /** Joined and nothing sent for RELAY_KEEPALIVE_MS: send something, or the server closes us. */
  idle(): void;
  status(status: ChannelStatus): void;
}

export interface RelayLink {
  status(): ChannelStatus;
  /** Hands bytes to the socket; false when it is not joined (or the send threw). */
  send(bytes: Uint8Array): boolean;
  /** Bytes the socket has not handed to the network yet. */
  bufferedAmount(): number;
  retry(): void;
  destroy(): void;
}

/**
 * Milliseconds without sending after which a joined link sends a keep-alive. The server closes
 * a connection silent for its idle timeout (signaling/limits.ts IDLE_TIMEOUT_MS, 120 s); the
 * server's WebSocket pings do not count, and a browser cannot send pings of its own. With any
 * peer present the sync layer's anti-entropy rounds send far more often, so in practice only a
 * device alone in its room sends these, and they fan out to nobody.
 */
export const RELAY_KEEPALIVE_MS = 45_000;
/** Milliseconds of jitter before rejoining under a fresh sender id (the old one was taken). */
const REJOIN_JITTER_MS = 250;
const OPEN = 1;

export function openRelayLink(
  url: string,
  handlers: RelayLinkHandlers,
  createSocket: WebSocketFactory = (target) => new WebSocket(target),
): RelayLink {
  let socket: WebSocket | null = null;
  let joined = false;
  let destroyed = false;
  let failures = 0;
  /** A retry-after from the server, honoured by the next reconnect. */
  let waitAtLeastMs = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let connectingSince = Date.now();
  let lastSentAt = Date.now();
  let current: ChannelStatus = { kind: 'connecting' };

  function connect(): void {
    reconnectTimer = undefined;
    if (destroyed) return;
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch {
      failures++;
      scheduleReconnect();
      return;
    }
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      if (socket === ws) sendJoin();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (socket !== ws) return;
      const bytes = asBytes(event.data);
      if (bytes === null) return; // the relay never sends text
      observe(bytes);
      handlers.message(bytes);
    };
    ws.onclose = () => {
      if (socket === ws) lose();
    };
    // `ws` in Node throws an 'error' with no listener; close follows and does the work.
    ws.onerror = () => {};
  }

  function sendJoin(): void {
    rejoinTimer = undefined;
    if (destroyed || joined || socket?.readyState !== OPEN) return;
    try {
      socket.send(handlers.join());
      lastSentAt = Date.now();
    } catch {
      // A closing socket throws; its close event reconnects.
    }
  }

  /** What the connection itself learns from the server's messages. */
  function observe(bytes: Uint8Array): void {
    if (!isControlMessage(bytes)) return;
    const message = readServerMessage(bytes);
    if (message?.type === RelayControlType.welcome) {
      joined = true;
      failures = 0;
      updateStatus();
      return;
    }
    if (message?.type !== RelayControlType.error) return;
    const { code, retryAfterMs } = message;
    waitAtLeastMs = Math.max(waitAtLeastMs, retryAfterMs);
    if (joined || rejoinTimer !== undefined) return;
    if (code === RelayErrorCode.roomFull || code === RelayErrorCode.joinRate) {
      rejoinTimer = setTimeout(sendJoin, retryAfterMs + Math.random() * retryAfterMs);
    } else if (code === RelayErrorCode.senderInUse) {
      rejoinTimer = setTimeout(sendJoin, Math.random() * REJOIN_JITTER_MS);
    }
  }

  /** The socket is gone (closed, or dropped because the device went offline). */
  function lose(): void {
    const ws = socket;
    socket = null;
    if (ws) detach(ws);
    clearTimeout(rejoinTimer);
    rejoinTimer = undefined;
    if (joined) {
      // A link that worked gets the grace period again before it is called unreachable.
      connectingSince = Date.now();
      restartGrace();
    } else {
      failures++;
    }
    joined = false;
    if (destroyed) return;
    handlers.lost();
    scheduleReconnect();
    updateStatus();
  }

  function scheduleReconnect(): void {
    if (destroyed || reconnectTimer !== undefined) return;
    const ceiling = Math.min(SIGNALING_BACKOFF_MAX_MS, SIGNALING_BACKOFF_MIN_MS * 2 ** failures);
    const backoff = ceiling / 2 + (Math.random() * ceiling) / 2;
    const told = waitAtLeastMs > 0 ? waitAtLeastMs + Math.random() * waitAtLeastMs : 0;
    waitAtLeastMs = 0;
    reconnectTimer = setTimeout(connect, Math.max(backoff, told));
  }

  function computeStatus(): ChannelStatus {
    if (joined) return { kind: 'online' };
    // A reachable server outranks navigator.onLine, which is false on some hosts that work.
    if (globalThis.navigator?.onLine === false) return { kind: 'offline' };
    return Date.now() - connectingSince < SIGNALING_GRACE_MS
      ? { kind: 'connecting' }
      : { kind: 'unreachable' };
  }

  function updateStatus(): void {
    if (destroyed) return;
    const next = computeStatus();
    if (next.kind === current.kind) return;
    current = next;
    handlers.status(current);
  }

  function restartGrace(): void {
    clearTimeout(graceTimer);
    graceTimer = setTimeout(updateStatus, SIGNALING_GRACE_MS + 10);
  }

  function retry(): void {
    if (destroyed) return;
    connectingSince = Date.now();
    restartGrace();
    // An open socket is joined or waiting out a retry-after: neither is helped by a new one.
    if (socket === null) {
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      failures = 0;
      connect();
    }
    updateStatus();
  }

  // Without a network the socket is dead even if the browser has not noticed yet.
  const onOffline = () => {
    if (socket) lose();
    updateStatus();
  };
  const onOnline = () => retry();
  globalThis.addEventListener?.('offline', onOffline);
  globalThis.addEventListener?.('online', onOnline);
  const keepAlive = setInterval(() => {
    if (joined && Date.now() - lastSentAt >= RELAY_KEEPALIVE_MS) handlers.idle();
  }, RELAY_KEEPALIVE_MS / 3);

  restartGrace();
  connect();
  updateStatus(); // a page opened offline says so at once

  return {
    status: () => current,
    send(bytes) {
      if (!joined || socket?.readyState !== OPEN) return false;
      try {
        socket.send(bytes);
        lastSentAt = Date.now();
        return true;
      } catch {
        return false;
      }
    },
    bufferedAmount: () => socket?.bufferedAmount ?? 0,
    retry,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      joined = false;
      clearTimeout(reconnectTimer);
      clearTimeout(rejoinTimer);
      clearTimeout(graceTimer);
      clearInterval(keepAlive);
      globalThis.removeEventListener?.('offline', onOffline);
      globalThis.removeEventListener?.('online', onOnline);
      const ws = socket;
      socket = null;
      if (ws) detach(ws);
    },
  };
}

/** Stops listening to a socket and closes it; its late events reach nobody. */
function detach(ws: WebSocket): void {
  ws.onopen = null;
  ws.onmessage = null;
  ws.onclose = null;
  try {
    ws.close();
  } catch {
    // Already closed.
  }
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data; // `ws` before binaryType takes effect
  return null;
}
