import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type AddressLabeler, addressKey, requestAddress } from './address';
import type { SignalingLimits } from './limits';
import type { Logger, RefusalReason } from './log';

/**
 * Who may open a WebSocket on the server (server.ts): at most `maxConnections` upgrade sockets
 * in all, and per address key at most `maxConnectionsPerAddress` for signaling and
 * `maxRelayConnectionsPerAddress` for `/relay`, none while shutting down. A socket counts from
 * its handshake until the TCP socket closes; a refused one gets a plain HTTP error.
 */
export interface UpgradeGateOptions {
  readonly limits: SignalingLimits;
  readonly logger: Logger;
  readonly labelAddress: AddressLabeler;
  /** Count clients by the last `X-Forwarded-For` entry (behind exactly one reverse proxy). */
  readonly trustProxy: boolean;
  /** Whether the server still takes connections. */
  readonly accepting: () => boolean;
}

/** 429 tells one client to slow down; 503 says the whole server cannot take anyone now. */
const REFUSAL_STATUS: Readonly<Record<RefusalReason, number>> = {
  'too-many-connections-per-address': 429,
  'server-full': 503,
  'shutting-down': 503,
};

export class UpgradeGate {
  /** Upgrade sockets from handshake to close, and how many per address key and endpoint. */
  private readonly sockets = new Set<Duplex>();
  private readonly socketsPerKey = new Map<string, number>();
  private readonly relaySocketsPerKey = new Map<string, number>();

  constructor(private readonly options: UpgradeGateOptions) {}

  /**
   * Counts `socket` in and returns the client's address, or refuses it (and returns null).
   * `relay`: whether it asks for the `/relay` endpoint, which has a per-address cap of its own.
   */
  admit(request: IncomingMessage, socket: Duplex, relay: boolean): string | null {
    const { limits } = this.options;
    const address = requestAddress(request, this.options.trustProxy);
    const key = addressKey(address);
    const counts = relay ? this.relaySocketsPerKey : this.socketsPerKey;
    const perKey = counts.get(key) ?? 0;
    const refusal = this.admission(
      perKey,
      relay ? limits.maxRelayConnectionsPerAddress : limits.maxConnectionsPerAddress,
    );
    if (refusal) {
      this.refuse(socket, address, refusal);
      return null;
    }

    // Counted from now until the TCP socket closes, whichever way the handshake ends: ws
    // destroys a socket it cannot upgrade without calling back.
    this.sockets.add(socket);
    counts.set(key, perKey + 1);
    socket.once('close', () => {
      this.sockets.delete(socket);
      const left = (counts.get(key) ?? 1) - 1;
      if (left > 0) counts.set(key, left);
      else counts.delete(key);
    });
    return address;
  }

  /** Ends the sockets still in their handshake (at shutdown, after the connections drained). */
  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Why a new connection cannot be taken now, if it cannot. */
  private admission(perKey: number, maxPerKey: number): RefusalReason | undefined {
    if (!this.options.accepting()) return 'shutting-down';
    if (this.sockets.size >= this.options.limits.maxConnections) return 'server-full';
    if (perKey >= maxPerKey) return 'too-many-connections-per-address';
    return undefined;
  }

  /** Answers an upgrade with a plain HTTP error, as ws does for a failed handshake. */
  private refuse(socket: Duplex, address: string, reason: RefusalReason): void {
    const status = REFUSAL_STATUS[reason];
    const label = this.options.labelAddress(address);
    this.options.logger({ event: 'connection-refused', address: label, reason, status });
    const body = STATUS_CODES[status] ?? 'Error';
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 60\r\n\r\n${body}`,
    );
  }
}
