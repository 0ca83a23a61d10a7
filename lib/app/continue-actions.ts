import type { ReadonlySignal } from '@preact/signals';
import * as Y from 'yjs';
import type { Locale } from '../locale';
import { type SessionSnapshot, snapshotSession } from '../session';
import { type CarryOver, carryOverOf } from '../session/carry-over';
import type { CurrentSession, RoomServices, Route } from './app-types';

/**
 * What "Continue in a new session" starts from: the carry-over (open questions and actions,
 * the learning question, where they came from), and what the new session's form defaults to.
 */
export interface ContinueSource extends CarryOver {
  /** The earlier session's template, chosen by default when this device has it. */
  readonly templateId: string;
  /** The earlier session's language, the new one's default. */
  readonly locale: Locale;
  /** Whether the earlier session was a large group: the new one's default (a group stays big). */
  readonly largeGroup: boolean;
}

export interface ContinueNeeds {
  readonly current: ReadonlySignal<CurrentSession | null>;
  readonly persist: RoomServices['persist'];
  readonly go: (route: Route) => void;
}

/** "Continue in a new session": from the open session, or from one stored on this device. */
export function createContinueActions(needs: ContinueNeeds) {
  /**
   * The open session as it was when the facilitator pressed Continue. Going to the continue
   * screen closes it, and its last keystrokes may not be on disk yet: the screen reads this.
   */
  let taken: { readonly roomName: string; readonly source: ContinueSource } | null = null;

  function fromOpen(roomName: string): ContinueSource | null {
    const open = needs.current.peek();
    if (open?.entry.roomName !== roomName) return null;
    const snapshot = open.model.snapshot.peek();
    return snapshot ? continueSourceOf(snapshot) : null;
  }

  return {
    /** Shows the continue screen for the session stored as `roomName`. */
    continueFrom(roomName: string): void {
      const source = fromOpen(roomName);
      taken = source ? { roomName, source } : null;
      needs.go({ name: 'continue', roomName });
    },

    /** The carry-over of a session: the open one's model, else its document on this device. */
    async carryOverFor(roomName: string): Promise<ContinueSource | null> {
      const open = fromOpen(roomName);
      if (open) return open;
      if (taken?.roomName === roomName) return taken.source;
      return readStoredSource(needs.persist, roomName);
    },
  };
}

export function continueSourceOf(snapshot: SessionSnapshot): ContinueSource {
  return {
    ...carryOverOf(snapshot),
    templateId: snapshot.template.id,
    locale: snapshot.locale,
    largeGroup: snapshot.largeGroup,
  };
}

/** Like stored-harvest.ts: the stored document, read without joining its room. */
async function readStoredSource(
  persist: RoomServices['persist'],
  roomName: string,
): Promise<ContinueSource | null> {
  const doc = new Y.Doc();
  const stored = persist(doc, roomName);
  try {
    await stored.loaded;
    // What this device could read when it stored it stays readable (stored-harvest.ts says why).
    const snapshot = snapshotSession(doc, { allowNewer: true });
    return snapshot.ok ? continueSourceOf(snapshot.value) : null;
  } finally {
    stored.destroy();
    doc.destroy();
  }
}
