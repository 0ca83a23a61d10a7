import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { type AddressLabeler, addressKey, hashedAddressLabeler, requestAddress } from './address';
import { type BusState, localBus, type TopicBus } from './bus';
import { Connection, type Hub } from './connection';
import { resolveLimits, type SignalingLimits } from './limits';
import { errorCode, jsonLineLogger, type Logger, type RefusalReason } from './log';
import { relayText } from './protocol';
import { createRedisBus } from './redis-bus';
import { staticFiles } from './static';
import { TopicRegistry } from './topics';

/**
 * Kring's signaling server: y-webrtc's wire protocol (protocol.ts) over `ws`, so stock
 * y-webrtc clients work, with the limits y-webrtc's bundled server lacks (TESTING.md): it binds
 * to one host (loopback by default, where the bundled server takes all interfaces), bounds
 * frames, topics, connections and message rates (limits.ts), reaps dead and idle sockets, and
 * logs without topics or payloads (log.ts). A client over a limit is refused or disconnected;
 * everyone else is served on. With `webRoot` it also serves the participants' web app
 * (static.ts) on the same port, so one TLS proxy in front covers both. With `redisUrl`, several
 * instances behind one load balancer share topics through Redis pub/sub (redis-bus.ts).
 */
export interface SignalingServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; 0 picks a free one (tests). Default 4444, as y-webrtc's bundled server. */
  readonly port?: number;
  readonly limits?: Partial<SignalingLimits>;
  /** Default: JSON lines on stdout. */
  readonly logger?: Logger;
  /** Count clients by the last `X-Forwarded-For` entry (behind exactly one reverse proxy). */
  readonly trustProxy?: boolean;
  /** How addresses appear in logs; default a keyed hash with a random per-process key. */
  readonly labelAddress?: AddressLabeler;
  /** Milliseconds on a monotonic clock; default `performance.now`. */
  readonly now?: () => number;
  /** Folder of the built web app to serve on every path but `/health`; without it, those
   *  paths are 404. A missing folder is logged at startup and answers 404 until it exists. */
  readonly webRoot?: string;
  /** Share topics with the other instances through this Redis (redis-bus.ts); without it this
   *  instance works alone. Redis being down never stops local service. */
  readonly redisUrl?: string;
}

export interface SignalingStats {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Topics with at least one subscriber. */
  readonly topics: number;
  readonly uptimeSeconds: number;
  /** `local` alone; with Redis, whether it is reachable (`down` still serves locally). */
  readonly bus: BusState;
}

export interface SignalingServer {
  /** Starts listening; resolves with the bound address (the real port when `port` was 0). */
  listen(): Promise<AddressInfo>;
  /** Closes every connection (1001, terminated after the grace period) and stops listening. */
  close(): Promise<void>;
  stats(): SignalingStats;
}

type State = 'created' | 'listening' | 'closing' | 'closed';

/** 429 tells one client to slow down; 503 says the whole server cannot take anyone now. */
const REFUSAL_STATUS: Readonly<Record<RefusalReason, number>> = {
  'too-many-connections-per-address': 429,
  'server-full': 503,
  'shutting-down': 503,
};

