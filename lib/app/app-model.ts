import { computed, type ReadonlySignal, signal } from '@preact/signals';
import * as Y from 'yjs';
import { type HarvestFile, harvestFile } from '../export/harvest';
import { pickLocale, translator } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Platform } from '../platform/types';
import { err, ok, type Result } from '../result';
import { formatRoomCode, generateRoomCode, type RoomCode, type RoomCodeError } from '../room/code';
import { inviteFragmentText, parseInviteFragment, readRoomCode } from '../room/invite';
import { deriveRoomSecrets, type RoomSecrets } from '../room/keys';
import type { StoredDoc } from '../room/persistence';
import type { ConnectTransport } from '../room/transport';
import { createSession, type SessionError, snapshotSession } from '../session';
import type { Template } from '../templates/types';
import { createSessionModel, type Role, type SessionModel } from './session-model';
import { loadEntries, mineKey, removeEntry, type SessionEntry, saveEntry } from './sessions-store';
import {
  defaultSettings,
  parseSettings,
  participantPage,
  type Settings,
  type SettingsInput,
  type SettingsProblem,
} from './settings';

/** How sessions reach other peers and this device's disk; swapped for tests. */
export interface RoomServices {
  readonly connect: ConnectTransport;
  readonly persist: (doc: Y.Doc, roomName: string) => StoredDoc;
  readonly deleteStored: (roomName: string) => Promise<void>;
}

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'new' }
  /** `fromLink`: the code came from an opened invite link; Join checks it at once. */
  | { readonly name: 'join'; readonly code?: string; readonly fromLink?: boolean }
  | { readonly name: 'session' }
  | { readonly name: 'settings' };

export type Busy = null | 'starting' | 'joining' | 'opening';

/** A short message for everyone who can see or hear the screen. */
export type Toast =
  | { readonly kind: 'session-deleted'; readonly title: string }
  | { readonly kind: 'settings-saved' }
  | { readonly kind: 'copied'; readonly what: CopiedWhat }
  | { readonly kind: 'copy-failed' }
  | { readonly kind: 'downloaded'; readonly file: string }
  | { readonly kind: 'storage-failed'; readonly detail: string }
  | { readonly kind: 'session-error'; readonly error: SessionError };

export type CopiedWhat = 'code' | 'link' | 'harvest';

const SETTINGS_KEY = 'kring.settings';
/** The session that was on screen when the panel closed; reopened with the panel. */
const OPEN_KEY = 'kring.open';

export interface StartInput {
  readonly template: Template;
  readonly title: string;
  readonly locale: Locale;
  readonly passphrase: string;
}

export interface JoinInput {
  readonly code: string;
  readonly name: string;
  readonly passphrase: string;
}

/** What differs between the places Kring runs, beyond the platform. */
export interface AppOptions {
  /** The first choice on the home screen: 'join' on the participants' web page. */
  readonly home?: 'new' | 'join';
  /** The default signaling server when not the build-time one (the web page: its own server). */
  readonly signalingUrl?: string;
}

/**
 * The whole app's view-model: which screen, the sessions on this device, settings, and the open
 * session. Entry points build one with a platform and room services; components render it.
 */
