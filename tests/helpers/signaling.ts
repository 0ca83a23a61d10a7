import { onTestFinished } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import type { SignalingLimits } from '../../signaling/limits';
import { jsonLineLogger, type LogEvent } from '../../signaling/log';
import {
  createSignalingServer,
  type SignalingServer,
  type SignalingServerOptions,
} from '../../signaling/server';

/** Milliseconds any single wait in these tests may take before it fails the test. */
export const WAIT_MS = 2_000;

export interface TestServer {
  readonly server: SignalingServer;
  readonly url: string;
  readonly port: number;
  /** Every event logged, as the logger received it. */
  readonly events: LogEvent[];
  /** Every log line, exactly as the default JSON-lines logger would print it. */
  readonly lines: string[];
}

/**
 * A signaling server on 127.0.0.1 and a free port, logging into arrays, closed when the test
 * finishes. Limits not given keep their defaults.
 */
export async function startServer(
  limits: Partial<SignalingLimits> = {},
  options: Omit<SignalingServerOptions, 'limits' | 'logger' | 'host' | 'port'> = {},
): Promise<TestServer> {
  const events: LogEvent[] = [];
  const lines: string[] = [];
  const print = jsonLineLogger((line) => lines.push(line));
  const server = createSignalingServer({
    ...options,
    host: '127.0.0.1',
    port: 0,
    limits,
    logger: (event) => {
      events.push(event);
      print(event);
    },
  });
  const { port } = await server.listen();
  onTestFinished(() => server.close());
  return { server, url: `ws://127.0.0.1:${port}`, port, events, lines };
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** A raw `ws` client that queues what it receives, so tests can await messages in order. */
export class TestClient {
  readonly closed: Promise<Closed>;
  private readonly inbox: unknown[] = [];
  private waiting: ((message: unknown) => void) | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      const message: unknown = isBinary ? data : JSON.parse(data.toString());
      if (this.waiting) {
        const deliver = this.waiting;
        this.waiting = undefined;
        deliver(message);
      } else {
        this.inbox.push(message);
      }
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Opens a connection and waits until it is open; closed when the test finishes. */
  static async open(url: string, options: ClientOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, options);
    const client = new TestClient(socket);
    onTestFinished(() => socket.terminate());
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  subscribe(...topics: string[]): void {
    this.send({ type: 'subscribe', topics });
  }

  publish(topic: string, data: unknown): void {
    this.send({ type: 'publish', topic, data });
  }

  /** The next message, or a failure after `ms`. */
  next(ms = WAIT_MS): Promise<unknown> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no message within ${ms} ms`));
      }, ms);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  /**
   * Round-trips a ping through the server. Messages are handled in order per connection, so
   * once the pong is back, everything this client sent before has been processed; and relays
   * to *other* clients are written before that pong, so `sync()` on them settles too.
   */
  async sync(): Promise<void> {
    this.send({ type: 'ping' });
    const messages: unknown[] = [];
    for (;;) {
      const message = await this.next();
      if (isPong(message)) break;
      messages.push(message);
    }
    this.inbox.unshift(...messages);
  }

  /** Everything received so far, without waiting. */
  drain(): unknown[] {
    return this.inbox.splice(0);
  }

  /** Waits for the close, failing after `ms`. */
  closedWithin(ms = WAIT_MS): Promise<Closed> {
    return within(this.closed, ms, 'the connection did not close');
  }
}

export function isPong(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message
    ? message.type === 'pong'
    : false;
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The HTTP status a refused upgrade was answered with. */
export function upgradeStatus(url: string, options: ClientOptions = {}): Promise<number> {
  return within(
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      socket.on('unexpected-response', (_, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => {
        socket.terminate();
        reject(new Error('the upgrade was accepted'));
      });
      socket.on('error', () => {});
    }),
    WAIT_MS,
    'no HTTP answer to the upgrade',
  );
}

/** Resolves once `condition` holds, polling every 10 ms; fails after `ms`. */
export async function until(condition: () => boolean, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
