import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { qrPath } from '../../components/QrCode';
import { createAppModel } from '../../lib/app/app-model';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore, ShareData } from '../../lib/platform/types';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, startLessonsLearned, type TestPlatform, testPlatform } from './render-app';

const CODE_FORM = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/** Starts a Social lab as the facilitator; returns the room code as shown. */
async function startSession(options: { en?: boolean; passphrase?: string } = {}) {
  const en = options.en ?? true;
  fireEvent.click(screen.getByRole('button', { name: en ? 'New session' : 'Nieuwe sessie' }));
  fireEvent.click(screen.getByRole('radio', { name: en ? 'Social lab' : 'Sociaal lab' }));
  fireEvent.input(
    screen.getByRole('textbox', {
      name: en ? 'Session title (optional)' : 'Titel van de sessie (niet verplicht)',
    }),
    { target: { value: 'Buurtlab Noord' } },
  );
  if (options.passphrase) {
    fireEvent.input(screen.getByRole('textbox', { name: en ? 'Passphrase' : 'Wachtwoordzin' }), {
      target: { value: options.passphrase },
    });
  }
  fireEvent.click(screen.getByRole('button', { name: en ? 'Start session' : 'Sessie starten' }));
  await screen.findByRole('heading', { name: 'Buurtlab Noord' }, { timeout: 5000 });
  const code = screen.getByRole('status', { name: en ? 'Room code' : 'Kamercode' }).textContent;
  expect(code).toMatch(CODE_FORM);
  return code ?? '';
}

function shownLink(name = 'Invite link'): string {
  return screen.getByRole('status', { name }).textContent ?? '';
}

/** The path the QR code draws: equal to uqr's encoding of `text` means it encodes `text`. */
function drawnQr(name = 'QR code'): string | null {
  return screen.getByRole('img', { name }).querySelector('path')?.getAttribute('d') ?? null;
}

describe('the invite link on the session screen', () => {
  it('shows the link with the code only in its fragment, and the QR code encodes it', async () => {
    await renderApp();
    const code = await startSession({ passphrase: 'geheim woord' });
    const link = shownLink();
    // Default page: derived from the default signaling server ws://localhost:4444.
    expect(link).toBe(`http://localhost:4444/#${code}`);
    expect(new URL(link).search).toBe('');
    expect(link).not.toContain('geheim');
    expect(screen.getByText(/The link does not contain the passphrase/)).toBeTruthy();
    expect(drawnQr()).toBe(qrPath(link).path);
    expect(drawnQr()).not.toBe(qrPath(code).path);
    // Still readable aloud, large, beside the QR code.
    expect(screen.getByRole('status', { name: 'Room code' }).className).toBe('room-code');
  });

  it('copies exactly the link, and the code with its own button', async () => {
    const { platform } = await renderApp();
    const code = await startSession();
    fireEvent.click(screen.getByRole('button', { name: 'Copy invite link' }));
    await waitFor(() => expect(platform.copied).toEqual([shownLink()]));
    expect(await screen.findByText('Invite link copied.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy room code' }));
    await waitFor(() => expect(platform.copied).toEqual([shownLink(), code]));
    expect(await screen.findByText('Room code copied.')).toBeTruthy();
  });

  it('has no Share button where the browser has no share sheet', async () => {
    await renderApp();
    await startSession();
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
  });

  it('shares the link; a closed share sheet is no error, a failing one copies instead', async () => {
    const shared: ShareData[] = [];
    let answer: () => Promise<void> = async () => {};
    const platform: TestPlatform = {
      ...testPlatform(),
      share: (data) => {
        shared.push(data);
        return answer();
      },
    };
    await renderApp({ platform });
    const code = await startSession();
    const link = shownLink();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(shared).toHaveLength(1));
    expect(shared[0]).toEqual({
      title: 'Buurtlab Noord',
      text: `Join the session with room code ${code}.`,
      url: link,
    });

    answer = () => Promise.reject(new DOMException('Share canceled', 'AbortError'));
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(shared).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(platform.copied).toEqual([]);
    expect(screen.queryByText('Invite link copied.')).toBeNull();

    answer = () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError'));
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(platform.copied).toEqual([link]));
    expect(await screen.findByText('Invite link copied.')).toBeTruthy();
  });

  it('speaks Dutch too', async () => {
    const { platform } = await renderApp({ languages: ['nl-NL'] });
    const code = await startSession({ en: false });
    const link = shownLink('Uitnodigingslink');
    expect(link).toBe(`http://localhost:4444/#${code}`);
    expect(drawnQr('QR-code')).toBe(qrPath(link).path);
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodigingslink kopiëren' }));
    await waitFor(() => expect(platform.copied).toEqual([link]));
    expect(await screen.findByText('Uitnodigingslink gekopieerd.')).toBeTruthy();
  });
});

