import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { addItem, type ItemKind, snapshotSession } from '../../lib/session';

/**
 * Large sessions for the end-to-end tests (issue 9), made the way a device would hold them:
 * the test reads the open session's document from the panel's IndexedDB (y-indexeddb's
 * `updates` store), adds items in Node with Kring's own session operations, writes the new
 * state back as one stored update and reloads the panel, which opens it from disk. No test-only
 * code in the product: the panel loads a big session exactly as after a long series of meetings.
 */

/** The derived room name of the session open in the panel (`kring.open` in storage.local). */
export async function openRoomName(page: Page): Promise<string> {
  const name = await page.evaluate(async () => {
    type Storage = { get(key: string): Promise<Record<string, unknown>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: Storage } } };
    const stored = await chrome.storage.local.get('kring.open');
    return stored['kring.open'] as string | undefined;
  });
  if (!name) throw new Error('seed: no session is open in this panel');
  return name;
}

async function readUpdates(page: Page, database: string): Promise<Uint8Array[]> {
  const encoded = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll();
      request.onsuccess = () => resolve(request.result as Uint8Array[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return updates.map((bytes) => {
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    });
  }, database);
  return encoded.map((text) => new Uint8Array(Buffer.from(text, 'base64')));
}

async function appendUpdate(page: Page, database: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ name, base64 }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite');
        transaction.objectStore('updates').add(bytes);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { name: database, base64: Buffer.from(update).toString('base64') },
  );
}

export interface SeedOptions {
  readonly count: number;
  /** Characters of each item's text. */
  readonly chars: number;
  readonly kind?: ItemKind;
}

/**
 * Adds `count` items to the current phase of the session open in `page`, as one update (one
 * transaction), and reloads the panel so it opens the grown session from disk.
 */
export async function seedItems(page: Page, options: SeedOptions): Promise<void> {
  const database = `kring:${await openRoomName(page)}`;
  // The panel writes to IndexedDB in batches (PERSIST_BATCH_MS): wait until the session is there.
  let doc = new Y.Doc();
  let snapshot = snapshotSession(doc);
  for (let tries = 0; !snapshot.ok && tries < 50; tries++) {
    await new Promise((done) => setTimeout(done, 100));
    doc = new Y.Doc();
    for (const update of await readUpdates(page, database)) Y.applyUpdate(doc, update);
    snapshot = snapshotSession(doc);
  }
  if (!snapshot.ok) throw new Error(`seed: stored session unreadable: ${snapshot.error.code}`);
  const phaseId = snapshot.value.currentPhaseId;
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    for (let i = 0; i < options.count; i++) {
      const label = `Seeded ${options.kind ?? 'insight'} ${i + 1}: `;
      const text = label.padEnd(options.chars, 'abcdefghij klmnopqrs tuvwxyz ');
      const added = addItem(doc, { kind: options.kind ?? 'insight', phaseId, text });
      if (!added.ok) throw new Error(`seed: item ${i} refused: ${added.error.code}`);
    }
  });
  await appendUpdate(page, database, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
  await page.reload();
}
