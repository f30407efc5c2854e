// Refused callouts per client address, in fixed windows: an address whose callouts keep failing
// authentication (someone guessing the HMAC key, the Basic password or the OAuth client secret) gets 429 for
// the rest of the window once it passes the limit, and the log gets one line per address and window instead of
// one per request. Basic challenges (a first request without credentials, as Zuora sends them when
// preemptive authentication is off) are part of the protocol and not counted.
// https://knowledgecenter.zuora.com/Central_Platform/Notifications/C_Configure_Callout_Notifications

export interface RefusalLimit {
  /** Refusals an address may get in a window before it is answered 429. */
  readonly max: number;
  readonly windowMs: number;
}

export const defaultRefusalLimit: RefusalLimit = { max: 20, windowMs: 60_000 };

/** Windows kept before the ones that ended are dropped (addresses are not kept forever). */
const pruneAbove = 10_000;

interface Window {
  readonly start: number;
  count: number;
}

export interface Refusal {
  /** The first refusal of this address's window: the one to log. */
  readonly firstInWindow: boolean;
  /** Refusals of the address in its previous window, when that window just ended with more than the one logged. */
  readonly previousWindow: number | undefined;
}

export class CalloutRefusals {
  readonly limit: RefusalLimit;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(limit: RefusalLimit = defaultRefusalLimit, now: () => number = Date.now) {
    this.limit = limit;
    this.#now = now;
  }

  /** Seconds until `address` may call again, or 0 when it may now. */
  retryAfterSeconds(address: string): number {
    const w = this.#current(address);
    if (w === undefined || w.count < this.limit.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.limit.windowMs - this.#now()) / 1000));
  }

  /** Counts a refusal of `address`. */
  refused(address: string): Refusal {
    const current = this.#current(address);
    if (current !== undefined) {
      current.count += 1;
      return { firstInWindow: false, previousWindow: undefined };
    }
    const ended = this.#windows.get(address);
    if (this.#windows.size >= pruneAbove) this.#prune();
    this.#windows.set(address, { start: this.#now(), count: 1 });
    return {
      firstInWindow: true,
      previousWindow: ended !== undefined && ended.count > 1 ? ended.count : undefined,
    };
  }

  #current(address: string): Window | undefined {
    const w = this.#windows.get(address);
    return w !== undefined && this.#now() - w.start < this.limit.windowMs ? w : undefined;
  }

  #prune(): void {
    const now = this.#now();
    for (const [address, w] of this.#windows)
      if (now - w.start >= this.limit.windowMs) this.#windows.delete(address);
  }
}
