import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatLongDate, utcDayOf } from '../../lib/export/date';
import { harvestFileName } from '../../lib/export/filename';

describe('utcDayOf', () => {
  it.each([
    ['2026-11-25', { year: 2026, month: 11, day: 25 }],
    ['2026-11-25T23:59:59.999Z', { year: 2026, month: 11, day: 25 }],
    ['2026-11-25T10:00:00', { year: 2026, month: 11, day: 25 }],
    ['2026-11-25T00:30:00+01:00', { year: 2026, month: 11, day: 24 }],
    ['2026-11-25T23:30:00-0200', { year: 2026, month: 11, day: 26 }],
    ['2026-12-31T23:00:00-01', { year: 2027, month: 1, day: 1 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['0099-01-01', { year: 99, month: 1, day: 1 }],
  ])('reads %s as the UTC day %j', (iso, day) => {
    expect(utcDayOf(iso)).toEqual(day);
  });

  it.each([
    '',
    'gisteren',
    '25-11-2026',
    '2026-11-25T',
    '2026-13-01',
    '2026-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-11-00',
    '2026-11-25T24:00:00Z',
    '2026-11-25T10:60:00Z',
    '2026-11-25Z',
  ])('refuses %j', (iso) => {
    expect(utcDayOf(iso)).toBeNull();
  });
});

describe('date formatting', () => {
  const day = { year: 2026, month: 3, day: 5 };

  it('writes long dates with our own month names', () => {
    expect(formatLongDate(day, 'nl')).toBe('5 maart 2026');
    expect(formatLongDate(day, 'en')).toBe('5 March 2026');
  });

  it('writes ISO dates with leading zeros', () => {
    expect(formatIsoDate(day)).toBe('2026-03-05');
    expect(formatIsoDate({ year: 99, month: 1, day: 1 })).toBe('0099-01-01');
  });
});

describe('harvestFileName', () => {
  const created = '2026-11-25T13:00:00.000Z';

  it.each([
    ['Buurtgesprek Zuidwijk', 'buurtgesprek-zuidwijk-2026-11-25.md'],
    ['Café "De Ééndracht": één & ál!', 'cafe-de-eendracht-een-al-2026-11-25.md'],
    ['Straße, Ærø, Łódź, İzmir', 'strasse-aero-lodz-izmir-2026-11-25.md'],
    ['  --Reflectie--  ', 'reflectie-2026-11-25.md'],
    ['Sessie 3/4: ½ dag', 'sessie-3-4-1-2-dag-2026-11-25.md'],
    ['', 'kring-harvest-2026-11-25.md'],
    ['!!!', 'kring-harvest-2026-11-25.md'],
    ['جلسة الحي', 'kring-harvest-2026-11-25.md'],
    ['🙂🙂', 'kring-harvest-2026-11-25.md'],
  ])('names %j %j', (title, name) => {
    expect(harvestFileName(title, created)).toBe(name);
  });

  it('keeps the slug to 60 characters without a dangling dash', () => {
    const name = harvestFileName(`${'a'.repeat(59)} b c d`, created);
    expect(name).toBe(`${'a'.repeat(59)}-2026-11-25.md`);
    const slug = harvestFileName('Een heel lange titel '.repeat(10), created).slice(0, -14);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('uses the UTC day and leaves the date out when there is none', () => {
    expect(harvestFileName('x', '2026-11-25T23:30:00.000Z')).toBe('x-2026-11-25.md');
    expect(harvestFileName('x', 'unknown')).toBe('x.md');
  });
});
