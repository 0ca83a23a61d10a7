/**
 * Themes and dot voting in the harvest: themes as sub-sections of a phase's insights, voted
 * items ranked with their counts, and a line that says how the phase voted. Read through a
 * CommonMark parser, as a facilitator's report would render it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harvestMarkdown } from '../../lib/export/markdown';
import type { ItemSnapshot, SessionSnapshot, VotingSnapshot } from '../../lib/session/types';
import {
  headings,
  item,
  listAfter,
  parse,
  phase,
  session,
  theme,
  voting,
} from '../helpers/harvest';

/** One phase that clusters and votes on insights and also collects (unvoted) questions. */
function clustered(
  phaseVoting: VotingSnapshot = voting(['insight']),
  overrides: Partial<SessionSnapshot> = {},
): SessionSnapshot {
  return session({
    phases: [
      phase('sense', 'Sensing', { kinds: ['question', 'insight'], voting: phaseVoting }),
      phase('plain', 'Plain', { kinds: ['insight'] }),
    ],
    items: [
      item('question', 'sense', 'Who decides?', { votes: 4 }),
      item('question', 'sense', 'Who pays?'),
      item('insight', 'sense', 'Rent is rising', { themeId: 'money', votes: 1 }),
      item('insight', 'sense', 'The library closes', { themeId: 'places', votes: 2 }),
      item('insight', 'sense', 'Shops stand empty', { themeId: 'money', votes: 3 }),
      item('insight', 'sense', 'Bills come twice', { themeId: 'money', votes: 1 }),
      item('insight', 'sense', 'Nobody asked us', { votes: 0 }),
      item('insight', 'sense', 'Buses are late', { themeId: 'gone', votes: 5 }),
      item('insight', 'plain', 'Unthemed elsewhere'),
    ],
    themes: [
      theme('places', 'sense', 'Places'),
      theme('money', 'sense', 'Money'),
      theme('empty', 'sense', 'Empty one'),
      theme('blank', 'sense', ' \n '),
    ],
    ...overrides,
  });
}

const render = (snapshot: SessionSnapshot) => harvestMarkdown(snapshot);

describe('themes in the harvest', () => {
  const tokens = parse(render(clustered(voting(['insight'], { status: 'none' }))));

  it('puts each theme once under the insights, in snapshot order, then the rest', () => {
    expect(headings(tokens)).toEqual([
      { level: 1, text: 'Session' },
      { level: 2, text: '1. Sensing' },
      { level: 3, text: 'Questions' },
      { level: 3, text: 'Insights' },
      { level: 4, text: 'Places' },
      { level: 4, text: 'Money' },
      { level: 4, text: 'Empty one' },
      { level: 4, text: 'Untitled theme' },
      { level: 4, text: 'Not in a theme' },
      { level: 2, text: '2. Plain' },
      { level: 3, text: 'Insights' },
    ]);
  });

  it('lists each theme with its insights and keeps an empty theme visible', () => {
    expect(listAfter(tokens, { level: 4, text: 'Money' })).toEqual([
      'Rent is rising',
      'Shops stand empty',
      'Bills come twice',
    ]);
    expect(render(clustered())).toContain(
      '#### Empty one — 0 votes\n\n_No insights in this theme._\n\n',
    );
  });

  it('keeps insights in no theme, or in a theme that is gone, under "Not in a theme"', () => {
    expect(listAfter(tokens, { level: 4, text: 'Not in a theme' })).toEqual([
      'Nobody asked us',
      'Buses are late',
    ]);
    const listItems = tokens.filter((token) => token.type === 'list_item_open');
    // Three header lines (method, date, status), then every item once.
    expect(listItems).toHaveLength(3 + clustered().items.length);
  });

  it('leaves out "Not in a theme" when every insight is in one', () => {
    const snapshot = clustered(voting(['insight'], { status: 'none' }), {
      items: [item('insight', 'sense', 'Rent is rising', { themeId: 'money' })],
    });
    const texts = headings(parse(render(snapshot))).map((heading) => heading.text);
    expect(texts).toContain('Money');
    expect(texts).not.toContain('Not in a theme');
  });

  it('shows themes of a phase without insights instead of "nothing harvested"', () => {
    const markdown = render(clustered(voting(['insight'], { status: 'none' }), { items: [] }));
    expect(markdown).toContain('## 1. Sensing\n\n### Insights\n\n#### Places\n\n_No insights');
    expect(markdown).toContain('## 2. Plain\n\n_Nothing harvested in this phase._');
  });

  it('speaks Dutch in a Dutch session', () => {
    const markdown = render(clustered(voting(['insight']), { locale: 'nl' }));
    expect(headings(parse(markdown)).map((heading) => heading.text)).toEqual(
      expect.arrayContaining([
        'Naamloos thema — 0 stemmen',
        'Niet in een thema',
        'Money — 5 stemmen',
        'Places — 2 stemmen',
      ]),
    );
    expect(markdown).toContain('_Geen inzichten in dit thema._');
    expect(markdown).toContain('- Rent is rising — 1 stem\n');
    expect(markdown).toContain('- Nobody asked us — 0 stemmen\n');
    expect(markdown).toContain('_Stippenstemmen op inzichten: 3 stippen per persoon._');
  });
});

