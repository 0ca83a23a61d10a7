import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lib/platform/memory';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, testPlatform } from './render-app';

describe('settings', () => {
  it('refuses invalid servers with a message per line and saves nothing', async () => {
    const { app } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const signaling = screen.getByRole('textbox', { name: 'Connection servers (signaling)' });
    fireEvent.input(signaling, { target: { value: 'https://example.org' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'STUN and TURN servers' }), {
      target: { value: 'turn:turn.example.org:3478' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('Line 1: “https://example.org” is not a ws:// or wss:// address.'),
    ).toBeTruthy();
    expect(
      screen.getByText('Line 1: a TURN server needs a user name and a password.'),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Not saved');
    expect(signaling.getAttribute('aria-invalid')).toBe('true');
    expect(app.settings.value.signalingUrls).toEqual(['ws://localhost:4444']);
  });

  it('saves valid settings and switches the language at once', async () => {
    const store = memoryStore();
    const { app } = await renderApp({ platform: testPlatform(['en'], store) });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'nl' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Connection servers (signaling)' }), {
      target: { value: 'wss://signal.example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Instellingen bewaard.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Instellingen' })).toBeTruthy();
    expect(app.settings.value.signalingUrls).toEqual(['wss://signal.example.org']);
    expect(await store.get('kring.settings')).toMatchObject({ locale: 'nl' });
  });
});

describe('my sessions', () => {
  async function oneStartedSession() {
    const rooms = new MemoryRooms();
    const rendered = await renderApp({ rooms });
    fireEvent.click(screen.getByRole('button', { name: 'New session' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Reflective dialogue' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Session title (optional)' }), {
      target: { value: 'Intervisie maart' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    await screen.findByRole('heading', { name: 'Intervisie maart' }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'New question' }), {
      target: { value: 'What did you see?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave session' }));
    return { ...rendered, rooms };
  }

  it('lists a session, reopens it with everything, and exports it without joining', async () => {
    const { platform } = await oneStartedSession();
    const list = screen.getByRole('heading', { name: 'My sessions' }).parentElement as HTMLElement;
    expect(within(list).getByText('Intervisie maart')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown of Intervisie maart' }));
    await waitFor(() => expect(platform.downloads).toHaveLength(1));
    expect(platform.downloads[0]?.text).toContain('- What did you see?');
    fireEvent.click(screen.getByRole('button', { name: 'Open Intervisie maart' }));
    expect(
      (
        (await screen.findByRole(
          'textbox',
          { name: 'Question' },
          { timeout: 5000 },
        )) as HTMLTextAreaElement
      ).value,
    ).toBe('What did you see?');
  });

  it('deletes a session from this device only after confirmation', async () => {
    const { rooms, app } = await oneStartedSession();
    const roomName = app.sessions.value[0]?.roomName ?? '';
    fireEvent.click(
      screen.getByRole('button', { name: 'Delete Intervisie maart from this device' }),
    );
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(rooms.disk.has(roomName)).toBe(true);
    fireEvent.click(
      screen.getByRole('button', { name: 'Delete Intervisie maart from this device' }),
    );
    fireEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    expect(
      await screen.findByText('“Intervisie maart” was deleted from this device.'),
    ).toBeTruthy();
    expect(rooms.disk.has(roomName)).toBe(false);
    expect(app.sessions.value).toEqual([]);
  });

  it('reopens the session that was open when the panel closed', async () => {
    const rooms = new MemoryRooms();
    const store = memoryStore();
    const first = await renderApp({ rooms, platform: testPlatform(['en'], store) });
    fireEvent.click(screen.getByRole('button', { name: 'New session' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Social lab' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    await screen.findByLabelText('Room code', {}, { timeout: 5000 });
    fireEvent.input(screen.getByRole('textbox', { name: 'New insight' }), {
      target: { value: 'Still here after closing' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add insight' }));
    // The panel closes (pagehide) and opens again.
    first.app.destroy();
    first.view.unmount();
    await renderApp({ rooms, platform: testPlatform(['en'], store) });
    expect(
      (
        (await screen.findByRole(
          'textbox',
          { name: 'Insight' },
          { timeout: 5000 },
        )) as HTMLTextAreaElement
      ).value,
    ).toBe('Still here after closing');
  });
});
