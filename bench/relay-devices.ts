import * as Y from 'yjs';
import type { RoomSecrets } from '../lib/room/keys';
import { itemText } from '../lib/session';
import { itemsOf } from '../lib/session/schema';
import { inRoom, joinRelay, type RelayPeer } from '../tests/helpers/relay-peer';
import { growSession } from './relay-session';

/**
 * A child process of the relay benchmark (bench/relay.ts) holding many devices of one relay
 * room: each one Kring's real relay channel and sync layer on a Y.Doc of its own
 * (tests/helpers/relay-peer.ts), on the server instance it is given. Several such processes
 * share the devices so that no single event loop is what the benchmark measures. Each device
 * notes, on its own clock (`timeOrigin + now()`, one clock for the whole machine), when a
 * marker `⟦n⟧` first appears in the watched item's text; the process reports a marker once
 * every one of its devices has it.
 */
export type DevicesCommand =
  | {
      readonly type: 'join';
      /** One server base URL (ws://…) per device to start. */
      readonly urls: readonly string[];
      readonly secrets: RoomSecrets;
      /** The item whose text carries the markers. */
      readonly itemId: string;
      /** Items every device must hold before it counts as caught up. */
      readonly items: number;
      /** The session as one update (base64), for the first device: the one that holds it. */
      readonly seed?: string;
      /** Devices of this process joining at once (see `join`). */
      readonly atOnce: number;
    }
  /**
   * The first device (the one that holds the session) adds `items` insights in batches of
   * `batch`, `gapMs` apart, as a session grows over an evening; then every device of every
   * process is waited for with `hold`.
   */
  | {
      readonly type: 'grow';
      readonly items: number;
      readonly chars: number;
      readonly batch: number;
      readonly gapMs: number;
    }
  /** Reply `holding` once every device of this process holds `items` items. */
  | { readonly type: 'hold'; readonly items: number }
  /** One fresh device joins through `url`; reply `late` once it holds `items` items. */
  | {
      readonly type: 'late';
      readonly url: string;
      readonly secrets: RoomSecrets;
      readonly items: number;
      readonly timeoutMs: number;
    }
  | { readonly type: 'leave' };

export type DevicesReply =
  /** Every device is in the room and holds the session (`items` items). */
  | { readonly type: 'ready'; readonly joinMs: number }
  | { readonly type: 'seen'; readonly id: string; readonly times: readonly number[] }
  | { readonly type: 'late'; readonly ms: number }
  /** `bytes`: the updates the holder made, as the sync layer got them to send. */
  | { readonly type: 'grown'; readonly bytes: number }
  | { readonly type: 'holding'; readonly ms: number }
  | { readonly type: 'left' };

const MARKER = /⟦(\d+)⟧/g;
const now = () => performance.timeOrigin + performance.now();
const send = (reply: DevicesReply) => process.send?.(reply);

interface Device {
  readonly peer: RelayPeer;
  readonly seen: Map<string, number>;
}

const devices: Device[] = [];
const reported = new Set<string>();

function watch(device: Device, itemId: string): void {
  device.peer.doc.on('update', () => {
    const text = itemText(device.peer.doc, itemId)?.toString() ?? '';
    let fresh = false;
    for (const match of text.matchAll(MARKER)) {
      const id = match[1] as string;
      if (!device.seen.has(id)) {
        device.seen.set(id, now());
        fresh = true;
      }
    }
    if (fresh) reportComplete();
  });
}

/** Sends every marker that all devices have now and that was not sent yet. */
function reportComplete(): void {
  const first = devices[0];
  if (!first) return;
  for (const id of first.seen.keys()) {
    if (reported.has(id) || !devices.every((d) => d.seen.has(id))) continue;
    reported.add(id);
    send({ type: 'seen', id, times: devices.map((d) => d.seen.get(id) as number) });
  }
}

/** A device not caught up this long after joining asks the room again (an anti-entropy round):
 * it may have asked a member that had only just joined itself and held nothing yet. */
const ASK_AGAIN_MS = 3_000;

const caughtUp = (peer: RelayPeer, items: number) =>
  inRoom(peer) && itemsOf(peer.doc).size >= items;

/**
 * Starts the devices a few at a time, each once the one before it in its lane holds the
 * session, so that the member the server asks for a joiner's state mostly holds it already
 * (a device that holds the session and is answered by one that does not broadcasts what the
 * other lacks to the whole room, sync-room.ts).
 */
async function join(command: Extract<DevicesCommand, { type: 'join' }>): Promise<void> {
  const start = Date.now();
  const waiting = [...command.urls];
  const joinOne = async (url: string, seed: string | undefined) => {
    const doc = new Y.Doc();
    if (seed) Y.applyUpdate(doc, Buffer.from(seed, 'base64'));
    const device: Device = { peer: joinRelay(() => url, command.secrets, doc), seen: new Map() };
    watch(device, command.itemId);
    devices.push(device);
    let askedAt = Date.now();
    while (!caughtUp(device.peer, command.items)) {
      await new Promise((done) => setTimeout(done, 20));
      if (Date.now() - askedAt > ASK_AGAIN_MS) {
        device.peer.sync.antiEntropy();
        askedAt = Date.now();
      }
    }
  };
  let seed = command.seed;
  const lane = async () => {
    for (let url = waiting.shift(); url !== undefined; url = waiting.shift()) {
      const own = seed;
      seed = undefined;
      await joinOne(url, own);
    }
  };
  await Promise.all(Array.from({ length: command.atOnce }, lane));
  send({ type: 'ready', joinMs: Date.now() - start });
}

function lateJoin(command: Extract<DevicesCommand, { type: 'late' }>): void {
  const start = now();
  const peer = joinRelay(() => command.url, command.secrets);
  let done = false;
  const finish = (ms: number) => {
    if (done) return;
    done = true;
    clearInterval(timer);
    peer.leave();
    send({ type: 'late', ms });
  };
  // Checked on every applied update, not polled, so the time is when the last item arrived.
  peer.doc.on('update', () => {
    if (itemsOf(peer.doc).size >= command.items) finish(now() - start);
  });
  const timer = setInterval(() => {
    if (now() - start > command.timeoutMs) finish(Number.NaN);
  }, 100);
}

async function grow(command: Extract<DevicesCommand, { type: 'grow' }>): Promise<void> {
  const holder = devices[0]?.peer.doc;
  if (!holder) throw new Error('bench relay: no device holds the session');
  let bytes = 0;
  const count = (update: Uint8Array) => {
    bytes += update.length;
  };
  holder.on('update', count);
  for (let first = 0; first < command.items; first += command.batch) {
    growSession(holder, first, Math.min(command.batch, command.items - first), command.chars);
    await new Promise((done) => setTimeout(done, command.gapMs));
  }
  holder.off('update', count);
  send({ type: 'grown', bytes });
}

function hold(items: number): void {
  const start = Date.now();
  const timer = setInterval(() => {
    if (!devices.every((d) => itemsOf(d.peer.doc).size >= items)) return;
    clearInterval(timer);
    send({ type: 'holding', ms: Date.now() - start });
  }, 20);
}

process.on('message', (command: DevicesCommand) => {
  if (command.type === 'join') void join(command);
  else if (command.type === 'grow') void grow(command);
  else if (command.type === 'hold') hold(command.items);
  else if (command.type === 'late') lateJoin(command);
  else {
    for (const device of devices.splice(0)) device.peer.leave();
    send({ type: 'left' });
  }
});
// The bench going away (IPC closed) ends this process too.
process.on('disconnect', () => process.exit(0));
