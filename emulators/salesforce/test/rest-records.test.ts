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

describe('sObject CRUD', () => {
  it('creates, reads, updates and deletes a record', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Acme', BillingCity: 'Paris' });
    expect(created).toMatchObject({ success: true });
    const id = created.id as string;
    expect(id).toMatch(/^001\w{15}$/);
    const read = await conn.sobject('Account').retrieve(id);
    expect(read).toMatchObject({
      Id: id,
      Name: 'Acme',
      BillingCity: 'Paris',
      attributes: { type: 'Account' },
    });
    expect(read.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    await conn.sobject('Account').update({ Id: id, Name: 'Acme 2' });
    expect((await conn.sobject('Account').retrieve(id)).Name).toBe('Acme 2');
    await conn.sobject('Account').destroy(id);
    await expect(conn.sobject('Account').retrieve(id)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    // A deleted record stays visible to queryAll with IsDeleted = true.
    const all = await conn.request<{ records: Array<{ IsDeleted: boolean }> }>(
      `/services/data/v62.0/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Account WHERE Id = '${id}'`)}`,
    );
    expect(all.records).toEqual([expect.objectContaining({ IsDeleted: true })]);
  });

  it('describes objects from the package metadata', async () => {
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Account', 'CustomerAccount__c', 'Sync_History__c']),
    );
    const describe = await conn.sobject('CustomerAccount__c').describe();
    const ext = describe.fields.find((f) => f.name === 'External_Id__c');
    expect(ext).toMatchObject({ type: 'string', length: 32, externalId: true, unique: true, idLookup: true });
    expect(
      describe.fields.find((f) => f.name === 'Status__c')?.picklistValues?.map((p): unknown => p.value),
    ).toEqual(['Active', 'Canceled']);
  });

  it('upserts a single record by external ID: 201 created, 200 updated, 300 multiple, 404 unknown field', async () => {
    const first = await raw(
      emulator,
      conn,
      'PATCH',
      '/services/data/v62.0/sobjects/CustomerAccount__c/External_Id__c/Z1',
      JSON.stringify({ Name: 'One', AccountNumber__c: 'A-1' }),
    );
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ success: true, created: true });
    const second = await raw(
      emulator,
      conn,
      'PATCH',
      '/services/data/v62.0/sobjects/CustomerAccount__c/External_Id__c/z1',
      JSON.stringify({ Name: 'One bis' }),
    );
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({
      success: true,
      created: false,
      id: (first.json as { id: string }).id,
    });
    const viaJsforce = await conn
      .sobject('CustomerAccount__c')
      .upsert({ External_Id__c: 'Z1', Name: 'Three' }, 'External_Id__c');
    expect(viaJsforce).toMatchObject({ success: true, created: false });

    // Product2.ExternalId is an external ID that is not unique: two matches answer 300.
    emulator.insertRecords('Product2', [
      { Name: 'P1', ExternalId: 'dup' },
      { Name: 'P2', ExternalId: 'dup' },
    ]);
    const multiple = await raw(
      emulator,
      conn,
      'PATCH',
      '/services/data/v62.0/sobjects/Product2/ExternalId/dup',
      JSON.stringify({ Name: 'x' }),
    );
    expect(multiple.status).toBe(300);
    expect(multiple.json).toHaveLength(2);
    const missingField = await raw(
      emulator,
      conn,
      'PATCH',
      '/services/data/v62.0/sobjects/CustomerAccount__c/Nope__c/1',
      JSON.stringify({}),
    );
    expect(missingField.status).toBe(404);
    const byMissingId = await raw(
      emulator,
      conn,
      'PATCH',
      '/services/data/v62.0/sobjects/CustomerAccount__c/Id/a008d0000000099AAA',
      JSON.stringify({ Name: 'x' }),
    );
    expect(byMissingId.status).toBe(404);
  });

  it('upserts collections by external ID with allowRecursive over 200 records', async () => {
    const records = Array.from({ length: 250 }, (_, i) => billingAccount(i));
    const before = emulator.stats().apiRequests;
    const created = await conn
      .sobject('CustomerAccount__c')
      .upsert(records, 'External_Id__c', { allowRecursive: true, allOrNone: false });
    expect(created).toHaveLength(250);
    expect(created.every((r) => r.success && (r as { created?: boolean }).created === true)).toBe(true);
    expect(emulator.stats().apiRequests - before).toBe(2); // 200 + 50
    const updated = await conn.sobject('CustomerAccount__c').upsert(
      records.map((r) => ({ ...r, Name: `${r.Name}!` })),
      'External_Id__c',
      { allowRecursive: true },
    );
    expect(updated.every((r) => (r as { created?: boolean }).created === false)).toBe(true);
    expect(emulator.records('CustomerAccount__c')).toHaveLength(250);
  });

  it('refuses more than 200 records in one collection with EXCEEDED_ID_LIMIT', async () => {
    const records = Array.from({ length: 201 }, (_, i) => billingAccount(i));
    await expect(conn.sobject('CustomerAccount__c').upsert(records, 'External_Id__c')).rejects.toMatchObject({
      errorCode: 'EXCEEDED_ID_LIMIT',
      message: 'record limit reached. cannot submit more than 200 records into this call',
    });
  });

  it('rolls a collection back with allOrNone and reports each record', async () => {
    const results = await conn
      .sobject('CustomerAccount__c')
      .create([billingAccount(1), { Name: 'no number' }], { allOrNone: true });
    expect(results[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }],
    });
    expect(results[1]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['AccountNumber__c'] }],
    });
    expect(emulator.records('CustomerAccount__c')).toHaveLength(0);
    const partial = await conn
      .sobject('CustomerAccount__c')
      .create([billingAccount(1), { Name: 'no number' }], { allOrNone: false });
    expect(partial.map((r) => r.success)).toEqual([true, false]);
  });

  it('updates and deletes collections', async () => {
    const [a, b] = emulator.insertRecords('CustomerAccount__c', [billingAccount(1), billingAccount(2)]);
    const updated = await conn.sobject('CustomerAccount__c').update([
      { Id: a as string, Status__c: 'Active' },
      { Id: b as string, Status__c: 'Bogus' },
    ]);
    expect(
      updated.map((r) => r.success),
      JSON.stringify(updated),
    ).toEqual([true, false]);
    const deleted = await conn.sobject('CustomerAccount__c').destroy([a as string, b as string]);
    expect(deleted.map((r) => r.success)).toEqual([true, true]);
    const again = await conn.sobject('CustomerAccount__c').destroy([a as string]);
    expect(again[0]).toMatchObject({ success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED' }] });
  });

  it('publishes platform events and keeps them for inspection', async () => {
    const published = await conn.sobject('Sync_Event__e').create({ Account_Id__c: '001000000000001' });
    expect(published.success).toBe(true);
    const missing = await raw(emulator, conn, 'POST', '/services/data/v62.0/sobjects/Sync_Event__e', '{}');
    expect(missing.status).toBe(400);
    const res = await fetch(`${emulator.url}/__emulator/events/Sync_Event__e`, {
      headers: { authorization: `Bearer ${emulator.adminToken}` },
    });
    expect(((await res.json()) as { events: unknown[] }).events).toEqual([
      expect.objectContaining({ Account_Id__c: '001000000000001' }),
    ]);
  });
});
