/**
 * User text against the harvest: whatever people type must come out as exactly that text, in
 * the place the exporter put it (DESIGN.md style rule 10). Each case renders a session where
 * every user-written field holds the hostile text, parses the result with a CommonMark parser
 * and compares it with the same session holding plain text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLongDate, utcDayOf } from '../../lib/export/date';
import { normalizeUserText } from '../../lib/export/escape';
import { harvestMarkdown } from '../../lib/export/markdown';
import type { SessionSnapshot } from '../../lib/session/types';
import {
  headings,
  item,
  listAfter,
  parse,
  phase,
  quotes,
  session,
  shapeOf,
  theme,
  tokenCounts,
  userText,
  voting,
} from '../helpers/harvest';
import { HOSTILE_TEXTS } from '../helpers/hostile-texts';

/** Every user-written field of a session that the harvest shows. */
interface Fields {
  readonly title: string;
  readonly templateName: string;
  readonly phaseTitle: string;
  readonly prompt: string;
  readonly text: string;
  readonly owner: string;
  readonly due: string;
  readonly themeName: string;
}

function probe(fields: Fields): SessionSnapshot {
  return session({
    title: fields.title,
    template: { id: 'probe', version: 1, name: fields.templateName },
    phases: [
      phase('p1', fields.phaseTitle, { prompt: fields.prompt }),
      // The same theme name twice: a heading with a vote total after it, and one without.
      phase('voted', 'Voted', { kinds: ['insight'], voting: voting(['insight']) }),
      phase('unvoted', 'Unvoted', { kinds: ['insight'] }),
    ],
    items: [
      item('question', 'p1', fields.text),
      // If the text above broke out of its list item, this one would move or change.
      item('question', 'p1', 'after'),
      item('action', 'p1', fields.text, { owner: fields.owner, due: fields.due }),
      item('insight', 'voted', 'themed', { themeId: 'voted-theme', votes: 2 }),
      item('insight', 'voted', 'loose', { votes: 1 }),
      item('insight', 'unvoted', 'themed', { themeId: 'unvoted-theme' }),
      item('insight', 'removed-phase', fields.text),
    ],
    themes: [
      theme('voted-theme', 'voted', fields.themeName),
      theme('unvoted-theme', 'unvoted', fields.themeName),
    ],
  });
}

const isBlank = (text: string) => normalizeUserText(text).trim() === '';

/** The same session with plain text wherever the probe has text, and blanks where it has none. */
function baseline(fields: Fields): SessionSnapshot {
  const plain = (text: string) => (isBlank(text) ? '' : 'x');
  return probe({
    title: plain(fields.title),
    templateName: plain(fields.templateName),
    phaseTitle: plain(fields.phaseTitle),
    prompt: plain(fields.prompt),
    text: plain(fields.text),
    owner: plain(fields.owner),
    due: plain(fields.due),
    themeName: plain(fields.themeName),
  });
}

/** What a one-line field must read as: line breaks as spaces, no outer whitespace. */
function expectedLine(text: string): string {
  return normalizeUserText(text).replaceAll('\n', ' ').trim();
}

/**
 * What a multi-line field must read as: every character, except whitespace at the ends of the
 * text and of its lines (invisible once rendered; markdown.ts drops it on purpose).
 */
function expectedBlock(text: string): string {
  return normalizeUserText(text)
    .replace(/[^\S\n]+$/gmu, '')
    .trim();
}

/** Structure that user text must never create. */
const FORBIDDEN_TOKENS = [
  'heading_open',
  'bullet_list_open',
  'ordered_list_open',
  'list_item_open',
  'blockquote_open',
  'code_block',
  'fence',
  'code_inline',
  'html_block',
  'html_inline',
  'link_open',
  'image',
  'em_open',
  'strong_open',
  's_open',
  'table_open',
  'hr',
  'hardbreak',
];

function countsOf(tokens: ReturnType<typeof parse>): Record<string, number> {
  const counts = tokenCounts(tokens);
  return Object.fromEntries(FORBIDDEN_TOKENS.map((type) => [type, counts.get(type) ?? 0]));
}

