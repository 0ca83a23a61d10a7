/** Polls `check` until it holds; resolves with the milliseconds it took. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
  return Date.now() - start;
}

/** `count` from the environment (`KRING_BENCH_…`), or `fallback`. */
export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`bench: ${name}=${value} is not a number`);
  return number;
}

export function envList(name: string, fallback: string): number[] {
  return (process.env[name] ?? fallback)
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
}
