import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lib/platform/memory';
import { findTemplate, parseTemplateFile, type Template } from '../../lib/templates';
import { serializeTemplate } from '../../lib/templates/file';
import { renderApp, testPlatform } from './render-app';

const textbox = (name: string) => screen.getByRole('textbox', { name });
const type = (name: string, value: string) => fireEvent.input(textbox(name), { target: { value } });

async function openPicker(languages: readonly string[] = ['en-GB']) {
  const store = memoryStore();
  const rendered = await renderApp({ platform: testPlatform(languages, store) });
  fireEvent.click(
    screen.getByRole('button', {
      name: languages[0]?.startsWith('nl') ? 'Nieuwe sessie' : 'New session',
    }),
  );
  return { ...rendered, store };
}

/** A built-in template, which must exist. */
function builtIn(id: string): Template {
  const template = findTemplate(id);
  if (!template) throw new Error(`no built-in template ${id}`);
  return template;
}

/** A file a colleague might send: bytes, as the picker reads them. */
function file(name: string, content: string | Uint8Array<ArrayBuffer>): File {
  return new File([content], name, { type: 'application/json' });
}

async function importFile(picked: File) {
  const input = screen.getByLabelText('Template file to import') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [picked] } });
}

describe('the picker: my templates', () => {
  it('shows an empty "My templates" group with the ways to add one', async () => {
    await openPicker();
    const mine = screen.getByRole('region', { name: 'My templates' });
    expect(within(mine).getByText(/No templates of your own yet/)).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'New template' })).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'Import template' })).toBeTruthy();
    const copy = screen.getByRole('button', { name: 'Make a copy', description: 'Social lab' });
    expect(copy).toBeTruthy();
  });
});

describe('the template editor', () => {
  it('makes a copy of a built-in template with a fresh id and the edited settings', async () => {
    const { app } = await openPicker();
    fireEvent.click(
      screen.getByRole('button', { name: 'Make a copy', description: 'Reflective dialogue' }),
    );
    expect(screen.getByRole('heading', { name: 'New template' })).toBeTruthy();
    expect((textbox('Name (English)') as HTMLInputElement).value).toBe(
      'Reflective dialogue (copy)',
    );
    expect((textbox('Name (Nederlands)') as HTMLInputElement).value).toMatch(/\(kopie\)$/);
    expect((textbox('Id') as HTMLInputElement).value).toBe('reflective-dialogue-copy');

    const phase = screen.getByRole('region', { name: /^Phase 2/ });
    fireEvent.input(within(phase).getByRole('spinbutton', { name: 'Minutes' }), {
      target: { value: '12' },
    });
    fireEvent.click(within(phase).getByRole('checkbox', { name: 'Write alone first' }));
    fireEvent.click(within(phase).getByRole('checkbox', { name: 'Suggest dot voting' }));
    fireEvent.input(within(phase).getByRole('spinbutton', { name: 'Votes per person' }), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));

    await screen.findByRole('heading', { name: 'New session' });
    const saved = app.ownTemplates.value[0];
    expect(saved?.id).toBe('reflective-dialogue-copy');
    const source = findTemplate('reflective-dialogue');
    expect(saved?.phases[1]).toMatchObject({
      minutes: 12,
      privateWriting: true,
      voting: { budget: 5 },
    });
    expect(saved?.phases[0]).toEqual(source?.phases[0]);
    const mine = screen.getByRole('region', { name: 'My templates' });
    expect(within(mine).getByRole('radio', { name: 'Reflective dialogue (copy)' })).toBeTruthy();
    expect(
      (screen.getByRole('radio', { name: 'Reflective dialogue (copy)' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('shows each problem beside its field and in a summary, and saves nothing', async () => {
    const { app, store } = await openPicker();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Nederlands' }));
    type('Name (English)', 'Buurtlab');
    expect((textbox('Id') as HTMLInputElement).value).toBe('buurtlab');
    type('Title (English)', 'Check-in');
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Minutes' }), {
      target: { value: '900' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Purpose (English)');
    expect(summary.textContent).toContain('Phase 1: Question for the group (Nederlands)');
    expect(summary.textContent).toContain('Phase 1: Minutes');
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes' });
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByRole('spinbutton', { name: 'Minutes', description: 'Must be from 0 to 600' }),
    ).toBe(minutes);
    const purpose = textbox('Purpose (English)');
    expect(purpose.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(summary).getByRole('link', { name: 'Phase 1: Minutes' }));
    expect(document.activeElement).toBe(minutes);
    expect(app.ownTemplates.value).toEqual([]);
    expect(await store.get('kring.templates')).toBeUndefined();
  });
});

describe('writing in one language', () => {
  it('asks before using the texts of one language for the other, then saves both', async () => {
    const { app } = await openPicker();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    expect(screen.queryByRole('textbox', { name: 'Name (Nederlands)' })).toBeNull();
    type('Name (English)', 'Walk and talk');
    type('Purpose (English)', 'Talk in pairs while walking.');
    type('Title (English)', 'Walk');
    type('Question for the group (English)', 'What moves you?');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('English texts only');
    expect(app.ownTemplates.value).toEqual([]);
    fireEvent.click(
      within(question).getByRole('button', { name: 'Use the English texts for Dutch too' }),
    );
    await screen.findByRole('heading', { name: 'New session' });
    const saved = app.ownTemplates.value[0];
    expect(saved?.id).toBe('walk-and-talk');
    expect(saved?.name).toEqual({ en: 'Walk and talk', nl: 'Walk and talk' });
    expect(saved?.phases[0]?.prompt).toEqual({ en: 'What moves you?', nl: 'What moves you?' });
  });
});

describe('leaving with unsaved changes', () => {
  it('asks first when the back button is pressed, and stays on "Keep editing"', async () => {
    await openPicker();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    type('Name (English)', 'Half done');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Leave without saving?');
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect((textbox('Name (English)') as HTMLInputElement).value).toBe('Half done');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));
    expect(screen.getByRole('heading', { name: 'New session' })).toBeTruthy();
  });

  it('goes back at once when nothing changed', async () => {
    await openPicker();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'New session' })).toBeTruthy();
  });
});

