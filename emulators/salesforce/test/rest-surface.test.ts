import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

// The REST resources clients use beyond CRUD, through unmodified jsforce where it has a method.
// Collections retrieve: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_retrieve.htm
// Composite Batch: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_batch.htm
// sObject Tree: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobject_tree.htm
// Upsert updateOnly: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
// Conditional requests: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_conditional_requests.htm
// Retired versions: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/api_rest_eol.htm

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
const v = '/services/data/v62.0';

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
});
afterAll(() => emulator.close());

describe('sObject Collections retrieve', () => {
  it('answers jsforce retrieve([ids]) in order with null for an unmatched or invalid Id', async () => {
    const ids = emulator.insertRecords('Account', [{ Name: 'One' }, { Name: 'Two' }]);
    const missing = `${(ids[0] as string).slice(0, 9)}zzzzzz`;
    const records = await conn.retrieve('Account', [ids[1] as string, missing, ids[0] as string], {
      fields: ['Name'],
    });
    expect(records.map((r) => (r as { Name?: string } | null)?.Name ?? null)).toEqual(['Two', null, 'One']);
    const get = await raw(
      emulator,
      conn,
      'GET',
      `${v}/composite/sobjects/Account?ids=${ids.join(',')},bad&fields=Id,Name`,
    );
    expect(get.status).toBe(200);
    expect(get.json).toEqual([
      expect.objectContaining({ Id: ids[0], Name: 'One' }),
      expect.objectContaining({ Id: ids[1], Name: 'Two' }),
      null,
    ]);
    const badField = await raw(
      emulator,
      conn,
      'GET',
      `${v}/composite/sobjects/Account?ids=${ids[0]}&fields=Nope`,
    );
    expect(badField).toMatchObject({ status: 400, json: [{ errorCode: 'INVALID_FIELD' }] });
  });
});

describe('Composite Batch', () => {
  it('runs independent subrequests and halts after an error with 412 BATCH_PROCESSING_HALTED', async () => {
    const [id] = emulator.insertRecords('Account', [{ Name: 'Batch' }]);
    const res = await conn.requestPost<{
      hasErrors: boolean;
      results: Array<{ statusCode: number; result: unknown }>;
    }>(`${v}/composite/batch`, {
      haltOnError: true,
      batchRequests: [
        { method: 'PATCH', url: `v62.0/sobjects/Account/${id}`, richInput: { Name: 'Batched' } },
        { method: 'GET', url: `v62.0/sobjects/Account/${id}?fields=Name` },
        { method: 'GET', url: 'v62.0/sobjects/Nope__c/describe' },
        { method: 'GET', url: 'v62.0/limits' },
      ],
    });
    expect(res.hasErrors).toBe(true);
    expect(res.results.map((r) => r.statusCode)).toEqual([204, 200, 404, 412]);
    expect(res.results[1]?.result).toMatchObject({ Name: 'Batched' });
    expect(res.results[3]?.result).toEqual([
      expect.objectContaining({ errorCode: 'BATCH_PROCESSING_HALTED' }),
    ]);
    const malformed = await raw(
      emulator,
      conn,
      'POST',
      `${v}/composite/batch`,
      JSON.stringify({ batchRequests: [{ url: 'x' }] }),
    );
    expect(malformed.status).toBe(400);
  });
});

