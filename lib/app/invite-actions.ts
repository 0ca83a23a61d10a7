import type { ReadonlySignal } from '@preact/signals';
import type { Translate } from '../i18n/translate';
import type { Platform } from '../platform/types';
import { formatRoomCode, type RoomCode } from '../room/code';
import { inviteFragmentText, parseInviteFragment } from '../room/invite';
import type { CopiedWhat, CurrentSession, Route } from './app-types';
import type { SessionEntry } from './sessions-store';

/** What the invite-link actions need from the app model. */
export interface InviteNeeds {
  readonly platform: Pick<Platform, 'share'>;
  readonly t: ReadonlySignal<Translate>;
  readonly current: ReadonlySignal<CurrentSession | null>;
  readonly sessions: ReadonlySignal<readonly SessionEntry[]>;
  /** The first load of the stored sessions; null until init() starts it. */
  readonly loading: () => Promise<void> | null;
  readonly copy: (text: string, what: CopiedWhat) => Promise<boolean>;
  /** Makes a session this device has the current one again. */
  readonly reopen: (entry: SessionEntry) => Promise<void>;
  readonly go: (next: Route) => void;
}

/** Sharing an invite link, and opening one (the participants' web page). */
export function createInviteActions(needs: InviteNeeds) {
  const { platform, t, current, sessions } = needs;
  return {
    /**
     * Offers the invite link to the system's share sheet. Closing the sheet is not an error;
     * a sheet that fails (or a browser without one) copies the link instead.
     */
    async shareInvite(link: string, code: RoomCode): Promise<void> {
      const text = t.peek()('room.shareText', { code: formatRoomCode(code) });
      const title = current.peek()?.model.snapshot.peek()?.title || t.peek()('app.name');
      try {
        if (!platform.share) throw new Error('no share sheet');
        await platform.share({ title, text, url: link });
      } catch (error) {
        // The person closed the sheet (a DOMException; not an Error subclass everywhere).
        if ((error as { name?: unknown } | null)?.name === 'AbortError') return;
        await needs.copy(link, 'link');
      }
    },

    /**
     * The web page calls this on load (after init) and on every `hashchange` with
     * `location.hash`. A link to a session this device already has reopens it, so a participant
     * who reloads stays in; any other code opens Join with it filled in, and a bad code shows
     * Join with the same message a typed one gets. An empty fragment changes nothing.
     */
    async openInvite(hash: string): Promise<void> {
      // Waits for the stored sessions the link is compared with.
      await needs.loading();
      const parsed = parseInviteFragment(hash);
      if (!parsed) return;
      if (parsed.ok) {
        if (current.peek()?.entry.code === parsed.value) return;
        // Most recently opened first (saveEntry), so a code joined twice with different
        // passphrases reopens the latest.
        const entry = sessions.peek().find((e) => e.code === parsed.value);
        if (entry) {
          await needs.reopen(entry);
          return;
        }
      }
      const code = parsed.ok ? formatRoomCode(parsed.value) : inviteFragmentText(hash);
      needs.go({ name: 'join', code, fromLink: true });
    },
  };
}
