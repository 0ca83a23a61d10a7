/**
 * The room view's window (issue 7, item 4). The room view is a view of the session this page
 * holds, not a second copy: no second room connection, no second document. This page opens a
 * same-origin page next to itself (`room.html`: entrypoints/room/index.html in the extension,
 * web/room.html on the web) and renders into that window's document from its own JavaScript
 * realm, so the view reads the same signals and updates with no syncing of its own.
 *
 * Components get an `OpenPresentation` (components/room/present-context.ts) and never touch
 * `window.open`; tests pass a fake window.
 */

/** The room page, relative to the page that presents. */
export const ROOM_PAGE = 'room.html';
/** A named window, so a second Present reaches the same window instead of opening another. */
export const ROOM_WINDOW_NAME = 'kring-room';
/** Ids in the room page: where the view goes, and the text shown while nobody presents. */
export const ROOM_ROOT_ID = 'room';
export const ROOM_FALLBACK_ID = 'room-fallback';

/** Milliseconds to wait for the room page to load before giving up. */
const LOAD_TIMEOUT_MS = 10_000;
const LOAD_POLL_MS = 50;
/** Milliseconds between checks that the room window is still open. */
const CLOSED_POLL_MS = 1_000;

/** What the presenting page needs of the room window (a real Window, or a fake in tests). */
export interface RoomWindow {
  readonly document: Document;
  readonly closed: boolean;
  focus(): void;
  close(): void;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(handle: number): void;
  addEventListener(type: 'pagehide', listener: () => void): void;
  removeEventListener(type: 'pagehide', listener: () => void): void;
}

/** The presenting page: `window`, or a fake in tests. */
export interface PresenterHost {
  readonly document: Document;
  open(url: string, name: string): RoomWindow | null;
  setTimeout(callback: () => void, ms: number): number;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(handle: number): void;
  addEventListener(type: 'pagehide', listener: () => void): void;
  removeEventListener(type: 'pagehide', listener: () => void): void;
}

/** The room window, ready for a view to be rendered into `root`. */
export interface PresentationSurface {
  readonly root: HTMLElement;
  /** The room window's timers, which keep their pace while this page is in the background. */
  readonly ticks: Pick<RoomWindow, 'setInterval' | 'clearInterval'>;
  /** Whether the browser lets the room window go full screen. */
  readonly canFullscreen: boolean;
  isFullscreen(): boolean;
  toggleFullscreen(): void;
  /** Calls `listener` when the room window enters or leaves full screen; returns the unsubscribe. */
  onFullscreenChange(listener: () => void): () => void;
  /** The room page's language and title, for screen readers and the tab strip. */
  label(lang: string, title: string): void;
  focus(): void;
  /** Closes the room window (nothing is lost: it only shows what this page holds). */
  close(): void;
  /** Calls `listener` once when the room window closes or reloads; returns the unsubscribe. */
  onGone(listener: () => void): () => void;
  /**
   * This page stops presenting (it left the session, or is going away): the room window shows
   * its "open the session in Kring" text instead of content that would no longer update.
   * Unmount what was rendered into `root` first.
   */
  release(): void;
}

/** Opens (or brings forward) the room window; null when the browser blocked it. */
export type OpenPresentation = () => Promise<PresentationSurface | null>;

/** Set on the room window while this page presents in it; the room page watches it. */
export interface PresentedWindow {
  kringPresenter?: Document;
}

export function roomWindowPresenter(
  host: PresenterHost = window as unknown as PresenterHost,
  url: string = ROOM_PAGE,
): OpenPresentation {
  let win: RoomWindow | null = null;
  let current: Prepared | null = null;

  return async () => {
    if (current?.active() && win && !win.closed && readDocument(win) === current.doc) {
      current.surface.focus();
      return current.surface;
    }
    current?.surface.release();
    current = null;
    // Reuse the window we opened: window.open with its name would reload it.
    if (!win || win.closed || readDocument(win) === null) win = host.open(url, ROOM_WINDOW_NAME);
    if (!win) return null;
    const doc = await roomDocument(host, win);
    if (!doc) return null;
    current = prepare(host, win, doc);
    current.surface.focus();
    return current.surface;
  };
}

