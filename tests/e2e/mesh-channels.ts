import { REASSEMBLY_TIMEOUT_MS } from '../../lib/limits';
import {
  type Channel,
  ChannelEmitter,
  type ChannelEvents,
  type ChannelStatus,
  type ConnectionCounts,
  type PeerId,
  type PeerInfo,
} from '../../lib/room/channel';
import type { ChannelRoom, ChannelUnderTest } from '../helpers/channel-contract';
import type { MeshBridge } from './mesh-bridge';
import type { MeshCreated } from './pages/mesh-channel';

/**
 * The WebRTC mesh (lib/room/mesh.ts) as the channel contract's ChannelUnderTest: each channel
 * lives in a Chromium of its own (a bridge slot) and is driven synchronously through the
 * bridge, so the contract, the Outbox and the sync layer use it exactly as they use a channel
 * in their own realm. The network is real: it cannot be held, nor its clock faked.
 */

/**
 * Milliseconds `until` waits: enough for a mesh to connect or a 10 MB catch-up over loopback
 * (≤ 8 s seen on a loaded machine), and less than the reassembly timeout, so a message left
 * half put together that only the timeout would heal fails the test instead of passing late.
 */
export const MESH_UNTIL_MS = REASSEMBLY_TIMEOUT_MS - 5_000;
const POLL_MS = 10;

/** A channel of the page in `slot`; events arrive through the bridge, in the page's order. */
class MeshChannelProxy implements Channel {
  readonly handle: number;
  readonly highWaterBytes: number;
  readonly lowWaterBytes: number;
  /** Peers whose `peer-joined` the listeners here have had (and not their `peer-left`). */
  readonly announced = new Set<PeerId>();
  private readonly events = new ChannelEmitter();
  private readonly unlisten: () => void;

  constructor(
    private readonly bridge: MeshBridge,
    readonly slot: number,
    created: MeshCreated,
  ) {
    this.handle = created.handle;
    this.highWaterBytes = created.highWaterBytes;
    this.lowWaterBytes = created.lowWaterBytes;
    this.unlisten = bridge.listen(slot, created.handle, (event, args) =>
      this.dispatch(event, args),
    );
  }

  status(): ChannelStatus {
    return this.call('status');
  }

  peers(): ReadonlyMap<PeerId, PeerInfo> {
    return new Map(this.call<[PeerId, PeerInfo][]>('peers'));
  }

  send(peer: PeerId, frame: Uint8Array): boolean {
    const base64 = Buffer.from(frame.buffer, frame.byteOffset, frame.length).toString('base64');
    return this.call('send', peer, base64);
  }

  bufferedBytes(peer: PeerId): number {
    return this.call('bufferedBytes', peer);
  }

  on<E extends keyof ChannelEvents>(event: E, listener: ChannelEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  connections(): ConnectionCounts {
    return this.call('connections');
  }

  retry(): void {
    this.call('retry');
  }

  destroy(): void {
    this.call('destroy');
  }

  /** Frees the page's channel for good, after the test (destroyed channels stay askable). */
  forget(): void {
    this.unlisten();
    this.call('forget');
  }

  private call<T>(method: string, ...args: unknown[]): T {
    return this.bridge.callSync<T>(this.slot, method, [this.handle, ...args]);
  }

  private dispatch(event: string, args: unknown[]): void {
    if (event === 'peer-joined') this.announced.add(args[0] as PeerId);
    if (event === 'peer-left') this.announced.delete(args[0] as PeerId);
    const emit = this.events.emit.bind(this.events) as (name: string, ...rest: unknown[]) => void;
    emit(event, ...args);
  }
}

export interface MeshChannelsOptions {
  readonly bridge: () => MeshBridge;
  readonly signalingUrl: string;
}

let rooms = 0;

export function meshChannels({ bridge, signalingUrl }: MeshChannelsOptions): ChannelUnderTest {
  return {
    chunks: true,
    controlled: false,
    async open(count, setup) {
      const room = meshRoom(bridge(), signalingUrl);
      try {
        for (let i = 0; i < count; i++) await room.join((channel) => setup?.(channel, i));
      } catch (error) {
        await room.close();
        throw error;
      }
      return room;
    },
  };
}

function meshRoom(bridge: MeshBridge, signalingUrl: string): ChannelRoom {
  // A room of its own per test: channels of earlier tests, still closing, never meet these.
  const roomName = `mesh-contract-${++rooms}-${globalThis.crypto.randomUUID()}`;
  const password = `password of ${roomName}`;
  const channels: MeshChannelProxy[] = [];
  const everyChannel: MeshChannelProxy[] = [];
  /** A mesh channel does not tell its own id: learnt from how the others list it. */
  const ids = new Map<Channel, PeerId>();

  async function until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + MESH_UNTIL_MS;
    while (!done()) {
      if (Date.now() > deadline) {
        const errors = await bridge.errors();
        throw new Error(
          `mesh: not within ${MESH_UNTIL_MS} ms: ${what}` +
            (errors.length > 0 ? `\npage errors:\n  ${errors.join('\n  ')}` : ''),
        );
      }
      await new Promise((next) => setTimeout(next, POLL_MS));
    }
  }

