import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { resolveLimits } from '../../signaling/limits';
import { createSignalingServer } from '../../signaling/server';
import { startServer, TestClient, until, WAIT_MS, within } from '../helpers/signaling';

describe('signaling HTTP endpoints', () => {
  it('GET /health answers 200 with connections, topics, uptime and the bus', async () => {
    const { url, port } = await startServer();
    const [a, b] = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    a.subscribe('one', 'two');
    b.subscribe('two');
    await Promise.all([a.sync(), b.sync()]);

    const response = await fetch(`http://127.0.0.1:${port}/health?probe=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      status: 'ok',
      connections: 2,
      topics: 2,
      uptimeSeconds: expect.any(Number),
      bus: 'local',
    });
  });

  it('HEAD /health answers 200 without a body; other methods 405', async () => {
    const { port } = await startServer();
    const head = await fetch(`http://127.0.0.1:${port}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`http://127.0.0.1:${port}/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each(['/', '/healthz', '/health/', '/health/x', '/index.html', '/%'])(
    'GET %s answers 404',
    async (path) => {
      const { port } = await startServer();
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(response.status).toBe(404);
    },
  );

  it('counts uptime from listen in whole seconds', async () => {
    let clock = 5_000;
    const { port } = await startServer({}, { now: () => clock });
    clock += 2_999;
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await response.json()).toMatchObject({ uptimeSeconds: 2 });
  });
});

describe('signaling server lifecycle', () => {
  it('close() ends every socket with 1001 and stops listening', async () => {
    const { url, server, events } = await startServer();
    const clients = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    clients[0]?.subscribe('room');
    await clients[0]?.sync();

    await within(server.close(), WAIT_MS, 'close() did not finish');
    for (const client of clients) {
      expect(await client.closedWithin()).toEqual({ code: 1001, reason: 'server-shutdown' });
    }
    expect(server.stats()).toMatchObject({ connections: 0, topics: 0 });
    expect(events.at(-1)).toEqual({ event: 'stopped' });

    const refused = new WebSocket(url);
    const error = await new Promise<Error>((resolve) => refused.on('error', resolve));
    expect(error.message).toMatch(/ECONNREFUSED/);
    await server.close(); // a second close is harmless
  });

  it('close() terminates a client that never answers the close frame', async () => {
    const { url, server } = await startServer({ closeGraceMs: 100 });
    const deaf = await TestClient.open(url);
    deaf.socket.pause(); // it will not read the close frame, so it cannot answer it
    const started = Date.now();
    await within(server.close(), WAIT_MS, 'close() did not finish');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    deaf.socket.resume();
    // 1001 if it still reads the close frame before the cut, 1006 if not: closed either way.
    expect([1001, 1006]).toContain((await deaf.closedWithin()).code);
  });

  it('close() before listen() resolves', async () => {
    const server = createSignalingServer({ logger: () => {} });
    await within(server.close(), WAIT_MS, 'close() did not finish');
  });

  it('listen() rejects on a port in use and logs only the error code', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const events: unknown[] = [];
    const server = createSignalingServer({ port, logger: (event) => events.push(event) });
    await expect(server.listen()).rejects.toThrow(/EADDRINUSE/);
    expect(events).toEqual([{ event: 'error', where: 'listen', code: 'EADDRINUSE' }]);
    await server.close();
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('listen() twice rejects', async () => {
    const { server } = await startServer();
    await expect(server.listen()).rejects.toThrow(/twice/);
  });

  it('binds to loopback by default', async () => {
    const server = createSignalingServer({ port: 0, logger: () => {} });
    const address = await server.listen();
    expect(address.address).toBe('127.0.0.1');
    await server.close();
  });

  it('refuses a connection that arrives while it closes', async () => {
    const { url, server } = await startServer({ closeGraceMs: 200 });
    const deaf = await TestClient.open(url);
    deaf.socket.pause(); // keeps close() busy for the grace period
    const closing = server.close();
    const late = new WebSocket(url);
    const outcome = await new Promise<string>((resolve) => {
      late.on('unexpected-response', (_, response) => resolve(`status ${response.statusCode}`));
      late.on('error', (error) => resolve(error.message));
      late.on('open', () => resolve('open'));
    });
    expect(outcome).not.toBe('open');
    late.terminate();
    await closing;
  });
});

describe('signaling limits configuration', () => {
  it('rejects limits that could never work', () => {
    expect(() => resolveLimits({ messagesPerSecond: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ maxFrameBytes: Number.NaN })).toThrow(RangeError);
    expect(() => resolveLimits({ maxFrameBytes: 2_048, byteBurst: 1_024 })).toThrow(RangeError);
    expect(resolveLimits({ maxTopicsPerConnection: 1 }).maxTopicsPerConnection).toBe(1);
  });
});

describe('signaling stats', () => {
  it('follows connections and topics', async () => {
    const { url, server } = await startServer();
    expect(server.stats()).toMatchObject({ connections: 0, topics: 0 });
    const client = await TestClient.open(url);
    client.subscribe('a', 'b', 'c');
    await client.sync();
    expect(server.stats()).toMatchObject({ connections: 1, topics: 3 });
    client.socket.close();
    await until(() => server.stats().connections === 0);
    expect(server.stats().topics).toBe(0);
  });
});
