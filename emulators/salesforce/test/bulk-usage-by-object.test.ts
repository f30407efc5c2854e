// The admin stats' Bulk usage per object: requests of its jobs, batches counted (one per started 10,000
// records of a job) and records received, including rows that fail, so that a bench can hold the batches a
// load cost to the floor over the records it sent.
import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { admin, login, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
});
afterAll(() => emulator.close());

type ByObject = Record<string, { requests: number; bulkBatches: number; bulkRecords: number }>;

describe('Bulk usage per object', () => {
  it('counts the records each job received, failed rows included, and one batch per started 10,000', async () => {
    const rows = (from: number, n: number) =>
      Array.from(
        { length: n },
        (_, i) => `Z-${String(from + i)},Name ${String(from + i)},A-${String(from + i)}`,
      );
    const load = (lines: string[]) =>
      conn.bulk2.loadAndWaitForResults({
        object: 'CustomerAccount__c',
        operation: 'upsert',
        externalIdFieldName: 'External_Id__c',
        input: ['External_Id__c,Name,AccountNumber__c', ...lines].join('\n'),
        pollInterval: 20,
        pollTimeout: 60_000,
      });
    const before = (await admin(emulator, 'GET', '/stats')).json.bulkByObject as ByObject;
    // A row with no external ID fails; it was still sent, and counts.
    const first = await load([...rows(0, 10_001), ',No key,A-x']);
    expect(first.failedResults).toHaveLength(1);
    await load(rows(20_000, 3));
    const after = (await admin(emulator, 'GET', '/stats')).json.bulkByObject as ByObject;
    const was = before.CustomerAccount__c ?? { requests: 0, bulkBatches: 0, bulkRecords: 0 };
    const now = after.CustomerAccount__c;
    expect(now?.bulkRecords).toBe(was.bulkRecords + 10_005);
    expect(now?.bulkBatches).toBe(was.bulkBatches + 3);
    expect(now?.requests).toBeGreaterThan(was.requests);
  });
});
