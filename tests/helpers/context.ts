import type { SessionContext } from '../../lib/session';

/** A deterministic clock and id source: each call advances one second / one counter. */
export function fixedContext(
  prefix = 'id',
  start = Date.UTC(2026, 10, 25, 9, 0, 0),
): SessionContext {
  let tick = 0;
  let counter = 0;
  return {
    now: () => new Date(start + 1000 * tick++),
    newId: () => `${prefix}${String(counter++).padStart(4, '0')}`,
  };
}
