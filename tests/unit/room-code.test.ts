import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRoomCode,
  generateRoomCode,
  parseRoomCode,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_ENTROPY_BITS,
  ROOM_CODE_LENGTH,
  type RoomCode,
} from '../../lib/room/code';
import { expectOk } from '../helpers/session';

const CODE = 'ABCDEFGHJK' as RoomCode;

/** Any canonical code, drawn by fast-check (so shrinking works) rather than by nanoid. */
const anyCode = fc
  .array(fc.constantFrom(...ROOM_CODE_ALPHABET), {
    minLength: ROOM_CODE_LENGTH,
    maxLength: ROOM_CODE_LENGTH,
  })
  .map((chars) => chars.join('') as RoomCode);

describe('room code alphabet', () => {
  it('carries at least 50 bits in 10 characters', () => {
    expect(ROOM_CODE_LENGTH).toBe(10);
    expect(ROOM_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
  });

  it('has no repeated symbol and none of the look-alikes it maps away', () => {
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(ROOM_CODE_ALPHABET.length);
    for (const removed of ['O', 'I', 'L', 'U']) expect(ROOM_CODE_ALPHABET).not.toContain(removed);
  });

  it('keeps exactly one member of each mapped confusable group', () => {
    expect(ROOM_CODE_ALPHABET).toContain('0');
    expect(ROOM_CODE_ALPHABET).toContain('1');
    expect(ROOM_CODE_ALPHABET).toContain('V');
  });
});

describe('generateRoomCode', () => {
  it('makes canonical codes that parse back to themselves', () => {
    for (let i = 0; i < 500; i += 1) {
      const code = generateRoomCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(expectOk(parseRoomCode(code))).toBe(code);
      expect(expectOk(parseRoomCode(formatRoomCode(code)))).toBe(code);
    }
  });

  it('uses every symbol and does not repeat codes (a smoke test of the random source)', () => {
    const codes = Array.from({ length: 2_000 }, generateRoomCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(ROOM_CODE_ALPHABET.length);
  });
});

describe('formatRoomCode', () => {
  it('groups as ABCD-EFGH-JK', () => {
    expect(formatRoomCode(CODE)).toBe('ABCD-EFGH-JK');
    expect(formatRoomCode('0123456789' as RoomCode)).toBe('0123-4567-89');
  });
});

describe('parseRoomCode forgives', () => {
  it.each([
    ['the display form', 'ABCD-EFGH-JK'],
    ['lower case', 'abcd-efgh-jk'],
    ['mixed case', 'aBcD-eFgH-jK'],
    ['spaces', 'ABCD EFGH JK'],
    ['surrounding whitespace and a newline', '  ABCD-EFGH-JK\n'],
    ['no separators', 'ABCDEFGHJK'],
    ['underscores', 'ABCD_EFGH_JK'],
    ['dots', 'ABCD.EFGH.JK'],
    ['separators anywhere, repeated', '-A B--C.D_ _EFGH JK.'],
    ['typographic dashes', 'ABCD\u2013EFGH\u2014JK'],
    ['a non-breaking space', 'ABCD\u00a0EFGH\u00a0JK'],
    ['full-width characters', 'ＡＢＣＤ－ＥＦＧＨ－ＪＫ'],
  ])('%s', (_, input) => {
    expect(expectOk(parseRoomCode(input))).toBe(CODE);
  });

  it.each([
    ['O and o as 0', 'O0oA-BCDE-FG', '000ABCDEFG'],
    ['I, i, L and l as 1', 'IiLl-1ABC-DE', '11111ABCDE'],
    ['U and u as V', 'UuVA-BCDE-FG', 'VVVABCDEFG'],
  ])('look-alikes: %s', (_, input, expected) => {
    expect(expectOk(parseRoomCode(input))).toBe(expected);
  });

  it.each([
    ['a fragment', 'https://kring.example/join#ABCD-EFGH-JK'],
    ['a lower-case fragment', 'https://kring.example/join#abcd-efgh-jk'],
    ['a query parameter', 'https://kring.example/join?code=ABCD-EFGH-JK'],
    ['a query parameter among others', 'https://kring.example/join?lang=nl&code=ABCDEFGHJK&x=1'],
    ['a fragment parameter', 'https://kring.example/join#code=ABCD-EFGH-JK'],
    ['a percent-encoded parameter', 'https://kring.example/join?code=ABCD%2DEFGH%20JK'],
    ['a link without a scheme', 'kring.example/join#ABCD-EFGH-JK'],
    ['an extension page', 'chrome-extension://abcdef/join.html#ABCD-EFGH-JK'],
    ['a link with spaces around it', '  https://kring.example/join#ABCD-EFGH-JK  '],
  ])('a pasted join link: %s', (_, input) => {
    expect(expectOk(parseRoomCode(input))).toBe(CODE);
  });
});

describe('parseRoomCode refuses', () => {
  it.each([
    ['', 'nothing'],
    ['   ', 'only spaces'],
    [' - _ . ', 'only separators'],
    ['https://kring.example/join#', 'a link with an empty fragment'],
  ])('%j (%s) as empty', (input) => {
    expect(parseRoomCode(input)).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('a code with a character missing', () => {
    expect(parseRoomCode('ABCD-EFGH-J')).toEqual({
      ok: false,
      error: { code: 'too-short', length: 9, expected: 10 },
    });
  });

  it('a code with a character too many', () => {
    expect(parseRoomCode('ABCD-EFGH-JKM')).toEqual({
      ok: false,
      error: { code: 'too-long', length: 11, expected: 10 },
    });
  });

  it.each([
    ['ABCD-EFGH-J!', '!', 10],
    ['ABCD-ÉFGH-JK', 'É', 5],
    ['ABCD+EFGH', '+', 5],
    ['ABCD-EFGH-JK😀', '😀', 11],
    ['straße', 'ß', 5],
  ])('%j: the first character not in the alphabet', (input, character, position) => {
    expect(parseRoomCode(input)).toEqual({
      ok: false,
      error: { code: 'invalid-character', character, position },
    });
  });

  it('reports invalid characters before a wrong length', () => {
    expect(parseRoomCode('A!')).toEqual({
      ok: false,
      error: { code: 'invalid-character', character: '!', position: 2 },
    });
  });

  it('counts positions in code characters, skipping separators', () => {
    expect(parseRoomCode('ABCD-EFGH-J*')).toMatchObject({
      error: { code: 'invalid-character', character: '*', position: 10 },
    });
  });

  it.each([
    'https://kring.example/join',
    'https://kring.example/join?lang=nl',
    'AB/CD', // a slash marks a link even without a scheme
  ])('%j: a link without a code', (input) => {
    expect(parseRoomCode(input)).toEqual({ ok: false, error: { code: 'link-without-code' } });
  });

  it('a link whose code is wrong, with the same errors as a typed code', () => {
    expect(parseRoomCode('https://kring.example/join#ABCD')).toEqual({
      ok: false,
      error: { code: 'too-short', length: 4, expected: 10 },
    });
  });
});

describe('parseRoomCode properties', () => {
  it('format → parse round-trips', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        expect(expectOk(parseRoomCode(formatRoomCode(code)))).toBe(code);
      }),
      { numRuns: 2_000 },
    );
  });

  /** Separators a person or a phone might put anywhere in the code. */
  const noise = fc.array(fc.constantFrom(' ', '-', '_', '.', '\t', '\u2013', '\u00a0'), {
    maxLength: 3,
  });

  it('forgives case, look-alikes and separators anywhere', () => {
    const lookAlike: Readonly<Record<string, readonly string[]>> = {
      '0': ['0', 'O', 'o'],
      '1': ['1', 'I', 'i', 'L', 'l'],
      V: ['V', 'v', 'U', 'u'],
    };
    const typed = (symbol: string) =>
      fc.constantFrom(...(lookAlike[symbol] ?? [symbol, symbol.toLowerCase()]));

    fc.assert(
      fc.property(
        anyCode.chain((code) =>
          fc.tuple(
            fc.constant(code),
            fc.tuple(...[...code].map((symbol) => fc.tuple(noise, typed(symbol)))),
            noise,
          ),
        ),
        ([code, parts, trailing]) => {
          const input =
            parts.map(([before, symbol]) => before.join('') + symbol).join('') + trailing.join('');
          expect(expectOk(parseRoomCode(input))).toBe(code);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never throws and only ever returns a canonical code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (input) => {
        const result = parseRoomCode(input);
        if (result.ok) expect(result.value).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      }),
      { numRuns: 2_000 },
    );
  });
});
