import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeEachCharacter,
  escapeMarkdownInline,
  escapeMarkdownLines,
  normalizeUserText,
} from '../../lib/export/escape';
import { HARVEST_LABELS } from '../../lib/export/labels';
import { textLines } from '../../lib/export/text';
import { LOCALES } from '../../lib/locale';
import { ITEM_KINDS } from '../../lib/session/types';
import {
  headings,
  listAfter,
  parse,
  plainText,
  shapeOf,
  tokenCounts,
  userText,
} from '../helpers/harvest';
import { HOSTILE_TEXTS } from '../helpers/hostile-texts';

/** Renders escaped text as a list item's paragraph and returns its shape and plain text. */
function asListItem(text: string): { shape: string[]; text: string; hardBreaks: number } {
  const lines = escapeMarkdownLines(text);
  const tokens = parse(`- ${lines.join('\n  ')}\n- next\n`);
  return {
    shape: shapeOf(tokens),
    text: listAfter(tokens, null)[0] ?? '',
    hardBreaks: tokenCounts(tokens).get('hardbreak') ?? 0,
  };
}

const PLAIN_ITEM = asListItem('plain');

describe('escapeMarkdownInline', () => {
  it('leaves ordinary text alone, so a pasted harvest still reads well as plain text', () => {
    for (const text of [
      'Wat hebben we vandaag geleerd?',
      "Voor de corporatie is er 'niets aan de hand': geen klachten.",
      'Jan & Piet, 10-12 uur (di + do), 50% minder',
      'Sessie #3 en #buurtvoorelkaar',
      'naam_achternaam en 2 + 2 = 4, a > b, a - b',
      'https://example.org/pad?x=1',
      '🙂 👩🏽‍🦱 نحن هنا שלום',
    ]) {
      expect(escapeMarkdownInline(text)).toBe(text);
    }
  });

  it.each([
    ['# heading', '\\# heading'],
    ['## heading ##', '\\## heading \\##'],
    ['Week #', 'Week \\#'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['1. item', '1\\. item'],
    ['2026) item', '2026\\) item'],
    ['> quote', '\\> quote'],
    ['===', '\\==='],
    ['= not a heading', '= not a heading'],
    ['---', '\\---'],
    ['___', '\\_\\_\\_'],
    ['| a | b |', '\\| a \\| b \\|'],
    ['```js', '\\`\\`\\`js'],
    ['~~~', '\\~\\~\\~'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![](x)', '!\\[\\](x)'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['<https://x>', '\\<https://x>'],
    ['*em* _em_ __strong__', '\\*em\\* \\_em\\_ \\_\\_strong\\_\\_'],
    ['a\\b', 'a\\\\b'],
    ['&amp; &#35; &#x23; & &x', '\\&amp; \\&#35; \\&#x23; & &x'],
    ['    code', '&#32;   code'],
    ['\tcode', '&#9;code'],
    ['trailing  ', 'trailing &#32;'],
    [' ', '&#32;'],
    ['line\none', 'line one'],
    ['line\r\ntwo\rthree', 'line two three'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeMarkdownInline(text)).toBe(escaped);
  });

  it('keeps astral characters whole next to an escape', () => {
    expect(escapeMarkdownInline('🙂*🙂')).toBe('🙂\\*🙂');
    expect(escapeMarkdownInline('𝔘_𝔘')).toBe('𝔘_𝔘');
  });
});

describe('escapeMarkdownLines', () => {
  it('escapes each line as a line start', () => {
    expect(escapeMarkdownLines('intro\n# not a heading\n1. not a list')).toEqual([
      'intro',
      '\\# not a heading',
      '1\\. not a list',
    ]);
  });

  it('drops blank lines at the edges and keeps inner empty lines as hard breaks', () => {
    expect(escapeMarkdownLines('\n  \nfirst\n\nsecond\n \n')).toEqual(['first', '\\', 'second']);
  });

  it('returns no lines for blank text', () => {
    expect(escapeMarkdownLines('')).toEqual([]);
    expect(escapeMarkdownLines(' \n\t\r\n')).toEqual([]);
  });

  it.each([
    ['a setext underline', 'Title\n==='],
    ['a setext underline made of dashes', 'Title\n---'],
    ['a thematic break', 'a\n* * *'],
    ['a nested list', 'a\n- b\n  - c'],
    ['an ordered list', 'a\n1) b'],
    ['indented code', 'a\n\n    code'],
    ['a fence', '```\ncode\n```'],
    ['a quote', 'a\n> b'],
    ['an HTML block', '<div>\nx\n</div>'],
    ['a link reference definition', '[a]: https://x\n[a]'],
    ['a hard break from trailing spaces', 'a  \nb'],
    ['a hard break from a backslash', 'a\\\nb'],
    ['a heading after a blank line', 'a\n\n# b'],
  ])('keeps %s inside the list item as text', (_name, text) => {
    const rendered = asListItem(text);
    expect(rendered.shape).toEqual(PLAIN_ITEM.shape);
    expect(rendered.text).toBe(text);
  });
});

/**
 * The escape functions lose nothing: parsing their output gives back the normalised text, in
 * every spot the exporter uses (line start, mid-line, heading, multi-line list item).
 */
describe('escaping any text', () => {
  const RUNS = { numRuns: 1_000 };

  it('gives back every character of a multi-line text in a list item', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const normalized = normalizeUserText(text);
        const expected =
          normalized.trim() === ''
            ? ''
            : normalized.replace(/^(?:[^\S\n]*\n)+/, '').replace(/(?:\n[^\S\n]*)+$/, '');
        const rendered = asListItem(text);
        expect(rendered.text).toBe(expected);
        if (expected !== '') expect(rendered.shape).toEqual(PLAIN_ITEM.shape);
        // An empty line is carried as a hard break; nothing else may make one.
        const emptyLines = expected.split('\n').filter((line) => line === '').length;
        expect(rendered.hardBreaks).toBe(expected === '' ? 0 : emptyLines);
      }),
      RUNS,
    );
  });

  it('gives back every character of a one-line text at a line start, mid-line and in a heading', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const expected = normalizeUserText(text).replaceAll('\n', ' ');
        const escaped = escapeMarkdownInline(text);
        const middle = parse(`- before ${escaped} after\n- next\n`);
        expect(shapeOf(middle)).toEqual(PLAIN_ITEM.shape);
        expect(plainText(middle[3])).toBe(`before ${expected} after`);
        if (expected !== '') {
          const start = parse(`- ${escaped}\n- next\n`);
          expect(shapeOf(start)).toEqual(PLAIN_ITEM.shape);
          expect(plainText(start[3])).toBe(expected);
        }
        const heading = parse(`# ${escaped}\n\nnext\n`);
        expect(shapeOf(heading)).toEqual(shapeOf(parse('# x\n\nnext\n')));
        expect(headings(heading)).toEqual([{ level: 1, text: expected }]);
      }),
      RUNS,
    );
  });
});

