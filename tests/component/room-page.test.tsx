import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { PresentedWindow } from '../../lib/platform/present';
import { watchPresenter } from '../../lib/platform/room-page';
import { closeFakeRoomWindows, FakeRoomWindow } from './room-window';

afterEach(() => closeFakeRoomWindows());

/** The room page with a view in it, rendered by a presenting page that is itself a window. */
function presentedRoom() {
  const room = new FakeRoomWindow();
  const presenter = new HappyWindow({ url: 'https://kring.test/sidepanel.html' });
  const root = room.document.getElementById('room') as HTMLElement;
  const fallback = room.document.getElementById('room-fallback') as HTMLElement;
  root.hidden = false;
  fallback.hidden = true;
  root.innerHTML = '<h1>What did we intend?</h1>';
  const win = room.happy as unknown as Window & PresentedWindow;
  win.kringPresenter = presenter.document as unknown as Document;
  const stop = watchPresenter(win, 10);
  return { root, fallback, presenter, stop };
}

const tick = () => new Promise((done) => setTimeout(done, 50));

describe('the room page on its own', () => {
  it('keeps the view while the presenting page is there', async () => {
    const { root, fallback, stop } = presentedRoom();
    await tick();
    expect(root.textContent).toBe('What did we intend?');
    expect(fallback.hidden).toBe(true);
    stop();
  });

  it('clears the view and shows its text when the presenting page closed without tidying up', async () => {
    const { root, fallback, presenter, stop } = presentedRoom();
    await presenter.happyDOM.close();
    await tick();
    expect(root.childElementCount).toBe(0);
    expect(root.hidden).toBe(true);
    expect(fallback.hidden).toBe(false);
    expect(fallback.textContent).toContain('Open the session in Kring and press Present.');
    stop();
  });
});
