import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * Every session is kept in this device's IndexedDB, so closing the panel loses nothing and
 * edits made offline survive until they can be shared. The database is named after the derived
 * room name, never the room code.
 */
export interface StoredDoc {
  /** Resolves once the stored state has been loaded into the document. */
  readonly loaded: Promise<void>;
  destroy(): void;
}

export function databaseName(roomName: string): string {
  return `kring:${roomName}`;
}

export function persistDoc(doc: Y.Doc, roomName: string): StoredDoc {
  const persistence = new IndexeddbPersistence(databaseName(roomName), doc);
  return {
    loaded: persistence.whenSynced.then(() => undefined),
    destroy: () => {
      void persistence.destroy();
    },
  };
}

/** Removes a session's stored document from this device. Close it first. */
export function deleteStoredDoc(roomName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(databaseName(roomName));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
    // Another tab still has it open: it is deleted as soon as that tab lets go.
    request.onblocked = () => resolve();
  });
}
