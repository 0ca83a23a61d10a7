import { formatIsoDate, utcDayOf } from './date';

/** Long enough to recognise a session, short enough for any file system and a download bar. */
const MAX_SLUG_LENGTH = 60;
const FALLBACK_SLUG = 'kring-harvest';

/** Letters that Unicode decomposition does not reduce to ASCII but that have a usual spelling. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/**
 * `<slug>-<yyyy-mm-dd>.md`, e.g. "buurtgesprek-zuidwijk-2026-11-25.md": ASCII only, so the name
 * survives every file system, mail client and zip tool. The date is the session's UTC day; it is
 * left out when `createdAt` is no ISO date.
 */
export function harvestFileName(title: string, createdAt: string): string {
  const day = utcDayOf(createdAt);
  const slug = slugify(title) || FALLBACK_SLUG;
  return day === null ? `${slug}.md` : `${slug}-${formatIsoDate(day)}.md`;
}

function slugify(text: string): string {
  return (
    text
      // Lower case first: "İ" lower-cases to "i" plus a combining dot, removed below.
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\x20-\x7e]/g, (char) => TRANSLITERATIONS[char] ?? '-')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-/, '')
      .slice(0, MAX_SLUG_LENGTH)
      .replace(/-$/, '')
  );
}
