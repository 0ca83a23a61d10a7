import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, killAllRedis, spawnRedis } from '../tests/helpers/redis-process';
import type { DevicesCommand, DevicesReply } from './relay-devices';
import type { ServerReply, ServerStats } from './relay-server';

/**
 * The processes of the relay benchmark (bench/relay.ts): a throwaway redis-server, server
 * instances (relay-server.ts) and device processes (relay-devices.ts), each a child that dies
 * with the bench. Every wait here has a deadline; no test runner is needed.
 */
export { hasRedisServer } from '../tests/helpers/redis-process';

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

/** redis-server on a free loopback port (tests/helpers/redis-process.ts), gone with the bench. */
export async function startRedis(): Promise<Redis> {
  const redis = await spawnRedis(await freePort());
  // Unlike the tsx children, redis-server has no IPC channel to notice the bench dying.
  process.once('exit', killAllRedis);
  return {
    url: redis.url,
    close: async () => {
      process.off('exit', killAllRedis);
      await redis.kill();
    },
  };
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
