import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, startFixtureEmulator } from './helpers.js';

// WHERE clauses as the SOQL reference documents them, through unmodified jsforce.
// Ids: https://help.salesforce.com/s/articleView?id=000385008 (15- and 18-character Ids)
// Escapes: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
// Literal types: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
// OFFSET: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_offset.htm
// Logical operators: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_logicaloperators.htm
// FIELDS(): https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_fields.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let acme: string;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  [acme] = emulator.insertRecords('Account', [
    { Name: 'Acme' },
    { Name: 'Ter%' },
    { Name: 'Ter_x' },
    { Name: 'Terra' },
  ]) as [string];
  emulator.insertRecords('CustomerAccount__c', [
    billingAccount(1, {
      Account__c: acme,
      Last_Synced_At__c: '2025-01-02T10:00:00Z',
      Activated_On__c: '2025-01-02',
    }),
    billingAccount(2, { Name: 'Café' }),
  ]);
});
afterAll(() => emulator.close());

const names = async (soql: string) =>
  (await conn.query<{ Name: string }>(soql)).records.map((r) => r.Name).sort();

describe('Id comparisons', () => {
  it('matches a 15-character Id with its 18-character form, in = and IN, on Id and reference fields', async () => {
    const id15 = acme.slice(0, 15);
    expect(await names(`SELECT Name FROM Account WHERE Id = '${id15}'`)).toEqual(['Acme']);
    expect(await names(`SELECT Name FROM Account WHERE Id IN ('${acme}', '${id15}')`)).toEqual(['Acme']);
    expect(await names(`SELECT Name FROM CustomerAccount__c WHERE Account__c = '${id15}'`)).toEqual([
      'Billing 1',
    ]);
  });

  it('compares Ids case-sensitively and refuses a malformed Id', async () => {
    // Record numbers 10 and 36 end in 'A' and 'a' in base 62: 15-character Ids differing only in case.
    const ids = emulator.insertRecords(
      'Account',
      Array.from({ length: 40 }, (_, i) => ({ Name: `Case ${i}` })),
    );
    const upper = ids.find((id) => /A$/.test(id.slice(0, 15))) as string;
    const lower = ids.find((id) => id.slice(0, 15) === `${upper.slice(0, 14)}a`) as string;
    expect(lower).toBeDefined();
    const one = await conn.query<{ Id: string }>(`SELECT Id FROM Account WHERE Id = '${upper.slice(0, 15)}'`);
    expect(one.records.map((r) => r.Id)).toEqual([upper]);
    const other = await conn.query<{ Id: string }>(
      `SELECT Id FROM Account WHERE Id = '${lower.slice(0, 15)}'`,
    );
    expect(other.records.map((r) => r.Id)).toEqual([lower]);
    await expect(conn.query("SELECT Name FROM Account WHERE Id = 'not-an-id'")).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
      message: expect.stringContaining('invalid ID field: not-an-id'),
    });
    await expect(conn.query("SELECT Name FROM Account WHERE Id LIKE '001%'")).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
    });
  });
});

describe('string literals and LIKE', () => {
  it('treats \\% and \\_ as literal characters in LIKE', async () => {
    expect(await names("SELECT Name FROM Account WHERE Name LIKE 'Ter%'")).toEqual([
      'Ter%',
      'Ter_x',
      'Terra',
    ]);
    expect(await names("SELECT Name FROM Account WHERE Name LIKE 'Ter\\%'")).toEqual(['Ter%']);
    expect(await names("SELECT Name FROM Account WHERE Name LIKE 'Ter\\_%'")).toEqual(['Ter_x']);
    expect(await names("SELECT Name FROM Account WHERE Name LIKE 'T_r_a'")).toEqual(['Terra']);
  });

  it('decodes \\uXXXX and refuses other escapes, and \\% outside LIKE', async () => {
    expect(await names("SELECT Name FROM CustomerAccount__c WHERE Name = 'Caf\\u00e9'")).toEqual(['Café']);
    await expect(conn.query("SELECT Name FROM Account WHERE Name = 'a\\qb'")).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query("SELECT Name FROM Account WHERE Name = 'Ter\\%'")).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
  });

  it('matches long wildcard patterns in linear time', async () => {
    const pattern = `${'%a'.repeat(200)}%`;
    expect(await names(`SELECT Name FROM Account WHERE Name LIKE '${pattern}'`)).toEqual([]);
  });
});

