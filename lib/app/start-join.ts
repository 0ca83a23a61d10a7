import type { ReadonlySignal, Signal } from '@preact/signals';
import type * as Y from 'yjs';
import type { Locale } from '../locale';
import { err, ok, type Result } from '../result';
import { generateRoomCode, type RoomCode, type RoomCodeError } from '../room/code';
import { readRoomCode } from '../room/invite';
import { createSession, type SessionError } from '../session';
import type { Busy, JoinInput, StartInput, Toast } from './app-types';
import type { SecretsFor } from './secrets-cache';
import type { Role } from './session-model';
import type { SessionEntry } from './sessions-store';

/** What starting and joining a session need from the app model. */
export interface StartJoinNeeds {
  readonly secretsFor: SecretsFor;
  readonly sessions: ReadonlySignal<readonly SessionEntry[]>;
  readonly busy: Signal<Busy>;
  readonly toast: Signal<Toast | null>;
  /** Opens the entry's document (filled by `prepare` when new) as the current session. */
  readonly open: (
    entry: SessionEntry,
    prepare?: (doc: Y.Doc) => Result<void, SessionError>,
  ) => Promise<Result<void, SessionError>>;
  /** Keeps the name a participant joins with as this device's display name. */
  readonly rememberName: (name: string) => Promise<void>;
}

/** The two ways into a session that this device does not have yet. */
export function createStartJoin(needs: StartJoinNeeds) {
  const { busy, toast } = needs;

  async function entryFor(
    code: RoomCode,
    passphrase: string,
    role: Role,
    title: string,
    sessionLocale: Locale | null,
  ): Promise<SessionEntry> {
    const { roomName } = await needs.secretsFor(code, passphrase);
    const existing = needs.sessions.peek().find((e) => e.roomName === roomName);
    const now = new Date().toISOString();
    return (
      existing ?? {
        roomName,
        code,
        passphrase,
        role,
        title,
        locale: sessionLocale,
        createdAt: now,
        lastOpenedAt: now,
      }
    );
  }

  return {
    /** Facilitator: a new room code, a new document from the template, connected. */
    async startSession(input: StartInput): Promise<Result<void, SessionError>> {
      busy.value = 'starting';
      try {
        const code = generateRoomCode();
        const entry = await entryFor(
          code,
          input.passphrase.trim(),
          'facilitator',
          input.title.trim() || input.template.name[input.locale],
          input.locale,
        );
        const result = await needs.open(entry, (doc) =>
          createSession(doc, {
            template: input.template,
            locale: input.locale,
            title: input.title,
            learningQuestion: input.learningQuestion,
            continuation: input.continuation,
            largeGroup: input.largeGroup,
          }),
        );
        return result;
      } catch (error) {
        toast.value = { kind: 'storage-failed', detail: String(error) };
        return err({ code: 'not-a-session' });
      } finally {
        busy.value = null;
      }
    },

    /**
     * A valid code is on the Join screen (from an invite link, or typed): start the slow key
     * derivation now, while the person types a name, so Join is quick. On a phone at 4× CPU it
     * is ~0.7 s of the join (bench). Nothing leaves the device; a passphrase typed later is
     * derived at Join as before.
     */
    prepareJoin(text: string): void {
      const parsed = readRoomCode(text);
      if (parsed.ok) void needs.secretsFor(parsed.value, '').catch(() => {});
    },

    /** Participant: checks the code, then joins the room (the session arrives from a peer). */
    async joinSession(input: JoinInput): Promise<Result<void, RoomCodeError>> {
      const parsed = readRoomCode(input.code);
      if (!parsed.ok) return parsed;
      busy.value = 'joining';
      try {
        await needs.rememberName(input.name.trim());
        const entry = await entryFor(
          parsed.value,
          input.passphrase.trim(),
          'participant',
          '',
          null,
        );
        await needs.open(entry);
        return ok(undefined);
      } finally {
        busy.value = null;
      }
    },
  };
}
