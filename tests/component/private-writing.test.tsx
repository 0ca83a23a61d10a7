import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { type AppModel, createAppModel } from '../../lib/app/app-model';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore } from '../../lib/platform/types';
import { formatRoomCode, type RoomCode } from '../../lib/room/code';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, startLessonsLearned, testPlatform } from './render-app';

/**
 * Writing alone first (issue 11): a facilitator and two participants (one English, one
 * Dutch), three app models in one in-memory room with the real sync layer, each rendered in a
 * container of its own. The first phase of the lessons-learned template, "What did we
 * intend?", is one for writing alone first.
 */
async function threePeople() {
  const rooms = new MemoryRooms();
  const facilitatorPlatform = testPlatform();
  const facilitator = createAppModel(facilitatorPlatform, rooms.services('facilitator'));
  await facilitator.init();
  await facilitator.loadTemplates();
  const f = within(render(<App app={facilitator} />).container as HTMLElement);
  await startLessonsLearned(f);
  const code = facilitator.current.value?.entry.code as RoomCode;
  const stores = { anna: memoryStore(), noor: memoryStore() };
  const anna = await participant(rooms, code, 'anna', stores.anna, ['en-GB']);
  const noor = await participant(rooms, code, 'noor', stores.noor, ['nl-NL']);
  await waitFor(() =>
    expect(f.getByRole('status', { name: 'Participants' }).textContent).toContain('3 here'),
  );
  return { rooms, code, stores, f, facilitator, facilitatorPlatform, anna, noor };
}

/** A participant's device: joins the first time, and reopens on the next panel (a reload). */
async function participant(
  rooms: MemoryRooms,
  code: RoomCode,
  device: string,
  store: KeyValueStore,
  languages: readonly string[],
) {
  const app = createAppModel(testPlatform(languages, store), rooms.services(device));
  await app.init();
  await app.loadTemplates();
  if (!app.current.value) {
    await app.joinSession({ code: formatRoomCode(code), name: device, passphrase: '' });
  }
  const view = render(<App app={app} />);
  const p = within(view.container as HTMLElement);
  await p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
  return { app, view, p };
}

type View = ReturnType<typeof within>;

function write(view: View, text: string, en = true) {
  fireEvent.input(view.getByRole('textbox', { name: en ? 'New insight' : 'Nieuw inzicht' }), {
    target: { value: text },
  });
  fireEvent.click(view.getByRole('button', { name: en ? 'Add insight' : 'Inzicht toevoegen' }));
}

/** The texts in the shared insight editors on one screen. */
function insights(view: View, en = true): string[] {
  return (
    view.queryAllByRole('textbox', { name: en ? 'Insight' : 'Inzicht' }) as HTMLTextAreaElement[]
  ).map((area) => area.value);
}

function drafts(view: View, en = true): string[] {
  return (
    view.queryAllByRole('textbox', {
      name: en ? 'Draft insight' : 'Conceptinzicht',
    }) as HTMLTextAreaElement[]
  ).map((area) => area.value);
}

function harvestOf(app: AppModel): string {
  const text = app.current.value?.model.harvest()?.markdown ?? '';
  // Never vacuous: a harvest always has its title.
  expect(text).toContain('# Lessons-learned harvest');
  return text;
}

/** The panel closes: the app and its screen go, the device's storage stays. */
async function closePanel(person: { app: AppModel; view: { unmount: () => void } }) {
  await act(() => {
    person.app.destroy();
    person.view.unmount();
  });
}

