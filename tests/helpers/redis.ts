import { Redis } from 'ioredis';
import { onTestFinished } from 'vitest';
import { type RedisProcess, spawnRedis } from './redis-process';
import { WAIT_MS } from './signaling';

export { freePort, hasRedisServer } from './redis-process';
export type TestRedis = RedisProcess;

/**
 * A throwaway `redis-server` on 127.0.0.1:`port` (redis-process.ts), killed when the test
 * finishes. Resolves once it accepts connections.
 */
export async function startRedis(port: number): Promise<TestRedis> {
  const redis = await spawnRedis(port);
  onTestFinished(() => redis.kill());
  return redis;
}

/** A plain client for looking at Redis from the test; disconnected when the test finishes. */
export function redisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  onTestFinished(() => {
    client.disconnect();
  });
  return client;
}

/** How many instances are subscribed to `channel`, as Redis counts them. */
export async function subscriberCount(client: Redis, channel: string): Promise<number> {
  const reply = (await client.pubsub('NUMSUB', channel)) as [string, number];
  return Number(reply[1]);
}

/** Resolves once `condition` holds, polling every 20 ms; fails after `ms`. */
export async function eventually(condition: () => Promise<boolean>, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
