/**
 * A token bucket: holds up to `capacity` tokens, refills `refillPerSecond` continuously, and a
 * request that finds too few tokens is refused. Allows a burst, then a sustained rate.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    /** Milliseconds on a monotonic clock. */
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes `amount` tokens if there are that many; returns whether it did. */
  take(amount = 1): boolean {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}