describe('votes in the harvest', () => {
  const tokens = parse(render(clustered()));

  it('ranks voted items inside each theme with their counts, ties in snapshot order', () => {
    expect(listAfter(tokens, { level: 4, text: 'Money — 5 votes' })).toEqual([
      'Shops stand empty — 3 votes',
      'Rent is rising — 1 vote',
      'Bills come twice — 1 vote',
    ]);
    expect(listAfter(tokens, { level: 4, text: 'Not in a theme' })).toEqual([
      'Buses are late — 5 votes',
      'Nobody asked us — 0 votes',
    ]);
  });

  it('gives each theme its total and keeps themes in snapshot order', () => {
    expect(headings(tokens).filter((heading) => heading.level === 4)).toEqual([
      { level: 4, text: 'Places — 2 votes' },
      { level: 4, text: 'Money — 5 votes' },
      { level: 4, text: 'Empty one — 0 votes' },
      { level: 4, text: 'Untitled theme — 0 votes' },
      { level: 4, text: 'Not in a theme' },
    ]);
  });

  it('says how the phase voted, naming the kinds when not all were voted on', () => {
    expect(render(clustered())).toContain(
      '## 1. Sensing\n\n_Dot voting on insights: 3 dots per person._\n\n### Questions',
    );
    const all = voting(['question', 'insight'], { budget: 5, maxPerItem: 2 });
    expect(render(clustered(all))).toContain(
      '_Dot voting: 5 dots per person, at most 2 per item._',
    );
    expect(render(clustered(voting(['insight'], { budget: 1 })))).toContain(
      '_Dot voting on insights: 1 dot per person._',
    );
  });

  it('leaves kinds that were not voted on unranked and without counts', () => {
    expect(listAfter(tokens, { level: 3, text: 'Questions' })).toEqual([
      'Who decides?',
      'Who pays?',
    ]);
    const all = parse(render(clustered(voting(['question', 'insight']))));
    expect(listAfter(all, { level: 3, text: 'Questions' })).toEqual([
      'Who decides? — 4 votes',
      'Who pays? — 0 votes',
    ]);
  });

  it('shows no counts, ranking or line in a phase that never voted', () => {
    const markdown = render(clustered(voting(['insight'], { status: 'none' })));
    expect(markdown).not.toMatch(/votes?\b|Dot voting/);
    expect(listAfter(parse(markdown), { level: 4, text: 'Places' })).toEqual([
      'The library closes',
    ]);
  });

  it('shows live counts while voting is open with "show live", and says it is still open', () => {
    const markdown = render(clustered(voting(['insight'], { status: 'open', showLive: true })));
    expect(markdown).toContain('_Dot voting on insights: 3 dots per person (still open)._');
    expect(markdown).toContain('#### Money — 5 votes\n\n- Shops stand empty — 3 votes\n');
  });

  it('keeps results hidden while voting is open without "show live", as the screen does', () => {
    const markdown = render(clustered(voting(['insight'], { status: 'open' })));
    expect(markdown).toContain(
      '_Dot voting on insights: 3 dots per person (still open; the results follow when voting closes)._',
    );
    expect(markdown).not.toMatch(/\d votes?\b/);
    expect(listAfter(parse(markdown), { level: 4, text: 'Money' })).toEqual([
      'Rent is rising',
      'Shops stand empty',
      'Bills come twice',
    ]);
    const dutch = render(clustered(voting(['insight'], { status: 'open' }), { locale: 'nl' }));
    expect(dutch).toContain('(nog open; de uitslag volgt zodra de stemming sluit)._');
  });

  it('ranks voted actions too, the count after who and when', () => {
    const snapshot = session({
      phases: [phase('act', 'Act', { kinds: ['action'], voting: voting(['action']) })],
      items: [
        item('action', 'act', 'Call the council', { owner: 'Ilse', votes: 1 }),
        item('action', 'act', 'Book the room', { owner: 'Fatima', due: '2026-12-01', votes: 2 }),
      ],
    });
    expect(listAfter(parse(render(snapshot)), { level: 3, text: 'Actions' })).toEqual([
      'Book the room — who: Fatima · due: 1 December 2026 · 2 votes',
      'Call the council — who: Ilse · 1 vote',
    ]);
  });

  it('is byte-identical for the same snapshot and for an equal copy of it', () => {
    const snapshot = clustered();
    expect(render(structuredClone(snapshot))).toBe(render(snapshot));
    expect(render(snapshot)).toBe(render(snapshot));
  });
});

