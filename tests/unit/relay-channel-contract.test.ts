import { describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Channel, ChannelStatus } from '../../lib/room/channel';
import type { RoomSecrets } from '../../lib/room/keys';
import { connectRelay, type RelayChannel } from '../../lib/room/relay';
import { startSync } from '../../lib/room/sync';
import {
  type ChannelRoom,
  type ChannelUnderTest,
  describeChannelContract,
} from '../helpers/channel-contract';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { containsText } from '../helpers/relay-socket';
import { startServer } from '../helpers/signaling';

/**
 * The channel contract (tests/helpers/channel-contract.ts) against the relay channel
 * (lib/room/relay.ts) over real WebSockets (`ws`) to a real signaling server's `/relay` on
 * loopback, with the server's default limits: every frame is sealed, routed by the server on
 * its clear header, and opened again. A fresh server and room code per room.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

/** Milliseconds any wait on the network may take (the 10 MB catch-up is the longest). */
const DEADLINE_MS = 45_000;
const POLL_MS = 10;

let rooms = 0;

/** A relay channel over `ws`; `sockets` collects every socket it opens (reconnects too). */
function relayTo(url: string, secrets: RoomSecrets, sockets: NodeWebSocket[] = []): RelayChannel {
  return connectRelay({
    url: `${url}/relay`,
    secrets,
    createSocket: (target) => {
      const socket = new NodeWebSocket(target);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
}

async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const relayChannels: ChannelUnderTest = {
  chunks: true,
  controlled: false,
  async open(count, setup) {
    const { url } = await startServer();
    const secrets = fakeRoomSecrets(`relay-contract-${++rooms}`);
    const channels: RelayChannel[] = [];
    const idOf = (channel: Channel) => {
      const id = (channel as RelayChannel).selfId();
      if (id === null) throw new Error('relay channel: not joined');
      return id;
    };
    const linked = () =>
      channels.every((channel) => {
        const self = channel.selfId();
        if (self === null) return false;
        return channels.every((other) => {
          const id = other.selfId();
          return other === channel || (id !== null && channel.peers().has(id));
        });
      });
    const room: ChannelRoom = {
      channels,
      idOf,
      until: (done, what) => until(done, what, DEADLINE_MS),
      async join(setupJoiner) {
        const channel = relayTo(url, secrets);
        setupJoiner?.(channel);
        channels.push(channel);
        await until(linked, 'every channel sees every other');
        return channel;
      },
      async leave(channel) {
        const id = idOf(channel);
        channel.destroy();
        channels.splice(channels.indexOf(channel as RelayChannel), 1);
        await until(() => channels.every((c) => !c.peers().has(id)), 'the others see it go');
      },
      async close() {
        for (const channel of channels.splice(0)) channel.destroy();
      },
    };
    for (let i = 0; i < count; i++) await room.join((channel) => setup?.(channel, i));
    return room;
  },
};

describeChannelContract('relay over a real server', relayChannels);

describe('relay channel', () => {
  const linked = (a: RelayChannel, b: RelayChannel) => {
    const [idA, idB] = [a.selfId(), b.selfId()];
    return idA !== null && idB !== null && a.peers().has(idB) && b.peers().has(idA);
  };
  const opened: RelayChannel[] = [];
  const open = (url: string, secrets: RoomSecrets, sockets?: NodeWebSocket[]) => {
    const channel = relayTo(url, secrets, sockets);
    opened.push(channel);
    return channel;
  };
  const closeAll = () => {
    for (const channel of opened.splice(0)) channel.destroy();
  };

  it('tells another passphrase by its key id: no peer, and decrypt-failed on both sides', async () => {
    const { url } = await startServer();
    const code = `relay-passphrase-${++rooms}`;
    const failed = [0, 0, 0];
    const [a, b, c] = [
      open(url, fakeRoomSecrets(code, 'right')),
      open(url, fakeRoomSecrets(code, 'wrong')),
      open(url, fakeRoomSecrets(code, 'right')),
    ] as [RelayChannel, RelayChannel, RelayChannel];
    [a, b, c].forEach((channel, i) => {
      channel.on('decrypt-failed', () => {
        failed[i] = (failed[i] ?? 0) + 1;
      });
    });
    await until(() => linked(a, c), 'the two with the same passphrase link');
    await until(() => failed.every((n) => n > 0), 'each of the three hears of the other key');
    expect(b.peers().size).toBe(0);
    expect([...a.peers().keys()]).toEqual([c.selfId()]);
    expect(failed[1]).toBe(2); // once per member with the other key, not once per frame
    closeAll();
  });

  it('waits out a full room as the server says, and gets in once there is room', async () => {
    const { url } = await startServer(
      {},
      { relayLimits: { maxRoomMembers: 2, joinRetryAfterMs: 200 } },
    );
    const secrets = fakeRoomSecrets(`relay-full-${++rooms}`);
    const a = open(url, secrets);
    const b = open(url, secrets);
    await until(() => linked(a, b), 'the first two link');
    const sockets: NodeWebSocket[] = [];
    const c = open(url, secrets, sockets);
    const joins: number[] = [];
    await until(() => sockets.length === 1, 'c connects');
    const socket = sockets[0] as NodeWebSocket;
    const send = socket.send.bind(socket);
    socket.send = ((data: Uint8Array, ...rest: never[]) => {
      joins.push(Date.now());
      return send(data, ...rest);
    }) as typeof socket.send;
    // The first join and two retries on the same socket (the server closes it after 8 refusals).
    await until(() => joins.length >= 3, 'c tries again on its socket, twice');
    expect(c.peers().size).toBe(0);
    expect(c.status().kind).not.toBe('online');
    // Each retry came at least the retry-after after the one before.
    for (let i = 1; i < joins.length; i++) {
      expect((joins[i] as number) - (joins[i - 1] as number)).toBeGreaterThanOrEqual(195);
    }
    b.destroy();
    await until(() => linked(a, c), 'c joins in the freed place');
    expect(c.status().kind).toBe('online');
    closeAll();
  });

  it('reconnects by itself when its socket drops, as a new peer, and syncs again', async () => {
    const { url } = await startServer();
    const secrets = fakeRoomSecrets(`relay-reconnect-${++rooms}`);
    const sockets: NodeWebSocket[] = [];
    const a = open(url, secrets);
    const b = open(url, secrets, sockets);
    const docs = [new Y.Doc(), new Y.Doc()] as const;
    const syncs = [a, b].map((channel, i) => {
      const doc = docs[i] as Y.Doc;
      return { sync: startSync(doc, new Awareness(doc), channel), doc };
    });
    await until(() => linked(a, b), 'a and b link');
    const firstId = b.selfId();
    const statuses: ChannelStatus['kind'][] = [];
    b.on('status', (status) => statuses.push(status.kind));
    const left: string[] = [];
    a.on('peer-left', (peer) => left.push(peer));
    (sockets[0] as NodeWebSocket).terminate(); // the network, not a goodbye
    docs[0].getText('t').insert(0, 'written while b was away');
    await until(() => left.includes(firstId as string), 'a sees b go');
    await until(() => linked(a, b) && b.selfId() !== firstId, 'b is back under a new id');
    await until(
      () => docs[1].getText('t').toString() === 'written while b was away',
      'b catches up on what it missed',
    );
    expect(statuses).toEqual(['connecting', 'online']);
    expect(sockets.length).toBe(2);
    for (const { sync, doc } of syncs) {
      sync.destroy();
      doc.destroy();
    }
    closeAll();
  });

  it('puts no plaintext of an edit or a name on the wire', async () => {
    const { url } = await startServer();
    const secrets = fakeRoomSecrets(`relay-wire-${++rooms}`);
    const wire: Uint8Array[] = [];
    const record = (sockets: NodeWebSocket[]) =>
      new Proxy(sockets, {
        set(target, key, value) {
          if (value instanceof NodeWebSocket) {
            value.on('message', (data: Buffer) => wire.push(new Uint8Array(data)));
            const send = value.send.bind(value);
            value.send = ((data: Uint8Array, ...rest: never[]) => {
              wire.push(new Uint8Array(data));
              return send(data, ...rest);
            }) as typeof value.send;
          }
          return Reflect.set(target, key, value);
        },
      });
    const [a, b] = [open(url, secrets, record([])), open(url, secrets, record([]))] as const;
    const peers = [a, b].map((channel) => {
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      return { doc, awareness, sync: startSync(doc, awareness, channel) };
    });
    const [pa, pb] = peers as [(typeof peers)[0], (typeof peers)[0]];
    pa.doc.getText('t').insert(0, 'Secret sticky note about the playground');
    pa.awareness.setLocalStateField('name', 'Annemarie de Vries');
    await until(
      () =>
        pb.doc.getText('t').toString().startsWith('Secret') &&
        [...pb.awareness.getStates().values()].some((s) => s.name === 'Annemarie de Vries'),
      'the edit and the name arrive',
    );
    expect(wire.length).toBeGreaterThan(4);
    for (const bytes of wire) {
      expect(containsText(bytes, 'sticky note')).toBe(false);
      expect(containsText(bytes, 'Annemarie')).toBe(false);
    }
    for (const peer of peers) {
      peer.sync.destroy();
      peer.awareness.destroy();
      peer.doc.destroy();
    }
    closeAll();
  });
});
