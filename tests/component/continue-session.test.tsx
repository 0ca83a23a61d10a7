import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { createAppModel } from '../../lib/app/app-model';
import { formatDate } from '../../lib/i18n/translate';
import { memoryStore } from '../../lib/platform/memory';
import { formatRoomCode } from '../../lib/room/code';
import { MemoryRooms } from '../helpers/memory-rooms';
import { testPlatform } from './render-app';

type View = ReturnType<typeof within>;

/** The facilitator starts a Learning studio with a title and a shared learning question. */
async function startLearningStudio(view: View, title: string, question: string) {
  fireEvent.click(view.getByRole('button', { name: 'New session' }));
  expect(view.queryByRole('textbox', { name: 'Shared learning question' })).toBeNull();
  fireEvent.click(view.getByRole('radio', { name: 'Learning studio' }));
  fireEvent.input(view.getByRole('textbox', { name: 'Session title (optional)' }), {
    target: { value: title },
  });
  fireEvent.input(view.getByRole('textbox', { name: 'Shared learning question' }), {
    target: { value: question },
  });
  fireEvent.click(view.getByRole('button', { name: 'Start session' }));
  await view.findByRole('heading', { name: title }, { timeout: 5000 });
}

function addQuestion(view: View, text: string) {
  fireEvent.input(view.getByRole('textbox', { name: 'New question' }), { target: { value: text } });
  fireEvent.click(view.getByRole('button', { name: 'Add question' }));
}

function addAction(view: View, text: string, owner: string, due: string) {
  fireEvent.input(view.getByRole('textbox', { name: 'New action' }), { target: { value: text } });
  const form = view.getByRole('button', { name: 'Add action' }).closest('form') as HTMLElement;
  fireEvent.input(within(form).getByRole('textbox', { name: 'Who' }), { target: { value: owner } });
  fireEvent.input(within(form).getByLabelText('When'), { target: { value: due } });
  fireEvent.click(view.getByRole('button', { name: 'Add action' }));
}

/** The texts in the shared editors of one kind on one screen. */
function texts(view: View, name: string): string[] {
  return (view.queryAllByRole('textbox', { name }) as HTMLTextAreaElement[]).map((a) => a.value);
}

/** A session of the last meeting: two open questions, one answered; two open actions, one done. */
async function lastMeeting(view: View) {
  await startLearningStudio(view, 'Leeratelier maart', 'How do we reach lonely neighbours?');
  addQuestion(view, 'Who else should be here?');
  addQuestion(view, 'What did the council decide?');
  addQuestion(view, 'Which street first?');
  addAction(view, 'Call the housing office', 'Anna', '2026-04-01');
  addAction(view, 'Write up the case', 'Bo', '2026-04-15');
  addAction(view, 'Book the room', 'Cas', '2026-03-20');
  fireEvent.click(view.getByRole('checkbox', { name: 'Answered: What did the council decide?' }));
  fireEvent.click(view.getByRole('checkbox', { name: 'Done: Book the room' }));
}

/** What the continue screen offers: the checkboxes of one list, with their state. */
function offered(view: View, list: 'Open questions' | 'Open actions') {
  const group = view.getByRole('group', { name: list });
  return (within(group).queryAllByRole('checkbox') as HTMLInputElement[]).map((box) => ({
    text: box.labels?.[0]?.textContent ?? '',
    checked: box.checked,
    details: box.getAttribute('aria-describedby')
      ? (document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent ?? '')
      : '',
  }));
}

