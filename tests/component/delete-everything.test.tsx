import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lib/platform/memory';
import { webStore } from '../../lib/platform/web';
import { builtInTemplates } from '../../lib/templates';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, startLessonsLearned, testPlatform } from './render-app';

/** Two templates of one's own, as helper OWN's store keeps them. */
function ownTemplates() {
  const [first] = builtInTemplates;
  if (!first) throw new Error('no built-in template');
  return {
    version: 1,
    templates: [
      { ...first, id: 'my-evening' },
      { ...first, id: 'my-morning' },
    ],
  };
}

/**
 * A device with one session holding a draft (Lessons learned opens with writing alone first),
 * saved settings and two own templates; on the Settings screen. `failing`: the disk refuses to
 * delete the session's documents.
 */
async function usedDevice(options: { languages?: readonly string[]; failing?: boolean } = {}) {
  const rooms = new MemoryRooms();
  if (options.failing) {
    const services = rooms.services.bind(rooms);
    rooms.services = (device) => ({
      ...services(device),
      deleteStored: async () => {
        throw new Error('UnknownError: the disk is full');
      },
    });
  }
  const store = memoryStore({ 'kring.templates': ownTemplates(), 'someone.else': 'theirs' });
  const rendered = await renderApp({ rooms, platform: testPlatform(options.languages, store) });
  const en = !options.languages?.[0]?.startsWith('nl');
  if (!en) {
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe sessie' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Leeroogst' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sessie starten' }));
    await screen.findByRole('status', { name: 'Kamercode' }, { timeout: 5000 });
  } else {
    await startLessonsLearned(screen);
  }
  fireEvent.input(screen.getByRole('textbox', { name: en ? 'New insight' : 'Nieuw inzicht' }), {
    target: { value: 'Ask the neighbours first' },
  });
  fireEvent.click(screen.getByRole('button', { name: en ? 'Add insight' : 'Inzicht toevoegen' }));
  await screen.findByRole('textbox', { name: en ? 'Draft insight' : 'Conceptinzicht' });
  fireEvent.click(screen.getByRole('button', { name: en ? 'Leave session' : 'Sessie verlaten' }));
  await rendered.app.saveSettings({
    locale: 'auto',
    displayName: 'Noor',
    signalingText: 'wss://signal.example.org',
    iceText: '',
    pageText: '',
  });
  fireEvent.click(screen.getByRole('button', { name: en ? 'Settings' : 'Instellingen' }));
  return { ...rendered, rooms, store };
}

async function kringKeys(store: ReturnType<typeof memoryStore>) {
  return (await store.keys()).filter((key) => key.startsWith('kring.'));
}

describe('delete everything on this device', () => {
  it('asks first with the safe choice focused, and Keep everything keeps everything', async () => {
    const { rooms, store, app } = await usedDevice();
    const before = await kringKeys(store);
    expect(before).toContain('kring.settings');
    expect(rooms.disk.size).toBeGreaterThan(0);

    const section = screen.getByRole('region', { name: 'This device' });
    // After the settings form, not inside it: its Enter never deletes anything.
    expect(section.closest('form')).toBeNull();
    fireEvent.click(
      within(section).getByRole('button', { name: 'Delete everything on this device' }),
    );
    const dialog = within(section).getByRole('alertdialog', {
      name: 'Delete everything Kring keeps on this device?',
    });
    expect(dialog.textContent).toContain('every session and its harvest');
    expect(dialog.textContent).toContain('drafts you have not shared yet');
    expect(dialog.textContent).toContain('templates of your own');
    expect(dialog.textContent).toContain('not touched on other people’s devices');
    const keep = within(dialog).getByRole('button', { name: 'Keep everything' });
    await waitFor(() => expect(document.activeElement).toBe(keep));

    fireEvent.click(keep);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Delete everything on this device' }),
      ),
    );
    expect(await kringKeys(store)).toEqual(before);
    expect(app.sessions.value).toHaveLength(1);
    expect(app.settings.value.displayName).toBe('Noor');
  });

  it('removes sessions, own templates and settings, and says what it removed', async () => {
    const { rooms, store, app } = await usedDevice();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything on this device' }));
    fireEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete everything' }),
    );

    const section = screen.getByRole('region', { name: 'This device' });
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Removed 1 session, 2 templates of your own and your settings. Kring keeps nothing on this device any more.',
      ),
    );
    expect(rooms.disk.size).toBe(0);
    expect(await kringKeys(store)).toEqual([]);
    expect(await store.get('someone.else')).toBe('theirs');
    expect(app.sessions.value).toEqual([]);
    await waitFor(() => expect(app.ownTemplates.value).toEqual([]));
    // The form shows the settings in force now: the defaults.
    expect((screen.getByRole('textbox', { name: 'Your name' }) as HTMLInputElement).value).toBe('');
    expect(
      (screen.getByRole('textbox', { name: 'Connection servers (signaling)' }) as HTMLInputElement)
        .value,
    ).toBe('ws://localhost:4444');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText('Sessions you start or join on this device appear here.')).toBeTruthy();
  });

  it('says it in Dutch', async () => {
    const { rooms } = await usedDevice({ languages: ['nl-NL'] });
    fireEvent.click(screen.getByRole('button', { name: 'Alles op dit apparaat wissen' }));
    const dialog = screen.getByRole('alertdialog', {
      name: 'Alles wissen wat Kring op dit apparaat bewaart?',
    });
    expect(dialog.textContent).toContain('Op de apparaten van anderen blijven de sessies staan');
    expect(within(dialog).getByRole('button', { name: 'Alles bewaren' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Alles wissen' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Dit apparaat' })).getByRole('status')
          .textContent,
      ).toBe(
        'Gewist: 1 sessie, 2 eigen werkvormen en je instellingen. Kring bewaart niets meer op dit apparaat.',
      ),
    );
    expect(rooms.disk.size).toBe(0);
  });

  it('says what it could not remove, and keeps that session listed', async () => {
    const { rooms, store, app } = await usedDevice({ failing: true });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything on this device' }));
    fireEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete everything' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not everything could be removed.');
    expect(alert.textContent).toContain('Removed 2 templates of your own and your settings.');
    expect(alert.textContent).toContain(
      '1 session could not be removed (UnknownError: the disk is full). Try again.',
    );
    const section = screen.getByRole('region', { name: 'This device' });
    expect(within(section).getByRole('status').textContent).toBe('');
    expect(rooms.disk.size).toBeGreaterThan(0);
    expect(app.sessions.value).toHaveLength(1);
    expect(await kringKeys(store)).toEqual(['kring.sessions']);
  });
});

describe('the web page’s store', () => {
  it('lists only Kring’s keys: the page’s origin may keep other things in localStorage', async () => {
    localStorage.clear();
    localStorage.setItem('theme', 'dark');
    localStorage.setItem('kringle', 'not ours either');
    await webStore().set('kring.settings', { locale: 'nl' });
    await webStore().set('kring.sessions', []);
    expect((await webStore().keys()).sort()).toEqual(['kring.sessions', 'kring.settings']);
    localStorage.clear();
  });
});
