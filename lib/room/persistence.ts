import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { PERSIST_BATCH_MS } from '../limits';
import { FromPeer } from './sync-peer';

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

const DATABASE_PREFIX = 'kring:';

export function databaseName(roomName: string): string {
  return `${DATABASE_PREFIX}${roomName}`;
}

export function persistDoc(doc: Y.Doc, roomName: string): StoredDoc {
  const persistence = new IndexeddbPersistence(databaseName(roomName), doc);
  const stopBatching = batchWrites(doc, persistence);
  return {
    loaded: persistence.whenSynced.then(() => undefined),
    destroy: () => {
      stopBatching();
      void persistence.destroy();
    },
  };
}

/**
 * How long a deletion may wait for other connections to the database to close. Kring's own
 * connections close when asked (lib0's openDB closes on `versionchange`), and the one of the
 * session just left closes a moment after leaving, so a deletion that waits longer is held up
 * by a page that does not let go.
 */
const DELETE_BLOCKED_MS = 3_000;

/**
 * Removes a session's stored document from this device. Close it first. Rejects with an error
 * named `StoredDocBlocked` when another page keeps the database open; the browser then still
 * deletes it once that page lets go.
 */
export function deleteStoredDoc(roomName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(databaseName(roomName));
    let timer: ReturnType<typeof setTimeout> | undefined;
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('deleteDatabase failed'));
    };
    request.onblocked = () => {
      timer ??= setTimeout(() => {
        const error = new Error('another tab or window still has this session open');
        error.name = 'StoredDocBlocked';
        reject(error);
      }, DELETE_BLOCKED_MS);
    };
  });
}

/**
 * The room names (as deleteStoredDoc takes them) of every Kring database this origin holds,
 * also those of sessions whose entry in the list was lost. [] where the browser cannot list
 * its databases (`indexedDB.databases()` is missing in Firefox before 126).
 */
export async function listStoredDocs(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const databases = await indexedDB.databases();
  return databases
    .map((database) => database.name ?? '')
    .filter((name) => name.startsWith(DATABASE_PREFIX))
    .map((name) => name.slice(DATABASE_PREFIX.length));
}

/**
 * y-indexeddb opens an IndexedDB transaction for every update, inside the `update` event and
 * before the transport sends the update on: a write per keystroke of anyone in the room. On a
 * busy machine those writes were what made Kring slower than raw y-webrtc (bench: 1.6 → 1.0 at
 * 5 peers without them). Updates from other peers are now collected and written merged, at
 * most PERSIST_BATCH_MS after the first one, and at once when the page is hidden or closed, or
 * the session is closed; this device's own changes are written at once.
 */
function batchWrites(doc: Y.Doc, persistence: IndexeddbPersistence): () => void {
  const store = (
    persistence as unknown as { _storeUpdate?: (update: Uint8Array, origin: unknown) => void }
  )._storeUpdate;
  if (typeof store !== 'function') return () => {}; // another y-indexeddb: leave it as it is
  doc.off('update', store);
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushQueued = false;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const merged = Y.mergeUpdates(pending);
    pending = [];
    store(merged, null);
  };
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === persistence) return; // loaded from disk: already there
    pending.push(update);
    // What this person did is written right away: a transaction opened in `pagehide` is not
    // committed when the page reloads (Chromium), so a batched last edit could be lost, and
    // offline nobody else has it. "Right away" is a microtask: after the sync layer has sent
    // the edit (an IndexedDB transaction in the update event cost every keystroke ~1 ms of
    // latency in the bench), long before any reload. Others' updates wait for the batch.
    if (origin instanceof FromPeer) timer ??= setTimeout(flush, PERSIST_BATCH_MS);
    else if (!flushQueued) {
      flushQueued = true;
      queueMicrotask(() => {
        flushQueued = false;
        flush();
      });
    }
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  doc.on('update', collect);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    flush();
    doc.off('update', collect);
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
