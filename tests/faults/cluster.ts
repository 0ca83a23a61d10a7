import { createSignalingServer, type SignalingServer } from '../../signaling/server';
import { freePort, killAllRedis, type RedisProcess, spawnRedis } from '../helpers/redis-process';

export { hasRedisServer } from '../helpers/redis-process';

/**
 * What the fault suite runs on: a real `redis-server` (tests/helpers/redis-process.ts) and
 * server instances sharing it, all on 127.0.0.1, behind a pretend load balancer. The test
 * helpers (signaling.ts) tie cleanup to vitest's `onTestFinished`; the suite also runs from the
 * command line (cli.ts), so here every process is owned by the cluster and ended by `stop()`.
 */

/**
 * Kills every redis-server still running, synchronously: for a CLI interrupted mid-run, which
 * cannot await the cluster's `stop()` but must not leave Redis behind.
 */
export const killSpawnedRedis = killAllRedis;

/** Milliseconds every instance may take to reach a (re)started Redis. */
const BUS_READY_MS = 30_000;

export interface Instance {
  readonly server: SignalingServer;
  readonly url: string;
}

export interface Cluster {
  /**
   * The base URL a socket of a device preferring `slot` is sent to: that slot's instance while
   * it is up, else another that is, as a balancer that health-checks its backends would.
   */
  route(slot: number): string;
  readonly slots: number;
  /** Closes the instance in `slot` (its connections get 1001) and keeps it out of `route`. */
  closeInstance(slot: number): Promise<void>;
  /** Starts a fresh instance (a new process would get a new port) in `slot`, Redis reached. */
  startInstance(slot: number): Promise<void>;
  /** SIGKILLs Redis and waits until it is gone. */
  killRedis(): Promise<void>;
  /**
   * Starts Redis again on the same port; resolves once it accepts connections. The instances
   * reconnect on their own (ioredis' backoff): that is part of the room's recovery.
   */
  restartRedis(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(slots = 2): Promise<Cluster> {
  const port = await freePort();
  const redisUrl = `redis://127.0.0.1:${port}`;
  let redis: RedisProcess | null = await spawnRedis(port);
  const instances: (Instance | null)[] = new Array(slots).fill(null);

  const reached = () =>
    waitFor(
      () => instances.every((i) => i === null || i.server.stats().bus === 'ready'),
      'every instance reaches Redis',
      BUS_READY_MS,
    );

  async function startInstance(slot: number): Promise<void> {
    const server = createSignalingServer({
      host: '127.0.0.1',
      port: 0,
      redisUrl,
      logger: () => {}, // the suite's table is its output; the logs hold nothing it needs
    });
    const { port: listening } = await server.listen();
    instances[slot] = { server, url: `ws://127.0.0.1:${listening}` };
    await reached();
  }

  async function closeInstance(slot: number): Promise<void> {
    const instance = instances[slot];
    instances[slot] = null;
    await instance?.server.close();
  }

  try {
    for (let slot = 0; slot < slots; slot++) await startInstance(slot);
  } catch (error) {
    for (let slot = 0; slot < slots; slot++) await closeInstance(slot);
    await redis.kill();
    throw error;
  }

  return {
    slots,
    route(slot) {
      const up = instances[slot] ?? instances.find((i) => i !== null);
      // Every instance down: a refused connection, which the device retries with backoff.
      return up?.url ?? 'ws://127.0.0.1:1';
    },
    closeInstance,
    startInstance,
    async killRedis() {
      if (redis) await redis.kill();
      redis = null;
    },
    async restartRedis() {
      redis ??= await spawnRedis(port);
    },
    async stop() {
      for (let slot = 0; slot < slots; slot++) await closeInstance(slot);
      if (redis) await redis.kill();
      redis = null;
    },
  };
}

/** Resolves once `done()` holds, polling every 20 ms; fails after `ms` naming `what`. */
export async function waitFor(done: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`never happened within ${ms} ms: ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `promise`, or a rejection naming `what` after `ms`: no step of the suite may hang it. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
