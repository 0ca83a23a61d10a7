import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway `redis-server` on 127.0.0.1, for the tests (redis.ts), the fault suite
 * (tests/faults/cluster.ts) and the relay bench (bench/relay-processes.ts): nothing written to
 * disk (../shared/TESTING.md; a restart comes back empty, as pub/sub has nothing to keep), and
 * no vitest import, so a command-line run can use it. Whoever starts one kills it.
 */
export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** Kills Redis at once (SIGKILL), as a crash would, and waits for it to be gone. */
  kill(): Promise<void>;
  /** Freezes Redis (SIGSTOP): connections stay open, nothing is answered; a hung Redis. */
  pause(): void;
  resume(): void;
}

/** Milliseconds redis-server may take to accept connections. */
const READY_MS = 10_000;
/** Every redis-server started here and still running, for `killAllRedis`. */
const running = new Set<ChildProcess>();

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

/** Starts redis-server on `port`; resolves once it accepts connections. */
export async function spawnRedis(port: number): Promise<RedisProcess> {
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
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const kill = async () => {
    // SIGKILL also ends a paused (SIGSTOPped) process.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready(child);
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

/**
 * Kills every redis-server started here, synchronously: for a process that is exiting or was
 * interrupted, which cannot await `kill()` but must not leave Redis behind.
 */
export function killAllRedis(): void {
  for (const child of running) child.kill('SIGKILL');
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), READY_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
}