describe('any themes and votes in a harvest', () => {
  const THEME_IDS = ['a', 'b', 'c', 'missing', ''];

  const snapshotArbitrary = fc
    .record({
      status: fc.constantFrom(...(['none', 'open', 'closed'] as const)),
      showLive: fc.boolean(),
      themes: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
      items: fc.array(
        fc.record({
          kind: fc.constantFrom(...(['question', 'insight'] as const)),
          themeId: fc.constantFrom(...THEME_IDS),
          votes: fc.nat(6),
        }),
        { maxLength: 12 },
      ),
    })
    .map(({ status, showLive, themes, items }) =>
      session({
        phases: [
          phase('p', 'P', {
            kinds: ['question', 'insight'],
            voting: voting(['insight'], { status, showLive }),
          }),
        ],
        items: items.map(
          (fields, index): ItemSnapshot => ({
            ...item(fields.kind, 'p', `text ${index}`, { votes: fields.votes }),
            themeId: fields.kind === 'insight' ? fields.themeId : '',
          }),
        ),
        themes: themes.map((id) => theme(id, 'p', `theme ${id}`)),
      }),
    );

  it('lists every item once, every theme heading once, each list ranked', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const markdown = render(snapshot);
        expect(render(structuredClone(snapshot))).toBe(markdown);
        const tokens = parse(markdown);
        for (const { id } of snapshot.themes) {
          const count = headings(tokens).filter((h) => h.text.startsWith(`theme ${id}`)).length;
          expect(count).toBe(1);
        }
        const texts = tokens
          .filter((token) => token.type === 'inline' && token.content.startsWith('text '))
          .map((token) => token.content.split(' — ')[0]);
        expect(texts.sort()).toEqual(snapshot.items.map((entry) => entry.text).sort());
        const counted = /^- (.*) — (\d+) votes?$/;
        for (const block of markdown.split('\n\n')) {
          const counts = block.split('\n').flatMap((line) => {
            const match = counted.exec(line);
            return match === null ? [] : [Number(match[2])];
          });
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
        }
      }),
      { numRuns: 300 },
    );
  });
});
