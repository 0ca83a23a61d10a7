import { type KeyValueStore, KRING_KEY_PREFIX } from '../platform/types';
import type { RoomServices } from './app-types';
import { TEMPLATES_KEY } from './own-templates-store';
import { deviceStateName, loadEntries, type SessionEntry } from './sessions-store';

const SETTINGS_KEY = 'kring.settings';
const SESSIONS_KEY = 'kring.sessions';
const DEVICE_SUFFIX = deviceStateName('');

/**
 * What "Delete everything on this device" removed, counted before anything went; and what it
 * could not remove, never hidden behind a success.
 */
export interface DeletedReport {
  /** Sessions whose stored document and device state (drafts, own items) are gone. */
  readonly sessions: number;
  /** Templates of one's own that were stored (valid or not). */
  readonly ownTemplates: number;
  /** Whether settings had been saved on this device, and are gone now. */
  readonly settings: boolean;
  readonly problems: readonly DeleteProblem[];
}

export type DeleteProblem =
  /** Another tab or window holds these sessions open; the browser deletes them when it closes. */
  | { readonly kind: 'sessions-blocked'; readonly count: number }
  | { readonly kind: 'sessions-failed'; readonly count: number; readonly detail: string }
  /** Some of the key-value store (settings, the session list, templates) could not be removed. */
  | { readonly kind: 'storage-failed'; readonly detail: string };

/** What the app holds in memory that the deletion must forget with the stored data. */
export interface Forget {
  /** The sessions still stored (those that could not be removed): the list shows only these. */
  readonly entries: readonly SessionEntry[];
  /** Whether the stored settings are gone (or were never saved): back to the defaults. */
  readonly settings: boolean;
}

export interface DeleteEverythingNeeds {
  readonly store: KeyValueStore;
  readonly services: RoomServices;
  /** Closes the open session, so its databases are not in use while they are deleted. */
  readonly leave: () => void;
  readonly forget: (what: Forget) => void;
}

/**
 * Removes every session document and device state this device stores (also those of sessions
 * whose list entry was lost), every `kring.` key of the store, and what the app keeps of them
 * in memory. Never throws: what failed is in the report. Sessions that could not be removed
 * keep their entry, so they stay visible and a second try finds them.
 */
export async function deleteEverything(needs: DeleteEverythingNeeds): Promise<DeletedReport> {
  const { store, services } = needs;
  needs.leave();
  const problems: DeleteProblem[] = [];

  let keys: string[] | null = null;
  try {
    keys = (await store.keys()).filter((key) => key.startsWith(KRING_KEY_PREFIX));
  } catch (error) {
    problems.push({ kind: 'storage-failed', detail: describe(error) });
  }
  const entries = await loadEntries(store).catch(() => [] as SessionEntry[]);
  const ownTemplates = countTemplates(await store.get<unknown>(TEMPLATES_KEY).catch(() => null));
  // Without a list of databases (an older browser) the entries still name every session that
  // has one, but for those whose entry was lost.
  const stored = await services.listStored().catch(() => [] as string[]);

  const rooms = storedByRoom(entries, stored);
  const outcomes = await Promise.all(
    [...rooms].map(async ([room, names]) => {
      const results = await Promise.allSettled(names.map((name) => services.deleteStored(name)));
      const failure = results.find((result) => result.status === 'rejected');
      return { room, error: failure ? (failure as PromiseRejectedResult).reason : null };
    }),
  );
  const failed = outcomes.filter((outcome) => outcome.error !== null);
  const blocked = failed.filter((outcome) => isBlocked(outcome.error));
  const broken = failed.filter((outcome) => !isBlocked(outcome.error));
  if (blocked.length > 0) problems.push({ kind: 'sessions-blocked', count: blocked.length });
  if (broken.length > 0) {
    problems.push({
      kind: 'sessions-failed',
      count: broken.length,
      detail: describe(broken[0]?.error),
    });
  }
  const left = new Set(failed.map((outcome) => outcome.room));
  const keptEntries = entries.filter((entry) => left.has(entry.roomName));

  const removedKeys = new Set<string>();
  let storageFailure: string | null = null;
  for (const key of keys ?? []) {
    try {
      if (key === SESSIONS_KEY && keptEntries.length > 0) await store.set(key, keptEntries);
      else await store.remove(key);
      removedKeys.add(key);
    } catch (error) {
      storageFailure ??= describe(error);
    }
  }
  if (storageFailure !== null) problems.push({ kind: 'storage-failed', detail: storageFailure });

  // A key is gone when it was removed, or was never there; unlisted keys are not known gone.
  const gone = (key: string) => keys !== null && (removedKeys.has(key) || !keys.includes(key));
  needs.forget({
    entries: gone(SESSIONS_KEY) ? keptEntries : entries,
    settings: gone(SETTINGS_KEY),
  });
  return {
    sessions: rooms.size - failed.length,
    ownTemplates: removedKeys.has(TEMPLATES_KEY) ? ownTemplates : 0,
    settings: removedKeys.has(SETTINGS_KEY),
    problems,
  };
}

/** Every session's stored names, by room: its document and its device state. */
function storedByRoom(
  entries: readonly SessionEntry[],
  stored: readonly string[],
): Map<string, string[]> {
  const rooms = new Map<string, string[]>();
  const add = (room: string, name: string) => {
    const names = rooms.get(room) ?? [];
    if (!names.includes(name)) names.push(name);
    rooms.set(room, names);
  };
  for (const { roomName } of entries) {
    add(roomName, roomName);
    add(roomName, deviceStateName(roomName));
  }
  for (const name of stored) {
    add(name.endsWith(DEVICE_SUFFIX) ? name.slice(0, -DEVICE_SUFFIX.length) : name, name);
  }
  return rooms;
}

/** OWN's format `{ version, templates: [...] }`; anything else stored there counts as none. */
function countTemplates(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const templates = (value as { templates?: unknown }).templates;
  return Array.isArray(templates) ? templates.length : 0;
}

/** lib/room/persistence.ts names the error of a database another page keeps open. */
function isBlocked(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoredDocBlocked';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
