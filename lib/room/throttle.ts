/**
 * Runs a task at most once per `intervalMs`: a call within the interval is not dropped but
 * deferred to its end (the latest task wins), so a second loss within the second is still
 * asked for (sync.ts, sync-room.ts).
 */
export class Throttle {
  private lastRunAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => void) | null = null;

  constructor(private readonly intervalMs: number) {}

  run(task: () => void, now = false): void {
    const wait = this.lastRunAt + this.intervalMs - Date.now();
    if (!now && wait > 0) {
      this.pending = task;
      this.timer ??= setTimeout(() => {
        this.timer = null;
        const next = this.pending;
        this.pending = null;
        if (next) this.run(next);
      }, wait);
      return;
    }
    this.lastRunAt = Date.now();
    task();
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
