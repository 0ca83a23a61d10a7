/**
 * The one place where user text becomes Markdown (DESIGN.md style rule 10: never interpolate
 * user text raw). Whatever a participant types must render as exactly that text, inside the
 * spot the exporter put it: never a heading, list, quote, code, link, image, HTML, emphasis,
 * thematic break, table or hard break, and never out of its list item. (The one hard break is
 * ours: an empty line inside a text, see `escapeMarkdownLines`.)
 *
 * The rules follow CommonMark 0.31 (https://spec.commonmark.org/0.31.2/); `|` and `~` are
 * escaped as well because GFM renderers (GitHub, many wikis) turn them into tables and
 * strikethrough. We escape as little as is safe, so that the raw Markdown still reads well when
 * someone pastes it into a report as plain text.
 */

/**
 * Control characters other than tab and line feed. Markdown cannot carry them reliably
 * (CommonMark turns NUL into U+FFFD, `&#11;` is not a valid reference, renderers differ on the
 * rest), and in a harvest they are only ever copy-paste debris that breaks word processors.
 * This is exactly `\p{Cc}` minus tab and line feed (Unicode never changes the Cc set: it is
 * U+0000-U+001F and U+007F-U+009F), written as a plain class because that runs about three
 * times faster than a lookahead with a property escape, once per text of a harvest.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\0-\x08\x0B-\x1F\x7F-\x9F]/g;
/** The same class without `g` (so `test` keeps no state); it holds `\r` too. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ANY_CONTROL_CHARACTER = /[\0-\x08\x0B-\x1F\x7F-\x9F]/;

/** Always significant inline: escapes, code spans, emphasis, links, HTML, GFM tables/strike. */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '[', ']', '<', '|', '~']);

/** Opens a list item, a quote or a heading when it is the first character on a line. */
const LINE_START_ESCAPED = new Set(['#', '>', '-', '+']);

/** Entity and numeric character references (`&amp;`, `&#35;`, `&#x23;`) that would be decoded. */
const ENTITY_REFERENCE = /&#?[A-Za-z0-9]+;/y;
/** `1.` or `1)` at the start of a line opens an ordered list. */
const ORDERED_LIST_MARKER = /^[0-9]+[.)]/;
/** A line of only `=` underlines the line above as a setext heading. */
const SETEXT_UNDERLINE = /^=+\s*$/u;
/** A trailing run of `#` after a space is an ATX heading's closing sequence and disappears. */
const CLOSING_HASHES = /#+\s*$/uy;
const WHITESPACE = /^\s$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * Makes any string safe to give to the escape functions: line endings become `\n`, control
 * characters other than tab and line feed are dropped, and lone UTF-16 surrogates become U+FFFD
 * (they cannot be written as UTF-8 at all). Exported so tests and callers can state what text
 * a rendered harvest must give back.
 */
export function normalizeUserText(text: string): string {
  const wellFormed = text.toWellFormed();
  // Nearly every text has no control character (`\r` is one): one scan beats two replacements.
  if (!ANY_CONTROL_CHARACTER.test(wellFormed)) return wellFormed;
  return wellFormed.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}

/**
 * Escapes user text for one line of Markdown. Safe both at the start of a line (after `- `,
 * `> `, `# ` or nothing) and in the middle of one. Line breaks become spaces, since a single-line
 * context (a heading, an owner's name) cannot hold them. Parsing the result gives back
 * `normalizeUserText(text)` with each `\n` replaced by a space, character for character.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeNormalizedInline(normalizeUserText(text));
}

/**
 * `escapeMarkdownInline` for text that already went through `normalizeUserText` (and perhaps
 * was trimmed): normalizing twice gives the same text, it only costs time in a long harvest.
 */
export function escapeNormalizedInline(normalized: string): string {
  return escapeLine(normalized.replaceAll('\n', ' '));
}

