import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomServices } from '../../lib/app/app-model';
import type { StoredDoc } from '../../lib/room/persistence';
import type { Transport, TransportStatus } from '../../lib/room/transport';

/**
 * Rooms inside one process: peers of the same room exchange real Yjs and awareness updates
 * synchronously, and "disk" is a map of encoded document states. It lets component tests run
 * the real app model and session engine without WebRTC; the WebRTC transport itself is proven
 * in the browser end-to-end tests.
 */
export class MemoryRooms {
  private readonly rooms = new Map<
    string,
    Set<{ doc: Y.Doc; awareness: awarenessProtocol.Awareness }>
  >();
  readonly disk = new Map<string, Uint8Array>();
  /** What every new transport reports; tests change it to show other states. */
  status: TransportStatus = { kind: 'connected', peers: 0 };

  services(): RoomServices {
    return {
      connect: (doc, secrets) => this.connect(doc, secrets.roomName),
      persist: (doc, roomName) => this.persist(doc, roomName),
      deleteStored: async (roomName) => {
        this.disk.delete(roomName);
      },
    };
  }

  private connect(doc: Y.Doc, roomName: string): Transport {
    const awareness = new awarenessProtocol.Awareness(doc);
    const peers = this.rooms.get(roomName) ?? new Set();
    this.rooms.set(roomName, peers);
    const self = { doc, awareness };
    for (const peer of peers) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer.doc), this);
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(doc), this);
    }
    peers.add(self);
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      for (const peer of peers) if (peer !== self) Y.applyUpdate(peer.doc, update, this);
    };
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === this) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [
        ...added,
        ...updated,
        ...removed,
      ]);
      for (const peer of peers)
        if (peer !== self) awarenessProtocol.applyAwarenessUpdate(peer.awareness, update, this);
    };
    doc.on('update', onUpdate);
    awareness.on('update', onAwareness);
    for (const peer of peers) {
      if (peer === self) continue;
      const theirs = awarenessProtocol.encodeAwarenessUpdate(peer.awareness, [
        ...peer.awareness.getStates().keys(),
      ]);
      awarenessProtocol.applyAwarenessUpdate(awareness, theirs, this);
    }
    const status = this.status;
    return {
      awareness,
      status: () => status,
      onStatus: () => () => {},
      connections: () => ({ webrtc: peers.size - 1, broadcast: 0 }),
      retry: () => {},
      destroy: () => {
        doc.off('update', onUpdate);
        awareness.off('update', onAwareness);
        awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], 'destroy');
        peers.delete(self);
        for (const peer of peers)
          awarenessProtocol.removeAwarenessStates(peer.awareness, [doc.clientID], this);
        awareness.destroy();
      },
    };
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
