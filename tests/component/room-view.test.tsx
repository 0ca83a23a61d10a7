import { act, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/App';
import { PresentContext } from '../../components/room/present-context';
import { type AppModel, createAppModel } from '../../lib/app/app-model';
import { ARRIVALS_WINDOW_MS, CATCH_UP_MS } from '../../lib/app/arrivals';
import { roomWindowPresenter } from '../../lib/platform/present';
import { formatRoomCode } from '../../lib/room/code';
import { MemoryRooms } from '../helpers/memory-rooms';
import { testPlatform } from './render-app';
import { closeFakeRoomWindows, fakePresenterHost } from './room-window';

afterEach(() => {
  vi.useRealTimers();
  closeFakeRoomWindows();
});

/**
 * A facilitator in the panel, with Present opening a fake room window, and (when asked for: a
 * join costs a slow key derivation) a participant in the same in-memory room, joined through
 * the app model (the Join screen has its own tests).
 */
async function presentingFacilitator(languages = ['en-GB'], withParticipant = false) {
  const rooms = new MemoryRooms();
  const presenter = fakePresenterHost();
  const facilitator = createAppModel(testPlatform(languages), rooms.services('facilitator'));
  const participant = createAppModel(testPlatform(), rooms.services('participant'));
  await Promise.all([facilitator.init(), participant.init()]);
  await Promise.all([facilitator.loadTemplates(), participant.loadTemplates()]);
  const f = within(
    render(
      <PresentContext.Provider value={roomWindowPresenter(presenter.host)}>
        <App app={facilitator} />
      </PresentContext.Provider>,
    ).container as HTMLElement,
  );
  const en = languages[0]?.startsWith('en');
  fireEvent.click(f.getByRole('button', { name: en ? 'New session' : 'Nieuwe sessie' }));
  fireEvent.click(f.getByRole('radio', { name: en ? 'Lessons-learned harvest' : 'Leeroogst' }));
  fireEvent.click(f.getByRole('button', { name: en ? 'Start session' : 'Sessie starten' }));
  const code = await waitFor(
    () => {
      const entry = facilitator.current.value?.entry;
      expect(entry).toBeTruthy();
      return entry?.code as NonNullable<typeof entry>['code'];
    },
    { timeout: 5000 },
  );
  if (withParticipant) {
    await participant.joinSession({ code: formatRoomCode(code), name: 'Noor', passphrase: '' });
    await waitFor(() => expect(participant.current.value?.model.snapshot.value).toBeTruthy());
  }
  return { f, facilitator, participant, presenter, code };
}

/**
 * The first phase, "What did we intend?", is for writing alone first: Reveal makes it share
 * contributions at once, once the participant has seen it.
 */
async function reveal(f: ReturnType<typeof within>, participant: AppModel) {
  fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
  await waitFor(() =>
    expect(participant.current.value?.model.phaseView.value?.phase.revealedAt).toBeTruthy(),
  );
}

/** Presses Present and returns the room window's body to query. */
async function present(
  f: ReturnType<typeof within>,
  presenter = fakePresenterHost(),
  name = 'Present',
) {
  fireEvent.click(f.getByRole('button', { name }));
  const win = await waitFor(() => {
    const latest = presenter.windows.at(-1);
    expect(latest?.document.getElementById('room')?.childElementCount).toBeGreaterThan(0);
    return latest as NonNullable<typeof latest>;
  });
  return { win, room: within(win.body) };
}

describe('the room view', () => {
  it('opens from Present in a window of its own with the current phase, never the notes', async () => {
    const style = document.createElement('style');
    style.textContent = '.room-view { color: #1d2626 }';
    document.head.append(style);
    const { f, facilitator, presenter } = await presentingFacilitator();
    const { win, room } = await present(f, presenter);
    style.remove();
    expect(win.document.head.querySelector('style')?.textContent).toBe(style.textContent);
    expect(presenter.opened).toEqual([{ url: 'room.html', name: 'kring-room' }]);
    expect(room.getByRole('heading', { level: 1, name: 'What did we intend?' })).toBeTruthy();
    expect(
      room.getByText('What did we set out to do, and how would we have known that it worked?'),
    ).toBeTruthy();
    const notes = facilitator.current.value?.model.snapshot.value?.phases[0]?.notes ?? '';
    expect(notes.length).toBeGreaterThan(20);
    expect(win.body.textContent).not.toContain(notes.slice(0, 20));
    expect(room.queryByText('Facilitator notes')).toBeNull();
    // The "press Present" text steps aside.
    expect(win.document.getElementById('room-fallback')?.hidden).toBe(true);
    expect(win.document.title).toBe('Room view · Lessons-learned harvest');
  });

  it("follows the facilitator's phase moves, not a phase the facilitator looks back at", async () => {
    const { f, presenter } = await presentingFacilitator();
    const { room } = await present(f, presenter);
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    await room.findByRole('heading', { level: 1, name: 'What actually happened?' });
    expect(room.getByText('Phase 2 of 5')).toBeTruthy();
    fireEvent.click(f.getByText('All phases'));
    fireEvent.click(f.getByRole('button', { name: 'What did we intend?' }));
    expect(f.getByText('Phase 1 of 5')).toBeTruthy();
    expect(room.getByRole('heading', { level: 1, name: 'What actually happened?' })).toBeTruthy();
  });

  it("shows another peer's contribution as it arrives, and how many are here", async () => {
    const { f, participant, presenter } = await presentingFacilitator(['en-GB'], true);
    const { room } = await present(f, presenter);
    await room.findByText('2 here');
    expect(room.getByRole('heading', { level: 2, name: 'Insights (0)' })).toBeTruthy();
    await reveal(f, participant);
    participant.current.value?.model.addItem('insight', 'The goal was too vague.');
    await room.findByText('The goal was too vague.');
    expect(room.getByRole('heading', { level: 2, name: 'Insights (1)' })).toBeTruthy();
    await act(() => participant.leave());
    await room.findByText('1 here');
  });

  it('shows how many drafts are written while the group writes alone, never their text', async () => {
    const { f, participant, presenter } = await presentingFacilitator(['en-GB'], true);
    const { win, room } = await present(f, presenter);
    expect(
      room.getByText(
        'Write alone first. What you write stays on your own device until the facilitator reveals.',
      ),
    ).toBeTruthy();
    expect(room.getByText('No drafts written yet.')).toBeTruthy();
    participant.current.value?.model.addItem('insight', 'A private thought.');
    participant.current.value?.model.addItem('insight', 'Another one.');
    await room.findByText('2 drafts written so far');
    expect(win.body.textContent).not.toContain('A private thought.');
    expect(room.getByRole('heading', { level: 2, name: 'Insights (0)' })).toBeTruthy();

    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    await room.findByText('A private thought.');
    expect(room.getByRole('heading', { level: 2, name: 'Insights (2)' })).toBeTruthy();
    expect(room.queryByText(/drafts? written so far/)).toBeNull();
    expect(room.queryByText(/^Write alone first/)).toBeNull();
  });

  it('shows the room code and QR code until the facilitator hides them', async () => {
    const { f, presenter, code } = await presentingFacilitator();
    const { room } = await present(f, presenter);
    const formatted = formatRoomCode(code);
    expect(room.getByText(formatted)).toBeTruthy();
    expect(room.getByRole('img', { name: /^QR code/ })).toBeTruthy();
    fireEvent.click(room.getByRole('button', { name: 'Hide code' }));
    expect(room.queryByText(formatted)).toBeNull();
    expect(room.queryByRole('img', { name: /^QR code/ })).toBeNull();
    fireEvent.click(room.getByRole('button', { name: 'Show code' }));
    expect(room.getByText(formatted)).toBeTruthy();
  });

  it('shows the shared timer and its pause', async () => {
    const { f, presenter } = await presentingFacilitator();
    const { room } = await present(f, presenter);
    fireEvent.click(f.getByRole('button', { name: 'Start timer (10 min)' }));
    await room.findByText(/^(10:00|9:5\d)$/);
    fireEvent.click(f.getByRole('button', { name: 'Pause timer' }));
    await room.findByText('paused');
  });

  it('brings the same window forward on a second Present, without opening another', async () => {
    const { f, presenter } = await presentingFacilitator();
    const { win } = await present(f, presenter);
    expect(win.focused).toBe(1);
    fireEvent.click(f.getByRole('button', { name: 'Present' }));
    await waitFor(() => expect(win.focused).toBe(2));
    expect(presenter.opened).toHaveLength(1);
    expect(win.document.querySelectorAll('.room-view')).toHaveLength(1);
  });

  it('puts the room window back to its "press Present" text when the facilitator leaves', async () => {
    const { f, presenter } = await presentingFacilitator();
    const { win } = await present(f, presenter);
    fireEvent.click(f.getByRole('button', { name: 'Leave session' }));
    await waitFor(() => expect(win.document.getElementById('room')?.childElementCount).toBe(0));
    const fallback = win.document.getElementById('room-fallback');
    expect(fallback?.hidden).toBe(false);
    expect(fallback?.textContent).toContain('Open the session in Kring and press Present.');
    expect(fallback?.textContent).toContain('Open de sessie in Kring en kies Presenteren.');
  });

  it('opens a fresh window after the room window was closed', async () => {
    const { f, presenter } = await presentingFacilitator();
    const { win } = await present(f, presenter);
    expect(f.getByText(/open in another tab/)).toBeTruthy();
    fireEvent.click(within(win.body).getByRole('button', { name: 'Close room view' }));
    await waitFor(() => expect(f.queryByText(/open in another tab/)).toBeNull());
    const again = await present(f, presenter);
    expect(again.win).not.toBe(win);
    expect(presenter.opened).toHaveLength(2);
  });

  it('says so when the browser blocks the window', async () => {
    const { f, presenter } = await presentingFacilitator();
    presenter.state.blocked = true;
    fireEvent.click(f.getByRole('button', { name: 'Present' }));
    expect((await f.findByRole('alert')).textContent).toContain('blocked the room view');
  });

  it('speaks Dutch for a Dutch facilitator', async () => {
    const { f, presenter } = await presentingFacilitator(['nl-NL'], true);
    const { room } = await present(f, presenter, 'Presenteren');
    expect(room.getByRole('heading', { level: 1, name: 'Wat wilden we bereiken?' })).toBeTruthy();
    expect(room.getByText('Fase 1 van 5')).toBeTruthy();
    expect(room.getByRole('button', { name: 'Code verbergen' })).toBeTruthy();
    expect(room.getByText('2 aanwezig')).toBeTruthy();
  });
});

describe('announcements of new contributions', () => {
  it("tell others' new items politely and together, never the person's own", async () => {
    const { f, facilitator, participant } = await presentingFacilitator(['en-GB'], true);
    await reveal(f, participant);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.advanceTimersByTime(CATCH_UP_MS);
    const theirs = participant.current.value?.model;
    theirs?.addItem('insight', 'Nobody owned the budget.');
    theirs?.addItem('insight', 'The kick-off was too short.');
    fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), {
      target: { value: 'We planned for the wrong group.' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Add insight' }));
    await act(() => {
      vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    });
    const region = f
      .getAllByRole('status')
      .find((element) => element.textContent?.includes('new insights'));
    expect(region?.textContent).toBe('2 new insights.');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    // The participant hears about the facilitator's item, not about their own two.
    expect(participant.current.value?.model.arrivals.value?.counts).toEqual([
      { kind: 'insight', count: 1 },
    ]);
    expect(facilitator.current.value?.model.arrivals.value?.counts).toEqual([
      { kind: 'insight', count: 2 },
    ]);
  });
});
