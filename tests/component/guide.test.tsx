import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HandoutPage, loadHandout } from '../../components/handout/HandoutPage';
import { type HandoutParams, parseHandoutHash } from '../../lib/app/handout';
import { memoryStore } from '../../lib/platform/memory';
import type { Template } from '../../lib/templates/types';
import { testTemplate } from '../helpers/test-template';
import { renderApp, testPlatform } from './render-app';

/** A facilitator's own template, as the own-templates store keeps it. */
const ownTemplate: Template = {
  ...testTemplate,
  id: 'my-circle',
  name: { en: 'My circle', nl: 'Mijn kring' },
  purpose: { en: 'Talk about the week.', nl: 'Praten over de week.' },
  credits: { en: 'After a colleague’s idea.', nl: 'Naar een idee van een collega.' },
  phases: testTemplate.phases.map((phase, index) =>
    index === 1
      ? {
          ...phase,
          privateWriting: true,
          voting: { budget: 2 },
          notes: { en: 'Wait.', nl: 'Wacht.' },
        }
      : phase,
  ),
};

function platformWithPages(languages: readonly string[], initial: Record<string, unknown> = {}) {
  const opened: string[] = [];
  const platform = {
    ...testPlatform(languages, memoryStore(initial)),
    openPage: (url: string) => {
      opened.push(url);
    },
  };
  return { platform: Object.assign(platform, { downloads: [], copied: [] }), opened };
}

async function openNewSession() {
  fireEvent.click(screen.getByRole('button', { name: /New session|Nieuwe sessie/ }));
  await screen.findByRole('radio', { name: /Social lab|Sociaal lab/ });
}

describe('facilitator guide', () => {
  it('shows a built-in template’s written guide in English', async () => {
    await renderApp({ languages: ['en-GB'] });
    await openNewSession();
    fireEvent.click(
      screen.getByRole('button', { name: 'Facilitator guide', description: 'Social lab' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Social lab — facilitator guide' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Phase by phase' })).toBeTruthy();
    expect(document.querySelector('.guide')?.getAttribute('lang')).toBe('en');
  });

  it('shows the Dutch guide, in the language chosen for the session, and goes back with it chosen', async () => {
    await renderApp({ languages: ['en-GB'] });
    await openNewSession();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of the session' }), {
      target: { value: 'nl' },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Sociaal lab' }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Facilitator guide', description: 'Reflectieve dialoog' }),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Reflectieve dialoog — handleiding voor de begeleider',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Fase voor fase' })).toBeTruthy();
    // Its table scrolls sideways inside the panel, reachable by keyboard.
    const table = screen.getByRole('table');
    expect(table.parentElement?.className).toBe('table-scroll');
    expect(table.parentElement?.tabIndex).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the templates' }));
    const chosen = (await screen.findByRole('radio', { name: 'Sociaal lab' })) as HTMLInputElement;
    expect(chosen.checked).toBe(true);
    expect(
      (screen.getByRole('combobox', { name: 'Language of the session' }) as HTMLSelectElement)
        .value,
    ).toBe('nl');
  });

  it('has Dutch names in a Dutch interface', async () => {
    await renderApp({ languages: ['nl-NL'] });
    await openNewSession();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Handleiding voor de begeleider',
        description: 'Leeroogst',
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Leeroogst — handleiding voor de begeleider' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deelnemersblad afdrukken' })).toBeTruthy();
  });

  it('makes an own template’s guide from its data', async () => {
    const { platform } = platformWithPages(['en-GB'], {
      'kring.templates': { version: 1, templates: [ownTemplate] },
    });
    await renderApp({ platform });
    await openNewSession();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Facilitator guide', description: 'My circle' }),
    );
    const guide = await screen.findByRole('article');
    const view = within(guide);
    expect(view.getByRole('heading', { name: 'My circle — facilitator guide' })).toBeTruthy();
    expect(view.getByText('Talk about the week.')).toBeTruthy();
    expect(view.getByText('About 30 minutes, 3 phases.')).toBeTruthy();
    expect(view.getByRole('heading', { name: '2. Explore (15 min)' })).toBeTruthy();
    expect(view.getByText('What do we notice?')).toBeTruthy();
    expect(view.getByText('Wait.')).toBeTruthy();
    expect(view.getByText('Collects: questions and insights.')).toBeTruthy();
    expect(view.getByText('Everyone writes alone first; you reveal the drafts.')).toBeTruthy();
    expect(view.getByText('Dot voting: 2 dots each.')).toBeTruthy();
    expect(view.getByText('After a colleague’s idea.')).toBeTruthy();
  });
});

