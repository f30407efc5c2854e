// How a real-time batch isolates the records that make its sync throw: split in halves down to the failing
// record, the others synced; a transport failure charged to its group whole; budget exhaustion ends the batch.
import { describe, expect, it } from 'vitest';
import type { ApiSyncResult } from '../../src/api-sync/api-sync-types.js';
import { runIsolated, type RecordRef } from '../../src/realtime/isolate-failures.js';
import { ApiBudgetExhaustedError } from '../../src/salesforce/api-budget.js';
import { ZuoraApiError } from '../../src/zuora/zuora-errors.js';

const refs = (n: number, prefix = 'r'): RecordRef[] =>
  Array.from({ length: n }, (_, i) => ({ zuoraObject: 'Account', zuoraId: `${prefix}${String(i)}` }));

/** A run that throws when a poison record is in it, and otherwise writes one record per ref. */
function fakeRun(poison: ReadonlySet<string>, error: () => Error, calls: { n: number; runs: number }) {
  return (group: readonly RecordRef[]): Promise<ApiSyncResult> => {
    calls.runs += 1;
    calls.n += 1;
    if (group.some((r) => poison.has(r.zuoraId))) return Promise.reject(error());
    return Promise.resolve({
      outcomes: [],
      counts: {
        CustomerAccount__c: { read: group.length, written: group.length, created: 0, failed: 0, deleted: 0 },
      },
      salesforceCalls: 1,
      zuoraCalls: 0,
    });
  };
}

describe('isolating failing records', () => {
  it('syncs every good record and charges only the poison ones, in bounded runs', async () => {
    const all = refs(1_000);
    const poison = new Set(['r17', 'r500', 'r999']);
    const calls = { n: 0, runs: 0 };
    const refused = () => new ZuoraApiError(400, '90005', 'cannot be exported', '/v1/batch-query/');
    const isolated = await runIsolated(fakeRun(poison, refused, calls), [all], () => calls.n);
    expect(
      isolated.failed
        .map((f) => f.refs.map((r) => r.zuoraId))
        .flat()
        .sort(),
    ).toEqual([...poison].sort());
    expect(isolated.result.counts.CustomerAccount__c?.written).toBe(997);
    // Each poison record costs at most one failing run per level of halving (log2(1000) < 10, plus the root).
    expect(isolated.failedRuns).toBeLessThanOrEqual(3 * 11);
    expect(isolated.zuoraCallsOnFailures).toBe(isolated.failedRuns);
  });

  it('does not split a group that a transport failure hit: the group is charged whole', async () => {
    const calls = { n: 0, runs: 0 };
    const down = () => new ZuoraApiError(0, 'NETWORK', 'unreachable: ECONNREFUSED', '/v1/batch-query/');
    const isolated = await runIsolated(fakeRun(new Set(['r3']), down, calls), [refs(64)], () => calls.n);
    expect(calls.runs).toBe(1);
    expect(isolated.failed).toHaveLength(1);
    expect(isolated.failed[0]?.refs).toHaveLength(64);
  });

  it('keeps groups apart and stops the batch when the API budget is spent', async () => {
    const calls = { n: 0, runs: 0 };
    const spent = () => new ApiBudgetExhaustedError({ used: 95, limit: 100 }, 90);
    await expect(
      runIsolated(fakeRun(new Set(['b1']), spent, calls), [refs(4, 'a'), refs(4, 'b')], () => calls.n),
    ).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    const ok = { n: 0, runs: 0 };
    const two = await runIsolated(fakeRun(new Set(), spent, ok), [refs(4, 'a'), refs(4, 'b')], () => ok.n);
    expect(ok.runs).toBe(2);
    expect(two.result.counts.CustomerAccount__c?.written).toBe(8);
  });
});
