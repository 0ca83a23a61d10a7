import type { Locale } from '../locale';

/**
 * Dates for the harvest, without `Intl` or the local time zone: every peer must write the same
 * bytes, whatever its ICU data or clock settings. All days are UTC days.
 */

export interface CalendarDay {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

/**
 * `YYYY-MM-DD`, optionally followed by a time and a UTC offset. Parsed by hand because
 * `Date.parse` reads a date-time without offset as local time, which differs per machine.
 */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The UTC calendar day of an ISO 8601 date or date-time; a date-time without offset counts as
 * UTC. Null for anything else, including impossible dates such as 2026-02-30.
 */
export function utcDayOf(iso: string): CalendarDay | null {
  const match = ISO_8601.exec(iso.trim());
  if (match === null) return null;
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hours, minutes - offsetMinutes(match[7]), seconds);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** "25 november 2026" (nl), "25 November 2026" (en). */
export function formatLongDate(day: CalendarDay, locale: Locale): string {
  return `${day.day} ${MONTHS[locale][day.month - 1]} ${day.year}`;
}

/** "2026-11-25". */
export function formatIsoDate(day: CalendarDay): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}
