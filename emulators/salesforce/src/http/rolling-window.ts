// A count over the last 24 hours, kept in one-minute buckets: Salesforce counts its daily API
// allocations over a rolling 24-hour period, not per calendar day.
// https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm

const minute = 60_000;
const windowMinutes = 24 * 60;

export class RollingWindow {
  private readonly buckets: Array<{ minute: number; count: number }> = [];
  private sum = 0;

  constructor(private readonly clock: () => number) {}

  private evict(now: number): number {
    const current = Math.floor(now / minute);
    while (this.buckets.length > 0 && (this.buckets[0]?.minute ?? current) <= current - windowMinutes) {
      this.sum -= this.buckets.shift()?.count ?? 0;
    }
    return current;
  }

  add(n = 1): void {
    const current = this.evict(this.clock());
    const last = this.buckets.at(-1);
    if (last?.minute === current) last.count += n;
    else this.buckets.push({ minute: current, count: n });
    this.sum += n;
  }

  /** Events in the last 24 hours. */
  get total(): number {
    this.evict(this.clock());
    return this.sum;
  }

  clear(): void {
    this.buckets.length = 0;
    this.sum = 0;
  }
}