export function createAppModel(
  platform: Platform,
  services: RoomServices,
  options: AppOptions = {},
) {
  const { store } = platform;
  const route = signal<Route>({ name: 'home' });
  const settings = signal<Settings>(defaultSettings(options.signalingUrl));
  const sessions = signal<readonly SessionEntry[]>([]);
  const current = signal<{ entry: SessionEntry; model: SessionModel } | null>(null);
  const busy = signal<Busy>(null);
  const toast = signal<Toast | null>(null);
  const ready = signal(false);

  const locale = computed<Locale>(() =>
    settings.value.locale === 'auto' ? pickLocale(platform.languages()) : settings.value.locale,
  );
  const t = computed(() => translator(locale.value));
  /** The participants' page of invite links; undefined only without any signaling server. */
  const invitePage = computed(() => participantPage(settings.value));

  let closeCurrent: (() => void) | null = null;

  /**
   * The KDF is slow on purpose (~0.3-1 s); a session's secrets are derived once per panel and
   * kept in memory only, keyed by what they are derived from.
   */
  const secretsCache = new Map<string, Promise<RoomSecrets>>();
  function secretsFor(code: RoomCode, passphrase: string): Promise<RoomSecrets> {
    const key = JSON.stringify([code, passphrase]);
    let secrets = secretsCache.get(key);
    if (!secrets) {
      secrets = deriveRoomSecrets(code, passphrase);
      secretsCache.set(key, secrets);
    }
    return secrets;
  }

  /** Set by init(): openInvite() waits for the stored sessions it compares the link with. */
  let initialized: Promise<void> | null = null;
  function init(): Promise<void> {
    initialized ??= load();
    return initialized;
  }

  async function load(): Promise<void> {
    const [stored, entries] = await Promise.all([
      store.get<Settings>(SETTINGS_KEY),
      loadEntries(store),
    ]);
    if (stored) settings.value = { ...defaultSettings(options.signalingUrl), ...stored };
    sessions.value = entries;
    const wasOpen = await store.get<string>(OPEN_KEY);
    const entry = entries.find((e) => e.roomName === wasOpen);
    if (entry) await guard(() => open(entry));
    ready.value = true;
  }

  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      toast.value = {
        kind: 'storage-failed',
        detail: error instanceof Error ? error.message : String(error),
      };
      return undefined;
    }
  }

  /** Opens a session document from disk, connects it and makes it the current session. */
  async function open(entry: SessionEntry, prepare?: (doc: Y.Doc) => Result<void, SessionError>) {
    leave();
    const doc = new Y.Doc();
    const stored = services.persist(doc, entry.roomName);
    await stored.loaded;
    if (prepare) {
      const prepared = prepare(doc);
      if (!prepared.ok) {
        stored.destroy();
        doc.destroy();
        return prepared;
      }
    }
    const secrets = await secretsFor(entry.code, entry.passphrase);
    const transport = services.connect(doc, secrets, {
      signalingUrls: settings.peek().signalingUrls,
      iceServers: settings.peek().iceServers,
      role: entry.role,
    });
    const mine = (await store.get<string[]>(mineKey(entry.roomName))) ?? [];
    const model = createSessionModel({
      doc,
      transport,
      role: entry.role,
      displayName: settings.peek().displayName,
      mine,
      onMineChange: (ids) => void guard(() => store.set(mineKey(entry.roomName), ids)),
    });
    const opened = { ...entry, lastOpenedAt: new Date().toISOString() };
    sessions.value = await saveEntry(store, opened);
    // Keep the title in "My sessions" in step with the shared one: written when it changes,
    // not on every snapshot (that was a storage write per keystroke).
    let savedTitle = opened.title;
    const syncTitle = model.snapshot.subscribe((snapshot) => {
      if (!snapshot || snapshot.title === savedTitle) return;
      savedTitle = snapshot.title;
      const renamed = { ...opened, title: snapshot.title, locale: snapshot.locale };
      void guard(async () => {
        sessions.value = await saveEntry(store, renamed);
      });
    });
    closeCurrent = () => {
      syncTitle();
      model.destroy();
      transport.destroy();
      stored.destroy();
      doc.destroy();
    };
    current.value = { entry: opened, model };
    route.value = { name: 'session' };
    await guard(() => store.set(OPEN_KEY, entry.roomName));
    return ok(undefined);
  }

  function leave(): void {
    closeCurrent?.();
    closeCurrent = null;
    current.value = null;
  }

  function go(next: Route): void {
    if (next.name !== 'session' && current.peek()) {
      leave();
      void guard(() => store.remove(OPEN_KEY));
    }
    route.value = next;
  }

  async function copy(text: string, what: CopiedWhat): Promise<boolean> {
    try {
      await platform.copyText(text);
      toast.value = { kind: 'copied', what };
      return true;
    } catch {
      toast.value = { kind: 'copy-failed' };
      return false;
    }
  }

  async function entryFor(
    code: RoomCode,
    passphrase: string,
    role: Role,
    title: string,
    sessionLocale: Locale | null,
  ): Promise<SessionEntry> {
    const { roomName } = await secretsFor(code, passphrase);
    const existing = sessions.peek().find((e) => e.roomName === roomName);
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
    route: route as ReadonlySignal<Route>,
    settings: settings as ReadonlySignal<Settings>,
    sessions: sessions as ReadonlySignal<readonly SessionEntry[]>,
    current: current as ReadonlySignal<{ entry: SessionEntry; model: SessionModel } | null>,
    busy: busy as ReadonlySignal<Busy>,
    toast: toast as ReadonlySignal<Toast | null>,
    ready: ready as ReadonlySignal<boolean>,
    invitePage,
    /** Whether this browser has a share sheet (a Share button is shown only then). */
    canShare: platform.share !== undefined,
    frontDoor: options.home ?? 'new',
    locale,
    t,
    init,

    go,
    dismissToast() {
      toast.value = null;
    },

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
        const result = await open(entry, (doc) =>
          createSession(doc, {
            template: input.template,
            locale: input.locale,
            title: input.title,
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

    /** Participant: checks the code, then joins the room (the session arrives from a peer). */
    async joinSession(input: JoinInput): Promise<Result<void, RoomCodeError>> {
      const parsed = readRoomCode(input.code);
      if (!parsed.ok) return parsed;
      busy.value = 'joining';
      try {
        const name = input.name.trim();
        if (name !== settings.peek().displayName) {
          settings.value = { ...settings.peek(), displayName: name };
          await guard(() => store.set(SETTINGS_KEY, settings.peek()));
        }
        const entry = await entryFor(
          parsed.value,
          input.passphrase.trim(),
          'participant',
          '',
          null,
        );
        await open(entry);
        return ok(undefined);
      } finally {
        busy.value = null;
      }
    },

    async openSession(roomName: string): Promise<void> {
      const entry = sessions.peek().find((e) => e.roomName === roomName);
      if (!entry) return;
      busy.value = 'opening';
      try {
        await guard(() => open(entry));
      } finally {
        busy.value = null;
      }
    },

    /** Closes the session on purpose: the next panel starts at home. */
    leave() {
      leave();
      route.value = { name: 'home' };
      void guard(() => store.remove(OPEN_KEY));
    },

    /** Removes everything this device holds of a session. */
    async deleteSession(roomName: string): Promise<void> {
      const entry = sessions.peek().find((e) => e.roomName === roomName);
      if (!entry) return;
      if (current.peek()?.entry.roomName === roomName) leave();
      await guard(async () => {
        await services.deleteStored(roomName);
        sessions.value = await removeEntry(store, roomName);
        toast.value = { kind: 'session-deleted', title: entry.title };
      });
    },

    /** The harvest of a stored session without joining its room. */
    async storedHarvest(roomName: string): Promise<HarvestFile | null> {
      const open = current.peek();
      if (open?.entry.roomName === roomName) return open.model.harvest();
      const doc = new Y.Doc();
      const stored = services.persist(doc, roomName);
      try {
        await stored.loaded;
        const snapshot = snapshotSession(doc);
        if (!snapshot.ok) return null;
        return harvestFile(snapshot.value);
      } finally {
        stored.destroy();
        doc.destroy();
      }
    },

    copy,

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
        await copy(link, 'link');
      }
    },

    /**
     * The web page calls this on load (after init) and on every `hashchange` with
     * `location.hash`. A link to a session this device already has reopens it, so a participant
     * who reloads stays in; any other code opens Join with it filled in, and a bad code shows
     * Join with the same message a typed one gets. An empty fragment changes nothing.
     */
    async openInvite(hash: string): Promise<void> {
      await initialized;
      const parsed = parseInviteFragment(hash);
      if (!parsed) return;
      if (parsed.ok) {
        if (current.peek()?.entry.code === parsed.value) return;
        // Most recently opened first (saveEntry), so a code joined twice with different
        // passphrases reopens the latest.
        const entry = sessions.peek().find((e) => e.code === parsed.value);
        if (entry) {
          busy.value = 'opening';
          try {
            await guard(() => open(entry));
          } finally {
            busy.value = null;
          }
          return;
        }
      }
      const code = parsed.ok ? formatRoomCode(parsed.value) : inviteFragmentText(hash);
      go({ name: 'join', code, fromLink: true });
    },

    download(fileName: string, markdown: string) {
      platform.download(fileName, markdown, 'text/markdown');
      toast.value = { kind: 'downloaded', file: fileName };
    },

    async saveSettings(input: SettingsInput): Promise<Result<Settings, SettingsProblem[]>> {
      const parsed = parseSettings(input);
      if (!parsed.ok) return parsed;
      settings.value = parsed.value;
      await guard(() => store.set(SETTINGS_KEY, parsed.value));
      toast.value = { kind: 'settings-saved' };
      return parsed;
    },

    destroy() {
      leave();
    },
  };
}

export type AppModel = ReturnType<typeof createAppModel>;
