import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { builtInTemplates, templateMinutes } from '../../lib/templates';
import { renderApp } from './render-app';

/** Starts a session from the Social lab template as the facilitator, in English. */
async function startSocialLab(languages = ['en-GB']) {
  const rendered = await renderApp({ languages });
  const en = languages[0]?.startsWith('en');
  fireEvent.click(screen.getByRole('button', { name: en ? 'New session' : 'Nieuwe sessie' }));
  fireEvent.click(screen.getByRole('radio', { name: en ? 'Social lab' : 'Sociaal lab' }));
  fireEvent.input(
    screen.getByRole('textbox', {
      name: en ? 'Session title (optional)' : 'Titel van de sessie (niet verplicht)',
    }),
    {
      target: { value: 'Buurtlab Noord' },
    },
  );
  fireEvent.click(screen.getByRole('button', { name: en ? 'Start session' : 'Sessie starten' }));
  await screen.findByRole('heading', { name: 'Buurtlab Noord' }, { timeout: 5000 });
  return rendered;
}

function addItem(kind: 'question' | 'insight', text: string) {
  const label = kind === 'question' ? 'New question' : 'New insight';
  fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value: text } });
  fireEvent.click(
    screen.getByRole('button', { name: kind === 'question' ? 'Add question' : 'Add insight' }),
  );
}

describe('new session', () => {
  it('lists every built-in template with purpose, duration and phases', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'New session' }));
    for (const template of builtInTemplates) {
      const option = screen.getByRole('radio', { name: template.name.en });
      const about = document.getElementById(option.getAttribute('aria-describedby') ?? '');
      expect(about?.textContent).toContain(template.purpose.en);
      expect(about?.textContent).toContain(
        `${templateMinutes(template)} minutes · ${template.phases.length} phases`,
      );
    }
  });

  it('asks for a template before starting', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'New session' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a template first.');
  });

  it('starts a session showing the room code, its QR code and the first phase', async () => {
    const { app } = await startSocialLab();
    const code = screen.getByLabelText('Room code');
    expect(code.textContent).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/,
    );
    expect(screen.getByRole('img', { name: 'QR code' })).toBeTruthy();
    expect(screen.getByText('Phase 1 of 5')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Participants' }).textContent).toContain('1 here');
    expect(app.sessions.value).toHaveLength(1);
  });

  it('adds items, moves through phases and exports the harvest', async () => {
    const { platform } = await startSocialLab();
    addItem('insight', 'We tried a coffee morning.');
    expect((screen.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement).value).toBe(
      'We tried a coffee morning.',
    );
    expect(
      (screen.getByRole('textbox', { name: 'New insight' }) as HTMLTextAreaElement).value,
    ).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    expect(screen.getByText('Phase 2 of 5')).toBeTruthy();
    addItem('question', 'Who feels lonely here?');
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    const [download] = platform.downloads;
    expect(download?.fileName).toMatch(/^buurtlab-noord-\d{4}-\d{2}-\d{2}\.md$/);
    expect(download?.mimeType).toBe('text/markdown');
    expect(download?.text).toContain('# Buurtlab Noord');
    expect(download?.text).toContain('- We tried a coffee morning.');
    expect(download?.text).toContain('- Who feels lonely here?');
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await waitFor(() => expect(platform.copied).toEqual([download?.text]));
    expect(await screen.findByText('Harvest copied as Markdown.')).toBeTruthy();
  });

  it('keeps an over-long new item in the box with a clear message', async () => {
    await startSocialLab();
    const box = screen.getByRole('textbox', { name: 'New insight' }) as HTMLTextAreaElement;
    const long = 'x'.repeat(2_050);
    fireEvent.input(box, { target: { value: long } });
    expect(screen.getByText('2,050 of 2,000 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add insight' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Too long: 2,050 characters, the limit is 2,000.',
    );
    expect(box.value).toBe(long);
    expect(screen.queryByRole('textbox', { name: 'Insight' })).toBeNull();
  });

  it('deletes an item and undoes the deletion', async () => {
    await startSocialLab();
    addItem('insight', 'Temporary thought');
    fireEvent.click(screen.getByRole('button', { name: 'Delete: Temporary thought' }));
    expect(screen.queryByRole('textbox', { name: 'Insight' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect((screen.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement).value).toBe(
      'Temporary thought',
    );
  });

  it('ends the session after confirmation; items become read-only, export stays', async () => {
    await startSocialLab();
    addItem('insight', 'Kept');
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'End session' }));
    expect(
      screen.getByText('This session has ended. You can still export the harvest.'),
    ).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Insight' }) as HTMLTextAreaElement).readOnly).toBe(
      true,
    );
    expect(screen.queryByRole('textbox', { name: 'New insight' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export Markdown' })).toBeTruthy();
  });

  it('works in Dutch', async () => {
    await startSocialLab(['nl-NL']);
    expect(screen.getByLabelText('Kamercode').textContent).toMatch(/^\w{4}-\w{4}-\w{2}$/);
    expect(screen.getByText('Fase 1 van 5')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volgende fase' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Markdown exporteren' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Deelnemers' }).textContent).toContain('1 aanwezig');
  });
});

describe('join', () => {
  it.each([
    ['', 'Enter the room code.'],
    ['K7QM-PX4', 'The room code is too short: 7 of 10 characters. Check the code.'],
    ['K7QM-PX4R-9T-X', 'The room code is too long: 11 characters, a code has 10.'],
    ['K7QM-PX4R-9!', '“!” (character 10) cannot be part of a room code.'],
  ])('explains why %j is not a room code', async (code, message) => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Join session' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Room code' }), {
      target: { value: code },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByRole('textbox', { name: 'Room code' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('explains it in Dutch too', async () => {
    await renderApp({ languages: ['nl'] });
    fireEvent.click(screen.getByRole('button', { name: 'Deelnemen aan sessie' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Kamercode' }), {
      target: { value: 'abc' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deelnemen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'De kamercode is te kort: 3 van de 10 tekens. Controleer de code.',
    );
  });
});