function emptyLines(block: string): number {
  if (block === '') return 0;
  return block.split('\n').filter((line) => line === '').length;
}

function checkHarvest(fields: Fields): void {
  const tokens = parse(harvestMarkdown(probe(fields)));
  const plainTokens = parse(harvestMarkdown(baseline(fields)));

  // No structure beyond what the exporter made. An empty line inside a text is the one allowed
  // difference: it is carried as a hard break (the text appears three times, the prompt once).
  const text = expectedBlock(fields.text);
  const prompt = expectedBlock(fields.prompt);
  const counts = countsOf(plainTokens);
  counts.hardbreak = (counts.hardbreak ?? 0) + 3 * emptyLines(text) + emptyLines(prompt);
  expect(countsOf(tokens)).toEqual(counts);
  expect(shapeOf(tokens)).toEqual(shapeOf(plainTokens));

  // And every character comes back.
  const title = expectedLine(fields.title);
  const phaseTitle = expectedLine(fields.phaseTitle);
  expect(headings(tokens).slice(0, 2)).toEqual([
    { level: 1, text: title === '' ? 'Untitled session' : title },
    { level: 2, text: phaseTitle === '' ? 'Phase 1' : `1. ${phaseTitle}` },
  ]);
  const method = expectedLine(fields.templateName);
  expect(listAfter(tokens, null)[0]).toBe(
    method === '' ? 'Date: 25 November 2026' : `Method: ${method}`,
  );
  expect(quotes(tokens)).toEqual(prompt === '' ? [] : [prompt]);

  const shown = text === '' ? '<em_open>(no text)<em_close>' : text;
  expect(listAfter(tokens, { level: 3, text: 'Questions' })).toEqual([shown, 'after']);
  expect(listAfter(tokens, { level: 3, text: 'Actions' })).toEqual([shown + actionDetails(fields)]);
  expect(listAfter(tokens, { level: 2, text: 'Other' })).toEqual([shown]);

  // A theme name is one heading, under its phase's Insights, and never more.
  const themeName = expectedLine(fields.themeName) || 'Untitled theme';
  expect(headings(tokens).filter((heading) => heading.level === 4)).toEqual([
    { level: 4, text: `${themeName} — 2 votes` },
    { level: 4, text: 'Not in a theme' },
    { level: 4, text: themeName },
  ]);
  expect(listAfter(tokens, { level: 4, text: `${themeName} — 2 votes` })).toEqual([
    'themed — 2 votes',
  ]);
  expect(listAfter(tokens, { level: 4, text: themeName })).toEqual(['themed']);
}

function actionDetails(fields: Fields): string {
  const details: string[] = [];
  const owner = expectedLine(fields.owner);
  if (owner !== '') details.push(`who: ${owner}`);
  const day = utcDayOf(fields.due);
  const due = day === null ? expectedLine(fields.due) : formatLongDate(day, 'en');
  if (due !== '') details.push(`due: ${due}`);
  return details.length > 0 ? ` — ${details.join(' · ')}` : '';
}

function everywhere(text: string): Fields {
  return {
    title: text,
    templateName: text,
    phaseTitle: text,
    prompt: text,
    text,
    owner: text,
    due: text,
    themeName: text,
  };
}

describe('hostile user text in a harvest', () => {
  it.each(HOSTILE_TEXTS.map((text) => [text]))('renders %j as text and nothing else', (text) => {
    checkHarvest(everywhere(text));
  });

  it('keeps a 2,000-character item whole', () => {
    const text = 'Lange bijdrage. '.repeat(125);
    expect(text).toHaveLength(2_000);
    const tokens = parse(harvestMarkdown(probe({ ...everywhere('x'), text })));
    expect(listAfter(tokens, { level: 3, text: 'Questions' })[0]).toBe(text.trimEnd());
  });
});

describe('any user text in a harvest', () => {
  it('renders as the same text and never as structure', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: userText,
          templateName: userText,
          phaseTitle: userText,
          prompt: userText,
          text: userText,
          owner: userText,
          due: userText,
          themeName: userText,
        }),
        checkHarvest,
      ),
      { numRuns: 1_000 },
    );
  });
});
