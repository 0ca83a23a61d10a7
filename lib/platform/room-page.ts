import { type PresentedWindow, ROOM_FALLBACK_ID, ROOM_ROOT_ID } from './present';

/** Milliseconds between checks that the presenting page is still there. */
const WATCH_MS = 1_000;

/**
 * Runs in the room page itself (entrypoints/room, web/room.html). The view in it is rendered by
 * the page that pressed Present; when that page closes, crashes or reloads without tidying up,
 * the view would freeze with old content. So the room page checks every second that the
 * presenting document is still the one on screen in its window, and otherwise clears the view
 * and shows its "open the session in Kring" text again.
 */
export function watchPresenter(
  win: Window & PresentedWindow = window,
  everyMs = WATCH_MS,
): () => void {
  const check = () => {
    const presenter = win.kringPresenter;
    if (!presenter || presenterAlive(presenter)) return;
    delete win.kringPresenter;
    const root = win.document.getElementById(ROOM_ROOT_ID);
    root?.replaceChildren();
    if (root) root.hidden = true;
    const fallback = win.document.getElementById(ROOM_FALLBACK_ID);
    if (fallback) fallback.hidden = false;
  };
  const interval = win.setInterval(check, everyMs);
  return () => win.clearInterval(interval);
}

/**
 * A document whose window closed has no `defaultView`; one that was replaced (the panel
 * reloaded) is no longer its window's document.
 */
function presenterAlive(presenter: Document): boolean {
  try {
    const view = presenter.defaultView;
    return view !== null && !view.closed && view.document === presenter;
  } catch {
    return false;
  }
}
