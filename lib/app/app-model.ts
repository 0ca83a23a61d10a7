import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type * as Y from 'yjs';
import type { HarvestFile } from '../export/harvest';
import type { Platform } from '../platform/types';
import { ok, type Result } from '../result';
import type { SessionError } from '../session';
import type {
  AppOptions,
  Busy,
  CopiedWhat,
  CurrentSession,
  RoomServices,
  Route,
  Toast,
} from './app-types';
import { type ConnectNeeds, connectSession } from './connect-session';
import { createContinueActions } from './continue-actions';
import { createDeleteActions } from './delete-actions';
import { createPrintHandout } from './handout';
import { interfaceLanguage } from './interface-language';
import { createInviteActions } from './invite-actions';
import { createSecretsCache } from './secrets-cache';
import { loadEntries, type SessionEntry } from './sessions-store';
import {
  defaultSettings,
  parseSettings,
  participantPage,
  type Settings,
  type SettingsInput,
  type SettingsProblem,
} from './settings';
import { createStartJoin } from './start-join';
import { readStoredHarvest } from './stored-harvest';
import { templatesOnDemand } from './templates-on-demand';

export type * from './app-types';

const SETTINGS_KEY = 'kring.settings';
/** The session that was on screen when the panel closed; reopened with the panel. */
const OPEN_KEY = 'kring.open';

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
  const current = signal<CurrentSession | null>(null);
  const busy = signal<Busy>(null);
  const toast = signal<Toast | null>(null);
  const ready = signal(false);

  const language = interfaceLanguage(settings, () => platform.languages());
  const { locale, t } = language;
  /** The participants' page of invite links; undefined only without any signaling server. */
  const invitePage = computed(() => participantPage(settings.value));

  let closeCurrent: (() => void) | null = null;

  const secretsFor = createSecretsCache();
  const { reloadIfLoaded: reloadOwnTemplates, ...templateActions } = templatesOnDemand(() =>
    import('./own-templates').then((m) => m.createOwnTemplates({ platform, toast, locale })),
  );

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
    const chosen = stored
      ? { ...defaultSettings(options.signalingUrl), ...stored }
      : settings.peek();
    // A page left open across an update may no longer fetch it: keys beat a blank app.
    await language.prepare(chosen).catch(() => undefined);
    settings.value = chosen;
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

  const connectNeeds: ConnectNeeds = {
    services,
    store,
    settings,
    secretsFor,
    guard,
    onSaved: (entries) => {
      sessions.value = entries;
    },
  };

  /** Opens a session document from disk, connects it and makes it the current session. */
  async function open(
    entry: SessionEntry,
    prepare?: (doc: Y.Doc) => Result<void, SessionError>,
  ): Promise<Result<void, SessionError>> {
    leave();
    const live = await connectSession(connectNeeds, entry, prepare);
    if (!live.ok) return live;
    closeCurrent = live.value.close;
    current.value = { entry: live.value.entry, model: live.value.model };
    route.value = { name: 'session' };
    await guard(() => store.set(OPEN_KEY, entry.roomName));
    return ok(undefined);
  }

  /** Makes a stored session the current one, busy meanwhile. */
  async function reopen(entry: SessionEntry): Promise<void> {
    busy.value = 'opening';
    try {
      await guard(() => open(entry));
    } finally {
      busy.value = null;
    }
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

  async function rememberName(name: string): Promise<void> {
    if (name !== settings.peek().displayName) {
      settings.value = { ...settings.peek(), displayName: name };
      await guard(() => store.set(SETTINGS_KEY, settings.peek()));
    }
  }

  const startJoin = createStartJoin({ secretsFor, sessions, busy, toast, open, rememberName });
  const continuing = createContinueActions({ current, persist: services.persist, go });
  const deleting = createDeleteActions({
    store,
    services,
    sessions,
    toast,
    guard,
    leaveIfOpen: (roomName) => {
      if (current.peek()?.entry.roomName === roomName) leave();
    },
    leave,
    // The settings go back to the browser's language, which this page may not have yet.
    prepareDefaults: () => language.prepare(defaultSettings(options.signalingUrl)),
    forget: (what) => {
      sessions.value = what.entries;
      if (what.settings) settings.value = defaultSettings(options.signalingUrl);
      secretsFor.clear();
      // Reads the store again: empty now, unless its key could not be removed.
      reloadOwnTemplates();
    },
  });
  const invite = createInviteActions({
    platform,
    t,
    current,
    sessions,
    loading: () => initialized,
    copy,
    reopen,
    go,
  });

  return {
    route: route as ReadonlySignal<Route>,
    settings: settings as ReadonlySignal<Settings>,
    sessions: sessions as ReadonlySignal<readonly SessionEntry[]>,
    current: current as ReadonlySignal<CurrentSession | null>,
    busy: busy as ReadonlySignal<Busy>,
    toast: toast as ReadonlySignal<Toast | null>,
    ready: ready as ReadonlySignal<boolean>,
    /** Whether the interface language's texts are loaded: until then the app shows no text. */
    textsReady: language.textsReady,
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

    startSession: startJoin.startSession,

    // Built-in and own templates, fetched when a template screen opens (templates-on-demand.ts).
    ...templateActions,
    joinSession: startJoin.joinSession,
    prepareJoin: startJoin.prepareJoin,
    continueFrom: continuing.continueFrom,
    carryOverFor: continuing.carryOverFor,

    async openSession(roomName: string): Promise<void> {
      const entry = sessions.peek().find((e) => e.roomName === roomName);
      if (entry) await reopen(entry);
    },

    /** Closes the session on purpose: the next panel starts at home. */
    leave() {
      leave();
      route.value = { name: 'home' };
      void guard(() => store.remove(OPEN_KEY));
    },

    ...deleting,

    /** The harvest of a stored session without joining its room. */
    async storedHarvest(roomName: string): Promise<HarvestFile | null> {
      const open = current.peek();
      if (open?.entry.roomName === roomName) return open.model.harvest();
      return readStoredHarvest(services.persist, roomName);
    },

    copy,

    shareInvite: invite.shareInvite,
    /** Opens the participants' handout page, print-ready, in a tab of its own. */
    printHandout: createPrintHandout(platform.openPage?.bind(platform)),
    openInvite: invite.openInvite,

    download(fileName: string, markdown: string) {
      platform.download(fileName, markdown, 'text/markdown');
      toast.value = { kind: 'downloaded', file: fileName };
    },

    async saveSettings(input: SettingsInput): Promise<Result<Settings, SettingsProblem[]>> {
      const parsed = parseSettings(input);
      if (!parsed.ok) return parsed;
      await language.prepare(parsed.value);
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
