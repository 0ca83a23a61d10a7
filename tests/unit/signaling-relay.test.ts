import { describe, expect, it } from 'vitest';
import { startServer, TestClient, until } from '../helpers/signaling';

/** Three clients: a and b in room-a, c in room-c; all subscriptions processed. */
async function threeClients() {
  const { url, server } = await startServer();
  const [a, b, c] = await Promise.all([
    TestClient.open(url),
    TestClient.open(url),
    TestClient.open(url),
  ]);
  a.subscribe('room-a');
  b.subscribe('room-a');
  c.subscribe('room-c');
  await Promise.all([a.sync(), b.sync(), c.sync()]);
  return { server, a, b, c };
}

describe('signaling relay (y-webrtc wire protocol)', () => {
  it('relays a publish to the other subscribers of its topic, with the subscriber count', async () => {
    const { a, b, c } = await threeClients();
    const data = { type: 'announce', from: 'peer-a' };
    a.publish('room-a', data);

    expect(await b.next()).toEqual({ type: 'publish', topic: 'room-a', data, clients: 2 });
    await a.sync();
    await c.sync();
    expect(a.drain()).toEqual([]); // no echo to the sender
    expect(c.drain()).toEqual([]); // nothing to another topic
  });

  it('relays an encrypted (string) payload and unknown fields as they came', async () => {
    const { a, b } = await threeClients();
    a.send({ type: 'publish', topic: 'room-a', data: 'c2VjcmV0', extra: [1, { x: null }] });
    expect(await b.next()).toEqual({
      type: 'publish',
      topic: 'room-a',
      data: 'c2VjcmV0',
      extra: [1, { x: null }],
      clients: 2,
    });
  });

  it('overwrites a `clients` count the sender made up', async () => {
    const { a, b } = await threeClients();
    a.send({ type: 'publish', topic: 'room-a', data: {}, clients: 999 });
    expect(await b.next()).toMatchObject({ clients: 2 });
  });

  it('reaches every subscriber of a bigger room and counts them', async () => {
    const { url } = await startServer();
    const clients = await Promise.all(Array.from({ length: 5 }, () => TestClient.open(url)));
    for (const client of clients) client.subscribe('big');
    await Promise.all(clients.map((client) => client.sync()));
    const [sender, ...others] = clients;
    sender?.publish('big', 'hello');
    for (const other of others) {
      expect(await other.next()).toEqual({
        type: 'publish',
        topic: 'big',
        data: 'hello',
        clients: 5,
      });
    }
  });

  it('stops relaying after unsubscribe, and forgets the empty topic', async () => {
    const { a, b, server } = await threeClients();
    expect(server.stats().topics).toBe(2);
    b.send({ type: 'unsubscribe', topics: ['room-a'] });
    await b.sync();
    a.publish('room-a', 'after');
    await a.sync();
    await b.sync();
    expect(b.drain()).toEqual([]);

    a.send({ type: 'unsubscribe', topics: ['room-a', 'never-subscribed'] });
    await a.sync();
    expect(server.stats().topics).toBe(1);
  });

  it('counts a subscriber once however often it subscribes', async () => {
    const { a, b } = await threeClients();
    b.subscribe('room-a', 'room-a');
    await b.sync();
    a.publish('room-a', 'x');
    expect(await b.next()).toMatchObject({ clients: 2 });
  });

  it('drops a publish to a topic the sender did not subscribe to', async () => {
    const { b, c } = await threeClients();
    c.publish('room-a', 'intruder');
    await c.sync();
    await b.sync();
    expect(b.drain()).toEqual([]);
    expect(c.isOpen).toBe(true);
  });

  it('answers ping with pong', async () => {
    const { a } = await threeClients();
    a.send({ type: 'ping' });
    expect(await a.next()).toEqual({ type: 'pong' });
  });

  it('ignores a message of an unknown type and stays open', async () => {
    const { a, b } = await threeClients();
    a.send({ type: 'some-future-message', topics: ['room-a'] });
    a.send({ type: 'pong' });
    await a.sync();
    await b.sync();
    expect(a.isOpen).toBe(true);
    expect(b.drain()).toEqual([]);
  });

  it('releases the topics of a client that goes away', async () => {
    const { a, b, c, server } = await threeClients();
    c.socket.close();
    b.socket.close();
    // The server handles a close on its own time: wait for it rather than for the clients.
    await until(() => server.stats().connections === 1);
    expect(server.stats()).toMatchObject({ connections: 1, topics: 1 });
    a.publish('room-a', 'alone');
    await a.sync();
    expect(a.drain()).toEqual([]);
  });
});
