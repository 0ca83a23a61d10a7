import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { onTestFinished } from 'vitest';
import { WAIT_MS, within } from './signaling';

/** Whether Debian's `redis-server` is installed (.ci/run installs it). */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A free TCP port on 127.0.0.1, so a restarted Redis can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

export interface TestRedis {
  readonly url: string;
  /** Kills Redis at once (SIGKILL), as a crash would, and waits for it to be gone. */
  kill(): Promise<void>;
  /** Freezes Redis (SIGSTOP): connections stay open, nothing is answered; a hung Redis. */
  pause(): void;
  resume(): void;
}

/**
 * A throwaway `redis-server` on 127.0.0.1:`port`: nothing written to disk (TESTING.md), killed
 * when the test finishes. Resolves once it accepts connections.
 */
export async function startRedis(port: number): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-redis-'));
  const child = spawn(
    'redis-server',
    // biome-ignore format: one option and its value per line
    [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--dir', dir,
      '--loglevel', 'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    // SIGKILL also ends a paused (SIGSTOPped) process.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  onTestFinished(async () => {
    await kill();
    rmSync(dir, { recursive: true, force: true });
  });
  await within(ready(child), WAIT_MS, 'redis-server did not start');
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
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
