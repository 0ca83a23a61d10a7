import { onTestFinished } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Channel, ChannelEvents } from '../../lib/room/channel';
import type { RoomSecrets } from '../../lib/room/keys';
import {
  connectPath,
  type PathChannel,
  type PathChannelOptions,
} from '../../lib/room/path-channel';
import type { MeshChannel, MeshSignal, PathTimings } from '../../lib/room/path-policy';
import { connectRelay, type RelayChannel } from '../../lib/room/relay';
import { startSync } from '../../lib/room/sync';
import { type MemoryChannel, MemoryNetwork } from './memory-channel';
import { fakeRoomSecrets } from './relay-ciphers';
import { startServer } from './signaling';

/**
 * Doubles for choosing the path (lib/room/path-channel.ts): a mesh made of in-memory channels
 * (memory-channel.ts), so a test decides who is heard, who connects and who is blocked, with
 * beacons carried between the meshes of one room; and a recorder of the REAL relay channels a
 * path channel opens against a real server.
 */
export class FakeMeshRoom {
  readonly network = new MemoryNetwork();
  readonly meshes: FakeMesh[] = [];
  /** Milliseconds `announceRelay` takes, in which the mesh still lives (and may still emit). */
  beaconDelayMs = 0;

  /**
   * An `openMesh` for connectPath. `blocked`: its WebRTC never connects (it joins nobody, and
   * is told of peers only through `hear`).
   */
  opener(options: { readonly blocked?: boolean } = {}) {
    return (onSignal: (signal: MeshSignal) => void): FakeMesh => {
      const mesh = new FakeMesh(this, this.network.channel(), onSignal);
      this.meshes.push(mesh);
      if (!options.blocked) {
        this.network.connect(mesh.inner);
        for (const other of this.meshes) if (other !== mesh && !other.destroyed) other.hear();
      }
      return mesh;
    };
  }

  /** A plain peer on the mesh (no path channel around it), linked to everyone now. */
  plainPeer(): MemoryChannel {
    const channel = this.network.channel();
    this.network.connect(channel);
    onTestFinished(() => channel.destroy());
    return channel;
  }

  /** @internal */
  beacon(from: FakeMesh): void {
    for (const mesh of this.meshes)
      if (mesh !== from && !mesh.destroyed) mesh.signal('relay-beacon');
  }
}

export class FakeMesh implements MeshChannel {
  destroyed = false;
  beacons = 0;
  private heardCount = 0;

  constructor(
    private readonly room: FakeMeshRoom,
    readonly inner: MemoryChannel,
    private readonly onSignal: (signal: MeshSignal) => void,
  ) {}

  /** Another peer is heard on signaling (a connection to it is being made). */
  hear(): void {
    this.heardCount++;
    this.onSignal('heard');
  }

  /** @internal */
  signal(signal: MeshSignal): void {
    this.onSignal(signal);
  }

  heard = () => Math.max(this.heardCount, this.inner.peers().size);
  announceRelay(): Promise<void> {
    this.beacons++;
    this.room.beacon(this);
    return new Promise((resolve) => setTimeout(resolve, this.room.beaconDelayMs));
  }
  status = () => this.inner.status();
  peers = () => this.inner.peers();
  send = (peer: string, frame: Uint8Array) => this.inner.send(peer, frame);
  bufferedBytes = (peer: string) => this.inner.bufferedBytes(peer);
  get highWaterBytes() {
    return this.inner.highWaterBytes;
  }
  get lowWaterBytes() {
    return this.inner.lowWaterBytes;
  }
  on<E extends keyof ChannelEvents>(event: E, listener: ChannelEvents[E]): () => void {
    return this.inner.on(event, listener);
  }
  connections = () => this.inner.connections();
  retry = () => this.inner.retry();
  destroy(): void {
    this.destroyed = true;
    this.inner.destroy();
  }
}

/** Every relay channel opened through `opener`, to a real server's `/relay` over `ws`. */
export class RelayRecorder {
  readonly opened: RelayChannel[] = [];
  readonly destroyed = new Set<Channel>();

  constructor(
    private readonly url: string,
    private readonly secrets: RoomSecrets,
  ) {}

  /**
   * A member already in the room, as Kring runs one: a relay channel that is no path
   * channel's, with the sync layer on a document of its own (it answers a probe).
   */
  member(): RelayChannel {
    const channel = this.open(false);
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const sync = startSync(doc, awareness, channel);
    onTestFinished(() => {
      sync.destroy();
      awareness.destroy();
    });
    return channel;
  }

  readonly opener = (): Channel => this.open(true);

  /** The relay channels opened and not destroyed. */
  live(): RelayChannel[] {
    return this.opened.filter((channel) => !this.destroyed.has(channel));
  }

  private open(record: boolean): RelayChannel {
    const channel = connectRelay({
      url: `${this.url}/relay`,
      secrets: this.secrets,
      createSocket: (target) => new NodeWebSocket(target) as unknown as WebSocket,
    });
    const destroy = channel.destroy.bind(channel);
    channel.destroy = () => {
      this.destroyed.add(channel);
      destroy();
    };
    if (record) this.opened.push(channel);
    onTestFinished(() => channel.destroy());
    return channel;
  }
}

// Shared by the path tests (tests/unit/path-channel.test.ts).

export const FAST: PathTimings = {
  webrtcFallbackMs: 300,
  probeMs: 60_000, // only the test of rule (e) probes again
  probeTimeoutMs: 2_000,
  probeConfirmMs: 300,
};

let rooms = 0;

export async function until(done: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server, a room code, the fake mesh room and the recorder of real relays. */
export async function setting() {
  const { url } = await startServer();
  const secrets = fakeRoomSecrets(`path-${++rooms}`);
  return { url, secrets, meshes: new FakeMeshRoom(), relays: new RelayRecorder(url, secrets) };
}

export function pathChannel(options: PathChannelOptions): PathChannel {
  const channel = connectPath({ ...options, timings: { ...FAST, ...options.timings } });
  onTestFinished(() => channel.destroy());
  return channel;
}
