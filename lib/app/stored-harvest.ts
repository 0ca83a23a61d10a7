import * as Y from 'yjs';
import { type HarvestFile, harvestFile } from '../export/harvest';
import { snapshotSession } from '../session';
import type { RoomServices } from './app-types';

/** The harvest of a session on this device's disk, read without joining its room. */
export async function readStoredHarvest(
  persist: RoomServices['persist'],
  roomName: string,
): Promise<HarvestFile | null> {
  const doc = new Y.Doc();
  const stored = persist(doc, roomName);
  try {
    await stored.loaded;
    // What this device stores it could read when it stored it: a later claim of a newer
    // schema by some peer must not keep its harvest from its owner (lib/session/schema.ts).
    const snapshot = snapshotSession(doc, { allowNewer: true });
    if (!snapshot.ok) return null;
    return harvestFile(snapshot.value);
  } finally {
    stored.destroy();
    doc.destroy();
  }
}
