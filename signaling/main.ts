/**
 * `npm run signaling`: starts the signaling server from environment variables.
 *
 *   HOST           interface to bind; default 127.0.0.1 (y-webrtc's bundled server binds all
 *                  interfaces, TESTING.md). Use 0.0.0.0 or :: deliberately, or a reverse proxy.
 *   PORT           default 4444; 0 picks a free port (the `listening` line says which).
 *   TRUST_PROXY=1  behind one reverse proxy: count clients by X-Forwarded-For (address.ts).
 *   LOG_ADDRESSES=plain  log client addresses in clear instead of keyed hashes, e.g. while
 *                  handling abuse that must be blocked by address.
 *   WEB_ROOT       folder of the participants' web app, served on every path but /health;
 *                  default this repository's .output/web (`npm run build:web` writes it).
 *                  If it is missing, the server logs `web-root-missing` and still signals.
 *   REDIS_URL      redis://[user:password@]host:port[/db] (rediss:// for TLS): share topics
 *                  with the other instances using the same Redis, behind one load balancer.
 *                  Unset: this instance works alone. Never logged (it may hold a password).
 *
 * SIGTERM or SIGINT closes every connection and exits 0; a second signal exits at once.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashedAddressLabeler, plainAddressLabeler } from './address';
import { jsonLineLogger } from './log';
import { createSignalingServer } from './server';

/** Milliseconds a shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const logger = jsonLineLogger();
const host = process.env.HOST || '127.0.0.1';
const portText = process.env.PORT || '4444';
const port = Number(portText);
// From this file, not the working directory, so a process manager may start it anywhere.
const webRoot = resolve(
  process.env.WEB_ROOT || fileURLToPath(new URL('../.output/web', import.meta.url)),
);

if (!/^\d{1,5}$/.test(portText) || port > 65_535) {
  process.stderr.write(`PORT must be a number from 0 to 65535, got ${JSON.stringify(portText)}\n`);
  process.exit(2);
}

const server = createSignalingServer({
  host,
  port,
  logger,
  webRoot,
  redisUrl: process.env.REDIS_URL || undefined,
  trustProxy: process.env.TRUST_PROXY === '1',
  labelAddress:
    process.env.LOG_ADDRESSES === 'plain' ? plainAddressLabeler : hashedAddressLabeler(),
});

let stopping = false;
function stop(): void {
  if (stopping) process.exit(1);
  stopping = true;
  setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen().catch(() => {
  // The server has logged the error code (e.g. EADDRINUSE).
  process.exit(1);
});
