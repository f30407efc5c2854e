import type jsforce from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const poll = { pollInterval: 20, pollTimeout: 10_000 };

describe('Bulk API 2.0 ingest', () => {
  it('upserts with relationship columns and reports good and bad rows with exact sf__Error texts', async () => {
    emulator.insertRecords('Account', [{ Name: 'Acme', Zuora_Customer_Number__c: 'C-1' }]);
    emulator.insertRecords('CustomerAccount__c', [billingAccount(9, { External_Id__c: 'Z-EXIST' })]);
    const csv = [
      'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c,Status__c,Balance__c',
      'Z-1,"Acme, EU",A-1,C-1,Active,10.5',
      'Z-EXIST,Renamed,,,,',
      'Z-2,Bad parent,A-2,C-404,,',
      'Z-3,Bad status,A-3,,Paused,',
      'Z-4,Bad number,A-4,,,lots',
      'Z-5,No number,,,,',
      'Z-1,Duplicate in file,A-9,,,',
      `${'x'.repeat(33)},Too long,A-6,,,`,
    ].join('\n');
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input: csv,
      ...poll,
    });
    expect(
      results.successfulResults.map((r) => [
        (r as unknown as Record<string, string>).External_Id__c,
        r.sf__Created,
      ]),
    ).toEqual([
      ['Z-1', 'true'],
      ['Z-EXIST', 'false'],
    ]);
    expect(
      Object.fromEntries(
        results.failedResults.map((r) => [(r as unknown as Record<string, string>).Name, r.sf__Error]),
      ),
    ).toEqual({
      'Bad parent':
        'INVALID_FIELD:Foreign key external ID: C-404 not found for field Zuora_Customer_Number__c in entity Account:--',
      'Bad status':
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Status: bad value for restricted picklist field: Paused:Status__c --',
      'Bad number': 'INVALID_TYPE_ON_FIELD_IN_RECORD:Balance: value not of required type: lots:Balance__c --',
      'No number':
        'REQUIRED_FIELD_MISSING:Required fields are missing: [AccountNumber__c]:AccountNumber__c --',
      'Duplicate in file': 'DUPLICATE_EXTERNAL_ID:Duplicate external id specified: Z-1:External_Id__c --',
      'Too long': `STRING_TOO_LONG:External Id: data value too large: ${'x'.repeat(33)} (max length=32):External_Id__c --`,
    });
    const acme = emulator.records('Account')[0];
    const stored = emulator.records('CustomerAccount__c');
    expect(stored.find((r) => r.External_Id__c === 'Z-1')).toMatchObject({
      Name: 'Acme, EU',
      Account__c: acme?.Id,
      Balance__c: 10.5,
      Status__c: 'Active',
    });
    // An empty CSV value leaves the field unchanged on upsert.
    expect(stored.find((r) => r.External_Id__c === 'Z-EXIST')).toMatchObject({
      Name: 'Renamed',
      AccountNumber__c: 'A-9',
    });
  });

  it('runs the full state machine with a custom delimiter and CRLF, counting batches and bytes', async () => {
    const job = conn.bulk2.createJob({
      object: 'CustomerAccount__c',
      operation: 'insert',
      columnDelimiter: 'SEMICOLON',
      lineEnding: 'CRLF',
    });
    const opened = await job.open();
    expect(opened).toMatchObject({
      state: 'Open',
      columnDelimiter: 'SEMICOLON',
      lineEnding: 'CRLF',
      contentType: 'CSV',
    });
    const rows = Array.from({ length: 25_000 }, (_, i) => `Name ${i};A-${i};Z${i}`);
    const csv = ['Name;AccountNumber__c;External_Id__c', ...rows].join('\r\n') + '\r\n';
    await job.uploadData(csv);
    const before = emulator.stats();
    await job.close();
    await job.poll(poll.pollInterval, poll.pollTimeout);
    const info = await job.check();
    expect(info).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 25_000,
      numberRecordsFailed: 0,
    });
    const after = emulator.stats();
    expect(after.bulkBatches - before.bulkBatches).toBe(3);
    expect(after.uploadedBytes).toBe(Buffer.byteLength(csv));
    const success = await raw(
      emulator,
      conn,
      'GET',
      `/services/data/v62.0/jobs/ingest/${job.id}/successfulResults`,
    );
    expect(success.text.split('\r\n')[0]).toBe('"sf__Id";"sf__Created";Name;AccountNumber__c;External_Id__c');
    expect(success.text.split('\r\n')[1]).toMatch(/^"a\w{17}";"true";Name 0;A-0;Z0$/);
    expect(emulator.records('CustomerAccount__c')).toHaveLength(25_000);
  });

  it('fails the job on an unknown column or malformed CSV, and refuses a second upload', async () => {
    const unknown = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await unknown.open();
    await unknown.uploadData('Name,Nope__c\nx,y\n');
    await unknown.close();
    await expect(unknown.poll(poll.pollInterval, poll.pollTimeout)).rejects.toThrow();
    expect(await unknown.check()).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : Nope__c',
    });

    const malformed = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await malformed.open();
    await malformed.uploadData('Name,AccountNumber__c\n"unterminated,A-1\n');
    await malformed.close();
    await expect(malformed.poll(poll.pollInterval, poll.pollTimeout)).rejects.toThrow();
    expect((await malformed.check()).errorMessage).toMatch(/^InvalidBatch : unterminated quoted field/);

    const strayQuote = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await strayQuote.open();
    await strayQuote.uploadData('Name,AccountNumber__c\n"a"b,A-1\n');
    await strayQuote.close();
    await expect(strayQuote.poll(poll.pollInterval, poll.pollTimeout)).rejects.toThrow();
    expect((await strayQuote.check()).errorMessage).toMatch(
      /^InvalidBatch : unexpected character after a closing quote/,
    );

    const twice = conn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
    await twice.open();
    await twice.uploadData('Name,AccountNumber__c\nx,1\n');
    // jsforce refuses a second upload itself; the API refuses it too.
    const second = await raw(
      emulator,
      conn,
      'PUT',
      `/services/data/v62.0/jobs/ingest/${twice.id}/batches`,
      'Name,AccountNumber__c\ny,2\n',
      'text/csv',
    );
    expect(second).toMatchObject({ status: 400, json: [{ errorCode: 'BULK_API_ERROR' }] });
    await expect(
      conn.bulk2.createJob({ object: 'Nope__c', operation: 'insert' }).open(),
    ).rejects.toMatchObject({ errorCode: 'INVALIDJOB' });
  });

  it('updates, deletes and hard-deletes by Id', async () => {
    const ids = emulator.insertRecords('CustomerAccount__c', [
      billingAccount(1),
      billingAccount(2),
      billingAccount(3),
    ]);
    const update = await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'update',
      input: `Id,Status__c\n${ids[0]},Active\n${ids[1]},#N/A\n001000000000000AAA,Active\n`,
      ...poll,
    });
    expect(update.successfulResults).toHaveLength(2);
    expect(update.failedResults[0]?.sf__Error).toMatch(
      /^INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--$/,
    );
    const del = await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'delete',
      input: `Id\n${ids[0]}\n`,
      ...poll,
    });
    expect(del.successfulResults).toHaveLength(1);
    const hard = await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'hardDelete',
      input: `Id\n${ids[1]}\n`,
      ...poll,
    });
    expect(hard.successfulResults).toHaveLength(1);
    const all = await conn.request<{ totalSize: number }>(
      `/services/data/v62.0/queryAll?q=${encodeURIComponent('SELECT Id FROM CustomerAccount__c')}`,
    );
    expect(all.totalSize).toBe(2); // the soft-deleted one stays in the recycle bin, the hard-deleted one does not
  });

  it('processes asynchronously at a configured rate and keeps unprocessed rows of an aborted job', async () => {
    const slow = await startFixtureEmulator({ bulkRecordsPerSecond: 2_000 });
    try {
      const slowConn = await login(slow);
      const job = slowConn.bulk2.createJob({ object: 'CustomerAccount__c', operation: 'insert' });
      await job.open();
      await job.uploadData(
        ['Name,AccountNumber__c', ...Array.from({ length: 2_000 }, (_, i) => `N${i},A${i}`)].join('\n'),
      );
      await job.close();
      await new Promise((r) => setTimeout(r, 150));
      expect((await job.check()).state).toBe('InProgress');
      await job.abort();
      const info = await job.check();
      expect(info.state).toBe('Aborted');
      const unprocessed = await raw(
        slow,
        slowConn,
        'GET',
        `/services/data/v62.0/jobs/ingest/${job.id}/unprocessedrecords`,
      );
      const lines = unprocessed.text.trim().split('\n');
      expect(lines[0]).toBe('Name,AccountNumber__c');
      expect(lines.length - 1 + info.numberRecordsProcessed).toBe(2_000);
      expect(info.numberRecordsProcessed).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });
});

