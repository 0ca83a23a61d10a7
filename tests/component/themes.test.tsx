import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { PresentContext } from '../../components/room/present-context';
import { createAppModel } from '../../lib/app/app-model';
import { roomWindowPresenter } from '../../lib/platform/present';
import { MemoryRooms } from '../helpers/memory-rooms';
import { testPlatform } from './render-app';
import { closeFakeRoomWindows, fakePresenterHost } from './room-window';

afterEach(() => closeFakeRoomWindows());

type View = ReturnType<typeof within>;

/**
 * Issue 11, themes: a facilitator (English, in the panel) and a participant (Dutch), two app
 * models joined by in-memory rooms, in the reflective dialogue's "What does it mean?" phase,
 * where the template lets only the facilitator handle themes. `manual`: frames stay in flight
 * until `deliver()`, so two people can edit at the same moment.
 */
async function inWhatDoesItMean(options: { manual?: boolean } = {}) {
  const rooms = new MemoryRooms({ mode: options.manual ? 'manual' : 'auto' });
  const presenter = fakePresenterHost();
  const facilitator = createAppModel(testPlatform(), rooms.services('facilitator'));
  const participant = createAppModel(testPlatform(['nl-NL']), rooms.services('participant'));
  await Promise.all([facilitator.init(), participant.init()]);
  await Promise.all([facilitator.loadTemplates(), participant.loadTemplates()]);
  const f = within(
    render(
      <PresentContext.Provider value={roomWindowPresenter(presenter.host)}>
        <App app={facilitator} />
      </PresentContext.Provider>,
    ).container as HTMLElement,
  );
  const p = within(render(<App app={participant} />).container as HTMLElement);
  /** Delivers everything in flight, and what the deliveries cause, letting screens render. */
  const deliver = async () => {
    for (let round = 0; round < 100; round++) {
      rooms.network.flush();
      await new Promise((done) => setTimeout(done, 0));
      if (rooms.network.pending() === 0) return;
    }
  };

  fireEvent.click(f.getByRole('button', { name: 'New session' }));
  fireEvent.click(f.getByRole('radio', { name: 'Reflective dialogue' }));
  fireEvent.click(f.getByRole('button', { name: 'Start session' }));
  const code = (await f.findByRole('status', { name: 'Room code' }, { timeout: 5000 })).textContent;
  fireEvent.click(p.getByRole('button', { name: 'Deelnemen aan sessie' }));
  fireEvent.input(p.getByRole('textbox', { name: 'Kamercode' }), { target: { value: code } });
  fireEvent.click(p.getByRole('button', { name: 'Deelnemen' }));
  await waitFor(
    async () => {
      await deliver();
      expect(p.getByRole('heading', { name: 'Reflective dialogue' })).toBeTruthy();
    },
    { timeout: 5000 },
  );
  fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
  fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
  await deliver();
  await p.findByRole('heading', { name: 'What does it mean?' });

  fireEvent.input(p.getByRole('textbox', { name: 'Nieuw inzicht' }), {
    target: { value: 'Niemand vroeg het de bewoners.' },
  });
  fireEvent.click(p.getByRole('button', { name: 'Inzicht toevoegen' }));
  fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), {
    target: { value: 'The plan came from above.' },
  });
  fireEvent.click(f.getByRole('button', { name: 'Add insight' }));
  await deliver();
  return { f, p, facilitator, participant, presenter, deliver };
}

/** The row of the insight with this text. */
function rowOf(view: View, label: string, text: string): HTMLElement {
  const editor = view
    .getAllByRole('textbox', { name: label })
    .find((area: HTMLElement) => (area as HTMLTextAreaElement).value === text);
  const row = editor?.closest('li');
  if (!row) throw new Error(`no insight “${text}”`);
  return row as HTMLElement;
}

/** Chooses a theme in an insight's Theme control, by the option's text. */
function chooseTheme(row: HTMLElement, controlName: string, option: string) {
  const select = within(row).getByRole('combobox', { name: controlName }) as HTMLSelectElement;
  const value = (within(select).getByRole('option', { name: option }) as HTMLOptionElement).value;
  fireEvent.change(select, { target: { value } });
}

function typeInto(field: HTMLElement, value: string) {
  (field as HTMLInputElement).value = value;
  fireEvent.input(field);
}

/** The facilitator makes a theme; its name field has the focus, ready to be typed in. */
async function newTheme(f: View, name: string): Promise<HTMLInputElement> {
  fireEvent.click(f.getByRole('button', { name: 'New theme' }));
  const field = await waitFor(() => {
    const active = document.activeElement as HTMLInputElement | null;
    expect(active?.getAttribute('aria-label')).toBe('Theme name');
    expect(active?.value).toBe('');
    return active as HTMLInputElement;
  });
  typeInto(field, name);
  return field;
}

