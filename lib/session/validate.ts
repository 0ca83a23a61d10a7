import type { SessionError, TextField } from './types';

/** Checks a text against its limit, returning the refusal the caller passes on. */
export function checkText(
  field: TextField,
  text: string,
  limit: number,
  options: { allowEmpty: boolean },
): SessionError | null {
  if (!options.allowEmpty && text.trim() === '') return { code: 'text-empty', field };
  if (text.length > limit) return { code: 'text-too-long', field, length: text.length, limit };
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30); '' means "no date". */
export function isDueDate(value: string): boolean {
  if (value === '') return true;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