// Three peers, each with a key derivation to join: slow on a busy two-core machine.
describe('writing alone first', { timeout: 20_000 }, () => {
  it('keeps drafts on the writer’s device, shows only their count, and Reveal shows them all', async () => {
    const { f, facilitatorPlatform, anna, noor } = await threePeople();
    for (const view of [f, anna.p]) {
      expect(view.getByText(/^Write alone first: what /)).toBeTruthy();
    }
    expect(
      noor.p.getByText(
        'Eerst alleen schrijven: wat je schrijft blijft op dit apparaat tot de begeleider alles zichtbaar maakt.',
      ),
    ).toBeTruthy();
    expect(f.getByText('No drafts written yet.')).toBeTruthy();

    write(anna.p, 'We meant to reach the whole street.');
    expect(
      anna.p.getByText(
        'Kept as a draft on this device. Only you can see it until the facilitator reveals.',
      ),
    ).toBeTruthy();
    write(noor.p, 'Vooral de ouderen bereiken.', false);
    write(f, 'A plan for one summer.');
    write(anna.p, 'And to have fun.');

    expect(drafts(anna.p)).toEqual(['We meant to reach the whole street.', 'And to have fun.']);
    expect(anna.p.getAllByText('Only you can see this')).toHaveLength(2);
    expect(drafts(noor.p, false)).toEqual(['Vooral de ouderen bereiken.']);
    expect(noor.p.getByText('Alleen jij ziet dit')).toBeTruthy();
    expect(drafts(f)).toEqual(['A plan for one summer.']);

    // Others see a count, never the text: not on screen, not in what they would export.
    await waitFor(() => expect(f.getByText('4 drafts written so far')).toBeTruthy());
    expect(anna.p.getByText('4 drafts written so far')).toBeTruthy();
    expect(noor.p.getByText('Tot nu toe 4 concepten geschreven')).toBeTruthy();
    for (const [view, en] of [
      [f, true],
      [anna.p, true],
      [noor.p, false],
    ] as const) {
      expect(insights(view, en)).toEqual([]);
    }
    const secrets = [
      'We meant to reach the whole street.',
      'And to have fun.',
      'Vooral de ouderen bereiken.',
      'A plan for one summer.',
    ];
    fireEvent.click(f.getByRole('button', { name: 'Export Markdown' }));
    const before = facilitatorPlatform.downloads[0]?.text ?? '';
    expect(before).toContain('# Lessons-learned harvest');
    for (const text of [before, harvestOf(anna.app), harvestOf(noor.app)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    const own: [View, string[]][] = [
      [f, ['A plan for one summer.']],
      [anna.p, ['We meant to reach the whole street.', 'And to have fun.']],
      [noor.p, ['Vooral de ouderen bereiken.']],
    ];
    for (const [view, mine] of own) {
      for (const secret of secrets.filter((text) => !mine.includes(text))) {
        expect(view.queryByDisplayValue(secret)).toBeNull();
        expect(view.queryByText(secret)).toBeNull();
      }
    }
    // Participants have no Reveal; the facilitator has it.
    expect(anna.p.queryByRole('button', { name: 'Reveal' })).toBeNull();
    expect(noor.p.queryByRole('button', { name: 'Alles zichtbaar maken' })).toBeNull();

    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    for (const [view, en] of [
      [f, true],
      [anna.p, true],
      [noor.p, false],
    ] as const) {
      await waitFor(() => expect(insights(view, en).sort()).toEqual([...secrets].sort()));
      expect(drafts(view, en)).toEqual([]);
      expect(view.queryByText(/drafts written so far|concepten geschreven/)).toBeNull();
    }
    expect(await anna.p.findByText('Your 2 drafts are now shared with the group.')).toBeTruthy();
    expect(await noor.p.findByText('Je concept is nu gedeeld met de groep.')).toBeTruthy();
    expect(await f.findByText('Your draft is now shared with the group.')).toBeTruthy();
    expect(anna.p.getAllByText('Written by you')).toHaveLength(2);
    for (const secret of secrets) expect(harvestOf(noor.app)).toContain(secret);

    // After the reveal the phase works like any other: a new insight is shared at once.
    write(noor.p, 'Nog één.', false);
    await waitFor(() => expect(insights(f)).toContain('Nog één.'));
  });

  it('lets a writer share one draft early with Share now, and edit or delete the others', async () => {
    const { f, anna } = await threePeople();
    write(anna.p, 'Share this one.');
    write(anna.p, 'Keep this one.');
    write(anna.p, 'Throw this one away.');
    const row = (text: string) => anna.p.getByDisplayValue(text).closest('li') as HTMLElement;

    fireEvent.click(within(row('Share this one.')).getByRole('button', { name: 'Share now' }));
    await waitFor(() => expect(insights(f)).toEqual(['Share this one.']));
    expect(drafts(anna.p)).toEqual(['Keep this one.', 'Throw this one away.']);
    expect(insights(anna.p)).toEqual(['Share this one.']);
    // The keyboard goes on in the box for a new insight.
    expect(document.activeElement).toBe(anna.p.getByRole('textbox', { name: 'New insight' }));

    fireEvent.click(anna.p.getByRole('button', { name: 'Delete draft: Throw this one away.' }));
    expect(drafts(anna.p)).toEqual(['Keep this one.']);

    const box = anna.p.getByRole('textbox', { name: 'Draft insight' }) as HTMLTextAreaElement;
    box.value = 'Keep this one, changed ';
    fireEvent.input(box);
    expect(anna.app.current.value?.model.drafts.value.map((d) => d.text)).toEqual([
      'Keep this one, changed',
    ]);
    // The space just typed stays in the box.
    expect(box.value).toBe('Keep this one, changed ');
    // Too long: refused with the reason, as for an item; the draft keeps its text.
    box.value = 'x'.repeat(2_050);
    fireEvent.input(box);
    expect(within(row('Keep this one, changed')).getByRole('alert').textContent).toContain(
      'Too long: 2,050 characters, the limit is 2,000.',
    );
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(anna.app.current.value?.model.drafts.value[0]?.text).toBe('Keep this one, changed');
    expect(insights(f)).toEqual(['Share this one.']);
    expect(f.queryByText(/Keep this one/)).toBeNull();
  });

  it('keeps a draft through a reload, still private', async () => {
    const { rooms, code, stores, f, anna } = await threePeople();
    write(anna.p, 'Written before the reload.');
    await closePanel(anna);
    const again = await participant(rooms, code, 'anna', stores.anna, ['en-GB']);
    expect(drafts(again.p)).toEqual(['Written before the reload.']);
    expect(again.p.getByText('Only you can see this')).toBeTruthy();
    await waitFor(() => expect(f.getByText('1 draft written so far')).toBeTruthy());
    expect(insights(f)).toEqual([]);
  });

  it('shares the drafts of someone away at the reveal when they are back, and tells them', async () => {
    const { rooms, code, stores, f, noor } = await threePeople();
    write(noor.p, 'Geschreven en toen weg.', false);
    write(noor.p, 'Nog een.', false);
    await closePanel(noor);
    await waitFor(() => expect(f.getByText('No drafts written yet.')).toBeTruthy());
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    expect(insights(f)).toEqual([]);

    const back = await participant(rooms, code, 'noor', stores.noor, ['nl-NL']);
    expect(await back.p.findByText('Je 2 concepten zijn nu gedeeld met de groep.')).toBeTruthy();
    await waitFor(() =>
      expect(insights(f).sort()).toEqual(['Geschreven en toen weg.', 'Nog een.']),
    );
    expect(drafts(back.p, false)).toEqual([]);
    expect(back.p.getAllByText('Door jou geschreven')).toHaveLength(2);
  });

  it('is turned on and off live in the phase editor', async () => {
    const { f, anna } = await threePeople();
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    await anna.p.findByText('Phase 2 of 5');
    expect(anna.p.queryByText(/^Write alone first/)).toBeNull();

    fireEvent.click(f.getByRole('button', { name: 'Edit phase' }));
    const box = f.getByRole('checkbox', { name: 'Write alone first' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    fireEvent.click(f.getByRole('button', { name: 'Save phase' }));
    await anna.p.findByText(/^Write alone first/);
    write(anna.p, 'Private in phase two.');
    expect(drafts(anna.p)).toEqual(['Private in phase two.']);

    // Turning it off ends the private moment: the drafts go to the group, and the writer hears.
    fireEvent.click(f.getByRole('button', { name: 'Edit phase' }));
    fireEvent.click(f.getByRole('checkbox', { name: 'Write alone first' }));
    fireEvent.click(f.getByRole('button', { name: 'Save phase' }));
    await waitFor(() => expect(insights(f)).toEqual(['Private in phase two.']));
    expect(await anna.p.findByText('Your draft is now shared with the group.')).toBeTruthy();
  });
});

describe('writing alone first, for a Dutch facilitator', { timeout: 20_000 }, () => {
  it('names Reveal in Dutch and tells the facilitator what it does', async () => {
    await renderApp({ languages: ['nl-NL'] });
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe sessie' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Leeroogst' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sessie starten' }));
    const reveal = await screen.findByRole(
      'button',
      { name: 'Alles zichtbaar maken' },
      { timeout: 5000 },
    );
    expect(
      screen.getByText(
        'Eerst alleen schrijven: wat ieder schrijft, blijft op het eigen apparaat tot jij alles zichtbaar maakt.',
      ),
    ).toBeTruthy();
    const hint = document.getElementById(reveal.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('De concepten van iedereen verschijnen tegelijk, zonder namen.');
    write(screen as unknown as View, 'Eerst voor mezelf.', false);
    expect(drafts(screen as unknown as View, false)).toEqual(['Eerst voor mezelf.']);
    expect(screen.getByRole('button', { name: 'Nu delen' })).toBeTruthy();
    expect(screen.getByText('Tot nu toe 1 concept geschreven')).toBeTruthy();
  });
});