export function createSignalingServer(options: SignalingServerOptions = {}): SignalingServer {
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? jsonLineLogger();
  const now = options.now ?? (() => performance.now());
  const labelAddress = options.labelAddress ?? hashedAddressLabeler();
  const bus: TopicBus =
    options.redisUrl === undefined
      ? localBus()
      : createRedisBus({
          url: options.redisUrl,
          logger,
          deliver: deliverFromBus,
          maxPayloadBytes: limits.maxFrameBytes,
        });
  const hub: Hub = {
    limits,
    logger,
    now,
    bus,
    topics: new TopicRegistry(limits.maxSubscribersPerTopic, {
      opened: (topic) => bus.join(topic),
      closed: (topic) => bus.leave(topic),
    }),
  };

  /** Another instance's publish: to every subscriber here (its sender is not one of them). */
  function deliverFromBus(topic: string, payload: Buffer): void {
    const receivers = hub.topics.subscribersOf(topic);
    if (receivers.length === 0) return;
    const relayed = relayText(topic, payload.toString('utf8'), receivers.length);
    for (const receiver of receivers) receiver.send(relayed);
  }

  const webApp =
    options.webRoot === undefined ? undefined : staticFiles({ root: options.webRoot, logger });

  const connections = new Set<Connection>();
  /** Upgrade sockets from handshake to close, and how many per address key. */
  const sockets = new Set<Duplex>();
  const socketsPerKey = new Map<string, number>();
  let nextConnectionId = 1;
  let state: State = 'created';
  let startedAt = now();
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  let onDrained: (() => void) | undefined;

  // Compression stays off: inflating is where small frames turn into big memory (zip bombs),
  // and y-webrtc's JSON is small anyway. maxPayload makes ws close with 1009 above the limit.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const http = createServer(handleRequest);
  http.on('upgrade', handleUpgrade);

  function stats(): SignalingStats {
    return {
      connections: connections.size,
      topics: hub.topics.size,
      uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      bus: bus.state(),
    };
  }

  /** `GET /health` for monitoring and load balancers; every other path is the web app's, or
   *  404 without one. */
  function handleRequest(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/health') {
      if (webApp) webApp.handle(request, response);
      else respond(response, 404, { error: 'not-found' });
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      respond(response, 405, { error: 'method-not-allowed' });
    } else if (state !== 'listening') {
      respond(response, 503, { status: 'shutting-down' });
    } else {
      respond(response, 200, { status: 'ok', ...stats() });
    }
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A client that resets mid-handshake must not crash the process with an unhandled error.
    socket.on('error', (error) =>
      logger({ event: 'error', where: 'socket', code: errorCode(error) }),
    );
    if (socket.destroyed) return;
    const address = requestAddress(request, options.trustProxy ?? false);
    const key = addressKey(address);
    const perKey = socketsPerKey.get(key) ?? 0;
    const refusal = admission(perKey);
    if (refusal) {
      refuse(socket, address, refusal);
      return;
    }

    // Counted from now until the TCP socket closes, whichever way the handshake ends: ws
    // destroys a socket it cannot upgrade without calling back.
    sockets.add(socket);
    socketsPerKey.set(key, perKey + 1);
    socket.once('close', () => {
      sockets.delete(socket);
      const left = (socketsPerKey.get(key) ?? 1) - 1;
      if (left > 0) socketsPerKey.set(key, left);
      else socketsPerKey.delete(key);
    });

    wss.handleUpgrade(request, socket, head, (webSocket) => {
      const label = labelAddress(address);
      const connection = new Connection(nextConnectionId++, webSocket, label, hub, (closed) => {
        connections.delete(closed);
        if (connections.size === 0) onDrained?.();
      });
      connections.add(connection);
      logger({
        event: 'connection-opened',
        connection: connection.id,
        address: label,
        connections: connections.size,
      });
      if (state !== 'listening') connection.disconnect('server-shutdown');
    });
  }

  /** Why a new connection cannot be taken now, if it cannot. */
  function admission(perKey: number): RefusalReason | undefined {
    if (state !== 'listening') return 'shutting-down';
    if (sockets.size >= limits.maxConnections) return 'server-full';
    if (perKey >= limits.maxConnectionsPerAddress) return 'too-many-connections-per-address';
    return undefined;
  }

  /** Answers an upgrade with a plain HTTP error, as ws does for a failed handshake. */
  function refuse(socket: Duplex, address: string, reason: RefusalReason): void {
    const status = REFUSAL_STATUS[reason];
    logger({ event: 'connection-refused', address: labelAddress(address), reason, status });
    const body = STATUS_CODES[status] ?? 'Error';
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 60\r\n\r\n${body}`,
    );
  }

  function listen(): Promise<AddressInfo> {
    if (state !== 'created') return Promise.reject(new Error('signaling server: listen() twice'));
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        logger({ event: 'error', where: 'listen', code: errorCode(error) });
        reject(error);
      };
      http.once('error', failed);
      http.listen(options.port ?? 4444, options.host ?? '127.0.0.1', () => {
        http.off('error', failed);
        http.on('error', (error) =>
          logger({ event: 'error', where: 'http', code: errorCode(error) }),
        );
        state = 'listening';
        startedAt = now();
        heartbeatTimer = setInterval(() => {
          for (const connection of connections) connection.heartbeat();
        }, limits.heartbeatIntervalMs);
        const address = http.address() as AddressInfo;
        logger({ event: 'listening', host: address.address, port: address.port });
        void webApp?.announce(); // after `listening`, which stays the first line
        resolve(address);
      });
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      const wasListening = state === 'listening';
      state = 'closing';
      clearInterval(heartbeatTimer);
      logger({ event: 'shutting-down', connections: connections.size });
      // Each connection closes within closeGraceMs: it answers the close frame or is terminated.
      const drained = new Promise<void>((resolve) => {
        onDrained = resolve;
        if (connections.size === 0) resolve();
      });
      for (const connection of connections) connection.disconnect('server-shutdown');
      await drained;
      for (const socket of sockets) socket.destroy(); // still in the handshake
      if (wasListening) {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections(); // idle keep-alive HTTP connections (health checks)
        });
      }
      wss.close();
      await bus.close();
      state = 'closed';
      logger({ event: 'stopped' });
    })();
    return closing;
  }

  return { listen, close, stats };
}

function respond(response: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  response.end(json);
}
