import { median, percentile } from './stats';

/**
 * The one table `npm run bench` prints: a row per measurement, grouped in sections, with its
 * goal where the issues set one (✓ met, ✗ missed). Every figure is an order statistic of
 * several runs; `n` says how many samples it rests on.
 */
export type Line =
  | { readonly section: string }
  | {
      readonly measurement: string;
      readonly median: string;
      readonly p95: string;
      readonly detail?: string;
      readonly goal?: string;
      /** Whether the goal was met; undefined when there is no yes/no goal. */
      readonly met?: boolean;
      readonly n: number | string;
    };

export function renderTable(lines: readonly Line[]): string {
  const rows = lines.map((line) => {
    if ('section' in line) return `| **${line.section}** | | | | | |`;
    const goal = line.goal
      ? `${line.goal}${line.met === undefined ? '' : line.met ? ' ✓' : ' ✗'}`
      : '';
    return `| ${line.measurement} | ${line.median} | ${line.p95} | ${line.detail ?? ''} | ${goal} | ${line.n} |`;
  });
  return [
    '| measurement | median | p95 | detail | goal | n |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';
export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
export const seconds = (value: number) =>
  Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : '–';
export const megabytes = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MB` : '–';
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A timing row: median and p95 of `samples`, formatted by `format`. */
export function timingLine(
  measurement: string,
  samples: readonly number[],
  format: (value: number) => string,
  extra: { detail?: string; goal?: string; limit?: number } = {},
): Line {
  const middle = median(samples);
  return {
    measurement,
    median: format(middle),
    p95: format(percentile(samples, 95)),
    detail: extra.detail,
    goal: extra.goal,
    met: extra.limit === undefined ? undefined : middle <= extra.limit,
    n: samples.length,
  };
}
