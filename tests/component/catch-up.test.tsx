import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { createAppModel } from '../../lib/app/app-model';
import { MemoryRooms } from '../helpers/memory-rooms';
import { startLessonsLearned, testPlatform } from './render-app';

/**
 * Issue 9: a newcomer to a large session sees that the session is arriving, not an empty room.
 * The real sync layer runs over an in-memory network whose frames the test delivers one by one.
 */
describe('joining a large session', () => {
  it('shows the catch-up arriving, then the session', async () => {
    const rooms = new MemoryRooms({ mode: 'manual', maxFrameBytes: 2 * 1024 });
    const facilitator = createAppModel(testPlatform(), rooms.services('facilitator'));
    const participant = createAppModel(testPlatform(['nl-NL']), rooms.services('participant'));
    await Promise.all([facilitator.init(), participant.init()]);
    await Promise.all([facilitator.loadTemplates(), participant.loadTemplates()]);
    const f = within(render(<App app={facilitator} />).container as HTMLElement);
    const p = within(render(<App app={participant} />).container as HTMLElement);

    const code = await startLessonsLearned(f);
    const session = facilitator.current.value?.model;
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(f.getByRole('button', { name: 'Reveal' }));
    for (let i = 0; i < 40; i++) session?.addItem('insight', `Inzicht ${i} `.padEnd(1_500, '.'));

    fireEvent.click(p.getByRole('button', { name: 'Deelnemen aan sessie' }));
    fireEvent.input(p.getByRole('textbox', { name: 'Kamercode' }), { target: { value: code } });
    fireEvent.click(p.getByRole('button', { name: 'Deelnemen' }));
    await waitFor(() => expect(rooms.network.pending()).toBeGreaterThan(0), { timeout: 5000 });

    // Deliver frames, letting the screen render between them, until a good part of the
    // catch-up (≈ 60 KB in 2 KiB chunks) is in.
    const bar = () =>
      p.queryByRole('progressbar', { name: 'Tot nu toe binnengehaald' }) as HTMLProgressElement;
    for (let i = 0; i < 200 && !(bar()?.value > 20_000); i++) {
      rooms.network.step(0);
      await new Promise((done) => setTimeout(done, 0));
    }
    const progress = bar();
    expect(progress).toBeTruthy();
    expect(progress.value).toBeLessThan(progress.max);
    expect(p.getByRole('status', { name: 'Verbinding' }).textContent).toContain(
      'De sessie wordt binnengehaald…',
    );
    expect(p.queryByRole('heading', { name: 'Lessons-learned harvest' })).toBeNull();

    rooms.network.flush();
    await p.findByRole('heading', { name: 'Lessons-learned harvest' });
    expect(bar()).toBeNull();
    expect(p.getByRole('status', { name: 'Verbinding' }).textContent).toContain(
      'Verbonden met 1 ander',
    );
  });
});