describe('literal types', () => {
  it('refuses a date on a dateTime field and a dateTime on a date field, as the API words it', async () => {
    await expect(
      conn.query('SELECT Name FROM CustomerAccount__c WHERE Last_Synced_At__c > 2025-01-01'),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining(
        "value of filter criterion for field 'Last_Synced_At__c' must be of type dateTime and should not be enclosed in quotes",
      ),
    });
    await expect(
      conn.query('SELECT Name FROM CustomerAccount__c WHERE Activated_On__c = 2025-01-02T00:00:00Z'),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining("field 'Activated_On__c' must be of type date"),
    });
    expect(await names('SELECT Name FROM CustomerAccount__c WHERE Activated_On__c = 2025-01-02')).toEqual([
      'Billing 1',
    ]);
    expect(
      await names('SELECT Name FROM CustomerAccount__c WHERE Last_Synced_At__c >= 2025-01-02T11:00:00+02:00'),
    ).toEqual(['Billing 1']);
  });

  it('refuses quoted numbers and unquoted strings', async () => {
    await expect(
      conn.query("SELECT Name FROM CustomerAccount__c WHERE Balance__c = '5'"),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining('must be of type double and should not be enclosed in quotes'),
    });
    await expect(conn.query('SELECT Name FROM CustomerAccount__c WHERE Name = 5')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining('must be of type string and should be enclosed in quotes'),
    });
    await expect(
      conn.query("SELECT Name FROM CustomerAccount__c WHERE Auto_Pay__c = 'true'"),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
  });
});

describe('clauses and limits', () => {
  it('answers NUMBER_OUTSIDE_VALID_RANGE for OFFSET over 2,000', async () => {
    await expect(conn.query('SELECT Name FROM Account LIMIT 10 OFFSET 2001')).rejects.toMatchObject({
      errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
      message: expect.stringContaining('Maximum SOQL offset allowed is 2000'),
    });
    expect(await names('SELECT Name FROM Account ORDER BY Name LIMIT 10 OFFSET 2000')).toEqual([]);
  });

  it('requires parentheses when AND and OR are mixed', async () => {
    await expect(
      conn.query("SELECT Name FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'Acme'"),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    expect(
      await names("SELECT Name FROM Account WHERE (Name = 'a' AND Name = 'b') OR Name = 'Acme'"),
    ).toEqual(['Acme']);
  });

  it('expands FIELDS(STANDARD) and needs LIMIT 200 for FIELDS(ALL)', async () => {
    const res = await conn.query<Record<string, unknown>>(
      "SELECT FIELDS(STANDARD) FROM Account WHERE Name = 'Acme'",
    );
    expect(res.records[0]).toMatchObject({ Name: 'Acme', Id: acme });
    await expect(conn.query('SELECT FIELDS(ALL) FROM Account')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    const all = await conn.query<Record<string, unknown>>(
      'SELECT FIELDS(ALL) FROM CustomerAccount__c LIMIT 200',
    );
    expect(all.records[0]).toHaveProperty('External_Id__c');
  });

  it('refuses filters on long text areas and ORDER BY on multi-select picklists', async () => {
    await expect(
      conn.query("SELECT Name FROM CustomerAccount__c WHERE Last_Sync_Error__c = 'x'"),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining('can not be filtered'),
    });
    await expect(
      conn.query('SELECT Name FROM CustomerAccount__c ORDER BY Channels__c'),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining('can not be sorted'),
    });
  });
});
