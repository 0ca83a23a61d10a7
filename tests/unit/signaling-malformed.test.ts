import { describe, expect, it } from 'vitest';
import { startServer, TestClient, until } from '../helpers/signaling';

/**
 * Policy (signaling/connection.ts): what a stock y-webrtc client never sends ends that
 * connection with a close code; unknown message types are ignored; the server serves on.
 */
describe('signaling with malformed frames', () => {
  async function expectClosedAndServerFine(
    send: (client: TestClient) => void,
    expected: { code: number; reason?: string },
  ) {
    const { url, server } = await startServer();
    const bad = await TestClient.open(url);
    send(bad);
    expect(await bad.closedWithin()).toMatchObject(expected);
    const good = await TestClient.open(url);
    good.send({ type: 'ping' });
    expect(await good.next()).toEqual({ type: 'pong' });
    await until(() => server.stats().connections === 1);
  }

  it.each([
    ['not JSON', '{"type":"publish",'],
    ['an empty frame', ''],
    ['a bare word', 'ping'],
  ])('%s → 1007 invalid-json', async (_, text) => {
    await expectClosedAndServerFine((client) => client.socket.send(text), {
      code: 1007,
      reason: 'invalid-json',
    });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'subscribe'],
    ['an array', [{ type: 'ping' }]],
    ['an object without type', { topics: ['a'] }],
    ['a type that is not a string', { type: 7 }],
    ['subscribe without topics', { type: 'subscribe' }],
    ['subscribe with a string for topics', { type: 'subscribe', topics: 'room' }],
    ['subscribe with a number among topics', { type: 'subscribe', topics: ['room', 3] }],
    ['subscribe to an empty topic name', { type: 'subscribe', topics: [''] }],
    ['subscribe to an over-long topic name', { type: 'subscribe', topics: ['t'.repeat(257)] }],
    ['unsubscribe with an object for topics', { type: 'unsubscribe', topics: { 0: 'room' } }],
    ['publish without topic', { type: 'publish', data: 'x' }],
    ['publish with an object for topic', { type: 'publish', topic: { toString: 'x' } }],
  ])('%s → 1007 invalid-message', async (_, message) => {
    await expectClosedAndServerFine((client) => client.send(message), {
      code: 1007,
      reason: 'invalid-message',
    });
  });

  it('a binary frame → 1003', async () => {
    await expectClosedAndServerFine(
      (client) => client.socket.send(Buffer.from(JSON.stringify({ type: 'ping' }))),
      { code: 1003, reason: 'binary-frame' },
    );
  });

  it('a text frame that is not UTF-8 → 1007 (ws checks it)', async () => {
    await expectClosedAndServerFine(
      (client) => client.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
      { code: 1007 },
    );
  });

  it('a publish nested too deep to serialise again → 1007, not a crash', async () => {
    const depth = 30_000; // JSON.parse copes; JSON.stringify overflows the stack near 5,000
    const text = `{"type":"publish","topic":"room","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    await expectClosedAndServerFine(
      (client) => {
        client.subscribe('room');
        client.socket.send(text);
      },
      { code: 1007, reason: 'invalid-message' },
    );
  });

  it('survives a burst of garbage from many clients at once', async () => {
    const { url, server } = await startServer();
    const garbage: readonly (string | Buffer)[] = [
      'x',
      '[]',
      '{"type":"subscribe","topics":[null]}',
      Buffer.from([0, 1, 2]),
      '{"type":"publish","topic":"room","data":',
    ];
    const clients = await Promise.all(garbage.map(() => TestClient.open(url)));
    clients.forEach((client, i) => {
      client.socket.send(garbage[i] ?? '');
    });
    await Promise.all(clients.map((client) => client.closedWithin()));
    const good = await TestClient.open(url);
    await good.sync();
    expect(server.stats()).toMatchObject({ topics: 0 });
  });
});
