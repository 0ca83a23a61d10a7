import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { SecureContextNotice } from '../../components/SecureContextNotice';
import { type AppOptions, createAppModel } from '../../lib/app/app-model';
import { MemoryRooms } from '../helpers/memory-rooms';
import { testPlatform } from './render-app';

describe('the notice of a page that cannot run Kring', () => {
  const invite = 'http://192.168.1.20:4444/#K7QM-PX4R-9T';

  it('tells a Dutch browser first in Dutch, then in English, what is wrong and what to do', () => {
    render(
      <SecureContextNotice problem="insecure-context" languages={['nl-NL']} pageUrl={invite} />,
    );
    const [dutch, english] = screen.getAllByRole('heading', { level: 1 });
    expect(dutch?.textContent).toBe('Deze pagina heeft een beveiligde verbinding nodig');
    expect(english?.textContent).toBe('This page needs a secure connection');
    const nl = within(screen.getByRole('region', { name: dutch?.textContent ?? '' }));
    expect(nl.getByText(/geopend op http:\/\/192\.168\.1\.20:4444, zonder https/)).toBeTruthy();
    expect(nl.getByText(/Vraag degene die de Kring-server beheert/)).toBeTruthy();
    // The address that works on the server's own computer keeps the invite's room code.
    expect(nl.getByRole('link').getAttribute('href')).toBe('http://localhost:4444/#K7QM-PX4R-9T');
  });

  it('leads with English for other browsers, and offers the https address when it can exist', () => {
    render(
      <SecureContextNotice
        problem="insecure-context"
        languages={['de-DE']}
        pageUrl="http://kring.example.org/#K7QM-PX4R-9T"
      />,
    );
    const [english] = screen.getAllByRole('heading', { level: 1 });
    expect(english?.textContent).toBe('This page needs a secure connection');
    const en = within(screen.getByRole('region', { name: english?.textContent ?? '' }));
    expect(en.getByText(/put it behind TLS/)).toBeTruthy();
    expect(en.getByRole('link', { name: 'https://kring.example.org/#K7QM-PX4R-9T' })).toBeTruthy();
  });

  it('explains a browser without WebCrypto in both languages', () => {
    render(<SecureContextNotice problem="no-webcrypto" languages={['en-GB']} pageUrl={invite} />);
    expect(
      screen.getByRole('heading', { name: 'Kring does not work in this browser' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Kring werkt niet in deze browser' })).toBeTruthy();
  });
});

async function renderWebApp(options: AppOptions) {
  const app = createAppModel(testPlatform(['en-GB']), new MemoryRooms().services(), options);
  await app.init();
  await app.loadTemplates();
  render(<App app={app} />);
  return app;
}

/** True when `first` comes before `second` in the page (and so in reading and tab order). */
function comesBefore(first: Element, second: Element): boolean {
  return (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe('the home screen of the web page', () => {
  it('leads with Join; starting a session is still there', async () => {
    await renderWebApp({ home: 'join' });
    const join = screen.getByRole('button', { name: 'Join session' });
    const start = screen.getByRole('button', { name: 'New session' });
    expect(comesBefore(join, start)).toBe(true);
    fireEvent.click(start);
    expect(screen.getByRole('heading', { name: 'New session' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Join session' }));
    expect(screen.getByRole('textbox', { name: 'Room code' })).toBeTruthy();
  });

  it('stays facilitator first in the side panel', async () => {
    await renderWebApp({});
    const join = screen.getByRole('button', { name: 'Join session' });
    const start = screen.getByRole('button', { name: 'New session' });
    expect(comesBefore(start, join)).toBe(true);
  });

  it('looks for peers at the server it was served from, unless told otherwise', async () => {
    const app = await renderWebApp({ home: 'join', signalingUrl: 'wss://kring.example.org/' });
    expect(app.settings.value.signalingUrls).toEqual(['wss://kring.example.org/']);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const servers = screen.getByRole('textbox', { name: 'Connection servers (signaling)' });
    expect((servers as HTMLTextAreaElement).value).toBe('wss://kring.example.org/');
  });
});
