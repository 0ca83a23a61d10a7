import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, startLessonsLearned } from './render-app';

/** A phase with thousands of items stays light: the newest are shown, earlier ones on request. */
describe('a long list of items', () => {
  it('shows the newest 200 by the box, and earlier ones when asked', async () => {
    const { app } = await renderApp();
    await startLessonsLearned(screen);
    const session = app.current.value?.model;
    // "What did we intend?" is for writing alone first: revealed, it shares at once.
    fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    // One millisecond apart, as people type: items of the same millisecond are ordered by
    // their random ids, which would make "newest" a coin toss.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 1; i <= 205; i++) {
        vi.advanceTimersByTime(1);
        session?.addItem('insight', `Insight number ${i}`);
      }
    } finally {
      vi.useRealTimers();
    }

    await waitFor(() => expect(screen.getByText('(205)')).toBeTruthy());
    const editors = () =>
      screen.getAllByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement[];
    expect(editors()).toHaveLength(200);
    // The newest stay next to the box where new ones appear; the oldest wait.
    expect(editors().at(-1)?.value).toBe('Insight number 205');
    expect(editors()[0]?.value).toBe('Insight number 6');

    fireEvent.click(screen.getByRole('button', { name: 'Show earlier ones (5 not shown)' }));
    await waitFor(() => expect(editors()).toHaveLength(205));
    expect(editors()[0]?.value).toBe('Insight number 1');
    expect(screen.queryByRole('button', { name: /Show earlier/ })).toBeNull();
    expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('heading-insight');
  });
});
