import { ITEM_KINDS, type ItemKind, type SessionSnapshot } from '../session';

/**
 * New contributions from others, told to screen-reader users politely and without flooding
 * them (issue 7, item 5): the first arrival opens a window, and everything that arrives while
 * it is open is told together when it closes ("3 new insights"). So a busy room gets at most
 * one announcement per window, and a quiet one hears each arrival a moment after it happens.
 *
 * Not told: this device's own items, items that were deleted again before the window closed,
 * and the catch-up right after the session appears (joining, or reopening it from disk and then
 * receiving what others wrote meanwhile): that is history, not news.
 */

/** Milliseconds that arrivals are collected before they are told together. */
export const ARRIVALS_WINDOW_MS = 3_000;
/** Milliseconds after the session first appears during which arrivals count as catch-up. */
export const CATCH_UP_MS = 3_000;

/** How many items of each kind arrived, in ITEM_KINDS order, kinds with none left out. */
export type ArrivalCounts = readonly { readonly kind: ItemKind; readonly count: number }[];

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface ArrivalsOptions {
  /** Whether this device wrote the item. Asked when the window closes, not on arrival: an
   * item's own update arrives before `addItem` has returned its id. */
  readonly isMine: (itemId: string) => boolean;
  readonly onArrivals: (counts: ArrivalCounts) => void;
  readonly timers?: Timers;
  readonly windowMs?: number;
  readonly catchUpMs?: number;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface ArrivalsWatcher {
  /** Feed every snapshot (null while there is no session yet). */
  update(snapshot: SessionSnapshot | null): void;
  destroy(): void;
}

export function watchArrivals(options: ArrivalsOptions): ArrivalsWatcher {
  const timers = options.timers ?? realTimers;
  const windowMs = options.windowMs ?? ARRIVALS_WINDOW_MS;
  const catchUpMs = options.catchUpMs ?? CATCH_UP_MS;
  /** Every item id seen so far; null until the session first appears. */
  let known: Set<string> | null = null;
  let catchUpUntil = 0;
  /** Items that arrived in the open window, and the latest snapshot to check them against. */
  let pending: string[] = [];
  let latest: SessionSnapshot | null = null;
  let handle: unknown = null;

  function flush(): void {
    handle = null;
    const alive = new Map(latest?.items.map((item) => [item.id, item.kind]));
    const counts = new Map<ItemKind, number>();
    for (const id of pending) {
      const kind = alive.get(id);
      if (kind === undefined || options.isMine(id)) continue;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    pending = [];
    if (counts.size === 0) return;
    options.onArrivals(
      ITEM_KINDS.flatMap((kind) => {
        const count = counts.get(kind) ?? 0;
        return count > 0 ? [{ kind, count }] : [];
      }),
    );
  }

  return {
    update(snapshot) {
      if (!snapshot) return;
      latest = snapshot;
      if (known === null) {
        known = new Set(snapshot.items.map((item) => item.id));
        catchUpUntil = timers.now() + catchUpMs;
        return;
      }
      const catchingUp = timers.now() < catchUpUntil;
      for (const item of snapshot.items) {
        if (known.has(item.id)) continue;
        known.add(item.id);
        if (!catchingUp) pending.push(item.id);
      }
      if (pending.length > 0 && handle === null) handle = timers.setTimeout(flush, windowMs);
    },
    destroy() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      pending = [];
    },
  };
}
