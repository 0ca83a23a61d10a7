import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

async function startReflectiveDialogue() {
  const rendered = await renderApp();
  fireEvent.click(screen.getByRole('button', { name: 'New session' }));
  fireEvent.click(screen.getByRole('radio', { name: 'Reflective dialogue' }));
  fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
  await screen.findByLabelText('Room code', {}, { timeout: 5000 });
  return rendered;
}

describe('editing phases live', () => {
  it('changes the title, question, minutes and what a phase collects', async () => {
    await startReflectiveDialogue();
    fireEvent.click(screen.getByRole('button', { name: 'Edit phase' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Phase title' }), {
      target: { value: 'Check-in' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Question for the group' }), {
      target: { value: 'How do you arrive?' },
    });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Minutes' }), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Insights' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save phase' }));
    expect(screen.getByRole('heading', { name: 'Check-in' })).toBeTruthy();
    expect(screen.getByText('How do you arrive?')).toBeTruthy();
    expect(screen.getByText('· 7 min')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'New insight' })).toBeTruthy();
  });

  it('refuses an empty title with a message and keeps the form', async () => {
    await startReflectiveDialogue();
    fireEvent.click(screen.getByRole('button', { name: 'Edit phase' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Phase title' }), {
      target: { value: '  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save phase' }));
    expect(screen.getByRole('alert').textContent).toContain('Write something first.');
    expect(screen.getByRole('textbox', { name: 'Phase title' })).toBeTruthy();
  });

  it('adds a phase after this one, moves it, and will not remove a phase with contributions', async () => {
    await startReflectiveDialogue();
    fireEvent.click(screen.getByRole('button', { name: 'Edit phase' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a phase after this one' }));
    expect(screen.getByText('Phase 2 of 6')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'New phase' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit phase' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move earlier' }));
    expect(screen.getByText('Phase 1 of 6')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'New question' }), {
      target: { value: 'Keep me' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit phase' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove phase' }));
    expect(screen.getByRole('alert').textContent).toBe('This phase still has contributions.');
    expect(screen.getByText('Phase 1 of 6')).toBeTruthy();
  });
});