describe('print handout', () => {
  it('opens the handout page for a template, in the session’s language, without a code', async () => {
    const { platform, opened } = platformWithPages(['en-GB']);
    await renderApp({ platform });
    await openNewSession();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of the session' }), {
      target: { value: 'nl' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Print handout', description: 'Sociaal lab' }),
    );
    expect(opened).toEqual(['handout.html#t=social-lab&l=nl']);
    expect((screen.getByRole('radio', { name: 'Sociaal lab' }) as HTMLInputElement).checked).toBe(
      false,
    );
  });

  it('fills in the running session’s code and invite link', async () => {
    const { platform, opened } = platformWithPages(['en-GB']);
    await renderApp({ platform });
    await openNewSession();
    fireEvent.click(screen.getByRole('radio', { name: 'Lessons-learned harvest' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    const code = (await screen.findByRole('status', { name: 'Room code' }, { timeout: 5000 }))
      .textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Print handout' }));
    const params = parseHandoutHash(new URL(opened[0] ?? '', 'https://x/').hash);
    expect(params).toMatchObject({ templateId: 'lessons-learned', locale: 'en', code });
    expect(params?.link).toMatch(new RegExp(`#${code}$`));
  });
});

describe('handout page', () => {
  const show = async (params: HandoutParams, own: readonly Template[] = []) => {
    const content = await loadHandout(params, async () => own);
    return render(<HandoutPage params={params} content={content} onPrint={() => {}} />);
  };

  it('shows a written handout with the room code, the invite link and its QR code', async () => {
    const link = 'https://kring.example/#ABCD-EFGH-JK';
    await show({ templateId: 'social-lab', locale: 'nl', code: 'ABCD-EFGH-JK', link });
    expect(screen.getByRole('heading', { level: 1, name: 'Sociaal lab' })).toBeTruthy();
    const box = screen.getByRole('region', { name: 'Doe mee met de sessie' });
    expect(within(box).getByText('ABCD-EFGH-JK')).toBeTruthy();
    expect(box.textContent).toContain(link);
    expect(within(box).getByRole('img', { name: 'QR-code met de uitnodigingslink' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
    // The marker itself is never shown, and the box sits where it was: after "Zo doe je mee".
    expect(document.body.textContent).not.toContain('<!-- join -->');
    const heading = screen.getByRole('heading', { name: 'Zo doe je mee' });
    expect(heading.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a blank line for the code when no session is running', async () => {
    await show({ templateId: 'reflective-dialogue', locale: 'en' });
    const box = screen.getByRole('region', { name: 'Join the session' });
    expect(within(box).getByText('____-____-__')).toBeTruthy();
    expect(within(box).getByText(/The facilitator shows it/)).toBeTruthy();
    expect(within(box).queryByRole('img')).toBeNull();
  });

  it('makes an own template’s handout from its data', async () => {
    await show({ templateId: 'my-circle', locale: 'en' }, [ownTemplate]);
    expect(screen.getByRole('heading', { level: 1, name: 'My circle' })).toBeTruthy();
    expect(screen.getByText('Today: about 30 minutes')).toBeTruthy();
    for (const phase of ownTemplate.phases) expect(screen.getByText(phase.prompt.en)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Join the session' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How we work together' })).toBeTruthy();
  });

  it('says so when the template is not there', async () => {
    await show({ templateId: 'gone', locale: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('could not be found');
  });
});

describe('guide Markdown', () => {
  it('shows raw HTML as text and drops script links', async () => {
    const { loadMarkdown, renderTokens } = await import('../../components/guides/markdown');
    const parse = await loadMarkdown();
    const source = '<img src=x onerror=alert(1)>\n\n[press](javascript:alert(1)) and *this*';
    const { container } = render(<div>{renderTokens(parse(source))}</div>);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('em')?.textContent).toBe('this');
  });
});
