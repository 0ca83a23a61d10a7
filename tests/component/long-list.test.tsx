import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

/** A phase with thousands of items stays light: the newest are shown, earlier ones on request. */
describe('a long list of items', () => {
  it('shows the newest 200 by the box, and earlier ones when asked', async () => {
    const { app } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'New session' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Lessons-learned harvest' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    await screen.findByRole('textbox', { name: 'New insight' }, { timeout: 5000 });
    const session = app.current.value?.model;
    for (let i = 1; i <= 205; i++) session?.addItem('insight', `Insight number ${i}`);

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
