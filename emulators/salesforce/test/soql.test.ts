import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace('Z', '+0000');

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  const [acme, globex] = emulator.insertRecords('Account', [{ Name: 'Acme' }, { Name: 'Globex' }]);
  emulator.insertRecords('CustomerAccount__c', [
    billingAccount(1, {
      Account__c: acme,
      Status__c: 'Active',
      Balance__c: 100,
      Channels__c: 'Email;Web',
      Last_Synced_At__c: daysAgo(1),
      Activated_On__c: today,
    }),
    billingAccount(2, {
      Account__c: acme,
      Status__c: 'Canceled',
      Balance__c: 50.5,
      Channels__c: 'Phone',
      Last_Synced_At__c: daysAgo(40),
    }),
    billingAccount(3, { Account__c: globex, Status__c: 'Active', Balance__c: -3, Auto_Pay__c: true }),
    billingAccount(4, { Name: "O'Brien & Co", Balance__c: null }),
  ]);
  emulator.insertRecords(
    'CustomerAccount__c',
    Array.from({ length: 4_500 }, (_, i) => billingAccount(100 + i, { Region__c: 'EMEA' })),
  );
});
afterAll(() => emulator.close());

const names = async (where: string, extra = 'ORDER BY Name') =>
  (
    await conn.query<{ Name: string }>(`SELECT Name FROM CustomerAccount__c WHERE ${where} ${extra}`)
  ).records.map((r) => r.Name);

describe('SOQL', () => {
  it('filters with comparison operators, AND/OR/NOT and parentheses', async () => {
    expect(await names("Status__c = 'active'")).toEqual(['Billing 1', 'Billing 3']);
    expect(await names('Balance__c > 0 AND Balance__c <= 100')).toEqual(['Billing 1', 'Billing 2']);
    expect(await names("(Status__c = 'Canceled' OR Balance__c < 0) AND NOT Auto_Pay__c = false")).toEqual([
      'Billing 3',
    ]);
    expect(await names("Status__c != 'Active' AND Region__c = null")).toEqual(['Billing 2', "O'Brien & Co"]);
    expect(await names('Balance__c = null AND Region__c = null')).toEqual(["O'Brien & Co"]);
  });

  it('supports LIKE, IN, NOT IN, INCLUDES and escaped strings', async () => {
    expect(await names("Name LIKE 'billing _'")).toEqual(['Billing 1', 'Billing 2', 'Billing 3']);
    expect(await names("External_Id__c IN ('Z00001', 'z00003')")).toEqual(['Billing 1', 'Billing 3']);
    expect(await names("Region__c = null AND External_Id__c NOT IN ('Z00001', 'Z00003')")).toEqual([
      'Billing 2',
      "O'Brien & Co",
    ]);
    expect(await names("Channels__c INCLUDES ('Web', 'Phone')")).toEqual(['Billing 1', 'Billing 2']);
    expect(await names("Channels__c INCLUDES ('Email;Phone')")).toEqual([]);
    expect(await names("Name = 'O\\'Brien & Co'")).toEqual(["O'Brien & Co"]);
  });

  it('filters on one-level relationship paths and returns nested parents', async () => {
    const res = await conn.query<{ Name: string; Account__r: { Name: string } | null }>(
      "SELECT Name, Account__r.Name FROM CustomerAccount__c WHERE Account__r.Name = 'Acme' ORDER BY Name DESC",
    );
    expect(res.records.map((r) => [r.Name, r.Account__r?.Name])).toEqual([
      ['Billing 2', 'Acme'],
      ['Billing 1', 'Acme'],
    ]);
    const orphan = await conn.query<{ Account__r: unknown }>(
      "SELECT Account__r.Name FROM CustomerAccount__c WHERE External_Id__c = 'Z00004'",
    );
    expect(orphan.records[0]?.Account__r).toBeNull();
  });

  it('understands date and datetime literals', async () => {
    expect(await names('Last_Synced_At__c = LAST_N_DAYS:7')).toEqual(['Billing 1']);
    expect(await names('Last_Synced_At__c < LAST_N_DAYS:30')).toEqual(['Billing 2']);
    expect(await names(`Activated_On__c = TODAY`)).toEqual(['Billing 1']);
    expect(await names(`Activated_On__c >= ${today}`)).toEqual(['Billing 1']);
    expect(await names(`Last_Synced_At__c > 2000-01-01T00:00:00Z`)).toEqual(['Billing 1', 'Billing 2']);
  });

  it('orders with NULLS FIRST/LAST and pages with LIMIT and OFFSET', async () => {
    const q = (order: string) => names('Region__c = null', `ORDER BY ${order}`);
    expect(await q('Balance__c ASC NULLS LAST')).toEqual([
      'Billing 3',
      'Billing 2',
      'Billing 1',
      "O'Brien & Co",
    ]);
    expect(await q('Balance__c DESC NULLS FIRST')).toEqual([
      "O'Brien & Co",
      'Billing 1',
      'Billing 2',
      'Billing 3',
    ]);
    expect(await q('Balance__c LIMIT 2 OFFSET 1')).toEqual(['Billing 3', 'Billing 2']);
  });

  it('counts with COUNT() and COUNT(field)', async () => {
    const bare = await conn.query("SELECT COUNT() FROM CustomerAccount__c WHERE Status__c = 'Active'");
    expect(bare).toMatchObject({ totalSize: 2, records: [] });
    const aggregate = await conn.query('SELECT COUNT(Id) total FROM CustomerAccount__c');
    expect(aggregate.records).toEqual([{ attributes: { type: 'AggregateResult' }, total: 4_504 }]);
  });

  it('pages results through nextRecordsUrl and jsforce autoFetch', async () => {
    const first = await conn.query('SELECT Id FROM CustomerAccount__c');
    expect(first).toMatchObject({ totalSize: 4_504, done: false });
    expect(first.records).toHaveLength(2_000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g\w+-2000$/);
    const all = await conn
      .query('SELECT Id FROM CustomerAccount__c')
      .setResponseTarget('Records')
      .execute({ autoFetch: true, maxFetch: 10_000 });
    expect(new Set((all as Array<{ Id: string }>).map((r) => r.Id)).size).toBe(4_504);
  });

  it('words errors as Salesforce does', async () => {
    await expect(conn.query('SELECT Nope__c FROM CustomerAccount__c')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining("No such column 'Nope__c' on entity 'CustomerAccount__c'"),
    });
    await expect(conn.query('SELECT Id FROM Nope__c')).rejects.toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringContaining("sObject type 'Nope__c' is not supported"),
    });
    await expect(conn.query('SELECT Id FROM')).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    await expect(conn.query("SELECT Id FROM Account WHERE Name = 'x' ORDER")).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query('SELECT Nope__r.Name FROM CustomerAccount__c')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining("Didn't understand relationship 'Nope__r'"),
    });
  });

  it('reads custom metadata records from the package', async () => {
    const res = await conn.query(
      "SELECT DeveloperName, UI_Account_Limit__c, Email_Notification_Default__c FROM Sync_Setting__mdt WHERE DeveloperName = 'Default'",
    );
    expect(res.records).toEqual([
      expect.objectContaining({
        DeveloperName: 'Default',
        UI_Account_Limit__c: 8,
        Email_Notification_Default__c: true,
      }),
    ]);
    await expect(conn.sobject('Sync_Setting__mdt').create({ UI_Account_Limit__c: 1 })).rejects.toMatchObject({
      errorCode: 'INVALID_TYPE',
    });
  });
});
