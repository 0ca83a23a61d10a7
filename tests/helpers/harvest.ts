/**
 * Shared by the export tests: small snapshot builders, and a reading of the harvest through a
 * real CommonMark parser (markdown-it in strict CommonMark mode), so the tests check what a
 * renderer makes of the Markdown rather than what the string looks like.
 */
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import type {
  ItemKind,
  ItemSnapshot,
  PhaseSnapshot,
  SessionSnapshot,
  ThemeSnapshot,
  VotingSnapshot,
} from '../../lib/session/types';

const markdownIt = new MarkdownIt('commonmark');

export function parse(markdown: string): Token[] {
  return markdownIt.parse(markdown, {});
}

/** Inline tokens that plain text may become. Anything else is structure. */
const TEXT_TOKENS = new Set(['text', 'softbreak', 'hardbreak']);

/**
 * The structure of a document without its text: every block token, and for each inline token
 * the non-text tokens inside it. Two documents with the same shape differ only in text.
 */
export function shapeOf(tokens: readonly Token[]): string[] {
  return tokens.map((token) =>
    token.type === 'inline'
      ? `inline[${(token.children ?? [])
          .filter((child) => !TEXT_TOKENS.has(child.type))
          .map((child) => child.type)
          .join(' ')}]`
      : `${token.type}/${token.tag}/${token.level}`,
  );
}

/** How often each token type occurs, inline tokens included. */
export function tokenCounts(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of [...tokens, ...tokens.flatMap((token) => token.children ?? [])]) {
    counts.set(token.type, (counts.get(token.type) ?? 0) + 1);
  }
  return counts;
}

/** What a reader sees of an inline token: its text, with each line break as `\n`. */
export function plainText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((child) => {
      if (child.type === 'text') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      return `<${child.type}>`;
    })
    .join('');
}

export interface Heading {
  readonly level: number;
  readonly text: string;
}

export function headings(tokens: readonly Token[]): Heading[] {
  const result: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') {
      result.push({ level: Number(token.tag.slice(1)), text: plainText(tokens[index + 1]) });
    }
  });
  return result;
}

/**
 * The items of the first list after the given heading (or the first list in the document when
 * `heading` is null), each as the plain text of its paragraphs.
 */
export function listAfter(tokens: readonly Token[], heading: Heading | null): string[] {
  let index = 0;
  if (heading !== null) {
    index = tokens.findIndex(
      (token, i) =>
        token.type === 'heading_open' &&
        token.tag === `h${heading.level}` &&
        plainText(tokens[i + 1]) === heading.text,
    );
    if (index < 0) return [];
  }
  const start = tokens.findIndex((token, i) => i >= index && token.type === 'bullet_list_open');
  if (start < 0) return [];
  const items: string[] = [];
  const level = tokens[start]?.level ?? 0;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || (token.type === 'bullet_list_close' && token.level === level)) break;
    if (token.type === 'list_item_open' && token.level === level + 1) items.push('');
    if (token.type === 'inline') items[items.length - 1] += plainText(token);
  }
  return items;
}

/** The plain text of each top-level block quote. */
export function quotes(tokens: readonly Token[]): string[] {
  const result: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote_open' && depth++ === 0) result.push('');
    if (token.type === 'blockquote_close') depth--;
    if (token.type === 'inline' && depth > 0) result[result.length - 1] += plainText(token);
  }
  return result;
}

export function phase(
  id: string,
  title: string,
  overrides: Partial<PhaseSnapshot> = {},
): PhaseSnapshot {
  const kinds = overrides.kinds ?? ['question', 'insight', 'action'];
  return {
    id,
    title,
    prompt: '',
    kinds,
    minutes: 10,
    notes: '',
    privateWriting: false,
    review: false,
    revealedAt: null,
    themes: 'off',
    voting: { status: 'none', kinds, budget: 3, maxPerItem: 3, showLive: false },
    ...overrides,
  };
}

/** Voting settings as a facilitator sets them: 3 dots, no separate maximum, closed. */
export function voting(
  kinds: readonly ItemKind[],
  overrides: Partial<VotingSnapshot> = {},
): VotingSnapshot {
  const budget = overrides.budget ?? 3;
  return { status: 'closed', kinds, budget, maxPerItem: budget, showLive: false, ...overrides };
}

export function theme(
  id: string,
  phaseId: string,
  name: string,
  overrides: Partial<ThemeSnapshot> = {},
): ThemeSnapshot {
  return { id, phaseId, name, createdAt: '2026-11-25T10:00:00.000Z', ...overrides };
}

let itemCount = 0;
export function item(
  kind: ItemKind,
  phaseId: string,
  text: string,
  overrides: Partial<ItemSnapshot> = {},
): ItemSnapshot {
  itemCount += 1;
  return {
    id: `item-${itemCount}`,
    kind,
    phaseId,
    text,
    createdAt: '2026-11-25T10:00:00.000Z',
    owner: '',
    due: '',
    themeId: '',
    votes: 0,
    done: false,
    ...overrides,
  };
}

export function session(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    schemaVersion: 1,
    readOnly: null,
    title: 'Session',
    template: { id: 'test', version: 1, name: 'Test template' },
    locale: 'en',
    createdAt: '2026-11-25T10:00:00.000Z',
    learningQuestion: null,
    continuesFrom: null,
    largeGroup: false,
    status: 'ended',
    endedAt: '2026-11-25T12:00:00.000Z',
    currentPhaseId: 'p1',
    timer: null,
    phases: [phase('p1', 'Phase one')],
    items: [],
    themes: [],
    ...overrides,
  };
}

/** Text made of the pieces Markdown cares about, so that a property test finds trouble fast. */
const MARKDOWN_PIECES = [
  ...['#', '##', '-', '*', '+', '_', '=', '`', '```', '~', '~~~', '>', '<', '|', '[', ']'],
  ...['(', ')', '!', '\\', '&', '&amp;', '&#35;', ';', ':', '.', '1.', '1)', '---', '***', '___'],
  ...[' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u0000', '\ud800'],
  ...['\u000b', '\u000c', '\u2028', '\u3000', '\ufeff'],
  ...['a', 'b', '0', '9', 'é', 'e\u0301', '🙂', 'ש', 'م', '"', "'"],
  ...['http://x', 'javascript:', '<b>', '<!--', '-->'],
];

const markdownish = fc
  .array(fc.constantFrom(...MARKDOWN_PIECES), { maxLength: 24 })
  .map((pieces) => pieces.join(''));

/** Any string a participant might type or paste, biased towards Markdown syntax. */
export const userText = fc.oneof(
  { weight: 3, arbitrary: markdownish },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
);
