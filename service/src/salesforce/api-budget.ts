// The Salesforce API budget governor for API-based writes (on-demand and real-time sync). It spends no call
// of its own: every REST response carries `Sforce-Limit-Info: api-usage=used/limit`, which jsforce keeps in
// `conn.limitInfo.apiUsage` after each request, so the governor reads the usage the last response reported.
// Above `slowAtPercent` of the daily allocation it delays each write (more as usage nears the stop mark); at
// `stopAtPercent` it refuses writes with ApiBudgetExhaustedError and warns once (log + callback) until usage
// falls back below the slow mark. Bulk sessions are not governed: they spend a handful of calls.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface ApiUsageReading {
  readonly used: number;
  readonly limit: number;
}

/** What the governor reads: jsforce's Connection exposes the last `Sforce-Limit-Info` as `limitInfo`. */
export interface LimitInfoSource {
  readonly limitInfo?: { readonly apiUsage?: { readonly used: number; readonly limit: number } };
}

export class ApiBudgetExhaustedError extends Error {
  constructor(
    readonly usage: ApiUsageReading,
    readonly stopAtPercent: number,
  ) {
    super(
      `Salesforce API budget exhausted: ${String(usage.used)} of ${String(usage.limit)} daily API requests used (${percentOf(usage).toFixed(1)}%); API-based writes stop at ${String(stopAtPercent)}% and resume when usage falls below it`,
    );
    this.name = 'ApiBudgetExhaustedError';
  }
}

export interface ApiBudgetOptions {
  /** Writes are slowed above this share of the daily allocation (default 80). */
  readonly slowAtPercent?: number;
  /** Writes stop at this share (default 90). */
  readonly stopAtPercent?: number;
  /** The delay just below the stop mark; it grows linearly from a tenth of it at the slow mark. */
  readonly maxDelayMs?: number;
  readonly logger?: Logger;
  /** Called once each time usage reaches the stop mark (e.g. to write a Sync_History__c warning). */
  readonly onStop?: (usage: ApiUsageReading, caller: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * While stopped, nothing else may call Salesforce, so usage would never be seen to fall: at most once per
   * `probeIntervalMs` (default 60 s) the governor makes this one cheap call (GET /limits), whose response
   * header brings the current usage.
   */
  readonly probe?: () => Promise<unknown>;
  readonly probeIntervalMs?: number;
  readonly now?: () => number;
}

export interface ApiBudgetStats {
  readonly slowedWrites: number;
  readonly delayedMs: number;
  readonly refusedWrites: number;
  readonly usage: ApiUsageReading | undefined;
}

export type BudgetState = 'ok' | 'slow' | 'stop';

function percentOf(usage: ApiUsageReading): number {
  return usage.limit <= 0 ? 100 : (usage.used / usage.limit) * 100;
}

export class ApiBudgetGovernor {
  readonly slowAtPercent: number;
  readonly stopAtPercent: number;
  readonly #maxDelayMs: number;
  readonly #source: LimitInfoSource;
  readonly #options: ApiBudgetOptions;
  readonly #sleep: (ms: number) => Promise<void>;
  #warned = false;
  #slowed = 0;
  #delayed = 0;
  #refused = 0;
  #probedAt = Number.NEGATIVE_INFINITY;

  constructor(source: LimitInfoSource, options: ApiBudgetOptions = {}) {
    this.slowAtPercent = options.slowAtPercent ?? 80;
    this.stopAtPercent = options.stopAtPercent ?? 90;
    if (!(this.slowAtPercent > 0 && this.slowAtPercent <= this.stopAtPercent && this.stopAtPercent <= 100)) {
      throw new RangeError(
        `API budget thresholds must satisfy 0 < slow (${String(this.slowAtPercent)}) <= stop (${String(this.stopAtPercent)}) <= 100`,
      );
    }
    this.#maxDelayMs = options.maxDelayMs ?? 2_000;
    this.#source = source;
    this.#options = options;
    this.#sleep = options.sleep ?? ((ms) => sleep(ms));
  }

  /** The usage the last Salesforce response reported; undefined before the first response. */
  usage(): ApiUsageReading | undefined {
    const u = this.#source.limitInfo?.apiUsage;
    return u === undefined ? undefined : { used: u.used, limit: u.limit };
  }

  state(): BudgetState {
    const usage = this.usage();
    if (usage === undefined) return 'ok';
    const pct = percentOf(usage);
    if (pct >= this.stopAtPercent) return 'stop';
    return pct >= this.slowAtPercent ? 'slow' : 'ok';
  }

  /** Throws ApiBudgetExhaustedError at the stop mark; otherwise returns at once (no delay). */
  assertAvailable(caller: string): void {
    const usage = this.usage();
    if (usage === undefined || percentOf(usage) < this.stopAtPercent) {
      if (usage !== undefined && percentOf(usage) < this.slowAtPercent) this.#warned = false;
      return;
    }
    this.#refused += 1;
    if (!this.#warned) {
      this.#warned = true;
      this.#options.logger?.warn(
        { apiUsage: usage, stopAtPercent: this.stopAtPercent, caller },
        'Salesforce API usage reached the stop mark: API-based writes wait until it falls',
      );
      this.#options.onStop?.(usage, caller);
    }
    throw new ApiBudgetExhaustedError(usage, this.stopAtPercent);
  }

  /** Reads the current usage with the probe call (if one is configured); answers the new state. */
  async refresh(): Promise<BudgetState> {
    this.#probedAt = (this.#options.now ?? Date.now)();
    await this.#options.probe?.();
    return this.state();
  }

  /** Like assertAvailable, but while stopped it first refreshes the usage when the last probe is old enough. */
  async available(caller: string): Promise<void> {
    const now = (this.#options.now ?? Date.now)();
    if (
      this.state() === 'stop' &&
      this.#options.probe !== undefined &&
      now - this.#probedAt >= (this.#options.probeIntervalMs ?? 60_000)
    ) {
      await this.refresh().catch((error: unknown) =>
        this.#options.logger?.warn({ err: error }, 'could not read the Salesforce API usage'),
      );
    }
    this.assertAvailable(caller);
  }

  /** Call before each API-based write: refuses at the stop mark, delays between the slow and stop marks. */
  async beforeWrite(caller: string): Promise<void> {
    await this.available(caller);
    const usage = this.usage();
    if (usage === undefined) return;
    const pct = percentOf(usage);
    if (pct < this.slowAtPercent) return;
    const span = Math.max(this.stopAtPercent - this.slowAtPercent, 1e-9);
    const share = Math.min(1, (pct - this.slowAtPercent) / span);
    const delay = Math.round(this.#maxDelayMs * (0.1 + 0.9 * share));
    this.#slowed += 1;
    this.#delayed += delay;
    await this.#sleep(delay);
  }

  stats(): ApiBudgetStats {
    return {
      slowedWrites: this.#slowed,
      delayedMs: this.#delayed,
      refusedWrites: this.#refused,
      usage: this.usage(),
    };
  }
}
