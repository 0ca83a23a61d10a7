import type { Locale } from '../locale';
import { formatLongDate, utcDayOf } from './date';
import { escapeNormalizedInline, escapeNormalizedLines, normalizeUserText } from './escape';

/**
 * User text as the harvest places it: the only way markdown.ts and items.ts turn user text
 * into Markdown, so every field goes through escape.ts the same way.
 */

/** User text for a one-line spot (heading, label value): line breaks become spaces, trimmed. */
export function inline(text: string): string {
  return escapeNormalizedInline(normalizeUserText(text).replaceAll('\n', ' ').trim());
}

/**
 * User text for a multi-line spot (item, prompt). Whitespace at the ends of the text and of each
 * line is invisible once rendered and would only clutter the raw Markdown with `&#32;`, so it
 * goes; every other character stays.
 */
export function textLines(text: string): string[] {
  // Cleaned once: dropping whitespace leaves normalised text normalised.
  return escapeNormalizedLines(withoutLineEndSpace(normalizeUserText(text)).trim());
}

/**
 * Drops the whitespace before each line end (`$` of a multiline regex: a line feed, U+2028 or
 * U+2029; normalised text has no `\r`). Text with none of those is one line, whose trailing
 * whitespace `trim` drops anyway, so it skips the regex, which is slow on long text.
 */
function withoutLineEndSpace(normalized: string): string {
  const multiline =
    normalized.includes('\n') || normalized.includes('\u2028') || normalized.includes('\u2029');
  return multiline ? normalized.replace(/[^\S\n]+$/gmu, '') : normalized;
}

/** A long date in the session's language; text that is no date is kept as it was typed. */
export function dateText(iso: string, locale: Locale): string {
  const day = utcDayOf(iso);
  return day === null ? inline(iso) : formatLongDate(day, locale);
}

export function groupBy<T, K>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group === undefined) groups.set(key(value), [value]);
    else group.push(value);
  }
  return groups;
}
