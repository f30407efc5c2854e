import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, startFixtureEmulator } from './helpers.js';

// Relationship queries through unmodified jsforce: parent-to-child subqueries named by the parent's
// child relationship names (standard `Contacts`, `OrderItems`; custom `<relationshipName>__r` from
// the field metadata), multi-level parent paths, semi-joins and anti-joins.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_custom_objects.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let acme: string;
let globex: string;
let order: string;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  [acme, globex] = emulator.insertRecords('Account', [{ Name: 'Acme' }, { Name: 'Globex' }]) as [
    string,
    string,
  ];
  emulator.insertRecords('Contact', [
    { LastName: 'Zed', AccountId: acme },
    { LastName: 'Adams', AccountId: acme },
    { LastName: 'Solo' },
  ]);
  const [book] = emulator.insertRecords('Pricebook2', [{ Name: 'Standard' }]);
  const [product] = emulator.insertRecords('Product2', [{ Name: 'Widget' }]);
  const [entry] = emulator.insertRecords('PricebookEntry', [
    { Pricebook2Id: book, Product2Id: product, UnitPrice: 10 },
  ]);
  [order] = emulator.insertRecords('Order', [
    { AccountId: acme, Status: 'Draft', EffectiveDate: '2025-01-01', Pricebook2Id: book },
  ]) as [string];
  emulator.insertRecords('OrderItem', [
    { OrderId: order, PricebookEntryId: entry, Product2Id: product, Quantity: 2, UnitPrice: 10 },
    { OrderId: order, PricebookEntryId: entry, Product2Id: product, Quantity: 5, UnitPrice: 9 },
  ]);
  const [history] = emulator.insertRecords('Sync_History__c', [
    { Session_Id__c: 's-1', Status__c: 'Finished' },
  ]);
  emulator.insertRecords('Sync_Record_Error__c', [
    { Sync_History__c: history, External_Id__c: 'X1' },
    { Sync_History__c: history, External_Id__c: 'X2' },
  ]);
  emulator.insertRecords('CustomerAccount__c', [billingAccount(1, { Account__c: globex })]);
});
afterAll(() => emulator.close());

type Child = { totalSize: number; done: boolean; records: Array<Record<string, unknown>> } | null;

describe('parent-to-child subqueries', () => {
  it('nests children by the standard relationship name, with WHERE, ORDER BY and LIMIT inside', async () => {
    const res = await conn.query<{ Name: string; Contacts: Child }>(
      'SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 5) FROM Account ORDER BY Name',
    );
    expect(res.records.map((r) => [r.Name, r.Contacts?.records.map((c) => c.LastName) ?? null])).toEqual([
      ['Acme', ['Adams', 'Zed']],
      ['Globex', null],
    ]);
    const acmeContacts = res.records[0]?.Contacts;
    expect(acmeContacts).toMatchObject({ totalSize: 2, done: true });
    expect(acmeContacts?.records[0]?.attributes).toMatchObject({ type: 'Contact' });
  });

  it('answers SELECT Id, (SELECT Id FROM OrderItems) FROM Order, the CPQ read', async () => {
    const res = await conn.query<{ Id: string; OrderItems: Child }>(
      "SELECT Id, Account.Name, (SELECT Quantity, UnitPrice FROM OrderItems WHERE Quantity > 1 ORDER BY Quantity DESC) FROM Order WHERE Status = 'Draft'",
    );
    expect(res.records).toHaveLength(1);
    expect(res.records[0]).toMatchObject({ Id: order, Account: { Name: 'Acme' } });
    expect(res.records[0]?.OrderItems?.records.map((i) => i.Quantity)).toEqual([5, 2]);
  });

  it('uses the custom child relationship name from the metadata (relationshipName + __r)', async () => {
    const res = await conn.query<{ Sync_Record_Errors__r: Child }>(
      'SELECT Name, (SELECT Name, External_Id__c FROM Sync_Record_Errors__r ORDER BY Name) FROM Sync_History__c',
    );
    expect(res.records[0]?.Sync_Record_Errors__r?.records.map((e) => e.External_Id__c)).toEqual(['X1', 'X2']);
    const describe = await conn.sobject('Sync_History__c').describe();
    expect(describe.childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'Sync_Record_Error__c',
        field: 'Sync_History__c',
        relationshipName: 'Sync_Record_Errors__r',
        cascadeDelete: true,
      }),
    );
  });

  it('nests two levels (Account > Orders > OrderItems)', async () => {
    const res = await conn.query<{ Orders: Child }>(
      `SELECT Name, (SELECT Id, (SELECT Quantity FROM OrderItems ORDER BY Quantity) FROM Orders) FROM Account WHERE Id = '${acme}'`,
    );
    const items = (res.records[0]?.Orders?.records[0]?.OrderItems as Child)?.records.map((i) => i.Quantity);
    expect(items).toEqual([2, 5]);
  });

  it('refuses unknown relationships and OFFSET without a parent LIMIT 1', async () => {
    await expect(conn.query('SELECT Id, (SELECT Id FROM Nopes) FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringContaining("Didn't understand relationship 'Nopes' in FROM part of query call"),
    });
    await expect(
      conn.query('SELECT Id, (SELECT Id FROM Contacts OFFSET 1) FROM Account'),
    ).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    const one = await conn.query<{ Contacts: Child }>(
      `SELECT Id, (SELECT LastName FROM Contacts ORDER BY LastName OFFSET 1) FROM Account WHERE Id = '${acme}' LIMIT 1`,
    );
    expect(one.records[0]?.Contacts?.records.map((c) => c.LastName)).toEqual(['Zed']);
  });
});

describe('child-to-parent paths and semi-joins', () => {
  it('follows several parent hops and writes null where a parent is missing', async () => {
    const res = await conn.query<Record<string, unknown>>(
      'SELECT Quantity, Order.Account.Name FROM OrderItem ORDER BY Quantity',
    );
    expect(res.records.map((r) => (r.Order as { Account: { Name: string } }).Account.Name)).toEqual([
      'Acme',
      'Acme',
    ]);
    const orphan = await conn.query<Record<string, unknown>>(
      "SELECT LastName, Account.Owner.Name FROM Contact WHERE LastName = 'Solo'",
    );
    expect(orphan.records[0]?.Account).toBeNull();
  });

  it('filters with IN and NOT IN subqueries on Id and reference fields', async () => {
    const withContacts = await conn.query<{ Name: string }>(
      'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name',
    );
    expect(withContacts.records.map((r) => r.Name)).toEqual(['Acme']);
    const without = await conn.query<{ Name: string }>(
      'SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE AccountId != null)',
    );
    expect(without.records.map((r) => r.Name)).toEqual(['Globex']);
    await expect(
      conn.query('SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact LIMIT 5 OFFSET 1)'),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    await expect(
      conn.query(
        'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN (SELECT Id FROM Contact))',
      ),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });
});
