import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { PresentContext } from '../../components/room/present-context';
import { createAppModel } from '../../lib/app/app-model';
import { roomWindowPresenter } from '../../lib/platform/present';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, startLessonsLearned, testPlatform } from './render-app';
import { closeFakeRoomWindows, fakePresenterHost } from './room-window';

afterEach(() => closeFakeRoomWindows());

type View = ReturnType<typeof within>;

/**
 * Dot voting between two app models joined by in-memory rooms (real session engine, real Yjs
 * updates): the facilitator in English, presenting, and a participant in Dutch, in the second
 * phase of the Lessons-learned harvest (insights, not written alone first).
 */
async function votingRoom() {
  const rooms = new MemoryRooms();
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
  const code = await startLessonsLearned(f);
  fireEvent.click(p.getByRole('button', { name: 'Deelnemen aan sessie' }));
  fireEvent.input(p.getByRole('textbox', { name: 'Kamercode' }), { target: { value: code } });
  fireEvent.click(p.getByRole('button', { name: 'Deelnemen' }));
  await p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
  fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
  for (const text of ['Goal too vague', 'Great team spirit', 'Late start']) {
    fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), { target: { value: text } });
    fireEvent.click(f.getByRole('button', { name: 'Add insight' }));
  }
  await waitFor(() => expect(p.getAllByRole('textbox', { name: 'Inzicht' })).toHaveLength(3));
  return { f, p, presenter };
}

/** Opens "Voting settings", fills in the votes per person and starts. */
function startVoting(f: View, budget: string, extra: (f: View) => void = () => {}) {
  fireEvent.click(f.getByRole('button', { name: 'Voting settings' }));
  fireEvent.input(f.getByRole('spinbutton', { name: 'Votes per person' }), {
    target: { value: budget },
  });
  extra(f);
  fireEvent.click(f.getByRole('button', { name: 'Start voting' }));
}

const insightTexts = (view: View, name: string) =>
  view
    .getAllByRole('textbox', { name })
    .map((box: HTMLElement) => (box as HTMLTextAreaElement).value);

/** Visible totals ("2 votes", "1 stem"), never the voter's own "… from you". */
const totals = (view: View) => view.queryAllByText(/^\d+ (votes?|stemm?e?n?)$/);

