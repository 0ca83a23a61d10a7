import type { RawData, WebSocket } from 'ws';
import type { SignalingLimits } from './limits';
import type { CloseReason, Logger } from './log';
import type { RelayRouter } from './relay-room';
import type { RelayDisconnectReason, RelaySink } from './relay-types';
import { SocketLife } from './socket-life';
import { TokenBucket } from './token-bucket';

/** The path of the relay's WebSocket endpoint; every other path is y-webrtc signaling. */
export const RELAY_PATH = '/relay';

/**
 * Joins one connection may have refused (room full, join rate, sender id taken) before it is
 * closed: an honest client backs off for the time it is told, so a few retries on one
 * connection are plenty, and a client that hammers is cut off.
 */
export const RELAY_MAX_JOIN_REFUSALS = 8;
/**
 * The connection-level message bucket is this many times the router's frame bucket. The router
 * drops frames over its rate (the member may resync); a client that keeps sending at several
 * times that rate is not honest, and parsing its flood is CPU better spent on everyone else.
 */
const FLOOD_FACTOR = 4;

/** What every relay connection shares. */
export interface RelayHub {
  readonly router: RelayRouter;
  readonly limits: SignalingLimits;
  readonly logger: Logger;
  readonly now: () => number;
}

/** The close code for each reason the server ends a relay connection (RFC 6455 §7.4.1). */
const CLOSE_CODES = {
  'idle-timeout': 1000,
  'server-shutdown': 1001,
  'relay-protocol': 1002,
  'text-frame': 1003,
  'rate-limit': 1008,
  'join-refused': 1008,
  'relay-too-slow': 1008,
} as const satisfies Partial<Record<CloseReason, number>>;
type RelayCloseReason = keyof typeof CLOSE_CODES;

/** What the router decided, as the close reason logged and sent. */
const ROUTER_REASONS: Readonly<Record<RelayDisconnectReason, CloseReason>> = {
  'too-slow': 'relay-too-slow',
  'send-failed': 'send-buffer-full',
  protocol: 'relay-protocol',
};

/**
 * One relay client's WebSocket (`/relay`): binary relay frames in, the router's deliveries
 * out. It is the router's `RelaySink`, with `ws.bufferedAmount` as what is queued, so the
 * router's backpressure (relay-delivery.ts) sees the real socket.
 *
 * Policy: a text message ends the connection (1003); the first message must be a join, or the
 * connection ends (1002); joins refused more than RELAY_MAX_JOIN_REFUSALS times end it (1008);
 * after the join, malformed frames count as violations in the router, which asks for the close
 * (1002) past its margin. Heartbeat and idle timeout as for signaling (connection.ts).
 */
export class RelayConnection implements RelaySink {
  private readonly life: SocketLife;
  private messages = 0;
  private joined = false;
  private removed = false;
  private refusedJoins = 0;
  private readonly flood: TokenBucket;

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    addressLabel: string,
    private readonly hub: RelayHub,
    onClosed: (connection: RelayConnection) => void,
  ) {
    const { now, router } = hub;
    this.flood = new TokenBucket(
      router.limits.frameBurst * FLOOD_FACTOR,
      router.limits.framesPerSecond * FLOOD_FACTOR,
      now,
    );
    this.life = new SocketLife({
      socket,
      limits: hub.limits,
      now,
      // Out of its room at once, so nothing more is routed to a connection that is closing.
      onClosing: () => this.leaveRoom(),
      onClosed: (reason, code, durationMs) => {
        this.leaveRoom();
        hub.logger({
          event: 'connection-closed',
          connection: id,
          address: addressLabel,
          reason,
          code,
          durationMs,
          messages: this.messages,
          topics: 0,
          endpoint: 'relay',
        });
        onClosed(this);
      },
    });
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
  }

  send(bytes: Uint8Array): boolean {
    if (!this.life.open) return false;
    this.socket.send(bytes, { binary: true });
    return true;
  }

  bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  /** The router removed this member and asks for the close. */
  dropped(reason: RelayDisconnectReason): void {
    const closeReason = ROUTER_REASONS[reason];
    this.removed = true; // the router has taken it out of its room already
    if (closeReason === 'send-buffer-full') this.life.terminate(closeReason);
    else this.disconnect(closeReason as RelayCloseReason);
  }

  /** Ends the connection with a close frame; terminates it if the client does not answer. */
  disconnect(reason: RelayCloseReason): void {
    this.life.disconnect(reason, CLOSE_CODES[reason]);
  }

  /** Heartbeat and idle timeout as for signaling (socket-life.ts); clients renew their
   *  presence well within the idle timeout. */
  heartbeat(): void {
    this.life.heartbeat();
  }

  private leaveRoom(): void {
    if (!this.removed) this.hub.router.disconnect(this);
    this.removed = true;
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.life.closing) return;
    this.messages += 1;
    this.life.heard();
    if (!isBinary) {
      this.disconnect('text-frame');
      return;
    }
    if (!this.flood.take()) {
      this.disconnect('rate-limit');
      return;
    }
    const receipt = this.hub.router.receive(this, toBytes(data));
    if (this.joined || this.life.closing) return;
    if (receipt.ok) {
      this.joined = true; // before a join, only a join is accepted
    } else if (
      receipt.error === 'not-joined' ||
      receipt.error === 'bad-join' ||
      receipt.error === 'unknown-control' ||
      receipt.error === 'not-binary'
    ) {
      this.disconnect('relay-protocol');
    } else if (++this.refusedJoins > RELAY_MAX_JOIN_REFUSALS) {
      this.disconnect('join-refused');
    }
  }
}

/** ws hands binary messages over as a Buffer (a Uint8Array) by default. */
function toBytes(data: RawData): Uint8Array {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return new Uint8Array(data);
}