describe('Continue in a new session', { timeout: 20_000 }, () => {
  it('carries the open questions and actions of the open session into the next one', async () => {
    const platform = testPlatform();
    const app = createAppModel(platform, new MemoryRooms().services());
    await app.init();
    await app.loadTemplates();
    const f = within(render(<App app={app} />).container as HTMLElement);
    await lastMeeting(f);
    const createdAt = app.current.value?.model.snapshot.value?.createdAt ?? '';
    const date = formatDate('en', createdAt);
    expect(f.getByRole('checkbox', { name: 'Done: Book the room' })).toHaveProperty(
      'checked',
      true,
    );

    fireEvent.click(f.getByRole('button', { name: 'Continue in a new session' }));
    await f.findByRole('heading', { name: 'Continue in a new session' });
    await f.findByText(`Continues “Leeratelier maart” of ${date}`);
    expect(offered(f, 'Open questions')).toEqual([
      { text: 'Who else should be here?', checked: true, details: '' },
      { text: 'Which street first?', checked: true, details: '' },
    ]);
    expect(offered(f, 'Open actions')).toEqual([
      { text: 'Call the housing office', checked: true, details: 'Who: Anna · When: 1 April 2026' },
      { text: 'Write up the case', checked: true, details: 'Who: Bo · When: 15 April 2026' },
    ]);
    // The last session's template, title, language and learning question, all to change.
    expect(f.getByRole('radio', { name: 'Learning studio' })).toHaveProperty('checked', true);
    expect(f.getByRole('textbox', { name: 'Session title (optional)' })).toHaveProperty(
      'value',
      'Leeratelier maart',
    );
    expect(f.getByRole('combobox', { name: 'Language of the session' })).toHaveProperty(
      'value',
      'en',
    );
    expect(f.getByRole('textbox', { name: 'Shared learning question' })).toHaveProperty(
      'value',
      'How do we reach lonely neighbours?',
    );

    fireEvent.click(f.getByRole('checkbox', { name: 'Which street first?' }));
    fireEvent.click(f.getByRole('checkbox', { name: 'Write up the case' }));
    fireEvent.input(f.getByRole('textbox', { name: 'Session title (optional)' }), {
      target: { value: 'Leeratelier april' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Start session' }));
    await f.findByRole('heading', { name: 'Leeratelier april' }, { timeout: 5000 });

    // The review phase opens with what was kept, and says where it came from.
    expect(f.getByText('Phase 1 of 5')).toBeTruthy();
    expect(f.getByRole('note', { name: '' }).textContent).toBe(`From “Leeratelier maart”, ${date}`);
    expect(texts(f, 'Question')).toEqual(['Who else should be here?']);
    expect(texts(f, 'Action')).toEqual(['Call the housing office']);
    expect(f.getByDisplayValue('Anna')).toBeTruthy();
    expect(f.getByDisplayValue('2026-04-01')).toBeTruthy();
    expect(f.getByRole('checkbox', { name: 'Done: Call the housing office' })).toHaveProperty(
      'checked',
      false,
    );
    const question = f.getByRole('region', { name: 'Learning question' });
    expect(question.textContent).toContain('How do we reach lonely neighbours?');
    expect(app.sessions.value).toHaveLength(2);
  });

  it('works from a session stored on this device, after the panel reloads', async () => {
    const rooms = new MemoryRooms();
    const store = memoryStore();
    const first = createAppModel(testPlatform(['en-GB'], store), rooms.services());
    await first.init();
    await first.loadTemplates();
    const firstView = render(<App app={first} />);
    const before = within(firstView.container as HTMLElement);
    await lastMeeting(before);
    fireEvent.click(before.getByRole('button', { name: 'Leave session' }));
    first.destroy();
    firstView.unmount();

    const platform = testPlatform(['en-GB'], store);
    const app = createAppModel(platform, rooms.services());
    await app.init();
    await app.loadTemplates();
    const f = within(render(<App app={app} />).container as HTMLElement);
    const row = f.getByRole('button', { name: 'Open Leeratelier maart' }).closest('li');
    const continueButton = within(row as HTMLElement).getByRole('button', {
      name: 'Continue in a new session',
    });
    expect(continueButton.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(continueButton.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Leeratelier maart');
    fireEvent.click(continueButton);
    await waitFor(() =>
      expect(offered(f, 'Open actions').map((item) => item.details)).toEqual([
        'Who: Anna · When: 1 April 2026',
        'Who: Bo · When: 15 April 2026',
      ]),
    );
    // "None" leaves every question behind; "Select all" takes them all again.
    const questions = within(f.getByRole('group', { name: 'Open questions' }));
    fireEvent.click(questions.getByRole('button', { name: 'None' }));
    expect(offered(f, 'Open questions').map((item) => item.checked)).toEqual([false, false]);
    expect(offered(f, 'Open actions').map((item) => item.checked)).toEqual([true, true]);
    fireEvent.click(questions.getByRole('button', { name: 'Select all' }));
    fireEvent.click(f.getByRole('checkbox', { name: 'Who else should be here?' }));
    // Another template: the carried items get a review phase of their own in front.
    fireEvent.click(f.getByRole('radio', { name: 'Lessons-learned harvest' }));
    expect(f.getByRole('textbox', { name: 'Shared learning question' })).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Start session' }));
    await f.findByRole('heading', { name: 'Leeratelier maart' }, { timeout: 5000 });

    expect(f.getByText('Phase 1 of 6')).toBeTruthy();
    expect(f.getByText(/^From “Leeratelier maart”, /)).toBeTruthy();
    expect(texts(f, 'Question')).toEqual(['Which street first?']);
    expect(texts(f, 'Action')).toEqual(['Call the housing office', 'Write up the case']);
    // The carried learning question keeps its place, though this template has none.
    expect(f.getByRole('region', { name: 'Learning question' }).textContent).toContain(
      'How do we reach lonely neighbours?',
    );
    // The new session's harvest names the one it continues.
    fireEvent.click(f.getByRole('button', { name: 'Export Markdown' }));
    expect(platform.downloads[0]?.text).toMatch(/Continues.*Leeratelier maart/);
  });
});

describe('a series between peers', { timeout: 20_000 }, () => {
  async function facilitatorAndParticipant() {
    const rooms = new MemoryRooms();
    const facilitator = createAppModel(testPlatform(), rooms.services('facilitator'));
    const participant = createAppModel(testPlatform(['nl-NL']), rooms.services('participant'));
    await Promise.all([facilitator.init(), participant.init()]);
    await Promise.all([facilitator.loadTemplates(), participant.loadTemplates()]);
    const f = within(render(<App app={facilitator} />).container as HTMLElement);
    await startLearningStudio(f, 'Leeratelier mei', 'What makes a neighbourhood feel safe?');
    const code = facilitator.current.value?.entry.code;
    if (!code) throw new Error('no session');
    await participant.joinSession({ code: formatRoomCode(code), name: 'Noor', passphrase: '' });
    const p = within(render(<App app={participant} />).container as HTMLElement);
    await p.findByRole('heading', { name: 'Leeratelier mei' }, { timeout: 5000 });
    return { f, p };
  }

  it('show what is done to everyone, and anyone may tick it off', async () => {
    const { f, p } = await facilitatorAndParticipant();
    addAction(f, 'Walk the route at night', 'Noor', '2026-05-20');
    addQuestion(f, 'Who has the keys?');
    const theirs = await p.findByRole('checkbox', { name: 'Klaar: Walk the route at night' });
    expect(theirs).toHaveProperty('checked', false);
    fireEvent.click(theirs);
    await waitFor(() =>
      expect(f.getByRole('checkbox', { name: 'Done: Walk the route at night' })).toHaveProperty(
        'checked',
        true,
      ),
    );
    expect(
      f.getByRole('checkbox', { name: 'Done: Walk the route at night' }).closest('li')?.className,
    ).toContain('item-done');
    fireEvent.click(f.getByRole('checkbox', { name: 'Answered: Who has the keys?' }));
    await waitFor(() =>
      expect(p.getByRole('checkbox', { name: 'Beantwoord: Who has the keys?' })).toHaveProperty(
        'checked',
        true,
      ),
    );
  });

  it('show the learning question to everyone; only the facilitator edits it', async () => {
    const { f, p } = await facilitatorAndParticipant();
    const shown = (view: View, name: string) => view.getByRole('region', { name }).textContent;
    expect(shown(p, 'Leervraag')).toContain('What makes a neighbourhood feel safe?');
    expect(p.queryByRole('button', { name: 'Leervraag bewerken' })).toBeNull();

    // Enter saves.
    fireEvent.click(f.getByRole('button', { name: 'Edit learning question' }));
    const field = f.getByRole('textbox', { name: 'Learning question' }) as HTMLTextAreaElement;
    expect(field.value).toBe('What makes a neighbourhood feel safe?');
    fireEvent.input(field, { target: { value: 'What makes a street feel safe at night?' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() =>
      expect(shown(p, 'Leervraag')).toContain('What makes a street feel safe at night?'),
    );
    expect(f.queryByRole('textbox', { name: 'Learning question' })).toBeNull();

    // Escape puts it back; leaving the field saves.
    fireEvent.click(f.getByRole('button', { name: 'Edit learning question' }));
    const again = f.getByRole('textbox', { name: 'Learning question' }) as HTMLTextAreaElement;
    fireEvent.input(again, { target: { value: 'Never mind' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(shown(f, 'Learning question')).toContain('What makes a street feel safe at night?');
    fireEvent.click(f.getByRole('button', { name: 'Edit learning question' }));
    const third = f.getByRole('textbox', { name: 'Learning question' }) as HTMLTextAreaElement;
    fireEvent.input(third, { target: { value: 'Who feels safe where?' } });
    fireEvent.blur(third);
    await waitFor(() => expect(shown(p, 'Leervraag')).toContain('Who feels safe where?'));
  });
});