describe('Bulk API 2.0 query', () => {
  // Every results page repeats the CSV header (query_get_job_results.htm); jsforce 3.10.16 pipes the
  // pages into one parser, so the jsforce read below stays within one page (10,000 by default).
  it('returns CSV results paged with Sforce-Locator', async () => {
    emulator.insertRecords('Account', [{ Name: 'Acme' }]);
    const acme = emulator.records('Account')[0]?.Id;
    emulator.insertRecords(
      'CustomerAccount__c',
      Array.from({ length: 2_500 }, (_, i) => billingAccount(i, { Account__c: acme })),
    );
    const stream = await conn.bulk2.query(
      'SELECT Id, External_Id__c, Account__r.Name FROM CustomerAccount__c',
      poll,
    );
    const records = (await stream.toArray()) as Array<Record<string, string>>;
    expect(records).toHaveLength(2_500);
    expect(records[0]).toMatchObject({ External_Id__c: 'Z00000', 'Account__r.Name': 'Acme' });

    const created = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/jobs/query',
      JSON.stringify({ operation: 'query', query: 'SELECT Id FROM CustomerAccount__c' }),
    );
    const id = (created.json as { id: string }).id;
    await new Promise((r) => setTimeout(r, 50));
    const page1 = await raw(
      emulator,
      conn,
      'GET',
      `/services/data/v62.0/jobs/query/${id}/results?maxRecords=1000`,
    );
    expect(page1.text.split('\n')[0]).toBe('"Id"');
    expect(page1.headers.get('sforce-numberofrecords')).toBe('1000');
    const locator = page1.headers.get('sforce-locator') ?? '';
    expect(locator).not.toBe('null');
    const last = await raw(
      emulator,
      conn,
      'GET',
      `/services/data/v62.0/jobs/query/${id}/results?locator=${locator}&maxRecords=5000`,
    );
    expect(last.headers.get('sforce-locator')).toBe('null');
    expect(last.headers.get('sforce-numberofrecords')).toBe('1500');
    await expect(conn.bulk2.query('SELECT Nope__c FROM CustomerAccount__c', poll)).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
  });
});
