import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { LogEvent } from '../signaling/log';
import { createSignalingServer } from '../signaling/server';

/**
 * One signaling server instance for the relay benchmark (bench/relay.ts), in a child process
 * of its own so that its CPU time and memory are its own: the real server (signaling/server.ts)
 * with the Redis URL and web root it is given in its environment, on a free loopback port.
 * It answers `stats` (with `collect`: after a full GC) over IPC with its CPU time, RSS, the relay's counters and the bytes its
 * TCP connections read and wrote (HTTP, WebSocket framing and all; its own Redis connection,
 * which it opens as a client, is not counted).
 */
export interface ServerStats {
  readonly cpuMs: number;
  readonly rss: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** The latest `relay-stats` log line's counters (payload bytes, frames). */
  readonly relay: {
    framesIn: number;
    framesOut: number;
    bytesOut: number;
    members: number;
    connections: number;
  };
  /** Open signaling (mesh) WebSocket connections; relay ones are in `relay`. */
  readonly connections: number;
  readonly bus: string;
}

export type ServerReply =
  | { readonly type: 'listening'; readonly port: number }
  | ({ readonly type: 'stats' } & ServerStats);

const live = new Set<Socket>();
let closedIn = 0;
let closedOut = 0;
// Every TCP connection the server accepts, from the moment it is accepted (diagnostics_channel
// needs no hook in the server's code).
subscribe('net.server.socket', (message) => {
  const { socket } = message as { socket: Socket };
  live.add(socket);
  socket.once('close', () => {
    live.delete(socket);
    closedIn += socket.bytesRead;
    closedOut += socket.bytesWritten;
  });
});

let relay: ServerStats['relay'] = {
  framesIn: 0,
  framesOut: 0,
  bytesOut: 0,
  members: 0,
  connections: 0,
};
const server = createSignalingServer({
  host: '127.0.0.1',
  port: 0,
  redisUrl: process.env.REDIS_URL,
  webRoot: process.env.WEB_ROOT,
  // Frequent enough that the last line is current once the room has been quiet a moment.
  relayStatsIntervalMs: 100,
  logger: (event: LogEvent) => {
    if (event.event === 'relay-stats') {
      const { framesIn, framesOut, bytesOut, members, connections } = event;
      relay = { framesIn, framesOut, bytesOut, members, connections };
    } else if (event.event === 'error' && event.where !== 'socket') {
      // A device process that ends resets its sockets: those are not worth a line.
      process.stderr.write(`${JSON.stringify(event)}\n`);
    }
  },
});

function stats(): ServerStats {
  const { user, system } = process.cpuUsage();
  let bytesIn = closedIn;
  let bytesOut = closedOut;
  for (const socket of live) {
    bytesIn += socket.bytesRead;
    bytesOut += socket.bytesWritten;
  }
  const { connections, bus } = server.stats();
  return {
    cpuMs: (user + system) / 1000,
    rss: process.memoryUsage().rss,
    bytesIn,
    bytesOut,
    relay,
    connections,
    bus,
  };
}

const send = (reply: ServerReply) => process.send?.(reply);
process.on('message', (message: { type?: string; collect?: boolean }) => {
  if (message.type !== 'stats') return;
  // Memory is read after a full collection (the bench starts this with --expose-gc), so that
  // RSS tells what the connections hold, not how much garbage happened to be around.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (message.collect && gc) gc();
  send({ type: 'stats', ...stats() });
});
// The bench going away (IPC closed) ends this instance too: no server outlives a failed run.
process.on('disconnect', () => process.exit(0));
server.listen().then(
  (address) => send({ type: 'listening', port: address.port }),
  (error: unknown) => {
    process.stderr.write(`relay-server: ${String(error)}\n`);
    process.exit(1);
  },
);
