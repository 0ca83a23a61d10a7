/**
 * Structured logs: one JSON object per line. Privacy rule: the server sees room names (topics)
 * in clear text (DESIGN.md, "Trust") and relays signaling payloads; neither is ever logged, not
 * even in part. Events carry counts, numbers and fixed reason words only, and addresses only as
 * the labels of address.ts. The event union below is the whole vocabulary, so a field holding a
 * topic or a payload cannot be added by accident without changing this file.
 */

/** Why a connection ended. Each is sent to the client as the close reason too. */
export type CloseReason =
  | 'client-closed'
  | 'idle-timeout'
  | 'heartbeat-timeout'
  | 'rate-limit'
  | 'byte-rate-limit'
  | 'frame-too-large'
  | 'binary-frame'
  | 'invalid-utf8'
  | 'invalid-json'
  | 'invalid-message'
  | 'protocol-error'
  | 'too-many-topics'
  | 'send-buffer-full'
  | 'server-shutdown'
  /** Relay (`/relay`): a text message, where only binary frames are spoken. */
  | 'text-frame'
  /** Relay: a first message that is not a join, or too many malformed frames (relay-room.ts). */
  | 'relay-protocol'
  /** Relay: more queued for it than the hard limit (relay-limits.ts). */
  | 'relay-too-slow'
  /** Relay: joins refused again and again on one connection (a client that does not back off). */
  | 'join-refused';

/** Why a publish did not cross the bus: Redis down, too many bytes waiting for Redis, larger
 *  than a frame, or a message from Redis that is not one of ours. */
export type BusDropReason = 'bus-down' | 'backlog-full' | 'too-large' | 'malformed';

/** Why an upgrade request was answered with an HTTP error instead of a WebSocket. */
export type RefusalReason = 'too-many-connections-per-address' | 'server-full' | 'shutting-down';

export type LogEvent =
  | { readonly event: 'listening'; readonly host: string; readonly port: number }
  | {
      readonly event: 'connection-opened';
      /** A number counting up from 1 per process; ties the opened and closed lines together. */
      readonly connection: number;
      readonly address: string;
      /** Open connections, this one included (of its endpoint). */
      readonly connections: number;
      /** Set for the relay's endpoint (`/relay`); absent for y-webrtc signaling. */
      readonly endpoint?: 'relay';
    }
  | {
      readonly event: 'connection-refused';
      readonly address: string;
      readonly reason: RefusalReason;
      readonly status: number;
    }
  | {
      readonly event: 'connection-closed';
      readonly connection: number;
      readonly address: string;
      readonly reason: CloseReason;
      /** The WebSocket close code as the server saw it (1006 when the socket just dropped). */
      readonly code: number;
      readonly durationMs: number;
      /** Messages received from this connection. */
      readonly messages: number;
      /** Topics it held when it closed (0 on the relay: one room, never named here). */
      readonly topics: number;
      readonly endpoint?: 'relay';
    }
  | {
      readonly event: 'subscription-refused';
      readonly connection: number;
      readonly reason: 'topic-full';
      /** Topics of one subscribe message that were full. */
      readonly count: number;
    }
  | {
      /** One static-file response of the web app (static.ts). Never a query or fragment, and a
       *  path only when it named a served file: other paths are the client's free text. */
      readonly event: 'http-request';
      /** One of Node's known methods, else OTHER. */
      readonly method: string;
      readonly path?: string;
      readonly status: number;
      /** Body bytes sent (0 for HEAD and 304). */
      readonly bytes: number;
    }
  | { readonly event: 'web-root'; readonly root: string }
  | { readonly event: 'web-root-missing'; readonly root: string; readonly hint: string }
  | {
      /** The shared bus (bus.ts) is up: both Redis connections are ready, every live topic is
       *  subscribed again. Never the Redis URL: it may hold a password. */
      readonly event: 'bus-ready';
      readonly bus: 'redis';
      /** Topics (re)subscribed upstream. */
      readonly topics: number;
    }
  | {
      /** The shared bus went down; local subscribers are still served. */
      readonly event: 'bus-down';
      readonly bus: 'redis';
      /** The first error code seen (e.g. ECONNREFUSED), or CONNECTION_CLOSED. */
      readonly code: string;
    }
  | {
      /** Publishes not carried to (or from) other instances since the last such line. */
      readonly event: 'bus-dropped';
      readonly reason: BusDropReason;
      readonly count: number;
    }
  | {
      /** The relay's running totals since start (relay-types.ts RelayCounters), logged
       *  periodically while anything changes: counts and fixed reason words only. */
      readonly event: 'relay-stats';
      /** Open relay WebSocket connections. */
      readonly connections: number;
      readonly rooms: number;
      readonly members: number;
      readonly joined: number;
      readonly left: number;
      readonly framesIn: number;
      readonly framesOut: number;
      readonly bytesOut: number;
      readonly syncElections: number;
      readonly syncUnanswered: number;
      readonly bridgedOut: number;
      readonly bridgedIn: number;
      readonly bridgeRefused: number;
      /** Sync requests and replies across instances (relay-remote.ts), and envelopes refused. */
      readonly remoteSyncRequestsOut: number;
      readonly remoteSyncRequestsIn: number;
      readonly remoteRepliesOut: number;
      readonly remoteRepliesIn: number;
      readonly remoteRefused: number;
      /** Dropped frames by reason; only reasons that happened. */
      readonly dropped: Readonly<Record<string, number>>;
      /** Connections the relay ended, by reason; only reasons that happened. */
      readonly disconnected: Readonly<Record<string, number>>;
    }
  | { readonly event: 'shutting-down'; readonly connections: number }
  | { readonly event: 'stopped' }
  | {
      readonly event: 'error';
      readonly where: 'http' | 'socket' | 'listen' | 'static';
      /** Node's or ws' error code (e.g. ECONNRESET), never a message that could quote input. */
      readonly code: string;
    };

export type Logger = (event: LogEvent) => void;

/** Writes each event as one JSON line with an ISO time, by default to stdout. */
export function jsonLineLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  now: () => Date = () => new Date(),
): Logger {
  return (event) => write(`${JSON.stringify({ time: now().toISOString(), ...event })}\n`);
}

/** Discards everything; for tests that do not look at logs. */
export const silentLogger: Logger = () => {};

/** The code of an error, for `{event:'error'}`: Node and ws errors have one. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code)) return code;
  }
  return 'UNKNOWN';
}
