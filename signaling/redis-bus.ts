import { createHash, randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BusDelivery, BusState, TopicBus } from './bus';
import { type BusDropReason, errorCode, type Logger } from './log';

/**
 * The topic bus over Redis pub/sub, so instances behind one load balancer share topics.
 *
 * - One Redis channel per live topic per instance, on a connection of its own (subscriber
 *   mode), plus one connection to publish on. Channel names are a hash of the topic
 *   (`kring:t:<sha256>`), so `PUBSUB CHANNELS` or `MONITOR` show no room names; the payload
 *   carries no topic either (protocol.ts leaves it out).
 * - Each message starts with a version byte and this instance's random id: an instance drops
 *   its own echo, which it has already delivered locally.
 * - Redis down or restarting: the instance keeps serving its own subscribers. We keep the set
 *   of live topics ourselves and subscribe all of them again on every `ready`, instead of
 *   ioredis' autoResubscribe: that one only knows channels whose SUBSCRIBE Redis confirmed, so
 *   a topic joined during the outage would be lost and one left during it would come back.
 *   Publishes during the gap are lost (y-webrtc announces again; the sync layer repairs).
 * - Bounded: no offline queue (a command while disconnected fails at once), no resending of
 *   unanswered commands, at most `maxBacklogBytes` of publishes waiting for Redis' reply, and
 *   nothing larger than `maxPayloadBytes` is sent. Over a bound, publishes are dropped and
 *   counted in a `bus-dropped` log line.
 */
export interface RedisBusOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. Never logged. */
  readonly url: string;
  readonly logger: Logger;
  readonly deliver: BusDelivery;
  /** Largest payload to carry, in bytes: the server's frame limit (per topic when a function:
   *  y-webrtc's topics and the relay's rooms have limits of their own). */
  readonly maxPayloadBytes: number | ((topic: string) => number);
  /** Bytes of publishes sent to Redis and not yet answered; default 4 MiB. */
  readonly maxBacklogBytes?: number;
  /** Milliseconds between `bus-dropped` lines (while there is anything to report). */
  readonly dropReportMs?: number;
}

export const CHANNEL_PREFIX = 'kring:t:';
const VERSION = 1;
const INSTANCE_ID_BYTES = 16;
const HEADER_BYTES = 1 + INSTANCE_ID_BYTES;
const DEFAULT_MAX_BACKLOG_BYTES = 4 * 1024 * 1024;
const DEFAULT_DROP_REPORT_MS = 10_000;
/** Channels per SUBSCRIBE when resubscribing everything, so one command stays small. */
const SUBSCRIBE_BATCH = 500;
/** Milliseconds without a reply, while one is awaited, before the publish connection counts
 *  as dead (a hung Redis would otherwise hold the backlog full forever). */
const PUBLISH_SOCKET_TIMEOUT_MS = 5_000;

/** The Redis channel of `topic`. Exported for tests, which look at Redis itself. */
export function channelFor(topic: string): string {
  return CHANNEL_PREFIX + createHash('sha256').update(topic, 'utf8').digest('base64url');
}

