// When an entity's waiting changes become a batch (issue 19). With adaptive batching the engine coalesces
// while changes keep arriving and flushes by a latency budget: a change alone (none other arriving for
// `quietMs`) is synced at once, a stream of changes is cut when its oldest has waited the latency budget minus
// what a batch is expected to take, and no two batches of an entity start closer than `minIntervalMs` (not
// even for the maximum wait; only a full batch goes at once; a batch of one change: `aloneIntervalMs`, so
// changes arriving a second apart each go alone), so under a stream the batches (each one Composite call, its
// deferred references included: api-sync/inline-deferred.ts) stay under 60 / (minIntervalMs / 1 s) a minute
// at any arrival rate. The budget counts from the oldest change's arrival, and slower batches (a busy machine)
// only cut earlier: a batch never waits longer because the machine is slow.
// Without it (tests that drive ticks by hand), a batch fires as soon as the event threshold is reached.
// Either way the Zuora settings keep their meaning: no batch before `eventThreshold` changes wait, unless the
// oldest has waited the maximum time between syncs; a full batch (`maxBatchEvents`) goes at once.
import type { AdaptiveBatching } from '../config/realtime-settings.js';
import type { PendingSummary } from './change-event-rows.js';

export interface BatchRules {
  readonly eventThreshold: number;
  readonly maxWaitMs: number;
  readonly maxBatchEvents: number;
  readonly adaptive?: AdaptiveBatching | undefined;
}

export type BatchDecision =
  | { readonly fire: true; readonly why: 'max wait' | 'full' | 'threshold' | 'quiet' | 'latency budget' }
  /** Not yet: look again in `recheckMs` (undefined: only a new change can make it due). */
  | { readonly fire: false; readonly recheckMs: number | undefined };

export interface BatchClock {
  readonly now: number;
  /** When this entity's previous batch started (ms since the epoch), if one did in this process. */
  readonly lastStart: number | undefined;
  /** What a batch takes lately (moving average of this process's batches). */
  readonly batchMs: number;
}

/** Whether `summary`'s waiting changes make a batch now, and if not, when to look again. */
export function decideBatch(summary: PendingSummary, rules: BatchRules, clock: BatchClock): BatchDecision {
  if (summary.waiting === 0 || summary.oldestReceivedAt === undefined)
    return { fire: false, recheckMs: undefined };
  const waited = clock.now - summary.oldestReceivedAt.getTime();
  if (summary.waiting >= rules.maxBatchEvents) return { fire: true, why: 'full' };
  const a = rules.adaptive;
  const interval = summary.waiting === 1 ? (a?.aloneIntervalMs ?? a?.minIntervalMs) : a?.minIntervalMs;
  const gapIn =
    interval === undefined || clock.lastStart === undefined ? 0 : interval - (clock.now - clock.lastStart);
  // The maximum wait keeps the minimum interval too (a maximum wait below it would otherwise set the rate).
  if (waited >= rules.maxWaitMs)
    return gapIn > 0 ? { fire: false, recheckMs: gapIn } : { fire: true, why: 'max wait' };
  if (summary.waiting < rules.eventThreshold) return { fire: false, recheckMs: rules.maxWaitMs - waited };
  if (a === undefined) return { fire: true, why: 'threshold' };
  const newest = (summary.newestReceivedAt ?? summary.oldestReceivedAt).getTime();
  const quietIn = a.quietMs - (clock.now - newest);
  const budgetIn = Math.max(a.quietMs, a.latencyBudgetMs - clock.batchMs) - waited;
  const dueIn = Math.max(gapIn, Math.min(quietIn, budgetIn), 0);
  if (dueIn > 0)
    return { fire: false, recheckMs: Math.min(dueIn, Math.max(rules.maxWaitMs - waited, gapIn)) };
  return { fire: true, why: quietIn <= 0 ? 'quiet' : 'latency budget' };
}

/** Moving average of batch durations: recent batches weigh most, one slow batch does not dominate. */
export function nextBatchMs(previous: number, measured: number): number {
  return Math.round(previous * 0.7 + measured * 0.3);
}
