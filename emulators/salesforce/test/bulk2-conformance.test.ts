import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

// Bulk API 2.0 through unmodified jsforce (conn.bulk2), against the Bulk API 2.0 Developer Guide.
// Unprocessed records: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_unprocessed_results.htm
// Query SOQL limits: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm
// Results and API versions: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
// Rolling 24-hour allocations: https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm

let now = Date.parse('2031-05-01T00:00:00Z');
let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
const poll = { pollInterval: 20, pollTimeout: 10_000 };

beforeAll(async () => {
  emulator = await startFixtureEmulator({ clock: () => now, bulkRecordsPerSecond: 20 });
  conn = await login(emulator);
  emulator.insertRecords('CustomerAccount__c', [billingAccount(1), billingAccount(2), billingAccount(3)]);
});
afterAll(() => emulator.close());

describe('ingest jobs', () => {
  it('returns every uploaded row as unprocessed when a job is aborted before processing', async () => {
    const job = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await job.open();
    const csv = 'Name,AccountNumber__c\nFirst,A-1\nSecond,A-2\n';
    await job.uploadData(csv);
    await job.abort();
    expect(await job.getUnprocessedRecords(true)).toBe(csv);
  });

  it('returns the rows not reached when a job is aborted while it runs', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `Row ${i},N-${i}`);
    const job = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await job.open();
    await job.uploadData(['Name,AccountNumber__c', ...rows].join('\n'));
    await job.close();
    // 20 records a second (20 s for the job): abort once some rows are processed, long before the last.
    let info = await job.check();
    while (info.state !== 'InProgress' || info.numberRecordsProcessed === 0) info = await job.check();
    await job.abort();
    const after = await job.check();
    expect(after.state).toBe('Aborted');
    const unprocessed = (await job.getUnprocessedRecords(true)).trim().split('\n');
    expect(unprocessed[0]).toBe('Name,AccountNumber__c');
    expect(unprocessed.length - 1 + after.numberRecordsProcessed).toBe(400);
    expect(unprocessed.slice(1)).toEqual(rows.slice(after.numberRecordsProcessed));
  });
});

describe('query jobs', () => {
  it('runs supported SOQL with parent paths and refuses what Bulk query does not support', async () => {
    const records = await (
      await conn.bulk2.query(
        "SELECT Name, Owner.Name FROM CustomerAccount__c WHERE Name LIKE 'Billing%' ORDER BY Name",
        poll,
      )
    ).toArray();
    expect(records.map((r) => String(r.Name))).toEqual(['Billing 1', 'Billing 2', 'Billing 3']);
    for (const soql of [
      'SELECT COUNT() FROM CustomerAccount__c',
      'SELECT Status__c, COUNT(Id) FROM CustomerAccount__c GROUP BY Status__c',
      'SELECT Name FROM CustomerAccount__c LIMIT 1 OFFSET 1',
      'SELECT Name, (SELECT Id FROM Contacts) FROM Account',
    ]) {
      const res = await raw(
        emulator,
        conn,
        'POST',
        '/services/data/v62.0/jobs/query',
        JSON.stringify({ operation: 'query', query: soql }),
      );
      expect({
        soql,
        status: res.status,
        code: (res.json as Array<{ errorCode: string }>)[0]?.errorCode,
      }).toEqual({
        soql,
        status: 400,
        code: 'API_ERROR',
      });
    }
  });

  it('answers 409 to results asked with another API version and 412 before the job completes', async () => {
    const created = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/jobs/query',
      JSON.stringify({ operation: 'query', query: 'SELECT Name FROM CustomerAccount__c' }),
    );
    const id = (created.json as { id: string }).id;
    const early = await raw(emulator, conn, 'GET', `/services/data/v62.0/jobs/query/${id}/results`);
    expect([200, 412]).toContain(early.status);
    let state = '';
    while (state !== 'JobComplete')
      state = (
        (await raw(emulator, conn, 'GET', `/services/data/v62.0/jobs/query/${id}`)).json as { state: string }
      ).state;
    const other = await raw(emulator, conn, 'GET', `/services/data/v61.0/jobs/query/${id}/results`);
    expect(other.status).toBe(409);
    const same = await raw(emulator, conn, 'GET', `/services/data/v62.0/jobs/query/${id}/results`);
    expect(same.status).toBe(200);
    expect(same.text.split('\n')[0]).toBe('"Name"');
  });

  it('counts query jobs and API requests over a rolling 24 hours', async () => {
    const limits = async () =>
      (await conn.request<Record<string, { Max: number; Remaining: number }>>(
        '/services/data/v62.0/limits',
      )) as Record<string, { Max: number; Remaining: number }>;
    const before = await limits();
    expect(before.DailyBulkV2QueryJobs?.Remaining).toBeLessThan(10_000);
    expect(before.DailyApiRequests?.Remaining).toBeLessThan(100_000);
    now += 24 * 60 * 60 * 1000 + 60_000;
    const after = await limits();
    expect(after.DailyBulkV2QueryJobs?.Remaining).toBe(10_000);
    // Only the /limits request itself is in the new window.
    expect(after.DailyApiRequests?.Remaining).toBe(100_000 - 1);
    expect(after.DailyBulkApiBatches?.Remaining).toBe(15_000);
  });
});
