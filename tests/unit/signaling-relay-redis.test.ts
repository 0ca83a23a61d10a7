import { describe, expect, it } from 'vitest';
import { RelayControlType } from '../../lib/room/relay-control';
import { deriveRelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { channelFor } from '../../signaling/redis-bus';
import {
  eventually,
  freePort,
  hasRedisServer,
  redisClient,
  startRedis,
  subscriberCount,
} from '../helpers/redis';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { counterOf } from '../helpers/relay-router';
import { containsText, RelaySocket, textsOf } from '../helpers/relay-socket';
import { startServer, until } from '../helpers/signaling';

/**
 * Relay rooms spread over two instances sharing a real `redis-server` (skipped without one, as
 * signaling-redis.test.ts, except in CI). Room-wide frames cross (signaling/relay-bridge.ts); an
 * untargeted sync request is answered by one member per instance (signaling/relay-remote.ts).
 */
const available = hasRedisServer();
if (!available && process.env.CI) {
  throw new Error('redis-server is not installed; .ci/run installs it from Debian');
}
const TEST_MS = 15_000;
const keys = await deriveRelayKeys(fakeRoomSecrets('relay-redis-room'));
const ITEM = 'Secret idea: a bench by the bus stop';
const NAME = 'Jeroen Bakker';
/** The room's Redis channel: relay-bus.ts' topic for the room tag, hashed by redis-bus.ts. */
const roomChannel = channelFor(`\u0000relay:${keys.roomTag}`);

async function twoInstances() {
  const redis = await startRedis(await freePort());
  const one = await startServer({}, { redisUrl: redis.url });
  const two = await startServer({}, { redisUrl: redis.url });
  await until(() => one.server.stats().bus === 'ready' && two.server.stats().bus === 'ready');
  // Everything Redis carries, as a monitoring client would see it.
  const seen: { channel: string; message: Buffer }[] = [];
  const spy = redisClient(redis.url);
  spy.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) =>
    seen.push({ channel: channel.toString(), message }),
  );
  await spy.psubscribe('*');
  const member = async (url: string) => {
    const client = await RelaySocket.open(`${url}/relay`, keys);
    await client.join();
    return client;
  };
  return { one, two, seen, member, inspect: redisClient(redis.url) };
}

describe.skipIf(!available)('relay scale-out over Redis', () => {
  it(
    'members on different instances get each other’s updates, presence and will exactly once',
    async () => {
      const { one, two, seen, member, inspect } = await twoInstances();
      const a1 = await member(one.url);
      const b1 = await member(two.url);
      const a2 = await member(one.url);
      await a1.next(); // a2 joined (only members of its own instance are announced)
      // Each instance subscribed the room upstream when its first member joined.
      await eventually(async () => (await subscriberCount(inspect, roomChannel)) === 2);

      await a1.sendText(RelayFrameType.update, ITEM);
      await a1.sendText(RelayFrameType.update, 'marker-a');
      for (const receiver of [a2, b1]) {
        expect(textsOf(await receiver.until('marker-a'))).toEqual([ITEM, 'marker-a']);
      }
      await b1.sendText(RelayFrameType.update, 'from two');
      for (const receiver of [a1, a2]) {
        expect(textsOf(await receiver.until('from two'))).toEqual(['from two']);
      }

      await b1.sendText(RelayFrameType.awareness, NAME);
      await b1.sendText(RelayFrameType.awarenessWill, `${NAME} left`);
      await b1.sendText(RelayFrameType.update, 'marker-b');
      for (const receiver of [a1, a2]) {
        const texts = textsOf(await receiver.until('marker-b'));
        expect(texts.filter((text) => text === NAME)).toHaveLength(1);
      }
      b1.socket.terminate();
      for (const receiver of [a1, a2]) {
        const texts = textsOf(await receiver.until(`${NAME} left`));
        expect(texts).toEqual([`${NAME} left`]);
      }
      expect(a1.pending() + a2.pending()).toBe(0);

      // Redis carried ciphertext under hashed channel names only.
      expect(seen.length).toBeGreaterThan(0);
      for (const { channel, message } of seen) {
        expect(channel).not.toContain(keys.roomTag);
        for (const secret of [ITEM, NAME]) expect(containsText(message, secret)).toBe(false);
      }
    },
    TEST_MS,
  );

  it(
    'a joiner alone on one instance is answered by one member on the other, through Redis',
    async () => {
      const { one, two, member } = await twoInstances();
      const a = await member(one.url);
      const b = await member(one.url);
      await a.next(); // b joined
      const alone = await member(two.url);
      const request = await alone.sendText(RelayFrameType.syncRequest, 'state vector');
      // Nobody on its own instance: told so at once; the other instance still answers.
      expect(await alone.next()).toMatchObject({
        kind: 'server',
        message: { type: RelayControlType.syncUnanswered, counter: counterOf(request) },
      });
      expect(textsOf([await a.next()])).toEqual(['state vector']); // the longest connected
      await a.sendText(RelayFrameType.syncReply, ITEM, {
        target: alone.id,
        inReplyTo: counterOf(request),
      });
      expect(textsOf([await alone.next()])).toEqual([ITEM]);

      // b was not asked: the next thing it gets is a's later update.
      await a.sendText(RelayFrameType.update, 'marker');
      expect(textsOf(await b.until('marker'))).toEqual(['marker']);
      expect(textsOf(await alone.until('marker'))).toEqual(['marker']);
      expect(a.pending() + alone.pending()).toBe(0);

      // A request on the first instance is answered there and on the second: once per instance.
      await b.sendText(RelayFrameType.syncRequest, 'state vector b');
      expect(textsOf([await a.next()])).toEqual(['state vector b']);
      expect(textsOf([await alone.next()])).toEqual(['state vector b']);
    },
    TEST_MS,
  );
});
