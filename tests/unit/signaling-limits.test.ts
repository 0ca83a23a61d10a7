import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../signaling/log';
import { startServer, TestClient, until, upgradeStatus } from '../helpers/signaling';

/** The reason logged for the connection that closed with `connection` number `id`. */
function closeReason(events: readonly LogEvent[], id: number): string | undefined {
  for (const event of events) {
    if (event.event === 'connection-closed' && event.connection === id) return event.reason;
  }
  return undefined;
}

function isStillHere(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'data' in message
    ? message.data === 'still here'
    : false;
}

/** Two clients in 'room' that must keep talking while a third misbehaves. */
async function bystanders(url: string) {
  const [b, c] = await Promise.all([TestClient.open(url), TestClient.open(url)]);
  b.subscribe('room');
  c.subscribe('room');
  await Promise.all([b.sync(), c.sync()]);
  return {
    /** b's publish reaches c (after whatever the misbehaving client got relayed to c). */
    async stillTalk(clients = 2) {
      b.publish('room', 'still here');
      const expected = { type: 'publish', topic: 'room', data: 'still here', clients };
      let message = await c.next();
      for (let skipped = 0; skipped < 1_000 && !isStillHere(message); skipped += 1) {
        message = await c.next();
      }
      expect(message).toEqual(expected);
    },
  };
}

