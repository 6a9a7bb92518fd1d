/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. Pure: the caller passes the time.
 * Used per WebSocket, whose messages do not pass through the HTTP rate limiters.
 *
 * @example
 * const bucket = new TokenBucket(120, 20);
 * if (!bucket.take(Date.now())) reply('rate_limited');
 */
export class TokenBucket {
  private tokens: number;
  private last: number | null = null;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    if (this.last !== null) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    }
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
