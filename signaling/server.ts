import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { type AddressLabeler, hashedAddressLabeler } from './address';
import { type BusState, localBus, type TopicBus } from './bus';
import { Connection, type Hub } from './connection';
import { httpRoutes } from './http-routes';
import { resolveLimits, type SignalingLimits } from './limits';
import { errorCode, jsonLineLogger, type Logger } from './log';
import { relayText } from './protocol';
import { createRedisBus } from './redis-bus';
import { relayBridge, relayRoomOf, signalingOnly, splitDelivery } from './relay-bus';
import { RELAY_PATH } from './relay-endpoint';
import { RELAY_ENVELOPE_BYTES } from './relay-envelope';
import { type RelayLimits, resolveRelayLimits } from './relay-limits';
import { createRelayServer, type RelayServer } from './relay-server';
import { staticFiles } from './static';
import { TopicRegistry } from './topics';
import { UpgradeGate } from './upgrade-gate';

/**
 * Kring's signaling server: y-webrtc's wire protocol (protocol.ts) over `ws`, so stock
 * y-webrtc clients work, with the limits y-webrtc's bundled server lacks (TESTING.md): it binds
 * to one host (loopback by default, where the bundled server takes all interfaces), bounds
 * frames, topics, connections and message rates (limits.ts; who may upgrade is
 * upgrade-gate.ts), reaps dead and idle sockets, and logs without topics or payloads (log.ts).
 * A client over a limit is refused or disconnected; everyone else is served on. Plain HTTP
 * (`/health`) is http-routes.ts; with `webRoot` it also serves the participants' web app
 * (static.ts) on the same port, so one TLS proxy in front covers both. With `redisUrl`, several
 * instances behind one load balancer share topics through Redis pub/sub (redis-bus.ts).
 *
 * On `/relay` (RELAY_PATH) it is also the end-to-end-encrypted relay of issue 10, held by
 * relay-server.ts: binary relay frames routed by relay-room.ts, one RelayConnection per socket
 * (relay-endpoint.ts), with a per-address cap of its own (limits.ts) and the room-wide frames
 * shared with the other instances over the same bus (relay-bus.ts; relay-bridge.ts says what
 * crosses and what not).
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
  /** The relay router's limits (relay-limits.ts); tests pass smaller ones. */
  readonly relayLimits?: Partial<RelayLimits>;
  /** Milliseconds between `relay-stats` log lines (only while the counts change); 60 s. */
  readonly relayStatsIntervalMs?: number;
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

export function createSignalingServer(options: SignalingServerOptions = {}): SignalingServer {
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? jsonLineLogger();
  const now = options.now ?? (() => performance.now());
  const labelAddress = options.labelAddress ?? hashedAddressLabeler();
  const relayLimits = resolveRelayLimits(options.relayLimits);
  const bus: TopicBus =
    options.redisUrl === undefined
      ? localBus()
      : createRedisBus({
          url: options.redisUrl,
          logger,
          deliver: splitDelivery(
            (roomTag, payload) => relay.router.receiveBridged(roomTag, payload),
            deliverFromBus,
          ),
          maxPayloadBytes: (topic) =>
            // A relay topic also carries envelopes (a frame routed to one instance).
            relayRoomOf(topic) === null
              ? limits.maxFrameBytes
              : relayLimits.maxFrameBytes + RELAY_ENVELOPE_BYTES,
        });
  const relay: RelayServer = createRelayServer({
    limits,
    relayLimits,
    bridge: options.redisUrl === undefined ? undefined : relayBridge(bus),
    logger,
    now,
    labelAddress,
    nextConnectionId: () => nextConnectionId++,
    accepting: () => state === 'listening',
    onConnectionClosed: () => {
      if (connections.size + relay.connections === 0) onDrained?.();
    },
    statsIntervalMs: options.relayStatsIntervalMs ?? 60_000,
  });
  const gate = new UpgradeGate({
    limits,
    logger,
    labelAddress,
    trustProxy: options.trustProxy ?? false,
    accepting: () => state === 'listening',
  });
  const hub: Hub = {
    limits,
    logger,
    now,
    bus: signalingOnly(bus),
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
  const http = createServer(httpRoutes({ webApp, serving: () => state === 'listening', stats }));
  http.on('upgrade', handleUpgrade);

  function stats(): SignalingStats {
    return {
      connections: connections.size,
      topics: hub.topics.size,
      uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      bus: bus.state(),
    };
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A client that resets mid-handshake must not crash the process with an unhandled error.
    socket.on('error', (error) =>
      logger({ event: 'error', where: 'socket', code: errorCode(error) }),
    );
    if (socket.destroyed) return;
    const toRelay = (request.url ?? '/').split('?')[0] === RELAY_PATH;
    const address = gate.admit(request, socket, toRelay);
    if (address === null) return;
    if (toRelay) {
      relay.upgrade(request, socket, head, address);
      return;
    }
    wss.handleUpgrade(request, socket, head, (webSocket) => {
      const label = labelAddress(address);
      const connection = new Connection(nextConnectionId++, webSocket, label, hub, (closed) => {
        connections.delete(closed);
        if (connections.size + relay.connections === 0) onDrained?.();
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
          relay.heartbeat();
        }, limits.heartbeatIntervalMs);
        relay.startStats();
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
      relay.stopStats();
      logger({
        event: 'shutting-down',
        connections: connections.size + relay.connections,
      });
      // Each connection closes within closeGraceMs: it answers the close frame or is terminated.
      const drained = new Promise<void>((resolve) => {
        onDrained = resolve;
        if (connections.size + relay.connections === 0) resolve();
      });
      for (const connection of connections) connection.disconnect('server-shutdown');
      relay.disconnectAll();
      await drained;
      gate.destroyAll(); // sockets still in the handshake
      if (wasListening) {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections(); // idle keep-alive HTTP connections (health checks)
        });
      }
      wss.close();
      relay.close(wasListening);
      await bus.close();
      state = 'closed';
      logger({ event: 'stopped' });
    })();
    return closing;
  }

  return { listen, close, stats };
}