/**
 * Escapes multi-line user text as a list of escaped lines; the caller puts them under a list
 * marker or quote prefix and indents the continuation lines. Blank lines at the start and end
 * are dropped (Markdown cannot carry them and they mean nothing); an empty line in between
 * becomes a lone `\`, a hard break, because a real blank line would end the list item or quote.
 * Returns `[]` for text that is blank.
 */
export function escapeMarkdownLines(text: string): string[] {
  return escapeNormalizedLines(normalizeUserText(text));
}

/** `escapeMarkdownLines` for text that already went through `normalizeUserText`. */
export function escapeNormalizedLines(normalized: string): string[] {
  const lines = normalized.split('\n');
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end).map((line) => (line === '' ? '\\' : escapeLine(line)));
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/**
 * Where `escapeEachCharacter` could change a line, taking its branches one by one. Anywhere: a
 * character it may escape wherever it is (`ALWAYS_ESCAPED`, `_`, `&`, and `#`, which also
 * covers a `#` that opens a heading). First: whitespace, or what can open a block (`>`, `-`,
 * `+`; `=` for a setext underline; a digit for an ordered list marker). Last: whitespace.
 * Where none matches, every character is copied as it is, so the line itself is the result.
 * Most lines people write are like that, and copying them one character at a time made the
 * export of a long session slow and full of garbage (issue 11). Three small regexes, because
 * one with alternatives is tried at every position of the line and runs three times slower.
 */
const MAY_ESCAPE_ANYWHERE = /[\\`*[\]<|~_&#]/;
const MAY_ESCAPE_FIRST = /^[\s>+=0-9-]/;
const MAY_ESCAPE_LAST = /\s$/;

function escapeLine(line: string): string {
  const unchanged =
    !MAY_ESCAPE_ANYWHERE.test(line) && !MAY_ESCAPE_FIRST.test(line) && !MAY_ESCAPE_LAST.test(line);
  return unchanged ? line : escapeEachCharacter(line);
}

/**
 * The escaping itself, a character at a time. Exported only so that a test can check that
 * `escapeLine`'s shortcut gives the same result on any line.
 */
export function escapeEachCharacter(line: string): string {
  // By code point, so that an escape never splits an emoji or another astral character.
  const chars = Array.from(line);
  const last = chars.length - 1;
  // Only the punctuation right after leading digits needs a backslash: `1\.` is no list marker.
  const orderedMarkerEnd = (ORDERED_LIST_MARKER.exec(line)?.[0].length ?? 0) - 1;
  let out = '';
  let offset = 0; // where chars[i] starts in `line`, in UTF-16 code units
  for (let i = 0; i <= last; i++) {
    const char = chars[i] ?? '';
    if ((i === 0 || i === last) && WHITESPACE.test(char)) {
      // Leading whitespace would make indented code or be stripped, trailing whitespace would be
      // stripped or make a hard break. A character reference is text to the block parser, so it
      // keeps both. Only the outermost one is needed: the others are then inside the line.
      out += `&#${char.codePointAt(0)};`;
    } else if (
      ALWAYS_ESCAPED.has(char) ||
      (i === 0 && LINE_START_ESCAPED.has(char)) ||
      (i === 0 && char === '=' && SETEXT_UNDERLINE.test(line)) ||
      i === orderedMarkerEnd ||
      (char === '_' && !(isWordCharacter(chars[i - 1]) && isWordCharacter(chars[i + 1]))) ||
      (char === '&' && matchesAt(ENTITY_REFERENCE, line, offset)) ||
      (char === '#' && isWhitespace(chars[i - 1]) && matchesAt(CLOSING_HASHES, line, offset))
    ) {
      out += `\\${char}`;
    } else {
      out += char;
    }
    offset += char.length;
  }
  return out;
}

/**
 * `_` between two letters or digits can neither open nor close emphasis (CommonMark flanking
 * rules), so `naam_achternaam` stays readable; anywhere else it is escaped.
 */
function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && WORD_CHARACTER.test(char);
}

function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && WHITESPACE.test(char);
}

function matchesAt(sticky: RegExp, text: string, offset: number): boolean {
  sticky.lastIndex = offset;
  return sticky.test(text);
}