export function createRedisBus(options: RedisBusOptions): TopicBus {
  const { logger, deliver, maxPayloadBytes } = options;
  const maxBacklogBytes = options.maxBacklogBytes ?? DEFAULT_MAX_BACKLOG_BYTES;
  const instanceId = randomBytes(INSTANCE_ID_BYTES);
  /** Live topics and their channels, both ways; the truth that every `ready` restores. */
  const channelOf = new Map<string, string>();
  const topicOf = new Map<string, string>();
  const dropped = new Map<BusDropReason, number>();
  let backlogBytes = 0;
  let up = false;
  let downCode: string | undefined;
  let closed = false;

  const sub = new Redis(options.url, connectionOptions('kring-signaling-sub'));
  const pub = new Redis(options.url, {
    ...connectionOptions('kring-signaling-pub'),
    socketTimeout: PUBLISH_SOCKET_TIMEOUT_MS,
  });

  for (const client of [sub, pub]) {
    // Without an error listener ioredis prints every reconnect failure with its message.
    client.on('error', (error: unknown) => {
      downCode ??= errorCode(error);
    });
    client.on('ready', updateState);
    client.on('close', updateState);
  }
  sub.on('ready', resubscribeAll);
  sub.on('messageBuffer', (channel: Buffer, message: Buffer) => receive(channel, message));

  const reportTimer = setInterval(reportDrops, options.dropReportMs ?? DEFAULT_DROP_REPORT_MS);
  reportTimer.unref();

  function updateState(): void {
    if (closed) return;
    const nowUp = sub.status === 'ready' && pub.status === 'ready';
    if (nowUp === up) return;
    up = nowUp;
    if (up) {
      downCode = undefined;
      logger({ event: 'bus-ready', bus: 'redis', topics: channelOf.size });
    } else {
      logger({ event: 'bus-down', bus: 'redis', code: downCode ?? 'CONNECTION_CLOSED' });
    }
  }

  /** A new connection has no subscriptions: give it every live topic. */
  function resubscribeAll(): void {
    const channels = [...channelOf.values()];
    for (let start = 0; start < channels.length; start += SUBSCRIBE_BATCH) {
      sub.subscribe(...channels.slice(start, start + SUBSCRIBE_BATCH)).catch(ignore);
    }
  }

  function receive(channelBytes: Buffer, message: Buffer): void {
    const topic = topicOf.get(channelBytes.toString('utf8'));
    if (topic === undefined) return; // left since: the UNSUBSCRIBE was still on its way
    if (message.length < HEADER_BYTES || message[0] !== VERSION) {
      drop('malformed');
      return;
    }
    if (message.subarray(1, HEADER_BYTES).equals(instanceId)) return; // our own echo
    deliver(topic, message.subarray(HEADER_BYTES));
  }

  function drop(reason: BusDropReason): void {
    dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
  }

  function reportDrops(): void {
    for (const [reason, count] of dropped) logger({ event: 'bus-dropped', reason, count });
    dropped.clear();
  }

  return {
    join(topic) {
      if (closed || channelOf.has(topic)) return;
      const channel = channelFor(topic);
      channelOf.set(topic, channel);
      topicOf.set(channel, topic);
      // Not ready: the next `ready` subscribes it with all the others.
      if (sub.status === 'ready') sub.subscribe(channel).catch(ignore);
    },

    leave(topic) {
      const channel = channelOf.get(topic);
      if (channel === undefined) return;
      channelOf.delete(topic);
      topicOf.delete(channel);
      // Not ready: the subscription went with the old connection.
      if (sub.status === 'ready') sub.unsubscribe(channel).catch(ignore);
    },

    publish(topic, payload) {
      if (closed) return;
      const max = typeof maxPayloadBytes === 'number' ? maxPayloadBytes : maxPayloadBytes(topic);
      if (payload.length > max) return drop('too-large');
      if (pub.status !== 'ready') return drop('bus-down');
      const size = HEADER_BYTES + payload.length;
      if (backlogBytes + size > maxBacklogBytes) return drop('backlog-full');
      const message = Buffer.allocUnsafe(size);
      message[0] = VERSION;
      instanceId.copy(message, 1);
      message.set(payload, HEADER_BYTES);
      backlogBytes += size;
      pub
        .publish(channelOf.get(topic) ?? channelFor(topic), message)
        .catch(() => drop('bus-down'))
        .finally(() => {
          backlogBytes -= size;
        });
    },

    state(): BusState {
      return up ? 'ready' : 'down';
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(reportTimer);
      reportDrops();
      channelOf.clear();
      topicOf.clear();
      // disconnect, not quit: quit waits for a Redis that may be the reason we are stopping.
      sub.disconnect();
      pub.disconnect();
    },
  };
}

/** Options shared by both connections; see the bounds in the comment above. */
function connectionOptions(connectionName: string): RedisOptions {
  return {
    connectionName,
    enableOfflineQueue: false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    // Reconnect forever, at most every 2 s, jittered so instances do not reconnect in step
    // when Redis comes back.
    retryStrategy: (times) => Math.min(times * 100, 2_000) + Math.floor(Math.random() * 250),
  };
}

function ignore(): void {}
