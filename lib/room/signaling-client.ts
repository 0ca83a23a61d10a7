import {
  SIGNALING_BACKOFF_MAX_MS,
  SIGNALING_BACKOFF_MIN_MS,
  SIGNALING_SILENCE_MS,
} from '../limits';

/**
 * One WebSocket to a signaling server, speaking y-webrtc's JSON protocol (signaling/protocol.ts):
 * subscribe and unsubscribe to topics, publish to a topic, ping/pong. It reconnects by itself
 * with jittered exponential backoff (so a server restart is not met by every client at once)
 * and subscribes again to its topics when it is back.
 */
export interface SignalingClient {
  readonly url: string;
  isOpen(): boolean;
  subscribe(topic: string): void;
  unsubscribe(topic: string): void;
  publish(topic: string, data: string): void;
  /** Reconnects now if the socket is down (a person pressed Retry, or the network is back). */
  reconnectNow(): void;
  /**
   * Closes the socket and tries again later: the browser went offline, and a socket it has not
   * noticed is dead yet must not make the room look reachable.
   */
  drop(): void;
  destroy(): void;
}

export interface SignalingHandlers {
  open(): void;
  close(): void;
  message(topic: string, data: unknown): void;
}

/** What the client needs of a WebSocket: the browser's, or `ws` in Node tests. */
export type WebSocketFactory = (url: string) => WebSocket;

export function connectSignaling(
  url: string,
  handlers: SignalingHandlers,
  createSocket: WebSocketFactory = (target) => new WebSocket(target),
): SignalingClient {
  const topics = new Set<string>();
  let socket: WebSocket | null = null;
  let open = false;
  let destroyed = false;
  let failures = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let lastMessageAt = Date.now();
  // Keep-alive as lib0/websocket does: ping when quiet, and give up on a silent socket.
  const keepAlive = setInterval(() => {
    if (!open || !socket) return;
    if (Date.now() - lastMessageAt > SIGNALING_SILENCE_MS) socket.close();
    else sendJson({ type: 'ping' });
  }, SIGNALING_SILENCE_MS / 2);

  function sendJson(message: unknown): void {
    if (!open || !socket) return;
    try {
      socket.send(JSON.stringify(message));
    } catch {
      // A closing socket throws; its close event reconnects.
    }
  }

  function connect(): void {
    if (destroyed) return;
    reconnectTimer = null;
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      open = true;
      failures = 0;
      lastMessageAt = Date.now();
      if (topics.size > 0) sendJson({ type: 'subscribe', topics: [...topics] });
      handlers.open();
    };
    ws.onmessage = (event: MessageEvent) => {
      lastMessageAt = Date.now();
      if (typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (isPublish(message)) handlers.message(message.topic, message.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      const wasOpen = open;
      open = false;
      socket = null;
      if (!wasOpen) failures++;
      if (wasOpen) handlers.close();
      scheduleReconnect();
    };
    ws.onerror = () => {
      // Followed by close, which does the work.
    };
  }

  function scheduleReconnect(): void {
    if (destroyed || reconnectTimer !== null) return;
    const ceiling = Math.min(SIGNALING_BACKOFF_MAX_MS, SIGNALING_BACKOFF_MIN_MS * 2 ** failures);
    // "Full jitter": anywhere between half and all of the ceiling.
    reconnectTimer = setTimeout(connect, ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  connect();

  return {
    url,
    isOpen: () => open,
    subscribe(topic) {
      if (topics.has(topic)) return;
      topics.add(topic);
      sendJson({ type: 'subscribe', topics: [topic] });
    },
    unsubscribe(topic) {
      if (!topics.delete(topic)) return;
      sendJson({ type: 'unsubscribe', topics: [topic] });
    },
    publish(topic, data) {
      sendJson({ type: 'publish', topic, data });
    },
    reconnectNow() {
      if (destroyed || open || (socket && socket.readyState === 0)) return;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      failures = 0;
      connect();
    },
    drop() {
      const ws = socket;
      socket = null;
      open = false;
      ws?.close();
      scheduleReconnect();
    },
    destroy() {
      destroyed = true;
      clearInterval(keepAlive);
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      open = false;
      ws?.close();
    },
  };
}

function isPublish(message: unknown): message is { type: 'publish'; topic: string; data: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'publish' &&
    typeof (message as { topic?: unknown }).topic === 'string'
  );
}