/** A facilitator with a session, and a participant's app (its own store) in the same rooms. */
async function facilitatorAndParticipantApp(participantStore: KeyValueStore = memoryStore()) {
  const rooms = new MemoryRooms();
  const facilitator = createAppModel(testPlatform(), rooms.services('facilitator'));
  await facilitator.init();
  await facilitator.loadTemplates();
  const f = within(render(<App app={facilitator} />).container as HTMLElement);
  const code = await startLessonsLearned(f);
  const link = f.getByRole('status', { name: 'Invite link' }).textContent as string;
  const participant = async (languages = ['en-GB']) => {
    const app = createAppModel(testPlatform(languages, participantStore), rooms.services());
    await app.init();
    await app.loadTemplates();
    const view = render(<App app={app} />);
    return { app, view, p: within(view.container as HTMLElement) };
  };
  return { f, code, link, participant };
}

describe('opening an invite link', () => {
  it('fills in the join screen; one tap on Join joins', async () => {
    const { code, link, participant } = await facilitatorAndParticipantApp();
    const { app, p } = await participant();
    await app.openInvite(new URL(link).hash);
    const field = p.getByRole('textbox', { name: 'Room code' }) as HTMLInputElement;
    expect(field.value).toBe(code);
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(p.queryByRole('alert')).toBeNull();
    expect((p.getByRole('textbox', { name: 'Your name' }) as HTMLInputElement).value).toBe('');
    fireEvent.click(p.getByRole('button', { name: 'Join' }));
    await p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
  });

  it('reads a mangled fragment as a typed code would be read', async () => {
    const { code, participant } = await facilitatorAndParticipantApp();
    const { app, p } = await participant();
    await app.openInvite(`#/${code.toLowerCase().replace(/-/g, '%20')}).`);
    expect((p.getByRole('textbox', { name: 'Room code' }) as HTMLInputElement).value).toBe(code);
  });

  it('shows a bad code from a link at once, with the message a typed one gets', async () => {
    const { app, view } = await renderApp();
    await app.openInvite('#K7QM-PX4R-9');
    const field = screen.getByRole('textbox', { name: 'Room code' }) as HTMLInputElement;
    expect(field.value).toBe('K7QM-PX4R-9');
    const fromLink = screen.getByRole('alert').textContent;
    expect(fromLink).toBe('The room code is too short: 9 of 10 characters. Check the code.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    view.unmount();

    // The same code typed by hand.
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Join session' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Room code' }), {
      target: { value: 'K7QM-PX4R-9' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toBe(fromLink);
  });

  it('shows the bad-code message in Dutch', async () => {
    const { app } = await renderApp({ languages: ['nl'] });
    await app.openInvite('#K7QM-PX4R-9!');
    expect(screen.getByRole('alert').textContent).toBe(
      '“!” (teken 10) kan niet in een kamercode staan.',
    );
  });

  it('changes nothing for an empty fragment', async () => {
    const { app } = await renderApp();
    await app.openInvite('');
    await app.openInvite('#');
    expect(app.route.value).toEqual({ name: 'home' });
  });

  it('takes the code of a second link opened while Join is on screen', async () => {
    const { app } = await renderApp();
    await app.openInvite('#K7QM-PX4R-9');
    await app.openInvite('#K7QM-PX4R-9T');
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Room code' }) as HTMLInputElement).value).toBe(
        'K7QM-PX4R-9T',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reopens a session this device already joined, also after a reload', async () => {
    const store = memoryStore();
    const { f, link, participant } = await facilitatorAndParticipantApp(store);
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    const first = await participant();
    await first.app.openInvite(new URL(link).hash);
    fireEvent.input(first.p.getByRole('textbox', { name: 'Your name' }), {
      target: { value: 'Noor' },
    });
    fireEvent.click(first.p.getByRole('button', { name: 'Join' }));
    await first.p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
    fireEvent.input(first.p.getByRole('textbox', { name: 'New insight' }), {
      target: { value: 'Mine, kept here' },
    });
    fireEvent.click(first.p.getByRole('button', { name: 'Add insight' }));

    // Leaves, then opens the link again: back in, not at Join.
    fireEvent.click(first.p.getByRole('button', { name: 'Leave session' }));
    expect(first.app.route.value.name).toBe('home');
    await first.app.openInvite(new URL(link).hash);
    await first.p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
    expect(first.app.route.value.name).toBe('session');

    // The page reloads with the link still in the address bar.
    first.app.destroy();
    first.view.unmount();
    const second = await participant();
    await second.app.openInvite(new URL(link).hash);
    expect(second.app.route.value.name).toBe('session');
    expect(
      (
        (await second.p.findByRole(
          'textbox',
          { name: 'Insight' },
          { timeout: 5000 },
        )) as HTMLTextAreaElement
      ).value,
    ).toBe('Mine, kept here');
    expect(second.app.sessions.value).toHaveLength(1);
  });
});

describe('the participant page setting', () => {
  it('refuses plain http:// on another computer, with the reason, and saves nothing', async () => {
    const { app } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const page = screen.getByRole('textbox', { name: 'Participant page' }) as HTMLInputElement;
    expect(page.value).toBe('');
    expect(page.getAttribute('placeholder')).toBe('http://localhost:4444/');
    fireEvent.input(page, { target: { value: 'http://192.168.1.5:4444' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText(
        '“http://192.168.1.5:4444” starts with http://: browsers run Kring over plain http:// only on the computer itself (localhost or 127.0.0.1). Phones need an https:// address.',
      ),
    ).toBeTruthy();
    expect(page.getAttribute('aria-invalid')).toBe('true');
    expect(page.getAttribute('aria-describedby')).toBe('field-settings-page-hint page-errors');
    expect(app.settings.value.participantPageUrl).toBe('');
  });

  it('saves a page, and the invite link and QR code follow it', async () => {
    const store = memoryStore();
    await renderApp({ platform: testPlatform(['en'], store) });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Participant page' }), {
      target: { value: 'https://kring.example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(await store.get('kring.settings')).toMatchObject({
      participantPageUrl: 'https://kring.example.org/',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const code = await startSession();
    expect(shownLink()).toBe(`https://kring.example.org/#${code}`);
    expect(drawnQr()).toBe(qrPath(`https://kring.example.org/#${code}`).path);
  });

  it('follows the signaling server while empty, as typed', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Connection servers (signaling)' }), {
      target: { value: 'wss://signal.example.org/ws' },
    });
    const page = screen.getByRole('textbox', { name: 'Participant page' });
    expect(page.getAttribute('placeholder')).toBe('https://signal.example.org/');
    expect(document.getElementById('field-settings-page-hint')?.textContent).toContain(
      'Leave empty for https://signal.example.org/',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const code = await startSession();
    expect(shownLink()).toBe(`https://signal.example.org/#${code}`);
  });

  it('loads settings stored by an older version, which have no page', async () => {
    const store = memoryStore({
      'kring.settings': {
        locale: 'nl',
        displayName: 'Noor',
        signalingUrls: ['wss://signal.example.nl'],
        iceServers: [],
      },
    });
    const { app } = await renderApp({ platform: testPlatform(['en'], store) });
    expect(app.settings.value.participantPageUrl).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen' }));
    const page = screen.getByRole('textbox', { name: 'Deelnemerspagina' }) as HTMLInputElement;
    expect(page.value).toBe('');
    expect(page.getAttribute('placeholder')).toBe('https://signal.example.nl/');
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen bewaren' }));
    expect(await screen.findByText('Instellingen bewaard.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    const code = await startSession({ en: false });
    expect(shownLink('Uitnodigingslink')).toBe(`https://signal.example.nl/#${code}`);
  });
});
