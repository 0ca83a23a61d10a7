import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { createAppModel } from '../../lib/app/app-model';
import { memoryStore } from '../../lib/platform/memory';
import { MemoryRooms } from '../helpers/memory-rooms';
import { startLessonsLearned, testPlatform } from './render-app';

/**
 * A facilitator and a participant, two app models in one test joined by in-memory rooms: the
 * real session engine and view-models exchanging real Yjs updates. Each renders into its own
 * container, queried with `within`.
 */
async function facilitatorAndParticipant() {
  const rooms = new MemoryRooms();
  const participantWrites: string[] = [];
  const participantStore = memoryStore();
  const countingStore = {
    ...participantStore,
    set: (key: string, value: unknown) => {
      participantWrites.push(key);
      return participantStore.set(key, value);
    },
  };
  const facilitator = createAppModel(testPlatform(), rooms.services('facilitator'));
  const participant = createAppModel(
    testPlatform(['nl-NL'], countingStore),
    rooms.services('participant'),
  );
  await Promise.all([facilitator.init(), participant.init()]);
  await Promise.all([facilitator.loadTemplates(), participant.loadTemplates()]);
  const f = within(render(<App app={facilitator} />).container as HTMLElement);
  const p = within(render(<App app={participant} />).container as HTMLElement);

  const code = await startLessonsLearned(f);

  fireEvent.click(p.getByRole('button', { name: 'Deelnemen aan sessie' }));
  fireEvent.input(p.getByRole('textbox', { name: 'Kamercode' }), {
    target: { value: code.toLowerCase().replace(/-/g, ' ') },
  });
  fireEvent.input(p.getByRole('textbox', { name: 'Je naam' }), { target: { value: 'Noor' } });
  fireEvent.click(p.getByRole('button', { name: 'Deelnemen' }));
  await p.findByRole('heading', { name: 'Lessons-learned harvest' }, { timeout: 5000 });
  return { f, p, facilitator, participant, participantWrites };
}

describe('a facilitator and a participant', () => {
  it('see each other, with the name only of who gave one', async () => {
    const { f, p } = await facilitatorAndParticipant();
    await waitFor(() =>
      expect(f.getByRole('status', { name: 'Participants' }).textContent).toContain('2 here'),
    );
    expect(f.getByRole('status', { name: 'Participants' }).textContent).toContain('you, Noor');
    expect(p.getByRole('status', { name: 'Deelnemers' }).textContent).toContain('2 aanwezig');
    expect(p.getByRole('status', { name: 'Deelnemers' }).textContent).toContain('1 zonder naam');
  });

  it('share items, and the participant follows the facilitator through the phases', async () => {
    const { f, p } = await facilitatorAndParticipant();
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    await waitFor(() => expect(p.queryByText(/^Eerst alleen schrijven/)).toBeNull());
    fireEvent.input(p.getByRole('textbox', { name: 'Nieuw inzicht' }), {
      target: { value: 'Het doel was te vaag.' },
    });
    fireEvent.click(p.getByRole('button', { name: 'Inzicht toevoegen' }));
    expect((f.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement).value).toBe(
      'Het doel was te vaag.',
    );
    expect(p.queryByRole('button', { name: 'Volgende fase' })).toBeNull();
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    expect(p.getByText('Fase 2 van 5')).toBeTruthy();
    expect(p.getByText('Nu: What actually happened?')).toBeTruthy();
  });

  it("show the facilitator's phase timer to everyone, and its pause", async () => {
    const { f, p } = await facilitatorAndParticipant();
    expect(p.queryByRole('button', { name: /Timer starten/ })).toBeNull();
    fireEvent.click(f.getByRole('button', { name: 'Start timer (10 min)' }));
    expect(f.getByText(/^(10:00|9:5\d)$/)).toBeTruthy();
    expect(p.getByText(/^(10:00|9:5\d)$/)).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Pause timer' }));
    expect(p.getByText('gepauzeerd')).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Reset timer' }));
    expect(p.queryByText(/^\d+:\d\d$/)).toBeNull();
  });

  // Regression: "My sessions" was rewritten on every snapshot of a joined session (a storage
  // write per keystroke of anyone), which the benchmark showed as extra latency.
  it('do not write to storage for every remote keystroke', async () => {
    const { f, participantWrites } = await facilitatorAndParticipant();
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), { target: { value: 'a' } });
    fireEvent.click(f.getByRole('button', { name: 'Add insight' }));
    const before = participantWrites.length;
    const editor = f.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement;
    for (const text of ['ab', 'abc', 'abcd', 'abcde', 'abcdef']) {
      editor.value = text;
      fireEvent.input(editor);
    }
    await new Promise((done) => setTimeout(done, 20));
    expect(participantWrites.slice(before)).toEqual([]);
  });

  it('lets a participant look back at an earlier phase without moving the group', async () => {
    const { f, p } = await facilitatorAndParticipant();
    fireEvent.click(f.getByRole('button', { name: 'Next phase' }));
    fireEvent.click(p.getByText('Alle fasen'));
    fireEvent.click(p.getByRole('button', { name: 'What did we intend?' }));
    expect(p.getByText('Fase 1 van 5')).toBeTruthy();
    expect(p.getByText('Je kijkt naar een eerdere fase.')).toBeTruthy();
    expect(f.getByText('Phase 2 of 5')).toBeTruthy();
    fireEvent.click(p.getByRole('button', { name: 'Terug naar de huidige fase' }));
    expect(p.getByText('Fase 2 van 5')).toBeTruthy();
  });

  it('keep the caret in place when someone else types in the same item', async () => {
    const { f, p } = await facilitatorAndParticipant();
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    fireEvent.input(f.getByRole('textbox', { name: 'New insight' }), {
      target: { value: 'Who decided?' },
    });
    fireEvent.click(f.getByRole('button', { name: 'Add insight' }));
    const mine = f.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement;
    const theirs = p.getByRole('textbox', { name: 'Inzicht' }) as HTMLTextAreaElement;
    // The facilitator has the caret after "Who" ...
    mine.focus();
    mine.setSelectionRange(3, 3);
    // ... while the participant types at the start.
    theirs.value = 'And: Who decided?';
    fireEvent.input(theirs);
    expect(mine.value).toBe('And: Who decided?');
    expect([mine.selectionStart, mine.selectionEnd]).toEqual([8, 8]);
    // And the facilitator types on where the caret is.
    mine.value = 'And: Who really decided?';
    fireEvent.input(mine);
    expect(theirs.value).toBe('And: Who really decided?');
  });
});
