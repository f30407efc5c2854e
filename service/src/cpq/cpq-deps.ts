// What the CPQ direction needs: the sync dependencies every session shares, the Salesforce API budget
// governor, the CPQ settings (validated at start), and the counters its calls are measured with.
import type { ApiBudgetGovernor } from '../salesforce/api-budget.js';
import { CallCounter } from '../salesforce/composite-request.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import type { CpqSettings } from './rules/cpq-settings.js';

export interface CpqDeps extends SyncDeps {
  readonly governor: ApiBudgetGovernor;
  readonly cpq: CpqSettings;
  /** How often an async Orders job is polled (first wait; it doubles up to 2 s). */
  readonly jobPollMs?: number;
  /** How long a job may stay Processing before the order is retried on the next pass. */
  readonly jobTimeoutMs?: number;
}

/** The Salesforce calls of one CPQ session (reads and write-back), for its counts and the benchmark. */
export class CpqCalls {
  readonly salesforce = new CallCounter();
  readonly zuoraStart: number;

  constructor(readonly deps: CpqDeps) {
    this.zuoraStart = deps.zuora.calls;
  }

  get zuora(): number {
    return this.deps.zuora.calls - this.zuoraStart;
  }
}
