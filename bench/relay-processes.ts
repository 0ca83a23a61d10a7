import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DevicesCommand, DevicesReply } from './relay-devices';
import type { ServerReply, ServerStats } from './relay-server';

/**
 * The processes of the relay benchmark (bench/relay.ts): a throwaway redis-server, server
 * instances (relay-server.ts) and device processes (relay-devices.ts), each a child that dies
 * with the bench. Every wait here has a deadline. The tests' helpers (tests/helpers/redis.ts)
 * do the same under vitest; these need no test runner.
 */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

/** Rejects with `what` after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`bench relay: timed out: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Redis {
  readonly url: string;
  close(): Promise<void>;
}

/** redis-server on a free loopback port, nothing written to disk; resolves once it is ready. */
export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-redis-'));
  // biome-ignore format: one option and its value per line
  const child = spawn('redis-server', [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--dir', dir,
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  // Unlike the tsx children, redis-server has no IPC channel to notice the bench dying.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  const close = async () => {
    process.off('exit', orphaned);
    await stop(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = new Promise<void>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) done();
    });
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}`)));
  });
  await within(ready, 15_000, 'redis-server to start').catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url: `redis://127.0.0.1:${port}`, close };
}

/** Sends `signal` unless the child is gone already; resolves once it is (SIGKILL after 5 s). */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill(signal);
  await within(exited, 5_000, 'a child to exit').catch(() => child.kill('SIGKILL'));
}

/** A child running `file` under tsx with an IPC channel; replies are handed to `listeners`. */
class Child<Reply extends { type: string }> {
  readonly process: ChildProcess;
  private readonly listeners = new Set<(reply: Reply) => void>();
  /** Rejects once the child exits: whatever was still awaited from it will never come. */
  private readonly exited: Promise<never>;

  constructor(file: string, env: Record<string, string> = {}, execArgv: string[] = []) {
    this.process = fork(resolve(file), [], {
      execArgv: ['--import', 'tsx', ...execArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (reply: Reply) => {
      for (const listener of [...this.listeners]) listener(reply);
    });
    this.exited = new Promise<never>((_, fail) => {
      this.process.once('exit', (code) => fail(new Error(`${file} exited with ${code}`)));
    });
    this.exited.catch(() => {});
  }

  on(listener: (reply: Reply) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next reply of `type` (matching `accept`), within `ms`. */
  next<T extends Reply['type']>(
    type: T,
    ms: number,
    accept: (reply: Extract<Reply, { type: T }>) => boolean = () => true,
  ): Promise<Extract<Reply, { type: T }>> {
    let off = () => {};
    const reply = new Promise<Extract<Reply, { type: T }>>((done) => {
      off = this.on((message) => {
        if (message.type === type && accept(message as Extract<Reply, { type: T }>)) {
          done(message as Extract<Reply, { type: T }>);
        }
      });
    });
    return within(Promise.race([reply, this.exited]), ms, `${type} from a child`).finally(off);
  }

  send(message: object): void {
    this.process.send(message);
  }

  close(): Promise<void> {
    return stop(this.process);
  }
}

export class ServerProcess extends Child<ServerReply> {
  port = 0;

  static async start(redisUrl: string, webRoot: string): Promise<ServerProcess> {
    const server = new ServerProcess(
      'bench/relay-server.ts',
      { REDIS_URL: redisUrl, WEB_ROOT: webRoot },
      ['--expose-gc'],
    );
    server.port = (await server.next('listening', 30_000)).port;
    return server;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** With `collect`, after a full garbage collection (for memory, not during the edits). */
  async stats(collect = false): Promise<ServerStats> {
    const reply = this.next('stats', 10_000);
    this.send({ type: 'stats', collect });
    return reply;
  }
}

export class DevicesProcess extends Child<DevicesReply> {
  constructor() {
    super('bench/relay-devices.ts');
  }

  command(command: DevicesCommand): void {
    this.send(command);
  }

  /** Every device leaves cleanly, then the process ends. */
  async leave(): Promise<void> {
    if (this.process.exitCode === null && this.process.connected) {
      const left = this.next('left', 10_000).catch(() => {});
      this.send({ type: 'leave' });
      await left;
    }
    await this.close();
  }
}