describe('signaling limits', () => {
  it('closes with 1009 a client whose frame is too big, and serves the others on', async () => {
    const { url, events } = await startServer({ maxFrameBytes: 1024, byteBurst: 1024 });
    const room = await bystanders(url);
    const big = await TestClient.open(url); // connection 3
    big.subscribe('room');
    big.publish('room', 'x'.repeat(900)); // under the limit: relayed
    await big.sync();
    big.publish('room', 'x'.repeat(1100));

    expect(await big.closedWithin()).toMatchObject({ code: 1009 });
    await until(() => closeReason(events, 3) !== undefined);
    expect(closeReason(events, 3)).toBe('frame-too-large');
    await room.stillTalk();
  });

  it('disconnects a client over the topic limit (1008), counting distinct topics', async () => {
    const { url, events } = await startServer({ maxTopicsPerConnection: 3 });
    const client = await TestClient.open(url);
    client.subscribe('t1', 't1', 't2', 't2');
    client.subscribe('t3', 't1');
    await client.sync();
    expect(client.isOpen).toBe(true);

    client.subscribe('t4');
    expect(await client.closedWithin()).toEqual({ code: 1008, reason: 'too-many-topics' });
    await until(() => closeReason(events, 1) === 'too-many-topics');
  });

  it('refuses a subscription to a full topic without closing the client', async () => {
    const { url, events } = await startServer({ maxSubscribersPerTopic: 2 });
    const room = await bystanders(url);
    const late = await TestClient.open(url); // connection 3
    late.subscribe('room', 'other');
    await late.sync();
    expect(late.isOpen).toBe(true);
    expect(events).toContainEqual({
      event: 'subscription-refused',
      connection: 3,
      reason: 'topic-full',
      count: 1,
    });
    late.publish('room', 'not a member'); // dropped: it holds no subscription to 'room'
    await late.sync();
    await room.stillTalk(2);
  });

  it('answers a connection over the per-address limit with HTTP 429, until one closes', async () => {
    const { url, events, server } = await startServer({ maxConnectionsPerAddress: 2 });
    const first = await TestClient.open(url);
    await TestClient.open(url);
    expect(await upgradeStatus(url)).toBe(429);
    expect(events).toContainEqual(
      expect.objectContaining({
        event: 'connection-refused',
        reason: 'too-many-connections-per-address',
        status: 429,
      }),
    );

    first.socket.close();
    // The slot is free once the server saw the socket close (it counts before ws does).
    await until(() => server.stats().connections === 1);
    expect((await TestClient.open(url)).isOpen).toBe(true);
  });

  it('answers 503 when the server holds its maximum of connections', async () => {
    const { url } = await startServer({ maxConnections: 1 });
    await TestClient.open(url);
    expect(await upgradeStatus(url)).toBe(503);
  });

  it('disconnects a flooding client (1008) while the others still get their messages', async () => {
    const { url, events } = await startServer({ messageBurst: 20, messagesPerSecond: 5 });
    const room = await bystanders(url);
    const flooder = await TestClient.open(url); // connection 3
    flooder.subscribe('room');
    for (let i = 0; i < 200; i += 1) {
      if (!flooder.isOpen) break;
      flooder.publish('room', `flood ${i}`);
    }
    expect(await flooder.closedWithin()).toEqual({ code: 1008, reason: 'rate-limit' });
    await until(() => closeReason(events, 3) !== undefined);
    expect(closeReason(events, 3)).toBe('rate-limit');
    // The bystanders got at most the burst, then the room is theirs again, with 2 members.
    await room.stillTalk(2);
  });

  it('allows a burst, then the sustained rate, then refuses (clock under test control)', async () => {
    let clock = 0;
    const { url } = await startServer(
      { messageBurst: 3, messagesPerSecond: 1 },
      { now: () => clock },
    );
    const client = await TestClient.open(url);
    await client.sync();
    await client.sync();
    await client.sync(); // the burst is used up
    clock += 1_000; // one second refills one message
    await client.sync();
    expect(client.isOpen).toBe(true);

    client.send({ type: 'ping' });
    expect(await client.closedWithin()).toEqual({ code: 1008, reason: 'rate-limit' });
  });

  it('disconnects a client over the byte rate', async () => {
    const { url } = await startServer({
      maxFrameBytes: 2_048,
      byteBurst: 4_096,
      bytesPerSecond: 1,
    });
    const client = await TestClient.open(url);
    client.subscribe('room');
    client.publish('room', 'x'.repeat(1_500));
    client.publish('room', 'x'.repeat(1_500));
    await client.sync();
    client.publish('room', 'x'.repeat(1_500));
    expect(await client.closedWithin()).toEqual({ code: 1008, reason: 'byte-rate-limit' });
  });

  it('closes an idle connection (1000) but keeps one that pings', async () => {
    const { url, events } = await startServer({ heartbeatIntervalMs: 20, idleTimeoutMs: 300 });
    const idle = await TestClient.open(url);
    const talking = await TestClient.open(url);
    const closed = idle.closedWithin();
    for (let i = 0; i < 40 && idle.isOpen; i += 1) {
      await talking.sync();
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(await closed).toEqual({ code: 1000, reason: 'idle-timeout' });
    expect(talking.isOpen).toBe(true);
    await until(() => closeReason(events, 1) === 'idle-timeout');
  });

  it('terminates a connection that stops answering WebSocket pings', async () => {
    const { url, events } = await startServer({ heartbeatIntervalMs: 20, idleTimeoutMs: 60_000 });
    const deaf = await TestClient.open(url, { autoPong: false });
    const closed = deaf.closedWithin();
    // It still sends messages, so only the heartbeat can find it dead.
    for (let i = 0; i < 40 && deaf.isOpen; i += 1) {
      deaf.send({ type: 'ping' });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await closed).code).toBe(1006); // no close frame: the socket is cut
    await until(() => closeReason(events, 1) === 'heartbeat-timeout');
  });

  it('drops a receiver that does not read while the sender goes on', async () => {
    const frame = 'x'.repeat(60 * 1024);
    const { url, events } = await startServer({
      maxBufferedBytes: 256 * 1024,
      messageBurst: 10_000,
      byteBurst: 1024 * 1024 * 1024,
    });
    const [sender, stuck] = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    sender.subscribe('room');
    stuck.subscribe('room');
    await Promise.all([sender.sync(), stuck.sync()]);
    stuck.socket.pause(); // stop reading: the kernel buffers fill, then the server's queue

    // Bounded: at most 50 MiB over loopback, in rounds that let the server drain its input.
    for (let round = 0; round < 100 && closeReason(events, 2) === undefined; round += 1) {
      for (let i = 0; i < 8; i += 1) sender.publish('room', frame);
      await sender.sync();
    }
    expect(closeReason(events, 2)).toBe('send-buffer-full');
    expect(sender.isOpen).toBe(true);
  });
});
