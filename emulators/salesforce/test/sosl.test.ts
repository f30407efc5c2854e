import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

// SOSL through jsforce's conn.search and parameterized search over HTTP, as documented:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_syntax.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search_parameterized.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  const [acme] = emulator.insertRecords('Account', [
    { Name: 'Acme Corporation', Phone: '(415) 555-0100' },
    { Name: 'Acme Import Company' },
    { Name: 'Globex' },
  ]);
  emulator.insertRecords('Contact', [
    { LastName: 'Road Runner', AccountId: acme, Email: 'runner@acme.example' },
    { LastName: 'Coyote', Email: 'wile@globex.example' },
  ]);
  emulator.insertRecords('CustomerAccount__c', [billingAccount(1, { Name: 'Acme Billing' })]);
});
afterAll(() => emulator.close());

type Found = Array<{ attributes: { type: string }; Name?: string; LastName?: string; Id: string }>;
const search = async (sosl: string) => (await conn.search(sosl)).searchRecords as unknown as Found;

describe('SOSL search', () => {
  it('finds whole words in every searchable object and answers Ids without RETURNING', async () => {
    const found = await search('FIND {acme}');
    expect(found.map((r) => r.attributes.type).sort()).toEqual([
      'Account',
      'Account',
      'Contact',
      'CustomerAccount__c',
    ]);
    expect(Object.keys(found[0] ?? {}).sort()).toEqual(['Id', 'attributes']);
  });

  it('returns the requested fields per object with WHERE, ORDER BY and LIMIT', async () => {
    const found = await search(
      "FIND {Acme} IN NAME FIELDS RETURNING Account(Name WHERE Name != 'Globex' ORDER BY Name DESC LIMIT 5), Contact(LastName)",
    );
    expect(found.map((r) => r.Name ?? r.LastName)).toEqual(['Acme Import Company', 'Acme Corporation']);
  });

  it('understands wildcards, phrases, AND NOT and field scopes', async () => {
    expect((await search('FIND {Acm*} RETURNING Account(Name ORDER BY Name)')).map((r) => r.Name)).toEqual([
      'Acme Corporation',
      'Acme Import Company',
    ]);
    expect((await search('FIND {"import company"} RETURNING Account(Name)')).map((r) => r.Name)).toEqual([
      'Acme Import Company',
    ]);
    expect((await search('FIND {acme AND NOT import} RETURNING Account(Name)')).map((r) => r.Name)).toEqual([
      'Acme Corporation',
    ]);
    expect(
      (await search('FIND {globex} IN EMAIL FIELDS RETURNING Contact(LastName), Account(Name)')).map(
        (r) => r.LastName,
      ),
    ).toEqual(['Coyote']);
    expect((await search('FIND {555} IN PHONE FIELDS RETURNING Account(Name)')).map((r) => r.Name)).toEqual([
      'Acme Corporation',
    ]);
  });

  it('refuses one-character terms, unknown objects, bad syntax and OFFSET with several objects', async () => {
    await expect(search('FIND {a}')).rejects.toMatchObject({ errorCode: 'INVALID_SEARCH' });
    await expect(search('FIND {acme} RETURNING Nope__c')).rejects.toMatchObject({
      errorCode: 'INVALID_TYPE',
    });
    await expect(search('FIND {acme} RETURNING Account(Nope__c)')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    await expect(search('FIND {acme} RETURNS Account')).rejects.toMatchObject({
      errorCode: 'MALFORMED_SEARCH',
    });
    await expect(
      search('FIND {acme} RETURNING Account(Name OFFSET 1), Contact(LastName)'),
    ).rejects.toMatchObject({
      errorCode: 'MALFORMED_SEARCH',
    });
  });
});

describe('parameterized search', () => {
  it('searches with query parameters (GET) and with a JSON body (POST)', async () => {
    const get = await raw(
      emulator,
      conn,
      'GET',
      '/services/data/v62.0/parameterizedSearch/?q=Acme&sobject=Account&Account.fields=Id,Name&Account.limit=1&in=NAME',
    );
    expect(get.status).toBe(200);
    expect((get.json as { searchRecords: unknown[] }).searchRecords).toHaveLength(1);
    const post = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/parameterizedSearch/',
      JSON.stringify({
        q: 'runner',
        fields: ['Id'],
        sobjects: [{ name: 'Contact', fields: ['LastName'] }],
        in: 'ALL',
      }),
    );
    expect((post.json as { searchRecords: Found }).searchRecords.map((r) => r.LastName)).toEqual([
      'Road Runner',
    ]);
    const missing = await raw(
      emulator,
      conn,
      'GET',
      '/services/data/v62.0/parameterizedSearch/?sobject=Account',
    );
    expect(missing.status).toBe(400);
  });
});