/** The room window's document, or null while it shows another origin's page. */
function readDocument(win: RoomWindow): Document | null {
  try {
    return win.document;
  } catch {
    return null;
  }
}

/** Waits until the room page (not the first about:blank) is parsed. */
function roomDocument(host: PresenterHost, win: RoomWindow): Promise<Document | null> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  return new Promise((resolve) => {
    const check = () => {
      const doc = win.closed ? null : readDocument(win);
      if (doc && doc.readyState !== 'loading' && doc.getElementById(ROOM_ROOT_ID)) {
        resolve(doc);
      } else if (win.closed || Date.now() > deadline) {
        resolve(null);
      } else {
        host.setTimeout(check, LOAD_POLL_MS);
      }
    };
    check();
  });
}

const COPIED = 'data-kring-copied';

/** The presenting page's styles, copied into the room page (replacing an earlier copy). */
export function copyStylesheets(from: Document, to: Document): void {
  for (const old of to.head.querySelectorAll(`[${COPIED}]`)) old.remove();
  for (const node of from.querySelectorAll('link[rel~="stylesheet"], style')) {
    let copy: HTMLElement;
    if (node.tagName === 'LINK') {
      const link = to.createElement('link');
      link.rel = 'stylesheet';
      // Absolute, so the copy does not depend on where the room page lives.
      link.href = (node as HTMLLinkElement).href;
      copy = link;
    } else {
      copy = to.createElement('style');
      copy.textContent = node.textContent;
    }
    copy.setAttribute(COPIED, '');
    to.head.append(copy);
  }
}

interface Prepared {
  readonly surface: PresentationSurface;
  readonly doc: Document;
  /** Neither released nor gone. */
  active(): boolean;
}

function prepare(host: PresenterHost, win: RoomWindow, doc: Document): Prepared {
  copyStylesheets(host.document, doc);
  const root = doc.getElementById(ROOM_ROOT_ID) as HTMLElement;
  const fallback = doc.getElementById(ROOM_FALLBACK_ID);
  root.hidden = false;
  if (fallback) fallback.hidden = true;
  (win as unknown as PresentedWindow).kringPresenter = host.document;

  const goneListeners = new Set<() => void>();
  let gone = false;
  let released = false;
  const onPageHide = () => markGone();
  const closedPoll = host.setInterval(() => {
    if (win.closed || readDocument(win) !== doc) markGone();
  }, CLOSED_POLL_MS);
  win.addEventListener('pagehide', onPageHide);
  // This page going away (the panel closes or reloads): leave the room window tidy.
  const onHostHide = () => surface.release();
  host.addEventListener('pagehide', onHostHide);

  function stopWatching(): void {
    host.clearInterval(closedPoll);
    win.removeEventListener('pagehide', onPageHide);
    host.removeEventListener('pagehide', onHostHide);
  }
  function markGone(): void {
    if (gone) return;
    gone = true;
    stopWatching();
    for (const listener of [...goneListeners]) listener();
  }

  const surface: PresentationSurface = {
    root,
    ticks: win,
    canFullscreen: doc.fullscreenEnabled === true,
    isFullscreen: () => doc.fullscreenElement != null,
    toggleFullscreen() {
      if (doc.fullscreenElement) void doc.exitFullscreen().catch(() => {});
      else void doc.documentElement.requestFullscreen?.().catch(() => {});
    },
    onFullscreenChange(listener) {
      doc.addEventListener('fullscreenchange', listener);
      return () => doc.removeEventListener('fullscreenchange', listener);
    },
    label(lang, title) {
      doc.documentElement.lang = lang;
      doc.title = title;
    },
    focus: () => win.focus(),
    close: () => win.close(),
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    release() {
      stopWatching();
      if (gone || released) return;
      released = true;
      root.replaceChildren();
      root.hidden = true;
      if (fallback) fallback.hidden = false;
      delete (win as unknown as PresentedWindow).kringPresenter;
    },
  };
  return { surface, doc, active: () => !gone && !released };
}