function insightsIn(group: HTMLElement, label: string): string[] {
  return within(group)
    .queryAllByRole('textbox', { name: label })
    .map((area) => (area as HTMLTextAreaElement).value);
}

describe('themes', { timeout: 20_000 }, () => {
  it('an insight moved into a theme on one peer is in that theme on the other', async () => {
    const { f, p, deliver } = await inWhatDoesItMean();
    await newTheme(f, 'Who decides');
    chooseTheme(rowOf(f, 'Insight', 'Niemand vroeg het de bewoners.'), 'Theme', 'Who decides');
    await deliver();

    const theirs = await p.findByRole('group', { name: 'Thema: Who decides' });
    expect(insightsIn(theirs, 'Inzicht')).toEqual(['Niemand vroeg het de bewoners.']);
    expect(within(theirs).getByText('1 inzicht')).toBeTruthy();
    const loose = p.getByRole('group', { name: 'Nog zonder thema' });
    expect(insightsIn(loose, 'Inzicht')).toEqual(['The plan came from above.']);
    // The facilitator's keyboard stays on the insight it moved, now in its theme.
    const mine = f.getByRole('group', { name: 'Theme: Who decides' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(mine).getByRole('combobox', { name: 'Theme' })),
    );

    // And out of it again, to "No theme".
    chooseTheme(rowOf(f, 'Insight', 'Niemand vroeg het de bewoners.'), 'Theme', 'No theme');
    await deliver();
    await waitFor(() =>
      expect(insightsIn(p.getByRole('group', { name: 'Nog zonder thema' }), 'Inzicht')).toEqual([
        'Niemand vroeg het de bewoners.',
        'The plan came from above.',
      ]),
    );
  });

  it('shows a participant the themes but no controls where only the facilitator handles them', async () => {
    const { f, p, deliver } = await inWhatDoesItMean();
    await newTheme(f, 'Power');
    chooseTheme(rowOf(f, 'Insight', 'The plan came from above.'), 'Theme', 'Power');
    await deliver();

    const group = await p.findByRole('group', { name: 'Thema: Power' });
    expect(within(group).getByRole('heading', { name: 'Power' })).toBeTruthy();
    expect(insightsIn(group, 'Inzicht')).toEqual(['The plan came from above.']);
    expect(p.queryByRole('button', { name: 'Nieuw thema' })).toBeNull();
    expect(p.queryByRole('textbox', { name: 'Naam van het thema' })).toBeNull();
    expect(p.queryByRole('button', { name: 'Thema verwijderen' })).toBeNull();
    expect(p.queryByRole('combobox', { name: 'Thema' })).toBeNull();
    // The facilitator has them all.
    expect(f.getByRole('button', { name: 'New theme' })).toBeTruthy();
    expect(f.getAllByRole('combobox', { name: 'Theme' })).toHaveLength(2);
  });

  it('lets everyone handle themes once the facilitator sets "anyone", and renames merge', async () => {
    const { f, p, deliver } = await inWhatDoesItMean({ manual: true });
    fireEvent.click(f.getByRole('button', { name: 'Edit phase' }));
    expect((f.getByRole('radio', { name: 'Facilitator only' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(f.getByRole('radio', { name: 'Anyone' }));
    fireEvent.click(f.getByRole('button', { name: 'Save phase' }));
    const mine = await newTheme(f, 'Trust');
    await deliver();
    const theirs = await p.findByRole('textbox', { name: 'Naam van het thema' });
    expect((theirs as HTMLInputElement).value).toBe('Trust');
    expect(p.getByRole('button', { name: 'Nieuw thema' })).toBeTruthy();

    // Both rename at the same moment, before either hears of the other.
    typeInto(mine, 'Trust building');
    typeInto(theirs, 'Mutual Trust');
    await deliver();
    expect(mine.value).toBe('Mutual Trust building');
    expect((theirs as HTMLInputElement).value).toBe('Mutual Trust building');

    // The participant may now move insights too.
    chooseTheme(rowOf(p, 'Inzicht', 'The plan came from above.'), 'Thema', 'Mutual Trust building');
    await deliver();
    const group = await f.findByRole('group', { name: 'Theme: Mutual Trust building' });
    expect(insightsIn(group, 'Insight')).toEqual(['The plan came from above.']);
  });

  it('deleting a theme keeps its insights, outside any theme', async () => {
    const { f, p, deliver } = await inWhatDoesItMean();
    await newTheme(f, 'Listening');
    chooseTheme(rowOf(f, 'Insight', 'The plan came from above.'), 'Theme', 'Listening');
    await deliver();
    await p.findByRole('group', { name: 'Thema: Listening' });

    const group = f.getByRole('group', { name: 'Theme: Listening' });
    fireEvent.click(within(group).getByRole('button', { name: 'Delete theme' }));
    const confirm = within(group).getByRole('alertdialog');
    expect(confirm.textContent).toContain('Its insights stay');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete the theme' }));
    await deliver();

    await waitFor(() => expect(p.queryByRole('group', { name: 'Thema: Listening' })).toBeNull());
    expect(f.queryByRole('group', { name: 'Theme: Listening' })).toBeNull();
    // With no theme left the insights are one list again, both still there.
    for (const [view, label] of [
      [f, 'Insight'],
      [p, 'Inzicht'],
    ] as const) {
      expect(
        view.getAllByRole('textbox', { name: label }).map((a) => (a as HTMLTextAreaElement).value),
      ).toEqual(['Niemand vroeg het de bewoners.', 'The plan came from above.']);
    }
    expect(document.activeElement).toBe(f.getByRole('button', { name: 'New theme' }));
  });

  it('moves an insight by drag and drop onto a theme and back out', async () => {
    const { f, p, deliver } = await inWhatDoesItMean();
    await newTheme(f, 'Who decides');
    const row = rowOf(f, 'Insight', 'The plan came from above.');
    const handle = row.querySelector('[draggable="true"]') as HTMLElement;
    const data = dragData();
    drag('dragstart', handle, data);
    const group = f.getByRole('group', { name: 'Theme: Who decides' });
    expect(drag('dragover', group, data)).toBe(false);
    drag('drop', group, data);
    await deliver();
    await waitFor(() =>
      expect(insightsIn(p.getByRole('group', { name: 'Thema: Who decides' }), 'Inzicht')).toEqual([
        'The plan came from above.',
      ]),
    );

    // Text dragged in from elsewhere is not an insight: the group does not take it.
    const text = dragData();
    text.setData('text/plain', 'hello');
    const loose = f.getByRole('group', { name: 'Not in a theme' });
    expect(drag('dragover', loose, text)).toBe(true);

    const back = dragData();
    const moved = rowOf(f, 'Insight', 'The plan came from above.');
    drag('dragstart', moved.querySelector('[draggable="true"]') as HTMLElement, back);
    expect(drag('dragover', loose, back)).toBe(false);
    drag('drop', loose, back);
    await waitFor(() =>
      expect(insightsIn(f.getByRole('group', { name: 'Not in a theme' }), 'Insight')).toEqual([
        'Niemand vroeg het de bewoners.',
        'The plan came from above.',
      ]),
    );
  });

  it('shows the insights by theme, with the theme names, in the room view', async () => {
    const { f, presenter } = await inWhatDoesItMean();
    await newTheme(f, 'Who decides');
    chooseTheme(rowOf(f, 'Insight', 'The plan came from above.'), 'Theme', 'Who decides');
    fireEvent.click(f.getByRole('button', { name: 'Present' }));
    const win = await waitFor(() => {
      const latest = presenter.windows.at(-1);
      expect(latest?.document.getElementById('room')?.childElementCount).toBeGreaterThan(0);
      return latest as NonNullable<typeof latest>;
    });
    const room = within(win.body);
    const insights = room.getByRole('heading', { level: 2, name: 'Insights (2)' }).parentElement;
    const lines = [...(insights?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(lines).toEqual([
      'Who decides (1)',
      'The plan came from above.',
      'Not in a theme (1)',
      'Niemand vroeg het de bewoners.',
    ]);
  });
});

/**
 * One step of an HTML5 drag, dispatched as the browser would. happy-dom's DataTransfer keeps
 * the drag data, but its DragEvent drops `dataTransfer` from the init, so it is set here.
 * Returns false when a handler prevented the default: on dragover, that is what tells the
 * browser a drop is allowed there.
 */
function drag(type: 'dragstart' | 'dragover' | 'drop', target: Element, data: DataTransfer) {
  const event = new DragEvent(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: data });
  return target.dispatchEvent(event);
}

/** A drag's data store; happy-dom has no drag image (a browser's detail, not behaviour). */
function dragData(): DataTransfer {
  const data = new DataTransfer();
  data.setDragImage = () => {};
  return data;
}
