import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AddressLabeler } from './address';
import type { SignalingLimits } from './limits';
import type { Logger } from './log';
import { RelayConnection, type RelayHub } from './relay-endpoint';
import type { RelayLimits } from './relay-limits';
import { type RelayBridge, RelayRouter } from './relay-room';
import { relayStatsEvent } from './relay-stats';

/**
 * The server's `/relay` endpoint (issue 10) as one piece: the relay router, the WebSocket
 * server that upgrades relay sockets, one RelayConnection per socket (relay-endpoint.ts), the
 * `relay-stats` log timer, and the drain at shutdown. server.ts decides who may upgrade
 * (upgrade-gate.ts) and owns the shared heartbeat; this holds what is the relay's own.
 */
export interface RelayServerOptions {
  readonly limits: SignalingLimits;
  readonly relayLimits: RelayLimits;
  /** The same rooms on other instances; none: this instance relays alone. */
  readonly bridge: RelayBridge | undefined;
  readonly logger: Logger;
  readonly now: () => number;
  readonly labelAddress: AddressLabeler;
  /** Connection ids are shared with signaling connections, so the server hands them out. */
  readonly nextConnectionId: () => number;
  /** Whether the server still takes connections; one opened while it does not is closed. */
  readonly accepting: () => boolean;
  /** A relay connection closed (so the server can tell when everyone is gone). */
  readonly onConnectionClosed: () => void;
  /** Milliseconds between `relay-stats` log lines (only while the counts change). */
  readonly statsIntervalMs: number;
}

export interface RelayServer {
  readonly router: RelayRouter;
  /** Open relay connections. */
  readonly connections: number;
  /** Completes an admitted `/relay` upgrade from `address`. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, address: string): void;
  heartbeat(): void;
  startStats(): void;
  stopStats(): void;
  /** Asks every relay connection to close (1001); each ends within the close grace. */
  disconnectAll(): void;
  /** Stops upgrading; with `finalStats`, logs the last `relay-stats` line if it changed. */
  close(finalStats: boolean): void;
}

export function createRelayServer(options: RelayServerOptions): RelayServer {
  const { limits, logger, now } = options;
  const router: RelayRouter = new RelayRouter({
    limits: options.relayLimits,
    bridge: options.bridge,
    onDisconnect: (sink, reason) => (sink as RelayConnection).dropped(reason),
  });
  const hub: RelayHub = { router, limits, logger, now };
  const connections = new Set<RelayConnection>();
  let statsTimer: NodeJS.Timeout | undefined;
  let lastStats = '';

  // Compression off, as for signaling (server.ts); maxPayload makes ws close with 1009 above it.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.relayLimits.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, address: string): void {
    wss.handleUpgrade(request, socket, head, (webSocket) => {
      const label = options.labelAddress(address);
      const id = options.nextConnectionId();
      const connection = new RelayConnection(id, webSocket, label, hub, (closed) => {
        connections.delete(closed);
        options.onConnectionClosed();
      });
      connections.add(connection);
      logger({
        event: 'connection-opened',
        connection: connection.id,
        address: label,
        connections: connections.size,
        endpoint: 'relay',
      });
      if (!options.accepting()) connection.disconnect('server-shutdown');
    });
  }

  /** A `relay-stats` line, unless nothing changed since the last one. */
  function logStats(): void {
    const event = relayStatsEvent(connections.size, router);
    const key = JSON.stringify(event);
    if (key === lastStats) return;
    lastStats = key;
    logger(event);
  }

  return {
    router,
    get connections() {
      return connections.size;
    },
    upgrade,
    heartbeat() {
      for (const connection of connections) connection.heartbeat();
    },
    startStats() {
      statsTimer = setInterval(logStats, options.statsIntervalMs);
      statsTimer.unref();
    },
    stopStats() {
      clearInterval(statsTimer);
    },
    disconnectAll() {
      for (const connection of connections) connection.disconnect('server-shutdown');
    },
    close(finalStats) {
      wss.close();
      if (finalStats) logStats();
    },
  };
}
