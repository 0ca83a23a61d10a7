import { describe, expect, it } from 'vitest';
import { harvestMarkdown } from '../../lib/export/markdown';
import { addItem, endSession, stepPhase } from '../../lib/session';
import type { SessionSnapshot } from '../../lib/session/types';
import { fixedContext } from '../helpers/context';
import { headings, item, listAfter, parse, phase, quotes, session } from '../helpers/harvest';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

/** Three phases; the second collects nothing; one item belongs to a removed phase. */
function sample(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return session({
    title: 'Neighbourhood dialogue',
    template: { id: 'reflective-dialogue', version: 1, name: 'Reflective dialogue' },
    currentPhaseId: 'act',
    phases: [
      phase('open', 'Opening', {
        prompt: 'What brings you here?',
        notes: 'SECRET facilitator note: keep it short.',
      }),
      phase('listen', 'Listening round', { prompt: 'Only listen.', kinds: [] }),
      phase('act', 'Next steps', { prompt: 'Who does what?' }),
    ],
    items: [
      item('question', 'open', 'Who is missing tonight?'),
      item('question', 'open', 'What does the library offer?'),
      item('insight', 'open', 'People want to meet\nwithout an agenda.'),
      item('action', 'act', 'Book the community room', { owner: 'Fatima', due: '2026-12-01' }),
      item('action', 'act', 'Ask the school', { owner: 'Joost' }),
      item('action', 'act', 'Evaluate', { due: '2027-01-15' }),
      item('action', 'act', 'Find a volunteer'),
      item('question', 'removed', 'Orphaned question'),
      item('action', 'removed', 'Orphaned action', { owner: 'Sanne', due: '2026-12-24' }),
    ],
    ...overrides,
  });
}

describe('harvestMarkdown structure', () => {
  const markdown = harvestMarkdown(sample(), { participants: 12 });
  const tokens = parse(markdown);

  it('has the title, phases in order, kinds in order and the Other section', () => {
    expect(headings(tokens)).toEqual([
      { level: 1, text: 'Neighbourhood dialogue' },
      { level: 2, text: '1. Opening' },
      { level: 3, text: 'Questions' },
      { level: 3, text: 'Insights' },
      { level: 2, text: '2. Listening round' },
      { level: 2, text: '3. Next steps' },
      { level: 3, text: 'Actions' },
      { level: 2, text: 'Other' },
      { level: 3, text: 'Questions' },
      { level: 3, text: 'Actions' },
    ]);
  });

  it('starts with method, date, status and participants', () => {
    expect(listAfter(tokens, null)).toEqual([
      'Method: Reflective dialogue',
      'Date: 25 November 2026',
      'Status: completed',
      'Participants: 12',
    ]);
  });

  it('quotes each phase prompt', () => {
    expect(quotes(tokens)).toEqual(['What brings you here?', 'Only listen.', 'Who does what?']);
  });

  it('lists every item once, multi-line text inside its list item', () => {
    expect(listAfter(tokens, { level: 3, text: 'Questions' })).toEqual([
      'Who is missing tonight?',
      'What does the library offer?',
    ]);
    expect(listAfter(tokens, { level: 3, text: 'Insights' })).toEqual([
      'People want to meet\nwithout an agenda.',
    ]);
    expect(markdown).toContain('- People want to meet\n  without an agenda.\n');
    const listItems = tokens.filter((token) => token.type === 'list_item_open');
    expect(listItems).toHaveLength(4 + sample().items.length);
  });

  it('shows who and when for actions, leaving out what is not set', () => {
    expect(listAfter(tokens, { level: 2, text: '3. Next steps' })).toEqual([
      'Book the community room — who: Fatima · due: 1 December 2026',
      'Ask the school — who: Joost',
      'Evaluate — due: 15 January 2027',
      'Find a volunteer',
    ]);
  });

  it('says so when a phase harvested nothing', () => {
    expect(markdown).toContain(
      '## 2. Listening round\n\n> Only listen.\n\n_Nothing harvested in this phase._\n\n## 3.',
    );
  });

  it('keeps items of removed phases in a last section, never losing them', () => {
    expect(markdown).toContain(
      '## Other\n\n_Contributions from phases that are no longer in the session._\n\n' +
        '### Questions\n\n- Orphaned question\n\n' +
        '### Actions\n\n- Orphaned action — who: Sanne · due: 24 December 2026\n\n---',
    );
  });

  it('does not export facilitator notes', () => {
    expect(markdown).not.toContain('SECRET');
  });

  it('ends with the footer and one newline, without trailing spaces or carriage returns', () => {
    expect(markdown.endsWith('\n\n---\n\n_Exported with Kring._\n')).toBe(true);
    expect(markdown).not.toMatch(/\n\n$/);
    expect(markdown).not.toMatch(/[ \t]$/m);
    expect(markdown).not.toContain('\r');
  });
});