describe('sObject Tree', () => {
  it('creates nested records root level first and answers 201 with every referenceId', async () => {
    const res = await raw(
      emulator,
      conn,
      'POST',
      `${v}/composite/tree/Account`,
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Account', referenceId: 'acc1' },
            Name: 'Tree Co',
            Contacts: {
              records: [{ attributes: { type: 'Contact', referenceId: 'con1' }, LastName: 'Leaf' }],
            },
          },
          { attributes: { type: 'Account', referenceId: 'acc2' }, Name: 'Second' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const body = res.json as { hasErrors: boolean; results: Array<{ referenceId: string; id: string }> };
    expect(body.hasErrors).toBe(false);
    expect(body.results.map((r) => r.referenceId)).toEqual(['acc1', 'acc2', 'con1']);
    const contact = await conn.query<{ Account: { Name: string } }>(
      `SELECT Account.Name FROM Contact WHERE Id = '${body.results[2]?.id}'`,
    );
    expect(contact.records[0]?.Account.Name).toBe('Tree Co');
  });

  it('rolls back everything and names the failing reference; reports duplicate referenceIds', async () => {
    const before = emulator.records('Account').length;
    const failing = await raw(
      emulator,
      conn,
      'POST',
      `${v}/composite/tree/Account`,
      JSON.stringify({
        records: [
          { attributes: { type: 'Account', referenceId: 'ok' }, Name: 'Fine' },
          { attributes: { type: 'Account', referenceId: 'bad' }, Description: 'no name' },
        ],
      }),
    );
    expect(failing.status).toBe(400);
    expect(failing.json).toEqual({
      hasErrors: true,
      results: [
        { referenceId: 'bad', errors: [expect.objectContaining({ statusCode: 'REQUIRED_FIELD_MISSING' })] },
      ],
    });
    expect(emulator.records('Account')).toHaveLength(before);
    const dupes = await raw(
      emulator,
      conn,
      'POST',
      `${v}/composite/tree/Account`,
      JSON.stringify({
        records: [
          { attributes: { type: 'Account', referenceId: 'r' }, Name: 'A' },
          { attributes: { type: 'Account', referenceId: 'r' }, Name: 'B' },
        ],
      }),
    );
    expect(dupes.status).toBe(400);
    expect((dupes.json as { results: unknown[] }).results).toHaveLength(2);
  });
});

describe('sObject Rows by External ID', () => {
  it('updates only with updateOnly=true, deletes by external ID and creates with POST /Id', async () => {
    const path = `${v}/sobjects/CustomerAccount__c/External_Id__c`;
    const refused = await raw(
      emulator,
      conn,
      'PATCH',
      `${path}/UO-1?updateOnly=true`,
      JSON.stringify({ Name: 'x', AccountNumber__c: '1' }),
    );
    expect(refused).toMatchObject({ status: 404, json: [{ errorCode: 'NOT_FOUND' }] });
    expect(emulator.records('CustomerAccount__c').some((r) => r.External_Id__c === 'UO-1')).toBe(false);
    const created = await raw(
      emulator,
      conn,
      'PATCH',
      `${path}/UO-1`,
      JSON.stringify({ Name: 'x', AccountNumber__c: '1' }),
    );
    expect(created).toMatchObject({ status: 201, json: { created: true, success: true } });
    const updated = await raw(
      emulator,
      conn,
      'PATCH',
      `${path}/UO-1?updateOnly=true`,
      JSON.stringify({ Name: 'y' }),
    );
    expect(updated).toMatchObject({ status: 200, json: { created: false } });
    expect((await raw(emulator, conn, 'DELETE', `${path}/UO-1`)).status).toBe(204);
    expect((await raw(emulator, conn, 'GET', `${path}/UO-1`)).status).toBe(404);
    const viaId = await raw(
      emulator,
      conn,
      'POST',
      `${v}/sobjects/Account/Id`,
      JSON.stringify({ Name: 'By Id' }),
    );
    expect(viaId).toMatchObject({ status: 201, json: { success: true } });
  });
});

describe('conditional requests, URIs and versions', () => {
  it('answers 304 to If-Modified-Since on describe and 412 to a stale If-Unmodified-Since', async () => {
    const later = new Date(Date.now() + 60_000).toUTCString();
    const describe = await fetch(`${emulator.url}${v}/sobjects/Account/describe`, {
      headers: { authorization: `Bearer ${conn.accessToken ?? ''}`, 'if-modified-since': later },
    });
    expect(describe.status).toBe(304);
    expect(await describe.text()).toBe('');
    const earlier = new Date(Date.now() - 86_400_000).toUTCString();
    const fresh = await fetch(`${emulator.url}${v}/sobjects/Account/describe`, {
      headers: { authorization: `Bearer ${conn.accessToken ?? ''}`, 'if-modified-since': earlier },
    });
    expect(fresh.status).toBe(200);
    const [id] = emulator.insertRecords('Account', [{ Name: 'Cond' }]);
    const stale = await fetch(`${emulator.url}${v}/sobjects/Account/${id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${conn.accessToken ?? ''}`,
        'content-type': 'application/json',
        'if-unmodified-since': earlier,
      },
      body: JSON.stringify({ Name: 'Changed' }),
    });
    expect(stale.status).toBe(412);
  });

  it('accepts documented URIs with a trailing slash', async () => {
    expect((await raw(emulator, conn, 'GET', `${v}/sobjects/Account/describe/`)).status).toBe(200);
    expect((await raw(emulator, conn, 'GET', `${v}/limits/`)).status).toBe(200);
    expect((await raw(emulator, conn, 'GET', '/services/data/')).status).toBe(200);
  });

  it('answers 410 for retired API versions and 404 for unknown ones', async () => {
    const retired = await raw(emulator, conn, 'GET', '/services/data/v20.0/limits');
    expect(retired.status).toBe(410);
    expect((await raw(emulator, conn, 'GET', '/services/data/v99.0/limits')).status).toBe(404);
    const versions = (await raw(emulator, conn, 'GET', '/services/data')).json as Array<{
      version: string;
      label: string;
    }>;
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(versions.find((x) => x.version === '62.0')?.label).toBe("Winter '25");
  });
});

describe('describe as an org answers it', () => {
  it('reports system fields as the platform sets them and child relationships from the metadata', async () => {
    emulator.insertRecords('CustomerAccount__c', [billingAccount(90)]);
    const d = await conn.sobject('CustomerAccount__c').describe();
    const field = (name: string) => d.fields.find((f) => f.name === name);
    expect(field('Id')).toMatchObject({
      nillable: false,
      createable: false,
      defaultedOnCreate: true,
      idLookup: true,
    });
    expect(field('OwnerId')).toMatchObject({
      nillable: false,
      createable: true,
      updateable: true,
      defaultedOnCreate: true,
    });
    expect(field('CreatedDate')).toMatchObject({
      nillable: false,
      createable: false,
      defaultedOnCreate: true,
      groupable: false,
    });
    expect(field('IsDeleted')).toMatchObject({
      nillable: false,
      defaultedOnCreate: true,
      aggregatable: false,
    });
    expect(field('Last_Sync_Error__c')).toMatchObject({
      filterable: false,
      sortable: false,
      groupable: false,
    });
    expect(field('External_Id__c')).toMatchObject({
      nillable: true,
      defaultedOnCreate: false,
      idLookup: true,
      permissionable: true,
    });
    const detail = (await conn.sobject('Sync_Record_Error__c').describe()).fields.find(
      (f) => f.name === 'Sync_History__c',
    );
    expect(detail).toMatchObject({
      type: 'reference',
      cascadeDelete: true,
      relationshipOrder: 0,
      nillable: false,
    });
    const account = await conn.sobject('Account').describe();
    expect(account.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' }),
    );
    expect(account.childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'CustomerAccount__c',
        field: 'Account__c',
        relationshipName: 'Account__r',
      }),
    );
    const user = await conn.sobject('User').describe();
    expect(user.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'Account', field: 'OwnerId', relationshipName: null }),
    );
    expect(account.recordTypeInfos).toEqual([
      expect.objectContaining({ master: true, recordTypeId: '012000000000000AAA' }),
    ]);
  });
});
