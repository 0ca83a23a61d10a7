import { describe, expect, it, onTestFinished } from 'vitest';
import type { LogEvent } from '../../signaling/log';
import { channelFor, createRedisBus } from '../../signaling/redis-bus';
import {
  eventually,
  freePort,
  hasRedisServer,
  redisClient,
  startRedis,
  subscriberCount,
} from '../helpers/redis';
import { TestClient as Client, startServer, type TestClient, until } from '../helpers/signaling';
import { START_MS, startMain } from '../helpers/signaling-main';

/**
 * Scale-out: two signaling instances share topics through a real `redis-server` (Debian's,
 * started per test on a free loopback port), with plain `ws` clients speaking y-webrtc's
 * protocol. Skipped where redis-server is missing, except in CI, which must install it.
 */
const available = hasRedisServer();
if (!available && process.env.CI) {
  throw new Error('redis-server is not installed; .ci/run installs it from Debian');
}
if (!available) {
  console.warn(
    'signaling-redis: redis-server is not installed, skipping (apt install redis-server)',
  );
}

/** Milliseconds per test: Redis and the servers start in well under a second each here. */
const TEST_MS = 15_000;
const TOPIC = 'secret-room-name';

async function twoInstances() {
  const redis = await startRedis(await freePort());
  const one = await startServer({}, { redisUrl: redis.url });
  const two = await startServer({}, { redisUrl: redis.url });
  await until(() => one.server.stats().bus === 'ready' && two.server.stats().bus === 'ready');
  return { redis, one, two, inspect: redisClient(redis.url) };
}

/** Opens a client on `url` subscribed to `topic`, its subscription processed. */
async function member(url: string, topic = TOPIC): Promise<TestClient> {
  const client = await Client.open(url);
  client.subscribe(topic);
  await client.sync();
  return client;
}

/** The `data` of every publish `client` receives, up to and including `last`. */
async function receivedUntil(client: TestClient, last: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (;;) {
    const message = (await client.next()) as { data?: unknown };
    seen.push(message.data);
    if (message.data === last) return seen;
  }
}

