import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { AppContext } from '../../components/app-context';
import { ConnectionStatus } from '../../components/session/ConnectionStatus';
import { createAppModel } from '../../lib/app/app-model';
import type { TransportStatus } from '../../lib/room/transport';
import { MemoryRooms } from '../helpers/memory-rooms';
import { testPlatform } from './render-app';

/**
 * Issue 10: "Large group" on the new-session screen. The choice goes into the shared document
 * (meta.largeGroup), and every device that opens it asks its transport for the relay, once;
 * the connection status says when a device is connected through the server.
 */

async function appIn(rooms: MemoryRooms, device: string, languages: readonly string[]) {
  const app = createAppModel(testPlatform(languages), rooms.services(device));
  await app.init();
  await app.loadTemplates();
  const view = within(render(<App app={app} />).container as HTMLElement);
  return { app, view };
}

/** The description a control is tied to with aria-describedby. */
function descriptionOf(control: HTMLElement): string {
  const id = control.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
}

describe('Large group', { timeout: 20_000 }, () => {
  it('is a described checkbox that puts the session and every device on the relay', async () => {
    const rooms = new MemoryRooms();
    const { app: facilitator, view: f } = await appIn(rooms, 'facilitator', ['en-GB']);
    fireEvent.click(f.getByRole('button', { name: 'New session' }));
    const large = f.getByRole('checkbox', { name: 'Large group' }) as HTMLInputElement;
    expect(large.checked).toBe(false);
    expect(descriptionOf(large)).toContain('end-to-end encrypted');
    fireEvent.click(large);
    fireEvent.click(f.getByRole('radio', { name: 'Lessons-learned harvest' }));
    fireEvent.click(f.getByRole('button', { name: 'Start session' }));
    const code = (await f.findByRole('status', { name: 'Room code' }, { timeout: 5000 }))
      .textContent;

    expect(facilitator.current.value?.model.snapshot.value?.largeGroup).toBe(true);
    // The facilitator's own transport is asked at once: the document was filled before it.
    expect(rooms.relayAsks).toEqual(['facilitator']);

    // A participant only has the code; the document tells their device the group is large.
    const { app: participant, view: p } = await appIn(rooms, 'participant', ['nl-NL']);
    fireEvent.click(p.getByRole('button', { name: 'Deelnemen aan sessie' }));
    fireEvent.input(p.getByRole('textbox', { name: 'Kamercode' }), { target: { value: code } });
    fireEvent.click(p.getByRole('button', { name: 'Deelnemen' }));
    await p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
    expect(participant.current.value?.model.snapshot.value?.largeGroup).toBe(true);
    await waitFor(() => expect(rooms.relayAsks).toEqual(['facilitator', 'participant']));

    // More edits do not ask again.
    facilitator.current.value?.model.nextPhase();
    const moved = facilitator.current.value?.model.snapshot.value?.currentPhaseId;
    await waitFor(() =>
      expect(participant.current.value?.model.snapshot.value?.currentPhaseId).toBe(moved),
    );
    expect(rooms.relayAsks).toEqual(['facilitator', 'participant']);
  });

  it('is "Grote groep" in Dutch, and a small group stays off the relay', async () => {
    const rooms = new MemoryRooms();
    const { app, view } = await appIn(rooms, 'facilitator', ['nl-NL']);
    fireEvent.click(view.getByRole('button', { name: 'Nieuwe sessie' }));
    const large = view.getByRole('checkbox', { name: 'Grote groep' }) as HTMLInputElement;
    expect(descriptionOf(large)).toContain('end-to-end versleuteld');
    expect(large.checked).toBe(false);
    fireEvent.click(view.getByRole('radio', { name: 'Leeroogst' }));
    fireEvent.click(view.getByRole('button', { name: 'Sessie starten' }));
    await view.findByRole('status', { name: 'Kamercode' }, { timeout: 5000 });
    expect(app.current.value?.model.snapshot.value?.largeGroup).toBe(false);
    expect(rooms.relayAsks).toEqual([]);
  });

  it('carries over into "Continue in a new session", where it can be changed', async () => {
    const rooms = new MemoryRooms();
    const { app, view } = await appIn(rooms, 'facilitator', ['en-GB']);
    fireEvent.click(view.getByRole('button', { name: 'New session' }));
    fireEvent.click(view.getByRole('checkbox', { name: 'Large group' }));
    fireEvent.click(view.getByRole('radio', { name: 'Lessons-learned harvest' }));
    fireEvent.click(view.getByRole('button', { name: 'Start session' }));
    await view.findByRole('status', { name: 'Room code' }, { timeout: 5000 });

    fireEvent.click(view.getByRole('button', { name: 'Continue in a new session' }));
    await view.findByRole('heading', { name: 'Continue in a new session' });
    const large = view.getByRole('checkbox', { name: 'Large group' }) as HTMLInputElement;
    expect(large.checked).toBe(true);
    fireEvent.click(large);
    fireEvent.click(view.getByRole('button', { name: 'Start session' }));
    await waitFor(() => expect(app.sessions.value).toHaveLength(2), { timeout: 5000 });
    await waitFor(() =>
      expect(app.current.value?.model.snapshot.value?.continuesFrom).toBeTruthy(),
    );
    expect(app.current.value?.model.snapshot.value?.largeGroup).toBe(false);
    expect(rooms.relayAsks).toEqual(['facilitator']);
  });
});

describe('the connection status on the relay', () => {
  async function statusText(languages: readonly string[], status: TransportStatus) {
    const app = createAppModel(testPlatform(languages), new MemoryRooms().services());
    await app.init();
    const { getByRole, unmount } = render(
      <AppContext.Provider value={app}>
        <ConnectionStatus status={status} onRetry={() => {}} />
      </AppContext.Provider>,
    );
    const text = getByRole('status', { name: /Connection|Verbinding/ }).textContent;
    unmount();
    return text;
  }

  it('says the server connects, encrypted, in English and Dutch; direct reads as before', async () => {
    const relay = (peers: number): TransportStatus => ({ kind: 'connected', peers, path: 'relay' });
    expect(await statusText(['en-GB'], relay(3))).toBe(
      'Connected with 3 others through the server (end-to-end encrypted)',
    );
    expect(await statusText(['en-GB'], relay(0))).toBe(
      'Connected through the server (end-to-end encrypted), waiting for others',
    );
    expect(await statusText(['nl-NL'], relay(1))).toBe(
      'Via de server verbonden met 1 ander (end-to-end versleuteld)',
    );
    expect(await statusText(['en-GB'], { kind: 'connected', peers: 2, path: 'direct' })).toBe(
      'Connected with 2 others',
    );
    expect(await statusText(['en-GB'], { kind: 'connected', peers: 1 })).toBe(
      'Connected with 1 other',
    );
  });
});
