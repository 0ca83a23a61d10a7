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
    const snapshot = snapshotSession(doc);
    if (!snapshot.ok) return null;
    return harvestFile(snapshot.value);
  } finally {
    stored.destroy();
    doc.destroy();
  }
}
