// A rate limit over a fixed one-minute window; failed requests count too. Headers RateLimit-Limit,
// RateLimit-Remaining, RateLimit-Reset (seconds); the limit header names the window as Zuora writes it,
// `50000, 50000;w=60` (the emulator models the per-minute window only).
// https://developer.zuora.com/docs/guides/rate-limits
export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** The RateLimit-Limit header: the limit of the window closest to exhaustion, then each window. */
  limitHeader: string;
  remaining: number;
  resetSeconds: number;
}

export class RateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    public limitPerMinute: number,
    private readonly now: () => Date,
  ) {}

  take(): RateDecision {
    return this.decide(1);
  }

  /** The state of the window without counting a request. */
  peek(): RateDecision {
    const d = this.decide(0);
    return { ...d, allowed: true };
  }

  private decide(count: number): RateDecision {
    const t = this.now().getTime();
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.used = 0;
    }
    this.used += count;
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + 60_000 - t) / 1000));
    return {
      allowed: this.used <= this.limitPerMinute,
      limit: this.limitPerMinute,
      limitHeader: `${this.limitPerMinute}, ${this.limitPerMinute};w=60`,
      remaining: Math.max(0, this.limitPerMinute - this.used),
      resetSeconds,
    };
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}
