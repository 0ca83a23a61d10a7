import * as Y from 'yjs';
import type { RoomServices } from '../../lib/app/app-model';
import type { Role } from '../../lib/app/session-model';
import type { ChannelStatus } from '../../lib/room/channel';
import { channelTransport } from '../../lib/room/channel-transport';
import type { StoredDoc } from '../../lib/room/persistence';
import type { Transport } from '../../lib/room/transport';
import { MemoryNetwork } from './memory-channel';

/**
 * Rooms inside one process: the real sync layer and transport status (channel-transport.ts)
 * over in-memory channels that deliver every frame at once, and "disk" as a map of encoded
 * document states. It lets component tests run the real app model, session engine and sync
 * without WebRTC; the WebRTC mesh itself is proven in the browser end-to-end tests.
 */
export class MemoryRooms {
  readonly network = new MemoryNetwork();
  readonly disk = new Map<string, Uint8Array>();
  /** The channel health every new transport starts with; tests change it to show other states. */
  status: ChannelStatus = { kind: 'online' };

  services(): RoomServices {
    return {
      connect: (doc, secrets, options) => this.connect(doc, secrets.roomName, options.role),
      persist: (doc, roomName) => this.persist(doc, roomName),
      deleteStored: async (roomName) => {
        this.disk.delete(roomName);
      },
    };
  }

  private connect(doc: Y.Doc, roomName: string, role: Role): Transport {
    return channelTransport(doc, role, () => {
      const channel = this.network.channel(roomName, this.status);
      // Linked once the sync layer listens, as a real channel's peers join after it starts.
      queueMicrotask(() => this.network.connect(channel));
      return channel;
    });
  }

  private persist(doc: Y.Doc, roomName: string): StoredDoc {
    const stored = this.disk.get(roomName);
    if (stored) Y.applyUpdate(doc, stored, this);
    const save = () => this.disk.set(roomName, Y.encodeStateAsUpdate(doc));
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
