import { useEffect, useState } from 'preact/hooks';
import { type PhaseTimer, timerRemainingMs } from '../../lib/session';

/** Redraw interval in milliseconds: the display shows whole seconds. */
const TICK_MS = 500;

/** Where the redraw ticks come from: this page, or the window a view is shown in. */
export interface TickSource {
  setInterval(callback: () => void, ms: number): number;
  clearInterval(handle: number): void;
}

/** "4:05": minutes and whole seconds, rounded up so 0:00 means the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * The remaining time of a timer, re-read from the clock while it runs. The room view passes its
 * own window as `ticks`: browsers slow down the timers of a page in the background (a
 * facilitator's tab behind the projector window) to once a minute, but not those of a window on
 * screen.
 */
export function useRemaining(timer: PhaseTimer | null, ticks?: TickSource): number | null {
  const [now, setNow] = useState(() => new Date());
  const running = timer?.startedAt != null;
  useEffect(() => {
    if (!running) return;
    const source: TickSource = ticks ?? window;
    const interval = source.setInterval(() => setNow(new Date()), TICK_MS);
    return () => source.clearInterval(interval);
  }, [running, ticks]);
  return timer ? timerRemainingMs(timer, now) : null;
}
