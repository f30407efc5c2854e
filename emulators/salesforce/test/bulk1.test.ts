import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, startFixtureEmulator } from './helpers.js';

// Bulk API 1.0 (`/services/async/NN.N/job`) through unmodified jsforce (conn.bulk), and in XML/JSON
// by hand. https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_intro.htm
// Results: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_batches_get_results.htm
// Errors: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_errors.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
const async = '/services/async/62.0';

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  conn.bulk.pollInterval = 20;
  conn.bulk.pollTimeout = 10_000;
});
afterAll(() => emulator.close());

const call = async (method: string, path: string, body?: string, type = 'application/xml') => {
  const res = await fetch(`${emulator.url}${async}${path}`, {
    method,
    headers: { 'x-sfdc-session': conn.accessToken ?? '', 'content-type': type },
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, text: await res.text() };
};

describe('Bulk API 1.0 through jsforce', () => {
  it('loads records in a CSV batch and reports each row, failures included', async () => {
    const results = await conn.bulk.load('CustomerAccount__c', 'insert', [
      billingAccount(1),
      { Name: 'No number' },
      billingAccount(2),
    ]);
    expect(results.map((r) => [r.success, r.created])).toEqual([
      [true, true],
      [false, false],
      [true, true],
    ]);
    expect(results[1]?.errors).toEqual([
      'REQUIRED_FIELD_MISSING:Required fields are missing: [AccountNumber__c]:AccountNumber__c --',
    ]);
    expect(emulator.records('CustomerAccount__c')).toHaveLength(2);
  });

  it('upserts on an external ID and queries through result sets', async () => {
    const upserted = await conn.bulk.load('CustomerAccount__c', 'upsert', { extIdField: 'External_Id__c' }, [
      billingAccount(1, { Name: 'Renamed' }),
      billingAccount(3),
    ]);
    expect(upserted.map((r) => r.created)).toEqual([false, true]);
    const stream = await conn.bulk.query(
      "SELECT Name, External_Id__c FROM CustomerAccount__c WHERE Name LIKE 'Billing%' ORDER BY Name",
    );
    const rows: Array<Record<string, string>> = [];
    await new Promise<void>((resolve, reject) => {
      stream.on('record', (r: Record<string, string>) => rows.push(r));
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    expect(rows.map((r) => r.Name)).toEqual(['Billing 2', 'Billing 3']);
  });
});

describe('Bulk API 1.0 by hand', () => {
  it('creates, fills and closes a JSON job with JSON batches and results', async () => {
    const created = await call(
      'POST',
      '/job',
      JSON.stringify({ operation: 'insert', object: 'Account', contentType: 'JSON' }),
      'application/json',
    );
    expect(created.status).toBe(201);
    const job = JSON.parse(created.text) as { id: string; state: string };
    expect(job.state).toBe('Open');
    const batch = JSON.parse(
      (
        await call(
          'POST',
          `/job/${job.id}/batch`,
          JSON.stringify([{ Name: 'Json Co' }, { Name: null }]),
          'application/json',
        )
      ).text,
    ) as { id: string; state: string };
    expect(batch.state).toBe('Queued');
    let info = { state: 'Queued' };
    while (info.state === 'Queued' || info.state === 'InProgress')
      info = JSON.parse(
        (await call('GET', `/job/${job.id}/batch/${batch.id}`, undefined, 'application/json')).text,
      ) as {
        state: string;
      };
    expect(info.state).toBe('Completed');
    const results = JSON.parse((await call('GET', `/job/${job.id}/batch/${batch.id}/result`)).text) as Array<{
      success: boolean;
      errors: Array<{ statusCode: string }>;
    }>;
    expect(results.map((r) => r.success)).toEqual([true, false]);
    expect(results[1]?.errors[0]?.statusCode).toBe('REQUIRED_FIELD_MISSING');
    const closed = await call(
      'POST',
      `/job/${job.id}`,
      JSON.stringify({ state: 'Closed' }),
      'application/json',
    );
    expect(JSON.parse(closed.text)).toMatchObject({
      state: 'Closed',
      numberBatchesCompleted: 1,
      numberRecordsFailed: 1,
    });
    const late = await call('POST', `/job/${job.id}/batch`, '[]', 'application/json');
    expect(late.status).toBe(400);
    expect(JSON.parse(late.text)).toMatchObject({ exceptionCode: 'InvalidJobState' });
  });

  it('takes XML job info and XML sObject batches', async () => {
    const created = await call(
      'POST',
      '/job',
      '<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><operation>insert</operation><object>Account</object><contentType>XML</contentType></jobInfo>',
    );
    expect(created.status).toBe(201);
    const id = /<id>(\w+)<\/id>/.exec(created.text)?.[1] ?? '';
    const batch = await call(
      'POST',
      `/job/${id}/batch`,
      '<sObjects xmlns="http://www.force.com/2009/06/asyncapi/dataload"><sObject><Name>Xml Co</Name></sObject></sObjects>',
    );
    const batchId = /<id>(\w+)<\/id>/.exec(batch.text)?.[1] ?? '';
    let state = '';
    while (state !== 'Completed' && state !== 'Failed')
      state =
        /<state>(\w+)<\/state>/.exec((await call('GET', `/job/${id}/batch/${batchId}`)).text)?.[1] ?? '';
    expect(state).toBe('Completed');
    const results = await call('GET', `/job/${id}/batch/${batchId}/result`);
    expect(results.text).toContain('<success>true</success>');
    expect(emulator.records('Account').map((r) => r.Name)).toContain('Xml Co');
  });

  it('answers InvalidSessionId in XML, refuses unknown objects and unsupported query SOQL', async () => {
    const anonymous = await fetch(`${emulator.url}${async}/job`, { method: 'POST', body: '<jobInfo/>' });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.text()).toContain('<exceptionCode>InvalidSessionId</exceptionCode>');
    const unknown = await call(
      'POST',
      '/job',
      '<jobInfo><operation>insert</operation><object>Nope__c</object></jobInfo>',
    );
    expect(unknown.text).toContain('<exceptionCode>InvalidJob</exceptionCode>');
    const job = await call(
      'POST',
      '/job',
      '<jobInfo><operation>query</operation><object>Account</object><contentType>CSV</contentType></jobInfo>',
    );
    const id = /<id>(\w+)<\/id>/.exec(job.text)?.[1] ?? '';
    const batch = await call('POST', `/job/${id}/batch`, 'SELECT COUNT() FROM Account', 'text/csv');
    const batchId = /<id>(\w+)<\/id>/.exec(batch.text)?.[1] ?? '';
    let text = '';
    while (!/<state>(Completed|Failed)<\/state>/.test(text))
      text = (await call('GET', `/job/${id}/batch/${batchId}`)).text;
    expect(text).toContain('<state>Failed</state>');
    expect(text).toContain('InvalidBatch : Failed to process query');
  });
});
