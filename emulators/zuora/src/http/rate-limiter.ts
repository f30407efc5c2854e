// Tenant rate limit: a fixed one-minute window; failed requests count too. Headers RateLimit-Limit,
// RateLimit-Remaining, RateLimit-Reset (seconds). https://developer.zuora.com/docs/guides/rate-limits
export interface RateDecision {
  allowed: boolean;
  limit: number;
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
    const t = this.now().getTime();
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.used = 0;
    }
    this.used += 1;
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + 60_000 - t) / 1000));
    return {
      allowed: this.used <= this.limitPerMinute,
      limit: this.limitPerMinute,
      remaining: Math.max(0, this.limitPerMinute - this.used),
      resetSeconds,
    };
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}
