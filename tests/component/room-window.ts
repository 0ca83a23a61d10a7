import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window as HappyWindow } from 'happy-dom';
import type { PresenterHost, RoomWindow } from '../../lib/platform/present';

/**
 * A stand-in for the room window that Present opens: a second happy-dom window holding the real
 * room page's markup (entrypoints/room/index.html), so the view is rendered into another
 * document than the panel's, as in the browser.
 */
const alive = new Set<FakeRoomWindow>();

/** Closes the fake windows a test left open (their timers would outlive it). */
export function closeFakeRoomWindows(): void {
  for (const win of alive) win.close();
}

export class FakeRoomWindow implements RoomWindow {
  readonly happy = new HappyWindow({ url: 'https://kring.test/room.html' });
  readonly document = this.happy.document as unknown as Document;
  closed = false;
  focused = 0;
  private readonly hideListeners = new Set<() => void>();

  constructor() {
    const page = readFileSync(resolve('entrypoints/room/index.html'), 'utf8');
    const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
    this.document.documentElement.className = 'room-page';
    this.document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
    alive.add(this);
  }

  get body(): HTMLElement {
    return this.document.body;
  }

  focus(): void {
    this.focused += 1;
  }

  /** The person closes the room window's tab. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    alive.delete(this);
    for (const listener of [...this.hideListeners]) listener();
    void this.happy.happyDOM.close();
  }

  setInterval(callback: () => void, ms: number): number {
    return this.happy.setInterval(callback, ms) as unknown as number;
  }

  clearInterval(handle: number): void {
    this.happy.clearInterval(handle as never);
  }

  addEventListener(_type: 'pagehide', listener: () => void): void {
    this.hideListeners.add(listener);
  }

  removeEventListener(_type: 'pagehide', listener: () => void): void {
    this.hideListeners.delete(listener);
  }
}

/** The panel's side of window.open: records what was opened; `blocked` plays a pop-up blocker. */
export function fakePresenterHost() {
  const windows: FakeRoomWindow[] = [];
  const opened: { url: string; name: string }[] = [];
  const state = { blocked: false };
  const host: PresenterHost = {
    document,
    open(url, name) {
      opened.push({ url, name });
      if (state.blocked) return null;
      const win = new FakeRoomWindow();
      windows.push(win);
      return win;
    },
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    setInterval: (callback, ms) => window.setInterval(callback, ms),
    clearInterval: (handle) => window.clearInterval(handle),
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
  return { host, windows, opened, state };
}