describe('dot voting', { timeout: 30_000 }, () => {
  it('counts 3 votes each, refuses a fourth, and shows the ranking only after Close voting', async () => {
    const { f, p, presenter } = await votingRoom();
    expect(p.queryByRole('button', { name: 'Stemmen starten' })).toBeNull();
    expect(p.queryByRole('button', { name: 'Start voting' })).toBeNull();
    expect(p.queryByRole('button', { name: /^Stem erbij/ })).toBeNull();

    fireEvent.click(f.getByRole('button', { name: 'Present' }));
    const room = await waitFor(() => {
      const win = presenter.windows.at(-1);
      expect(win?.document.querySelector('.room-view')).toBeTruthy();
      return within((win as NonNullable<typeof win>).body);
    });

    startVoting(f, '3');
    expect(f.getByText(/^Voting is open: 3 votes each\./)).toBeTruthy();
    expect(p.getByText(/^Er wordt gestemd: iedereen heeft 3 stemmen\./)).toBeTruthy();
    expect(room.getByText(/^Voting is open: 3 votes each\./)).toBeTruthy();
    expect(f.queryByRole('button', { name: 'Start voting' })).toBeNull();
    const left = p.getByRole('status', { name: 'Stemmen over' });
    expect(left.textContent).toContain('Stemmen over: 3 van 3');

    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Goal too vague' }));
    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Goal too vague' }));
    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Late start' }));
    expect(left.textContent).toContain('Stemmen over: 0 van 3');
    expect(p.getByText('2 stemmen van jou')).toBeTruthy();

    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Great team spirit' }));
    expect(p.getByRole('alert').textContent).toBe(
      'Je hebt al je 3 stemmen gebruikt. Haal eerst een stem weg bij een andere bijdrage.',
    );
    expect(left.textContent).toContain('Stemmen over: 0 van 3');

    // Taking one back frees a vote, and the refusal no longer applies.
    fireEvent.click(p.getByRole('button', { name: 'Stem weghalen: Late start' }));
    expect(left.textContent).toContain('Stemmen over: 1 van 3');
    expect(p.queryByRole('alert')).toBeNull();
    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Great team spirit' }));
    fireEvent.click(f.getByRole('button', { name: /^Add a vote: Great team spirit/ }));
    fireEvent.click(f.getByRole('button', { name: /^Add a vote: Late start/ }));
    expect(f.getByRole('status', { name: 'Votes left' }).textContent).toContain(
      'Votes left: 1 of 3',
    );

    // Open without "show live": nobody sees totals or a new order, the facilitator neither.
    for (const view of [f, p, room]) expect(totals(view)).toEqual([]);
    expect(insightTexts(f, 'Insight')).toEqual([
      'Goal too vague',
      'Great team spirit',
      'Late start',
    ]);

    fireEvent.click(f.getByRole('button', { name: 'Close voting' }));
    // Goal too vague 2, Great team spirit 2, Late start 1: ties keep their order.
    const ranked = ['Goal too vague', 'Great team spirit', 'Late start'];
    expect(f.getByText('Voting is closed: most votes first.')).toBeTruthy();
    expect(p.getByText('Het stemmen is gesloten: meeste stemmen bovenaan.')).toBeTruthy();
    expect(insightTexts(f, 'Insight')).toEqual(ranked);
    expect(insightTexts(p, 'Inzicht')).toEqual(ranked);
    expect(totals(f).map((node: HTMLElement) => node.textContent)).toEqual([
      '2 votes',
      '2 votes',
      '1 vote',
    ]);
    expect(totals(p).map((node: HTMLElement) => node.textContent)).toEqual([
      '2 stemmen',
      '2 stemmen',
      '1 stem',
    ]);
    expect(f.getAllByText(/^No\. \d$/).map((node: HTMLElement) => node.textContent)).toEqual([
      'No. 1',
      'No. 1',
      'No. 3',
    ]);
    expect(p.getAllByText(/^Nr\. \d$/)).toHaveLength(3);
    // No more voting, and nothing left to count down.
    expect(p.queryByRole('button', { name: /^Stem erbij/ })).toBeNull();
    expect(p.queryByRole('status', { name: 'Stemmen over' })).toBeNull();

    // The room view ranks too, with the counts.
    const roomItems = room.getAllByRole('listitem').map((li) => li.textContent);
    expect(roomItems).toEqual([
      'Goal too vague' + 'No. 12 votes',
      'Great team spirit' + 'No. 12 votes',
      'Late start' + 'No. 31 vote',
    ]);
    expect(room.getByText('Voting is closed: most votes first.')).toBeTruthy();

    fireEvent.click(f.getByRole('button', { name: 'Open voting again' }));
    expect(p.getByRole('status', { name: 'Stemmen over' }).textContent).toContain(
      'Stemmen over: 0 van 3',
    );
    expect(totals(p)).toEqual([]);
  });

  it('shows totals while open once the facilitator turns on "Show results live"', async () => {
    const { f, p } = await votingRoom();
    startVoting(f, '2');
    fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Late start' }));
    expect(totals(f)).toEqual([]);
    fireEvent.click(f.getByRole('checkbox', { name: 'Show results live' }));
    expect(p.getByText(/De uitslag is live te zien\./)).toBeTruthy();
    expect(insightTexts(p, 'Inzicht')[0]).toBe('Late start');
    expect(f.getAllByText('1 vote')).toHaveLength(1);
    // Still open: people can vote on.
    expect(p.getByRole('status', { name: 'Stemmen over' }).textContent).toContain('1 van 2');
    fireEvent.click(f.getByRole('checkbox', { name: 'Show results live' }));
    expect(totals(p)).toEqual([]);
  });

  it('holds the maximum per contribution, and refuses settings out of range', async () => {
    const { f, p } = await votingRoom();
    startVoting(f, '25');
    expect(f.getByRole('alert').textContent).toBe(
      'Votes per person must be a whole number from 1 to 20.',
    );
    expect(
      f.getByRole('spinbutton', { name: 'Votes per person' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(p.queryByText(/^Er wordt gestemd/)).toBeNull();

    fireEvent.input(f.getByRole('spinbutton', { name: 'Votes per person' }), {
      target: { value: '4' },
    });
    fireEvent.input(f.getByRole('spinbutton', { name: 'Maximum per contribution' }), {
      target: { value: '5' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Start voting' }));
    expect(f.getByRole('alert').textContent).toBe(
      'The maximum per contribution must be a whole number from 1 to 4, or empty.',
    );
    fireEvent.input(f.getByRole('spinbutton', { name: 'Maximum per contribution' }), {
      target: { value: '2' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Start voting' }));
    expect(p.getByText(/^Er wordt gestemd: iedereen heeft 4 stemmen\. Hoogstens 2/)).toBeTruthy();

    const add = () => fireEvent.click(p.getByRole('button', { name: 'Stem erbij: Late start' }));
    add();
    add();
    add();
    expect(p.getByRole('alert').textContent).toBe(
      'Je kunt één bijdrage hoogstens 2 stemmen geven.',
    );
    expect(p.getByRole('status', { name: 'Stemmen over' }).textContent).toContain('2 van 4');
    // Once voting closes, the refusal is stale.
    expect(p.getByRole('alert')).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Close voting' }));
    expect(p.queryByRole('alert')).toBeNull();
  });

  it('lets the facilitator choose which kinds are voted on, in a phase with several', async () => {
    const { view } = await renderApp();
    const f = within(view.container as HTMLElement);
    await startLessonsLearned(f);
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    fireEvent.input(f.getByRole('textbox', { name: 'New question' }), {
      target: { value: 'Who chose the date?' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Add question' }));
    fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), {
      target: { value: 'Nobody asked' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Add insight' }));

    fireEvent.click(f.getByRole('button', { name: 'Voting settings' }));
    const kinds = within(f.getByRole('group', { name: 'Vote on' }));
    fireEvent.click(kinds.getByRole('checkbox', { name: 'Questions' }));
    fireEvent.click(kinds.getByRole('checkbox', { name: 'Insights' }));
    fireEvent.click(f.getByRole('button', { name: 'Start voting' }));
    expect(f.getByRole('alert').textContent).toBe(
      'Choose at least one kind of contribution to vote on.',
    );
    fireEvent.click(kinds.getByRole('checkbox', { name: 'Questions' }));
    fireEvent.click(f.getByRole('button', { name: 'Start voting' }));
    expect(f.getByText(/^Voting is open: 3 votes each\. Voting on questions\./)).toBeTruthy();
    expect(f.getByRole('button', { name: 'Add a vote: Who chose the date?' })).toBeTruthy();
    expect(f.queryByRole('button', { name: 'Add a vote: Nobody asked' })).toBeNull();
  });
});
