// The write counters: records created / updated / deleted and write calls per object, over REST, Composite,
// sObject Collections and Bulk API 2.0, through the in-process handle and the admin API; reads count nothing.
import type jsforce from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { admin, billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const json = { 'content-type': 'application/json' };

describe('write counters', () => {
  it('start at zero after a reset, even with seeded data, and reads count nothing', async () => {
    expect(emulator.writes()).toEqual({});
    await conn.query('SELECT Id FROM CustomerAccount__c');
    await conn.bulk2.query('SELECT Id FROM CustomerAccount__c', { pollInterval: 20, pollTimeout: 10_000 });
    expect(emulator.writes()).toEqual({});
  });

  it('count REST creates, updates and deletes, one write call each', async () => {
    const created = await conn.sobject('CustomerAccount__c').create(billingAccount(1));
    if (!created.success) throw new Error('create failed');
    await conn.sobject('CustomerAccount__c').update({ Id: created.id, Name: 'Renamed' });
    await conn.sobject('CustomerAccount__c').destroy(created.id);
    expect(emulator.writes()).toEqual({
      CustomerAccount__c: { created: 1, updated: 1, deleted: 1, writeCalls: 3 },
    });
  });

  it('count a Composite call of collections as one call per object written', async () => {
    await conn.request({
      method: 'POST',
      url: '/services/data/v62.0/composite',
      headers: json,
      body: JSON.stringify({
        allOrNone: false,
        compositeRequest: [
          {
            method: 'POST',
            url: '/services/data/v62.0/composite/sobjects',
            referenceId: 'a',
            body: {
              allOrNone: false,
              records: [1, 2, 3].map((n) => ({
                attributes: { type: 'CustomerAccount__c' },
                ...billingAccount(n),
              })),
            },
          },
          {
            method: 'POST',
            url: '/services/data/v62.0/sobjects/Account',
            referenceId: 'b',
            body: { Name: 'Acme' },
          },
        ],
      }),
    });
    expect(emulator.writes()).toEqual({
      CustomerAccount__c: { created: 3, updated: 0, deleted: 0, writeCalls: 1 },
      Account: { created: 1, updated: 0, deleted: 0, writeCalls: 1 },
    });
  });

  it('uncount records an allOrNone collection rolled back, and keep the call', async () => {
    const res = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/composite/sobjects',
      JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: 'CustomerAccount__c' }, ...billingAccount(1) },
          { attributes: { type: 'CustomerAccount__c' }, ...billingAccount(2, { AccountNumber__c: null }) },
        ],
      }),
    );
    expect((res.json as Array<{ success: boolean }>).map((r) => r.success)).toEqual([false, false]);
    expect(emulator.writes().CustomerAccount__c).toMatchObject({ created: 0 });
  });

  it('count a Bulk API 2.0 upsert job as one write call, through the admin API too', async () => {
    emulator.insertRecords('CustomerAccount__c', [billingAccount(9, { External_Id__c: 'Z-9' })]);
    emulator.resetWrites();
    await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input: ['External_Id__c,Name,AccountNumber__c', 'Z-9,Nine,A-9', 'Z-10,Ten,A-10'].join('\n'),
      pollInterval: 20,
      pollTimeout: 10_000,
    });
    const expected = { CustomerAccount__c: { created: 1, updated: 1, deleted: 0, writeCalls: 1 } };
    expect(emulator.writes()).toEqual(expected);
    expect((await admin(emulator, 'GET', '/writes')).json).toEqual({ writes: expected });
    expect(emulator.stats().writes).toEqual(expected);
    await admin(emulator, 'POST', '/writes/reset');
    expect(emulator.writes()).toEqual({});
  });
});