  /** Every channel lists every other, and its listeners have heard each one join. */
  function linked(): boolean {
    return channels.every((channel) => {
      const peers = channel.peers();
      if (peers.size !== channels.length - 1) return false;
      return [...peers.keys()].every((peer) => channel.announced.has(peer));
    });
  }

  /** Ids of channels still unknown: the one peer another lists that is no known channel. */
  function learnIds(): void {
    for (const channel of channels) {
      if (ids.has(channel)) continue;
      const other = channels.find((c) => c !== channel);
      if (!other) continue;
      const known = new Set(channels.filter((c) => c !== channel).map((c) => ids.get(c)));
      const unknown = [...other.peers().keys()].filter((peer) => !known.has(peer));
      if (unknown.length !== 1) throw new Error(`mesh: cannot tell the id of slot ${channel.slot}`);
      ids.set(channel, unknown[0] as PeerId);
    }
  }

  const room: ChannelRoom = {
    channels,
    idOf(channel) {
      const id = ids.get(channel);
      if (!id) throw new Error('mesh: the id of a channel alone in its room is not known yet');
      return id;
    },
    until,
    async join(setup) {
      const taken = new Set(channels.map((c) => c.slot));
      const slot = [...Array(bridge.slots).keys()].find((s) => !taken.has(s));
      if (slot === undefined) {
        throw new Error(`mesh: a room holds at most ${bridge.slots} channels`);
      }
      const created = bridge.callSync<MeshCreated>(slot, 'create', [
        roomName,
        password,
        signalingUrl,
      ]);
      // No await between creating and `setup`: no event can reach the channel before it.
      const channel = new MeshChannelProxy(bridge, slot, created);
      setup?.(channel);
      channels.push(channel);
      everyChannel.push(channel);
      await until(linked, `slot ${slot} and the ${channels.length - 1} others see each other`);
      learnIds();
      // Every link is a WebRTC data channel (TESTING.md: prove WebRTC carried it).
      for (const c of channels) {
        const counts = c.connections();
        if (counts.webrtc !== channels.length - 1 || counts.broadcast !== 0) {
          throw new Error(`mesh: slot ${c.slot} has ${JSON.stringify(counts)} connections`);
        }
      }
      return channel;
    },
    async leave(channel) {
      const proxy = channel as MeshChannelProxy;
      const id = room.idOf(proxy);
      proxy.destroy();
      channels.splice(channels.indexOf(proxy), 1);
      await until(
        () => channels.every((c) => !c.peers().has(id) && !c.announced.has(id)),
        `the others see slot ${proxy.slot} go`,
      );
    },
    async close() {
      for (const channel of everyChannel.splice(0)) channel.forget();
      channels.length = 0;
    },
  };
  return room;
}
