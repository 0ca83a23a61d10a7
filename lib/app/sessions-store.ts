import type { Locale } from '../locale';
import type { KeyValueStore } from '../platform/types';
import type { RoomCode } from '../room/code';

/** What this device remembers of a session it started or joined, to reopen it. */
export interface SessionEntry {
  /** The derived room name: the local key of the session and its IndexedDB database. */
  readonly roomName: string;
  readonly code: RoomCode;
  /** '' when none. Kept locally so a reopened session can rejoin without asking again. */
  readonly passphrase: string;
  readonly role: 'facilitator' | 'participant';
  readonly title: string;
  readonly locale: Locale | null;
  readonly createdAt: string;
  readonly lastOpenedAt: string;
}

const SESSIONS_KEY = 'kring.sessions';

export async function loadEntries(store: KeyValueStore): Promise<SessionEntry[]> {
  const entries = await store.get<SessionEntry[]>(SESSIONS_KEY);
  return Array.isArray(entries) ? entries : [];
}

/** Adds or replaces the entry with the same room, most recently opened first. */
export async function saveEntry(
  store: KeyValueStore,
  entry: SessionEntry,
): Promise<SessionEntry[]> {
  const others = (await loadEntries(store)).filter((e) => e.roomName !== entry.roomName);
  const entries = [entry, ...others].sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt));
  await store.set(SESSIONS_KEY, entries);
  return entries;
}

export async function removeEntry(store: KeyValueStore, roomName: string): Promise<SessionEntry[]> {
  const entries = (await loadEntries(store)).filter((e) => e.roomName !== roomName);
  await store.set(SESSIONS_KEY, entries);
  await store.remove(mineKey(roomName));
  return entries;
}

/**
 * Where Kring before schema 2 kept the ids of the items this device wrote; read once to move
 * them into the device state (connect-session.ts).
 */
export function mineKey(roomName: string): string {
  return `kring.mine.${roomName}`;
}

/**
 * The stored name of a session's device-local state (drafts, own items, voter key; see
 * lib/session/device-state.ts), next to the session document's own.
 */
export function deviceStateName(roomName: string): string {
  return `${roomName}:device`;
}