describe.skipIf(!available)('signaling scale-out over Redis', () => {
  it(
    'delivers across instances exactly once, never echoes, and hides the topic from Redis',
    async () => {
      const { one, two, inspect } = await twoInstances();
      const [a1, a2, b] = [await member(one.url), await member(one.url), await member(two.url)];
      await eventually(async () => (await subscriberCount(inspect, channelFor(TOPIC))) === 2);
      const channels = (await inspect.pubsub('CHANNELS', '*')) as string[];
      expect(channels).toEqual([channelFor(TOPIC)]); // one subscription per instance, hashed
      expect(channels.join()).not.toContain(TOPIC);

      a1.publish(TOPIC, 'from-a1');
      expect(await a2.next()).toEqual({
        type: 'publish',
        topic: TOPIC,
        data: 'from-a1',
        clients: 2,
      });
      // Counted on the delivering instance, where b is alone.
      expect(await b.next()).toEqual({
        type: 'publish',
        topic: TOPIC,
        data: 'from-a1',
        clients: 1,
      });

      b.publish(TOPIC, 'from-b');
      b.publish(TOPIC, 'marker-b');
      expect(await receivedUntil(a1, 'marker-b')).toEqual(['from-b', 'marker-b']);
      expect(await receivedUntil(a2, 'marker-b')).toEqual(['from-b', 'marker-b']);
      // Published after b's messages reached instance one, so it reaches instance two after
      // their echoes would have: b got no echo and no second copy.
      a1.publish(TOPIC, 'marker-a');
      expect(await receivedUntil(b, 'marker-a')).toEqual(['marker-a']);
      await Promise.all([a1.sync(), a2.sync()]);
      expect([...a1.drain(), ...a2.drain()]).toEqual([
        { type: 'publish', topic: TOPIC, data: 'marker-a', clients: 2 },
      ]);

      for (const line of [...one.lines, ...two.lines]) expect(line).not.toContain(TOPIC);
    },
    TEST_MS,
  );

  it(
    'puts no topic into what crosses Redis',
    async () => {
      const { one, two, redis } = await twoInstances();
      const spy = redisClient(redis.url);
      const carried: Buffer[] = [];
      spy.on('messageBuffer', (_channel: Buffer, message: Buffer) => carried.push(message));
      await spy.subscribe(channelFor(TOPIC));
      const [a, b] = [await member(one.url), await member(two.url)];
      a.publish(TOPIC, { sdp: 'opaque' });
      expect(await b.next()).toMatchObject({ topic: TOPIC, data: { sdp: 'opaque' } });
      await until(() => carried.length === 1);
      expect(carried[0]?.toString('latin1')).toContain('opaque');
      expect(carried[0]?.toString('latin1')).not.toContain(TOPIC);
    },
    TEST_MS,
  );

  it(
    'holds one Redis subscription per instance while it has subscribers, and releases it',
    async () => {
      const { one, two, inspect } = await twoInstances();
      const count = () => subscriberCount(inspect, channelFor(TOPIC));
      const [a1, a2, b] = [await member(one.url), await member(one.url), await member(two.url)];
      await eventually(async () => (await count()) === 2);

      b.send({ type: 'unsubscribe', topics: [TOPIC] });
      await eventually(async () => (await count()) === 1);
      a1.send({ type: 'unsubscribe', topics: [TOPIC] });
      await a1.sync();
      expect(await count()).toBe(1); // a2 still holds it
      a2.socket.close();
      await eventually(async () => (await count()) === 0);
      expect(await inspect.pubsub('CHANNELS', '*')).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'serves locally while Redis is down and shares topics again once it is back',
    async () => {
      const { redis, one, two, inspect } = await twoInstances();
      const [a1, a2, b] = [await member(one.url), await member(one.url), await member(two.url)];
      const leaver = await member(one.url, 'left-during-outage');
      await eventually(async () => (await subscriberCount(inspect, channelFor(TOPIC))) === 2);

      await redis.kill();
      await until(() => one.server.stats().bus === 'down' && two.server.stats().bus === 'down');
      a1.publish(TOPIC, 'during-outage');
      expect(await a2.next()).toMatchObject({ data: 'during-outage' });
      const late = await member(two.url); // joins while Redis is down
      // ioredis' own autoResubscribe would lose the first and bring back the second: it only
      // knows channels whose SUBSCRIBE Redis answered.
      const joiner = await member(two.url, 'joined-during-outage');
      leaver.send({ type: 'unsubscribe', topics: ['left-during-outage'] });
      await leaver.sync();
      const health = await fetch(`http://127.0.0.1:${one.port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', bus: 'down' });

      const restarted = await startRedis(Number(new URL(redis.url).port));
      const again = redisClient(restarted.url);
      await until(() => one.server.stats().bus === 'ready' && two.server.stats().bus === 'ready');
      await eventually(async () => (await subscriberCount(again, channelFor(TOPIC))) === 2);
      const channels = (await again.pubsub('CHANNELS', '*')) as string[];
      expect(channels.sort()).toEqual(
        [channelFor(TOPIC), channelFor('joined-during-outage')].sort(),
      );
      a1.publish(TOPIC, 'after-restart');
      expect(await receivedUntil(b, 'after-restart')).toEqual(['after-restart']);
      expect(await receivedUntil(late, 'after-restart')).toEqual(['after-restart']);

      const joinerOnOne = await member(one.url, 'joined-during-outage');
      joinerOnOne.publish('joined-during-outage', 'reaches-joiner');
      expect(await joiner.next()).toMatchObject({ data: 'reaches-joiner' });

      for (const [events, topics] of [
        [one.events, 1],
        [two.events, 2],
      ] as const) {
        expect(events).toContainEqual(expect.objectContaining({ event: 'bus-down', bus: 'redis' }));
        expect(events).toContainEqual({ event: 'bus-ready', bus: 'redis', topics });
      }
      for (const line of [...one.lines, ...two.lines]) {
        expect(line).not.toContain(TOPIC);
        expect(line).not.toContain('during-outage');
      }
    },
    TEST_MS,
  );

  it(
    'a killed instance (REDIS_URL, main.ts) costs its clients only a reconnect to another',
    async () => {
      const redis = await startRedis(await freePort());
      const inspect = redisClient(redis.url);
      const count = () => subscriberCount(inspect, channelFor(TOPIC));
      const doomed = await startMain({ HOST: '127.0.0.1', PORT: '0', REDIS_URL: redis.url });
      const two = await startServer({}, { redisUrl: redis.url });
      const three = await startServer({}, { redisUrl: redis.url });
      const x = await member(`ws://127.0.0.1:${doomed.port}`);
      const [y, z] = [await member(two.url), await member(three.url)];
      await eventually(async () => (await count()) === 3);
      x.publish(TOPIC, 'before');
      expect(await y.next()).toMatchObject({ data: 'before' });
      expect(await z.next()).toMatchObject({ data: 'before' });

      doomed.child.kill('SIGKILL');
      await x.closedWithin();
      await eventually(async () => (await count()) === 2); // Redis saw the connection drop
      // What y-webrtc does: reconnect (the load balancer picks a live instance), resubscribe.
      const back = await member(two.url);
      back.publish(TOPIC, 'from-x-again');
      expect(await y.next()).toMatchObject({ data: 'from-x-again' });
      expect(await z.next()).toMatchObject({ data: 'from-x-again' });
      z.publish(TOPIC, 'to-everyone');
      expect(await back.next()).toMatchObject({ data: 'to-everyone' });
      expect(await y.next()).toMatchObject({ data: 'to-everyone' });
      expect(doomed.lines.join('\n')).not.toContain(TOPIC);
    },
    START_MS + TEST_MS,
  );

  it(
    'never sends Redis a publish larger than a frame',
    async () => {
      const redis = await startRedis(await freePort());
      const limits = { maxFrameBytes: 1024 };
      const one = await startServer(limits, { redisUrl: redis.url });
      const two = await startServer(limits, { redisUrl: redis.url });
      await until(() => one.server.stats().bus === 'ready' && two.server.stats().bus === 'ready');
      const spy = redisClient(redis.url);
      const carried: Buffer[] = [];
      spy.on('messageBuffer', (_channel: Buffer, message: Buffer) => carried.push(message));
      await spy.subscribe(channelFor(TOPIC));
      const [a, local, remote] = [
        await member(one.url),
        await member(one.url),
        await member(two.url),
      ];
      // Under the frame limit as sent, but JSON writes each 1e20 out in 21 digits.
      const raw = `{"type":"publish","topic":"${TOPIC}","data":[${Array(150).fill('1e20')}]}`;
      expect(raw.length).toBeLessThan(limits.maxFrameBytes);
      a.socket.send(raw);
      expect(await local.next()).toMatchObject({ topic: TOPIC });
      a.publish(TOPIC, 'small');
      expect(await receivedUntil(remote, 'small')).toEqual(['small']);
      expect(carried).toHaveLength(1);
      await one.server.close();
      expect(one.events).toContainEqual({ event: 'bus-dropped', reason: 'too-large', count: 1 });
    },
    TEST_MS,
  );

  it(
    'drops publishes beyond its backlog while Redis hangs, and carries on after',
    async () => {
      const redis = await startRedis(await freePort());
      const events: LogEvent[] = [];
      const bus = createRedisBus({
        url: redis.url,
        logger: (event) => events.push(event),
        deliver: () => {},
        maxPayloadBytes: 64 * 1024,
        maxBacklogBytes: 4096,
      });
      onTestFinished(() => bus.close());
      await until(() => bus.state() === 'ready');
      const spy = redisClient(redis.url);
      const carried: Buffer[] = [];
      spy.on('messageBuffer', (_channel: Buffer, message: Buffer) => carried.push(message));
      await spy.subscribe(channelFor(TOPIC));

      redis.pause();
      const payload = Buffer.alloc(1000, 'x'); // 1,017 bytes with the header: 4 fit in 4,096
      for (let i = 0; i < 10; i += 1) bus.publish(TOPIC, payload);
      redis.resume();
      await until(() => carried.length === 4);
      bus.publish(TOPIC, Buffer.from('after'));
      await until(() => carried.length === 5);
      expect(carried[4]?.subarray(-5).toString()).toBe('after');
      await bus.close();
      expect(events).toContainEqual({ event: 'bus-dropped', reason: 'backlog-full', count: 6 });
    },
    TEST_MS,
  );
});
