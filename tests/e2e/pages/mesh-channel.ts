/**
 * The WebRTC mesh channel (lib/room/mesh.ts, `connectMesh`) in a page of its own, for the channel
 * contract (tests/e2e/mesh-contract.test.ts): the real mesh, the real signaling server, real
 * WebRTC. Node drives it through `globalThis.mesh` (tests/e2e/mesh-bridge-worker.ts) and takes
 * its events, in order, from `mesh.next()`. Frames cross as base64.
 */
import type { Channel, ChannelStatus, ConnectionCounts, PeerInfo } from '../../../lib/room/channel';
import { signalingKey } from '../../../lib/room/crypto';
import { connectMesh } from '../../../lib/room/mesh';

/** One event of one channel, as `next()` hands it over: `[handle, event, ...args]`. */
export type MeshPageEvent =
  | readonly [handle: number, event: 'peer-joined', peer: string, info: PeerInfo]
  | readonly [handle: number, event: 'peer-left' | 'drain', peer: string]
  | readonly [handle: number, event: 'frame', peer: string, base64: string]
  | readonly [handle: number, event: 'status', status: ChannelStatus]
  | readonly [handle: number, event: 'decrypt-failed'];

export interface MeshCreated {
  readonly handle: number;
  readonly highWaterBytes: number;
  readonly lowWaterBytes: number;
}

/** Events handed over in one `next()`, at most (base64 characters): keeps CDP messages small. */
const BATCH_CHARS = 4 * 1024 * 1024;

const channels = new Map<number, Channel>();
const keys = new Map<string, Promise<CryptoKey>>();
const queue: MeshPageEvent[] = [];
let wake: (() => void) | null = null;
let nextHandle = 1;

function push(event: MeshPageEvent): void {
  queue.push(event);
  wake?.();
  wake = null;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function channel(handle: number): Channel {
  const found = channels.get(handle);
  if (!found) throw new Error(`mesh page: no channel ${handle}`);
  return found;
}

const api = {
  async create(roomName: string, password: string, signalingUrl: string): Promise<MeshCreated> {
    const cacheKey = `${roomName}\n${password}`;
    let key = keys.get(cacheKey);
    if (!key) {
      key = signalingKey(password, roomName);
      keys.set(cacheKey, key);
    }
    const mesh = connectMesh({
      roomName,
      key: await key,
      signalingUrls: [signalingUrl],
      iceServers: [],
    });
    const handle = nextHandle++;
    channels.set(handle, mesh);
    // Attached before anything can happen: the mesh emits from tasks of its own, never here.
    mesh.on('peer-joined', (peer, info) => push([handle, 'peer-joined', peer, info]));
    mesh.on('peer-left', (peer) => push([handle, 'peer-left', peer]));
    mesh.on('frame', (peer, frame) => push([handle, 'frame', peer, toBase64(frame)]));
    mesh.on('drain', (peer) => push([handle, 'drain', peer]));
    mesh.on('status', (status) => push([handle, 'status', status]));
    mesh.on('decrypt-failed', () => push([handle, 'decrypt-failed']));
    return { handle, highWaterBytes: mesh.highWaterBytes, lowWaterBytes: mesh.lowWaterBytes };
  },
  status: (handle: number): ChannelStatus => channel(handle).status(),
  peers: (handle: number): [string, PeerInfo][] => [...channel(handle).peers()],
  send: (handle: number, peer: string, base64: string): boolean =>
    channel(handle).send(peer, fromBase64(base64)),
  bufferedBytes: (handle: number, peer: string): number => channel(handle).bufferedBytes(peer),
  connections: (handle: number): ConnectionCounts => channel(handle).connections(),
  retry: (handle: number): void => channel(handle).retry(),
  destroy: (handle: number): void => channel(handle).destroy(),
  /** Drops a destroyed channel for good (the contract may still ask a destroyed one). */
  forget(handle: number): void {
    channels.get(handle)?.destroy();
    channels.delete(handle);
  },
  /** The events since the last call, in the order they happened; waits for at least one. */
  async next(): Promise<MeshPageEvent[]> {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    let chars = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || chars < BATCH_CHARS)) {
      const event = queue[count++] as MeshPageEvent;
      if (event[1] === 'frame') chars += event[3].length;
    }
    return queue.splice(0, count);
  },
};

export type MeshPageApi = typeof api;

Object.assign(globalThis, { mesh: api });
