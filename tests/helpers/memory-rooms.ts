import * as Y from 'yjs';
import type { RoomServices } from '../../lib/app/app-model';
import type { Role } from '../../lib/app/session-model';
import type { ChannelStatus } from '../../lib/room/channel';
import { channelTransport } from '../../lib/room/channel-transport';
import type { StoredDoc } from '../../lib/room/persistence';
import type { Transport } from '../../lib/room/transport';
import { MemoryNetwork, type MemoryNetworkOptions } from './memory-channel';

/**
 * Rooms inside one process: the real sync layer and transport status (channel-transport.ts)
 * over in-memory channels that deliver every frame at once, and "disk" as a map of encoded
 * document states. It lets component tests run the real app model, session engine and sync
 * without WebRTC; the WebRTC mesh itself is proven in the browser end-to-end tests.
 */
const DEFAULT_DEVICE = 'this device';

export class MemoryRooms {
  readonly network: MemoryNetwork;
  private readonly disks = new Map<string, Map<string, Uint8Array>>();
  /** The channel health every new transport starts with; tests change it to show other states. */
  status: ChannelStatus = { kind: 'online' };
  /** The devices whose transport was asked for the relay ("Large group", issue 10), per ask. */
  readonly relayAsks: string[] = [];

  /** `network`: e.g. a manual network with small frames, to watch a catch-up arrive. */
  constructor(network: MemoryNetworkOptions = {}) {
    this.network = new MemoryNetwork(network);
  }

  /**
   * The room services of one device. Each device has its own "disk": a participant's device
   * must get the session from the network, never from the facilitator's storage. Call it with
   * the same name again for the same device (a reload).
   */
  services(device = DEFAULT_DEVICE): RoomServices {
    return {
      connect: (doc, secrets, options) => this.connect(doc, secrets.roomName, options.role, device),
      persist: (doc, roomName) => this.persist(this.diskOf(device), doc, roomName),
      deleteStored: async (roomName) => {
        this.diskOf(device).delete(roomName);
      },
      listStored: async () => [...this.diskOf(device).keys()],
    };
  }

  /** The stored documents of the default device, by room name. */
  get disk(): Map<string, Uint8Array> {
    return this.diskOf(DEFAULT_DEVICE);
  }

  diskOf(device: string): Map<string, Uint8Array> {
    let disk = this.disks.get(device);
    if (!disk) {
      disk = new Map();
      this.disks.set(device, disk);
    }
    return disk;
  }

  private connect(doc: Y.Doc, roomName: string, role: Role, device: string): Transport {
    const transport = channelTransport(doc, role, () => {
      const channel = this.network.channel(roomName, this.status);
      // Linked once the sync layer listens, as a real channel's peers join after it starts.
      queueMicrotask(() => this.network.connect(channel));
      return channel;
    });
    // A spy on the app's ask for the relay; whatever the transport itself does with it still runs.
    const ownPreferRelay = transport.preferRelay?.bind(transport);
    transport.preferRelay = () => {
      this.relayAsks.push(device);
      ownPreferRelay?.();
    };
    return transport;
  }

  private persist(disk: Map<string, Uint8Array>, doc: Y.Doc, roomName: string): StoredDoc {
    const stored = disk.get(roomName);
    if (stored) Y.applyUpdate(doc, stored, this);
    const save = () => disk.set(roomName, Y.encodeStateAsUpdate(doc));
    doc.on('update', save);
    return {
      loaded: Promise.resolve(),
      destroy: () => {
        save();
        doc.off('update', save);
      },
    };
  }
}
