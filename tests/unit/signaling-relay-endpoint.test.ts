import { describe, expect, it } from 'vitest';
import { RelayControlType } from '../../lib/room/relay-control';
import { deriveRelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import type { LogEvent } from '../../signaling/log';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { counterOf } from '../helpers/relay-router';
import { containsText, RelaySocket, textsOf } from '../helpers/relay-socket';
import { startServer, TestClient, until, upgradeStatus } from '../helpers/signaling';

/**
 * The relay endpoint (`/relay`) on a real server, with `ws` clients that seal real frames: what a
 * phone on the relay path relies on. Every byte the clients send and receive is recorded, which
 * is everything the server was given and everything it relayed.
 */
const keys = await deriveRelayKeys(fakeRoomSecrets('relay-endpoint-room'));
const ITEM = 'Secret sticky note about the playground';
const NAME = 'Annemarie de Vries';

async function relayServer(options: Parameters<typeof startServer>[1] = {}, limits = {}) {
  const started = await startServer(limits, options);
  const relayUrl = `${started.url}/relay`;
  const member = async () => {
    const client = await RelaySocket.open(relayUrl, keys);
    await client.join();
    return client;
  };
  return { ...started, relayUrl, member };
}

describe('relay endpoint', () => {
  it('relays an update between two members, and no plaintext crosses the server', async () => {
    const { member } = await relayServer();
    const a = await member();
    const b = await member();
    expect(await a.next()).toMatchObject({
      kind: 'server',
      message: { type: RelayControlType.memberJoined, sender: b.id },
    });
    await a.sendText(RelayFrameType.update, ITEM);
    expect(await b.next()).toEqual({
      kind: 'frame',
      type: RelayFrameType.update,
      sender: a.id,
      text: ITEM,
    });
    await b.sendText(RelayFrameType.update, 'reply');
    expect(textsOf(await a.until('reply'))).toEqual(['reply']); // no echo of its own update
    for (const bytes of [...a.wire, ...b.wire]) expect(containsText(bytes, ITEM)).toBe(false);
  });

  it('hands a late joiner’s sync request to one member only, and routes the reply back', async () => {
    const { member } = await relayServer();
    const a = await member();
    const b = await member();
    await a.next(); // b joined
    const c = await member();
    const request = await c.sendText(RelayFrameType.syncRequest, 'state vector');
    await c.sendText(RelayFrameType.update, 'marker'); // after the request, to both
    const seenA = await a.until('marker');
    const seenB = await b.until('marker');
    const asked = [
      ...(textsOf(seenA).includes('state vector') ? [a] : []),
      ...(textsOf(seenB).includes('state vector') ? [b] : []),
    ];
    expect(asked).toHaveLength(1);
    const responder = asked[0] as RelaySocket;
    await responder.sendText(RelayFrameType.syncReply, `${ITEM} (state)`, {
      target: c.id,
      inReplyTo: counterOf(request),
    });
    const replies = await c.until(`${ITEM} (state)`);
    expect(replies.at(-1)).toMatchObject({ sender: responder.id, type: RelayFrameType.syncReply });
  });

  it('stores presence for joiners and sends the last will when a member drops', async () => {
    const { member } = await relayServer();
    const a = await member();
    const b = await member();
    await a.next(); // b joined
    await a.sendText(RelayFrameType.awareness, NAME);
    await a.sendText(RelayFrameType.awarenessWill, `${NAME} left`);
    expect(await b.next()).toMatchObject({ type: RelayFrameType.awareness, text: NAME });

    const c = await RelaySocket.open(b.socket.url, keys);
    expect(await c.join()).toMatchObject({ type: RelayControlType.welcome, presenceFrames: 1 });
    expect(await c.next()).toMatchObject({ sender: a.id, text: NAME });

    a.socket.terminate(); // a dropped connection, not a goodbye
    for (const other of [b, c]) {
      const seen = await other.until(`${NAME} left`);
      expect(seen.at(-1)).toMatchObject({ type: RelayFrameType.awarenessWill, sender: a.id });
      expect(await other.next()).toMatchObject({
        kind: 'server',
        message: { type: RelayControlType.memberLeft, sender: a.id },
      });
    }
    for (const bytes of [...a.wire, ...b.wire, ...c.wire]) {
      expect(containsText(bytes, NAME)).toBe(false);
    }
  });

  it('closes a connection that sends text, garbage, or keeps sending malformed frames', async () => {
    const { relayUrl } = await relayServer({ relayLimits: { maxViolations: 2 } });
    const text = await RelaySocket.open(relayUrl, keys);
    text.socket.send(JSON.stringify({ type: 'subscribe', topics: ['x'] }));
    expect(await text.closedWithin()).toEqual({ code: 1003, reason: 'text-frame' });

    const garbage = await RelaySocket.open(relayUrl, keys);
    garbage.sendBytes(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(await garbage.closedWithin()).toEqual({ code: 1002, reason: 'relay-protocol' });

    const member = await RelaySocket.open(relayUrl, keys);
    await member.join();
    for (let i = 0; i < 3; i++) member.sendBytes(new Uint8Array(100).fill(1));
    expect(await member.closedWithin()).toEqual({ code: 1002, reason: 'relay-protocol' });
  });

  it('gives the relay its own, higher cap per address; signaling on / is unchanged', async () => {
    const { url, relayUrl } = await relayServer(
      {},
      { maxConnectionsPerAddress: 2, maxRelayConnectionsPerAddress: 4 },
    );
    const relays = await Promise.all([1, 2, 3, 4].map(() => RelaySocket.open(relayUrl, keys)));
    expect(await upgradeStatus(relayUrl)).toBe(429);
    const signaling = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    expect(await upgradeStatus(url)).toBe(429);
    signaling[0]?.subscribe('topic');
    await signaling[0]?.sync(); // y-webrtc's protocol, as before
    expect(relays.every((relay) => relay.socket.readyState === relay.socket.OPEN)).toBe(true);
  });

  it('logs counts periodically, never a room tag, sender id or payload', async () => {
    const { member, events, lines, server } = await relayServer({ relayStatsIntervalMs: 30 });
    const a = await member();
    const b = await member();
    await a.sendText(RelayFrameType.update, ITEM);
    await b.until(ITEM);
    await until(() => events.some((event) => event.event === 'relay-stats' && event.members === 2));
    await server.close();
    const stats = events.filter(
      (event): event is Extract<LogEvent, { event: 'relay-stats' }> =>
        event.event === 'relay-stats',
    );
    expect(stats.at(-1)).toMatchObject({ joined: 2, framesIn: 1, dropped: {} });
    const log = lines.join('');
    for (const secret of [keys.roomTag, keys.keyId, a.id, b.id, ITEM]) {
      expect(log).not.toContain(secret);
    }
  });
});