describe('importing and exporting', () => {
  it('lists every problem of an invalid file by path and stores nothing', async () => {
    const { app, store } = await openPicker();
    const data = JSON.parse(serializeTemplate(builtIn('social-lab')));
    delete data.phases[0].prompt.nl;
    data.phases[1].minuts = 5;
    await importFile(file('broken.json', JSON.stringify(data)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Kring cannot use broken.json as a template');
    const lines = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'phases[0].prompt.nl: this field is missing',
      'phases[1].minuts: the format has no such field (a typo?)',
    ]);
    expect(app.ownTemplates.value).toEqual([]);
    expect(await store.get('kring.templates')).toBeUndefined();
  });

  it('names bytes that are not UTF-8 instead of reading garbage', async () => {
    await openPicker();
    await importFile(file('latin1.json', new Uint8Array([0x7b, 0xe9, 0x7d])));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('file: this is not a text file in UTF-8');
  });

  it('asks when the id is a built-in one: Keep both stores it under a free id', async () => {
    const { app } = await openPicker();
    const socialLab = builtIn('social-lab');
    await importFile(file('social-lab.json', serializeTemplate(socialLab)));
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain(
      'A template with the id “social-lab” already exists: Social lab.',
    );
    expect(within(question).queryByRole('button', { name: 'Replace' })).toBeNull();
    fireEvent.click(within(question).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(app.ownTemplates.value).toHaveLength(1));
    expect(app.ownTemplates.value[0]).toEqual({ ...socialLab, id: 'social-lab-2' });
    const mine = screen.getByRole('region', { name: 'My templates' });
    expect(within(mine).getByRole('radio', { name: 'Social lab' })).toBeTruthy();
    expect(findTemplate('social-lab', app.allTemplates.value)).toBe(socialLab);
  });

  it('exports an own template as its JSON file, and deletes it after asking', async () => {
    const { app, platform } = await openPicker();
    const mine = {
      ...builtIn('lessons-learned'),
      id: 'my-harvest',
      name: { en: 'My harvest', nl: 'Mijn oogst' },
    };
    expect((await app.saveOwnTemplate(mine)).ok).toBe(true);
    const exportButton = await screen.findByRole('button', {
      name: 'Export template',
      description: 'My harvest',
    });
    fireEvent.click(exportButton);
    expect(platform.downloads).toEqual([
      { fileName: 'my-harvest.json', text: serializeTemplate(mine), mimeType: 'application/json' },
    ]);
    const reread = parseTemplateFile(platform.downloads[0]?.text ?? '');
    expect(reread.ok && reread.value).toEqual(mine);

    fireEvent.click(
      screen.getByRole('button', { name: 'Delete template', description: 'My harvest' }),
    );
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Delete “My harvest” from this device?');
    fireEvent.click(within(question).getByRole('button', { name: 'Delete template' }));
    await waitFor(() => expect(app.ownTemplates.value).toEqual([]));
    expect(screen.getByText(/No templates of your own yet/)).toBeTruthy();
  });

  it('edits an own template in place, keeping its id', async () => {
    const { app } = await openPicker();
    const mine = { ...builtIn('lessons-learned'), id: 'my-harvest' };
    await app.saveOwnTemplate(mine);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit template', description: mine.name.en }),
    );
    expect(screen.getByRole('heading', { name: 'Edit template' })).toBeTruthy();
    type('Name (English)', 'Harvest, our way');
    expect((textbox('Id') as HTMLInputElement).value).toBe('my-harvest');
    const last = screen.getAllByRole('region', { name: /^Phase \d/ }).at(-1) as HTMLElement;
    fireEvent.click(within(last).getByRole('button', { name: 'Move up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByRole('heading', { name: 'New session' });
    expect(app.ownTemplates.value).toHaveLength(1);
    const saved = app.ownTemplates.value[0];
    expect(saved?.name.en).toBe('Harvest, our way');
    const ids = mine.phases.map((phase) => phase.id);
    expect(saved?.phases.map((phase) => phase.id)).toEqual([
      ...ids.slice(0, -2),
      ids.at(-1),
      ids.at(-2),
    ]);
  });
});

describe('in Dutch', () => {
  it('names the group and the tools in Dutch', async () => {
    await openPicker(['nl-NL']);
    const mine = screen.getByRole('region', { name: 'Mijn werkvormen' });
    expect(within(mine).getByRole('button', { name: 'Nieuwe werkvorm' })).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'Werkvorm importeren' })).toBeTruthy();
    fireEvent.click(within(mine).getByRole('button', { name: 'Nieuwe werkvorm' }));
    expect(screen.getByRole('textbox', { name: 'Naam (Nederlands)' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Vraag aan de groep (Nederlands)' })).toBeTruthy();
  });
});
