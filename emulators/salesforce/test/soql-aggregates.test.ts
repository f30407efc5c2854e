import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

// Aggregate SOQL through unmodified jsforce, as the SOQL and SOSL Reference documents it:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_groupby.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_having.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_alias.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_group_by_considerations.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  const [acme, globex] = emulator.insertRecords('Account', [{ Name: 'Acme' }, { Name: 'Globex' }]);
  emulator.insertRecords('CustomerAccount__c', [
    billingAccount(1, {
      Account__c: acme,
      Status__c: 'Active',
      Balance__c: 100,
      Activated_On__c: '2024-03-01',
    }),
    billingAccount(2, {
      Account__c: acme,
      Status__c: 'Canceled',
      Balance__c: 50.5,
      Activated_On__c: '2023-07-15',
    }),
    billingAccount(3, {
      Account__c: globex,
      Status__c: 'Active',
      Balance__c: null,
      Activated_On__c: '2024-11-30',
    }),
    billingAccount(4, { Account__c: globex, Status__c: 'Active', Balance__c: -3 }),
    billingAccount(5, { Status__c: null, Balance__c: 10 }),
  ]);
});
afterAll(() => emulator.close());

const rows = async (soql: string) => (await conn.query<Record<string, unknown>>(soql)).records;
const strip = (records: Array<Record<string, unknown>>) =>
  records.map(({ attributes, ...rest }) => {
    expect(attributes).toEqual({ type: 'AggregateResult' });
    return rest;
  });

describe('aggregate functions', () => {
  it('counts non-null values with COUNT(field), distinct ones with COUNT_DISTINCT, and rows with COUNT()', async () => {
    expect(
      strip(
        await rows('SELECT COUNT(Balance__c), COUNT(Id), COUNT_DISTINCT(Status__c) FROM CustomerAccount__c'),
      ),
    ).toEqual([{ expr0: 4, expr1: 5, expr2: 2 }]);
    const bare = await conn.query("SELECT COUNT() FROM CustomerAccount__c WHERE Status__c = 'Active'");
    expect(bare).toMatchObject({ totalSize: 3, done: true, records: [] });
  });

  it('computes MIN, MAX, SUM and AVG, numbering unaliased aggregates expr0..n around aliases', async () => {
    const [row] = strip(
      await rows(
        'SELECT MIN(Balance__c) low, MAX(Balance__c), SUM(Balance__c) total, AVG(Balance__c), MIN(Activated_On__c), MAX(Name) FROM CustomerAccount__c',
      ),
    );
    expect(row).toEqual({
      low: -3,
      expr0: 100,
      total: 157.5,
      expr1: 39.375,
      expr2: '2023-07-15',
      expr3: 'Billing 5',
    });
  });

  it('answers one row with nulls (and COUNT 0) when nothing matches', async () => {
    expect(
      strip(await rows("SELECT COUNT(Id), SUM(Balance__c) FROM CustomerAccount__c WHERE Name = 'none'")),
    ).toEqual([{ expr0: 0, expr1: null }]);
  });
});

describe('GROUP BY and HAVING', () => {
  it('groups by a field and a parent field, keeping the field name (or alias) as the key', async () => {
    const byStatus = strip(
      await rows(
        'SELECT Status__c, COUNT(Id) n FROM CustomerAccount__c GROUP BY Status__c ORDER BY Status__c NULLS LAST',
      ),
    );
    expect(byStatus).toEqual([
      { Status__c: 'Active', n: 3 },
      { Status__c: 'Canceled', n: 1 },
      { Status__c: null, n: 1 },
    ]);
    const byAccount = strip(
      await rows(
        'SELECT Account__r.Name acct, SUM(Balance__c) FROM CustomerAccount__c WHERE Account__c != null GROUP BY Account__r.Name ORDER BY Account__r.Name',
      ),
    );
    expect(byAccount).toEqual([
      { acct: 'Acme', expr0: 150.5 },
      { acct: 'Globex', expr0: -3 },
    ]);
  });

  it('filters groups with HAVING and orders them by an aggregate', async () => {
    const result = strip(
      await rows(
        'SELECT Status__c, COUNT(Id) FROM CustomerAccount__c GROUP BY Status__c HAVING COUNT(Id) > 1 ORDER BY COUNT(Id) DESC',
      ),
    );
    expect(result).toEqual([{ Status__c: 'Active', expr0: 3 }]);
    const sums = strip(
      await rows(
        'SELECT Account__c FROM CustomerAccount__c GROUP BY Account__c HAVING SUM(Balance__c) > 0 AND Account__c != null',
      ),
    );
    expect(sums).toHaveLength(1);
  });

  it('groups by a date function, named expr0 like an aggregate', async () => {
    const result = strip(
      await rows(
        'SELECT CALENDAR_YEAR(Activated_On__c), COUNT(Id) FROM CustomerAccount__c WHERE Activated_On__c != null GROUP BY CALENDAR_YEAR(Activated_On__c) ORDER BY CALENDAR_YEAR(Activated_On__c)',
      ),
    );
    expect(result).toEqual([
      { expr0: 2023, expr1: 1 },
      { expr0: 2024, expr1: 2 },
    ]);
  });

  it('describes aggregate columns for the sf CLI (columns=true)', async () => {
    const res = await raw(
      emulator,
      conn,
      'GET',
      `/services/data/v62.0/query?columns=true&q=${encodeURIComponent('SELECT Status__c, COUNT(Id) n FROM CustomerAccount__c GROUP BY Status__c')}`,
    );
    expect(res.json).toMatchObject({
      groupBy: true,
      columnMetadata: [
        { columnName: 'Status__c', aggregate: false },
        { columnName: 'n', aggregate: true, numberType: true },
      ],
    });
  });

  it('refuses what the reference refuses', async () => {
    await expect(
      rows('SELECT Name, COUNT(Id) FROM CustomerAccount__c GROUP BY Status__c'),
    ).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
      message: expect.stringContaining('Field must be grouped or aggregated: Name'),
    });
    await expect(rows('SELECT SUM(Name) FROM CustomerAccount__c')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
      message: expect.stringContaining('does not support aggregate operator SUM'),
    });
    await expect(rows('SELECT MAX(CreatedDate) FROM CustomerAccount__c LIMIT 1')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(
      rows('SELECT Last_Synced_At__c, COUNT(Id) FROM CustomerAccount__c GROUP BY Last_Synced_At__c'),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining("field 'Last_Synced_At__c' can not be grouped in a query call"),
    });
    await expect(rows('SELECT Name n FROM CustomerAccount__c')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
      message: expect.stringContaining('Only aggregate expressions use field aliasing'),
    });
    await expect(
      rows('SELECT Id, (SELECT Id FROM Account__r) FROM Account GROUP BY Id'),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });
});
