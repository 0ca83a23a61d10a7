import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomSecrets } from '../../lib/room/keys';
import { connectRelay, type RelayChannel } from '../../lib/room/relay';
import { type SyncLayer, startSync } from '../../lib/room/sync';

/**
 * A device in a relay room, as Kring runs it, in Node: the real relay channel over `ws` and the
 * real sync layer on a Y.Doc. The server it reaches is chosen for every socket it opens (a
 * reconnect included), as a load balancer would: `server()` returns the base URL to use.
 */
export interface RelayPeer {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly channel: RelayChannel;
  readonly sync: SyncLayer;
  /** Binary messages this peer's sockets sent, over all its reconnects. */
  sent(): number;
  /** Its current socket, to drop it as a network would. */
  socket(): NodeWebSocket;
  /** Stops reconnecting: every socket it opens from now on fails at once. */
  cutOff(): void;
  /** Leaves cleanly (presence removed), as closing the page does. */
  leave(): void;
}

export function joinRelay(
  server: () => string,
  secrets: RoomSecrets,
  doc = new Y.Doc(),
): RelayPeer {
  const sockets: NodeWebSocket[] = [];
  let sent = 0;
  let cut = false;
  const channel = connectRelay({
    url: `${server()}/relay`,
    secrets,
    createSocket: () => {
      const socket = new NodeWebSocket(cut ? 'ws://127.0.0.1:1/closed' : `${server()}/relay`);
      const send = socket.send.bind(socket);
      socket.send = ((data: never, ...rest: never[]) => {
        sent++;
        return send(data, ...rest);
      }) as typeof socket.send;
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  const awareness = new Awareness(doc);
  const sync = startSync(doc, awareness, channel);
  let left = false;
  return {
    doc,
    awareness,
    channel,
    sync,
    sent: () => sent,
    socket: () => sockets[sockets.length - 1] as NodeWebSocket,
    cutOff: () => {
      cut = true;
    },
    leave: () => {
      if (left) return;
      left = true;
      sync.destroy();
      channel.destroy();
      awareness.destroy();
    },
  };
}

/** Whether the peer is in its room now (joined through the relay). */
export const inRoom = (peer: RelayPeer) => peer.channel.fanOut?.() != null;

/** Resolves once `done()` holds, polling every 10 ms; fails after `ms` naming `what`. */
export async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until no socket of `peers` has sent anything for `quietMs`. */
export async function settle(peers: readonly RelayPeer[], quietMs = 300): Promise<void> {
  let last = peers.map((p) => p.sent());
  let quietSince = Date.now();
  await until(() => {
    const now = peers.map((p) => p.sent());
    if (now.some((n, i) => n !== last[i])) {
      last = now;
      quietSince = Date.now();
    }
    return Date.now() - quietSince >= quietMs;
  }, 'the room goes quiet');
}
