import type { Signal } from '@preact/signals';
import type { KeyValueStore } from '../platform/types';
import type { RoomServices, Toast } from './app-types';
import type { DeletedReport, Forget } from './delete-everything';
import { deviceStateName, removeEntry, type SessionEntry } from './sessions-store';

export interface DeleteNeeds {
  readonly store: KeyValueStore;
  readonly services: RoomServices;
  readonly sessions: Signal<readonly SessionEntry[]>;
  readonly toast: Signal<Toast | null>;
  /** Runs `work`, showing a storage failure as a toast instead of throwing. */
  readonly guard: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  /** Closes the session on screen if it is `roomName`, so its database can be deleted. */
  readonly leaveIfOpen: (roomName: string) => void;
  readonly leave: () => void;
  /** Loads what the interface needs once the settings are back to their defaults. */
  readonly prepareDefaults: () => Promise<void>;
  /** Forgets in memory what "Delete everything" removed from the device. */
  readonly forget: (what: Forget) => void;
}

/** Deleting what this device keeps: one session from "My sessions", or everything (Settings). */
export function createDeleteActions(needs: DeleteNeeds) {
  const { store, services, sessions, toast } = needs;
  return {
    /** Removes everything this device holds of a session. */
    async deleteSession(roomName: string): Promise<void> {
      const entry = sessions.peek().find((e) => e.roomName === roomName);
      if (!entry) return;
      needs.leaveIfOpen(roomName);
      await needs.guard(async () => {
        // Another tab holding it open only delays the deletion until it lets go (persistence.ts).
        const stillOpenElsewhere = (error: unknown) => {
          if (error instanceof Error && error.name === 'StoredDocBlocked') return;
          throw error;
        };
        await services.deleteStored(roomName).catch(stillOpenElsewhere);
        await services.deleteStored(deviceStateName(roomName)).catch(stillOpenElsewhere);
        sessions.value = await removeEntry(store, roomName);
        toast.value = { kind: 'session-deleted', title: entry.title };
      });
    },

    /** "Delete everything on this device": every session, draft, own template and setting. */
    async deleteEverything(): Promise<DeletedReport> {
      // Fetched when needed: Settings is the only way there, and once is the usual count.
      const [{ deleteEverything }] = await Promise.all([
        import('./delete-everything'),
        needs.prepareDefaults(),
      ]);
      return deleteEverything({ store, services, leave: needs.leave, forget: needs.forget });
    },
  };
}
