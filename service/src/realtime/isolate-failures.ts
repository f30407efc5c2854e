// Runs a real-time batch's records so that one record that makes the whole run throw (a poison event: Zuora
// refuses to read it, a mapping bug) cannot fail the good records with it: a run that throws is split in
// halves and each half run again, down to the single record that fails, which alone is charged an attempt.
// A transport failure (Zuora unreachable, 5xx or 429 after the client's own retries) says nothing about the
// records, so it is not split: the group it hit is charged as a whole. Budget exhaustion and an admin's cancel
// are not failures of the records: they end the batch (the caller gives the claims back).
import type { ApiSyncResult } from '../api-sync/api-sync-types.js';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import { SessionCancelledError } from '../sessions/session-cancel.js';
import type { ObjectCounts } from '../sessions/session-counts.js';
import { isTransportFailure } from './transport-failure.js';

export interface RecordRef {
  readonly zuoraObject: string;
  readonly zuoraId: string;
}

export interface FailedGroup {
  readonly refs: readonly RecordRef[];
  readonly error: string;
}

export interface IsolatedRuns {
  /** The runs that finished, merged: their outcomes, counts and calls. */
  readonly result: ApiSyncResult;
  /** Groups that threw: single records, or a group hit by a transport failure. */
  readonly failed: FailedGroup[];
  readonly runs: number;
  readonly failedRuns: number;
  /** Zuora requests made by the runs that threw. */
  readonly zuoraCallsOnFailures: number;
}

export type RunRefs = (refs: readonly RecordRef[]) => Promise<ApiSyncResult>;

function mustStop(error: unknown): boolean {
  return error instanceof ApiBudgetExhaustedError || error instanceof SessionCancelledError;
}

function addCounts(into: Record<string, ObjectCounts>, from: Readonly<Record<string, ObjectCounts>>): void {
  for (const [object, c] of Object.entries(from)) {
    const t = (into[object] ??= { read: 0, written: 0, created: 0, failed: 0, deleted: 0 });
    t.read += c.read;
    t.written += c.written;
    t.created += c.created;
    t.failed += c.failed;
    t.deleted += c.deleted;
  }
}

/**
 * Runs each group (groups never share a run), splitting a group that throws until the failing records are
 * alone. `zuoraCalls` reads the Zuora client's request counter, to charge the calls of runs that threw.
 */
export async function runIsolated(
  run: RunRefs,
  groups: readonly (readonly RecordRef[])[],
  zuoraCalls: () => number,
): Promise<IsolatedRuns> {
  const outcomes: ApiSyncResult['outcomes'][number][] = [];
  const counts: Record<string, ObjectCounts> = {};
  const failed: FailedGroup[] = [];
  const tally = { runs: 0, failedRuns: 0, salesforceCalls: 0, zuoraCalls: 0, onFailures: 0 };
  let readAt: string | undefined;
  const step = async (refs: readonly RecordRef[]): Promise<void> => {
    if (refs.length === 0) return;
    const before = zuoraCalls();
    tally.runs += 1;
    try {
      const r = await run(refs);
      outcomes.push(...r.outcomes);
      addCounts(counts, r.counts);
      tally.salesforceCalls += r.salesforceCalls;
      tally.zuoraCalls += r.zuoraCalls;
      if (r.readAt !== undefined && (readAt === undefined || r.readAt < readAt)) readAt = r.readAt;
    } catch (error) {
      if (mustStop(error)) throw error;
      tally.failedRuns += 1;
      tally.onFailures += zuoraCalls() - before;
      if (refs.length === 1 || isTransportFailure(error)) {
        failed.push({ refs, error: (error as Error).message });
        return;
      }
      const half = Math.ceil(refs.length / 2);
      await step(refs.slice(0, half));
      await step(refs.slice(half));
    }
  };
  for (const group of groups) await step(group);
  return {
    result: {
      outcomes,
      counts,
      salesforceCalls: tally.salesforceCalls,
      zuoraCalls: tally.zuoraCalls + tally.onFailures,
      ...(readAt === undefined ? {} : { readAt }),
    },
    failed,
    runs: tally.runs,
    failedRuns: tally.failedRuns,
    zuoraCallsOnFailures: tally.onFailures,
  };
}
