// Wrong tokens at the sign-in are counted per client address: after `limit` failures within a minute, that
// address is answered 429 until the minute has passed. The token is long and random, so this only keeps
// guessing noisy and slow; it holds no secret.
export class SignInThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed. */
  retryAfter(address: string): number {
    const recent = this.#recent(address);
    if (recent.length < this.limit) return 0;
    return Math.ceil(((recent[0] ?? 0) + this.windowMs - this.now()) / 1000);
  }

  failed(address: string): void {
    this.#failures.set(address, [...this.#recent(address), this.now()]);
    if (this.#failures.size > 10_000) this.#failures.clear();
  }

  succeeded(address: string): void {
    this.#failures.delete(address);
  }

  #recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.#failures.get(address) ?? []).filter((t) => t > since);
  }
}
