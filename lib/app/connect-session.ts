import type { ReadonlySignal } from '@preact/signals';
import * as Y from 'yjs';
import type { KeyValueStore } from '../platform/types';
import { ok, type Result } from '../result';
import { rememberMine, type SessionError } from '../session';
import type { CurrentSession, RoomServices } from './app-types';
import type { SecretsFor } from './secrets-cache';
import { createSessionModel } from './session-model';
import { deviceStateName, mineKey, type SessionEntry, saveEntry } from './sessions-store';
import type { Settings } from './settings';

/** What bringing a stored session to life needs from the app model. */
export interface ConnectNeeds {
  readonly services: RoomServices;
  readonly store: KeyValueStore;
  readonly settings: ReadonlySignal<Settings>;
  readonly secretsFor: SecretsFor;
  /** Runs storage work, telling the person when it fails. */
  readonly guard: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  /** The sessions on this device after an entry was saved. */
  readonly onSaved: (entries: readonly SessionEntry[]) => void;
}

/** A connected session and how to end it: `close` lets go of model, transport and disk. */
export interface LiveSession extends CurrentSession {
  readonly close: () => void;
}

/**
 * Loads a session document from disk, lets `prepare` fill a new one, connects it to its room
 * and builds its view-model; the entry is saved as just opened.
 */
export async function connectSession(
  needs: ConnectNeeds,
  entry: SessionEntry,
  prepare?: (doc: Y.Doc) => Result<void, SessionError>,
): Promise<Result<LiveSession, SessionError>> {
  const { services, store, settings, guard } = needs;
  const doc = new Y.Doc();
  const device = new Y.Doc();
  const stored = services.persist(doc, entry.roomName);
  // This device's own state of the session: persisted apart, never given to the transport.
  const storedDevice = services.persist(device, deviceStateName(entry.roomName));
  await Promise.all([stored.loaded, storedDevice.loaded]);
  if (prepare) {
    const prepared = prepare(doc);
    if (!prepared.ok) {
      stored.destroy();
      storedDevice.destroy();
      doc.destroy();
      device.destroy();
      return prepared;
    }
  }
  const secrets = await needs.secretsFor(entry.code, entry.passphrase);
  const transport = services.connect(doc, secrets, {
    signalingUrls: settings.peek().signalingUrls,
    iceServers: settings.peek().iceServers,
    role: entry.role,
  });
  await moveLegacyMine(store, entry.roomName, device, guard);
  const model = createSessionModel({
    doc,
    transport,
    role: entry.role,
    displayName: settings.peek().displayName,
    device,
  });
  const opened = { ...entry, lastOpenedAt: new Date().toISOString() };
  needs.onSaved(await saveEntry(store, opened));
  // Keep the title in "My sessions" in step with the shared one: written when it changes,
  // not on every snapshot (that was a storage write per keystroke).
  let savedTitle = opened.title;
  const syncTitle = model.snapshot.subscribe((snapshot) => {
    if (!snapshot || snapshot.title === savedTitle) return;
    savedTitle = snapshot.title;
    const renamed = { ...opened, title: snapshot.title, locale: snapshot.locale };
    void guard(async () => {
      needs.onSaved(await saveEntry(store, renamed));
    });
  });
  const close = () => {
    syncTitle();
    model.destroy();
    transport.destroy();
    stored.destroy();
    storedDevice.destroy();
    doc.destroy();
    device.destroy();
  };
  return ok({ entry: opened, model, close });
}

/**
 * Kring before schema 2 kept "which items are mine" as a list in the key-value store; it now
 * lives with the rest of the device state. Moved once, then the old key goes.
 */
async function moveLegacyMine(
  store: KeyValueStore,
  roomName: string,
  device: Y.Doc,
  guard: ConnectNeeds['guard'],
): Promise<void> {
  const legacy = await guard(() => store.get<string[]>(mineKey(roomName)));
  if (!Array.isArray(legacy)) return;
  rememberMine(
    device,
    legacy.filter((id): id is string => typeof id === 'string'),
  );
  await guard(() => store.remove(mineKey(roomName)));
}