/**
 * The escape functions return a line as it is when no character in it could need escaping
 * (issue 11). That shortcut must never change the result: it agrees with escaping each
 * character, on lines with and without Markdown syntax at the start, in the middle, at the end.
 */
describe('the shortcut for lines that need no escaping', () => {
  const CHARACTERS = [
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)),
    ...['\t', '\u00a0', '\u2028', '\u3000', '\ufeff', 'é', 'ß', '٣', '🙂', '\ud800'],
  ];
  const line = fc.string({ unit: fc.constantFrom(...CHARACTERS), maxLength: 12 });

  function expectSameAsEachCharacter(text: string): void {
    for (const normalized of normalizeUserText(text).split('\n')) {
      expect(escapeMarkdownInline(normalized)).toBe(escapeEachCharacter(normalized));
    }
    const inline = normalizeUserText(text).replaceAll('\n', ' ');
    expect(escapeMarkdownInline(text)).toBe(escapeEachCharacter(inline));
  }

  it('agrees with escaping each character on hostile text and with spaces or words around it', () => {
    for (const text of HOSTILE_TEXTS) {
      for (const variant of [text, ` ${text}`, `${text} `, `x${text}`, `${text}x`, `x ${text} x`]) {
        expectSameAsEachCharacter(variant);
      }
    }
  });

  it('agrees with escaping each character on any line', () => {
    fc.assert(fc.property(fc.oneof(line, userText), expectSameAsEachCharacter), {
      numRuns: 5_000,
    });
  });

  it('keeps the whitespace before line ends out of multi-line text, as before the shortcut', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const cleaned = normalizeUserText(text)
          .replace(/[^\S\n]+$/gmu, '')
          .trim();
        expect(textLines(text)).toEqual(escapeMarkdownLines(cleaned));
      }),
      { numRuns: 2_000 },
    );
    expect(textLines('a \u2028b  \nc\u2029 d ')).toEqual(['a\u2028b', 'c\u2029 d']);
  });
});

describe('normalizeUserText', () => {
  it('turns every line ending into \\n', () => {
    expect(normalizeUserText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('drops control characters but keeps tabs and line feeds', () => {
    expect(normalizeUserText('a\u0000b\u0007c\u000bd\u007fe\u0085f\tg\nh')).toBe('abcdef\tg\nh');
  });

  it('drops exactly the Unicode control characters (Cc) other than tab and line feed', () => {
    const every = Array.from({ length: 0x110000 }, (_, cp) => String.fromCodePoint(cp)).join('');
    const expected = every
      .toWellFormed()
      .replace(/\r\n?/g, '\n')
      .replace(/(?![\t\n])\p{Cc}/gu, '');
    expect(normalizeUserText(every) === expected).toBe(true);
  });

  it('replaces lone surrogates, which UTF-8 cannot hold', () => {
    expect(normalizeUserText('a\ud800b\udc00c🙂')).toBe('a\ufffdb\ufffdc🙂');
  });

  it('keeps format characters such as zero-width joiners and bidi marks', () => {
    const text = '👩‍👩‍👧 \u200f\u202bשלום\u202c';
    expect(normalizeUserText(text)).toBe(text);
  });
});

describe('harvest labels', () => {
  it('never need escaping, so markdown.ts may use them as they are', () => {
    for (const locale of LOCALES) {
      const labels = HARVEST_LABELS[locale];
      const texts = [
        labels.untitled,
        labels.method,
        labels.date,
        labels.status,
        labels.participants,
        labels.learningQuestion,
        labels.continues,
        labels.answered,
        labels.done,
        labels.running,
        labels.completed,
        labels.endedEarly(3, 5),
        labels.phase(2),
        ...ITEM_KINDS.map((kind) => labels.kinds[kind]),
        labels.who,
        labels.due,
        labels.nothingHarvested,
        labels.noText,
        labels.other,
        labels.otherNote,
        labels.footer,
        labels.untitledTheme,
        labels.notInTheme,
        labels.emptyTheme,
        ...[0, 1, 2, 1_000].map((count) => labels.votes(count)),
        ...(['closed', 'live', 'hidden'] as const).flatMap((state) => [
          labels.voting({ budget: 1, maxPerItem: null, kinds: [], state }),
          labels.voting({ budget: 3, maxPerItem: 2, kinds: [labels.kinds.insight], state }),
          labels.voting({ budget: 20, maxPerItem: 1, kinds: Object.values(labels.kinds), state }),
        ]),
      ];
      for (const text of texts) expect(escapeMarkdownInline(text)).toBe(text);
    }
  });
});