describe('harvestMarkdown in Dutch', () => {
  const markdown = harvestMarkdown(sample({ locale: 'nl' }), { participants: 12 });

  it('uses the session locale for every label and date', () => {
    const tokens = parse(markdown);
    expect(headings(tokens).map((heading) => heading.text)).toEqual([
      'Neighbourhood dialogue',
      '1. Opening',
      'Vragen',
      'Inzichten',
      '2. Listening round',
      '3. Next steps',
      'Acties',
      'Overig',
      'Vragen',
      'Acties',
    ]);
    expect(listAfter(tokens, null)).toEqual([
      'Werkvorm: Reflective dialogue',
      'Datum: 25 november 2026',
      'Status: afgerond',
      'Deelnemers: 12',
    ]);
    expect(listAfter(tokens, { level: 2, text: '3. Next steps' })[0]).toBe(
      'Book the community room — wie: Fatima · wanneer: 1 december 2026',
    );
    expect(markdown).toContain('_Niets geoogst in deze fase._');
    expect(markdown).toContain('_Bijdragen uit fasen die niet meer in de sessie staan._');
    expect(markdown.endsWith('_Geëxporteerd met Kring._\n')).toBe(true);
  });

  it('falls back to English for a locale this version does not speak', () => {
    const future = { ...sample(), locale: 'de' } as unknown as SessionSnapshot;
    expect(harvestMarkdown(future)).toBe(harvestMarkdown(sample()));
  });
});

describe('harvestMarkdown header', () => {
  const meta = (snapshot: SessionSnapshot, participants?: number) =>
    listAfter(parse(harvestMarkdown(snapshot, { participants })), null);

  it('tells whether the session is running, completed or ended early', () => {
    expect(meta(sample({ status: 'running', endedAt: null }))).toContain(
      'Status: in progress (interim harvest)',
    );
    expect(meta(sample({ currentPhaseId: 'listen' }))).toContain(
      'Status: ended early, in phase 2 of 3',
    );
    expect(meta(sample({ locale: 'nl', currentPhaseId: 'open' }))).toContain(
      'Status: eerder beëindigd, in fase 1 van 3',
    );
    expect(meta(sample({ currentPhaseId: 'act' }))).toContain('Status: completed');
  });

  it('shows participants only for a whole, non-negative number', () => {
    expect(meta(sample(), 0)).toContain('Participants: 0');
    for (const participants of [undefined, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(meta(sample(), participants).join()).not.toContain('Participants');
    }
  });

  it('keeps a creation time that is no date as text, and leaves out an empty one', () => {
    expect(meta(sample({ createdAt: 'gisteren' }))).toContain('Date: gisteren');
    expect(meta(sample({ createdAt: '' })).join()).not.toContain('Date');
  });

  it('names an untitled session and an untitled phase', () => {
    const snapshot = sample({ title: '  ', phases: [phase('open', ''), phase('act', '\n')] });
    expect(headings(parse(harvestMarkdown(snapshot))).map((h) => h.text)).toEqual(
      expect.arrayContaining(['Untitled session', 'Phase 1', 'Phase 2']),
    );
  });

  it('puts a multi-line title on one line', () => {
    const title = headings(parse(harvestMarkdown(sample({ title: 'Buurt\r\ngesprek' }))))[0];
    expect(title).toEqual({ level: 1, text: 'Buurt gesprek' });
  });
});

describe('harvestMarkdown items', () => {
  const actions = (items: SessionSnapshot['items']) =>
    listAfter(parse(harvestMarkdown(sample({ items }))), { level: 3, text: 'Actions' });

  it('keeps a due date that is no date as text', () => {
    expect(actions([item('action', 'act', 'Call', { due: 'next week' })])).toEqual([
      'Call — due: next week',
    ]);
  });

  it('ignores owner and due on items that are no action', () => {
    const markdown = harvestMarkdown(
      sample({ items: [item('question', 'open', 'Why?', { owner: 'X', due: '2026-12-01' })] }),
    );
    expect(markdown).toContain('- Why?\n');
  });

  it('normalises line endings and drops whitespace at line ends', () => {
    const markdown = harvestMarkdown(
      sample({ items: [item('insight', 'open', '  first  \r\nsecond\rthird \n')] }),
    );
    expect(markdown).toContain('- first\n  second\n  third\n');
  });

  it('marks an item without text instead of dropping it', () => {
    expect(actions([item('action', 'act', ' \n ', { owner: 'Ilse' })])).toEqual([
      '<em_open>(no text)<em_close> — who: Ilse',
    ]);
  });
});

describe('harvestMarkdown of a real session document', () => {
  it('renders what lib/session derives', () => {
    const doc = newSessionDoc('nl', 'Buurtavond');
    const context = fixedContext('x');
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'Wie mist er?' }, context));
    expectOk(stepPhase(doc, 1));
    expectOk(endSession(doc, context));
    const markdown = harvestMarkdown(snap(doc));
    expect(markdown).toMatch(
      /^# Buurtavond\n\n- Werkvorm: Testsjabloon\n- Datum: 25 november 2026\n/,
    );
    expect(markdown).toContain('- Status: eerder beëindigd, in fase 2 van 3\n');
    expect(markdown).toContain(
      '## 1. Opening\n\n> Wat brengt je hier?\n\n### Vragen\n\n- Wie mist er?\n',
    );
  });
});
