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

/** Creates through sObject Collections (allOrNone false) and returns the one record's errors. */
async function errorsOf(record: Record<string, unknown>, type = 'CustomerAccount__c') {
  const [result] = await conn.sobject(type).create([record], { allOrNone: false });
  return result?.success ? [] : (result as { errors: unknown[] }).errors;
}

describe('validation like an org', () => {
  it('refuses an unknown field for the whole request with INVALID_FIELD', async () => {
    await expect(
      conn.sobject('CustomerAccount__c').create(billingAccount(1, { Nope__c: 1 })),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Nope__c' on sobject of type CustomerAccount__c",
    });
  });

  it('refuses a value of the wrong type with JSON_PARSER_ERROR', async () => {
    await expect(
      conn.sobject('CustomerAccount__c').create(billingAccount(1, { Balance__c: 'lots' })),
    ).rejects.toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
    await expect(
      conn.sobject('CustomerAccount__c').create(billingAccount(1, { Activated_On__c: '2024-02-30' })),
    ).rejects.toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
  });

  it('refuses a value outside a restricted picklist', async () => {
    expect(await errorsOf(billingAccount(1, { Status__c: 'Paused' }))).toEqual([
      {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Status: bad value for restricted picklist field: Paused',
        fields: ['Status__c'],
      },
    ]);
    expect(await errorsOf(billingAccount(2, { Channels__c: 'Email;Fax' }))).toMatchObject([
      { statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' },
    ]);
    expect(await errorsOf(billingAccount(3, { Region__c: 'APAC', Channels__c: 'Email;Web' }))).toEqual([]);
  });

  it('refuses a string over the field length with STRING_TOO_LONG', async () => {
    expect(await errorsOf(billingAccount(1, { External_Id__c: 'x'.repeat(33) }))).toEqual([
      {
        statusCode: 'STRING_TOO_LONG',
        message: `External Id: data value too large: ${'x'.repeat(33)} (max length=32)`,
        fields: ['External_Id__c'],
      },
    ]);
  });

  it('reports missing required fields with REQUIRED_FIELD_MISSING', async () => {
    expect(await errorsOf({ Name: 'x' })).toEqual([
      {
        statusCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [AccountNumber__c]',
        fields: ['AccountNumber__c'],
      },
    ]);
  });

  it('refuses duplicates on unique and external-ID fields with DUPLICATE_VALUE', async () => {
    const [id] = emulator.insertRecords('CustomerAccount__c', [billingAccount(1)]);
    expect(await errorsOf(billingAccount(1, { AccountNumber__c: 'other' }))).toEqual([
      {
        statusCode: 'DUPLICATE_VALUE',
        message: `duplicate value found: External_Id__c duplicates value on record with id: ${id}`,
        fields: [],
      },
    ]);
  });

  it('refuses a lookup to a record that does not exist with INVALID_CROSS_REFERENCE_KEY', async () => {
    expect(await errorsOf(billingAccount(1, { Account__c: '001000000000099AAA' }))).toEqual([
      { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] },
    ]);
    expect(await errorsOf(billingAccount(2, { Account__c: '003000000000099AAA' }))).toMatchObject([
      { statusCode: 'FIELD_INTEGRITY_EXCEPTION' },
    ]);
  });

  it('resolves parents by external ID and reports a missing one as Salesforce words it', async () => {
    const [historyId] = emulator.insertRecords('Sync_History__c', [{ Session_Id__c: 'S-1' }]);
    const ok = await conn
      .sobject('Sync_Record_Error__c')
      .create({ External_Id__c: 'E-1', Sync_History__r: { Session_Id__c: 'S-1' } });
    expect(ok.success).toBe(true);
    expect(emulator.records('Sync_Record_Error__c')[0]).toMatchObject({ Sync_History__c: historyId });
    expect(
      await errorsOf(
        { External_Id__c: 'E-2', Sync_History__r: { Session_Id__c: 'S-404' } },
        'Sync_Record_Error__c',
      ),
    ).toEqual([
      {
        statusCode: 'INVALID_FIELD',
        message: 'Foreign key external ID: S-404 not found for field Session_Id__c in entity Sync_History__c',
        fields: [],
      },
    ]);
  });

  it('cascades deletes through master-detail and answers ENTITY_IS_DELETED afterwards', async () => {
    const [historyId] = emulator.insertRecords('Sync_History__c', [{ Session_Id__c: 'S-1' }]);
    const [errorId] = emulator.insertRecords('Sync_Record_Error__c', [
      { External_Id__c: 'E-1', Sync_History__c: historyId },
    ]);
    await conn.sobject('Sync_History__c').destroy(historyId as string);
    expect(emulator.records('Sync_Record_Error__c')).toHaveLength(0);
    await expect(
      conn.sobject('Sync_Record_Error__c').update({ Id: errorId as string, Error_Message__c: 'x' }),
    ).rejects.toMatchObject({
      errorCode: 'ENTITY_IS_DELETED',
    });
    expect(
      await errorsOf({ External_Id__c: 'E-2', Sync_History__c: historyId }, 'Sync_Record_Error__c'),
    ).toMatchObject([{ statusCode: 'ENTITY_IS_DELETED' }]);
  });

  it('refuses dates outside 1700-01-01..4000-12-31', async () => {
    expect(await errorsOf(billingAccount(1, { Activated_On__c: '1699-12-31' }))).toMatchObject([
      { statusCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['Activated_On__c'] },
    ]);
    expect(await errorsOf(billingAccount(2, { Last_Synced_At__c: '4001-01-01T00:00:00Z' }))).toMatchObject([
      { fields: ['Last_Synced_At__c'] },
    ]);
    expect(
      await errorsOf(
        billingAccount(3, {
          Activated_On__c: '1700-01-01',
          Last_Synced_At__c: '4000-12-31T00:00:00.000+0000',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses writes to formula and auto-number fields', async () => {
    expect(await errorsOf(billingAccount(1, { Balance_Label__c: 'x' }))).toMatchObject([
      { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Balance_Label__c'] },
    ]);
    const [id] = emulator.insertRecords('Sync_History__c', [{}]);
    expect(emulator.records('Sync_History__c')[0]).toMatchObject({
      Id: id,
      Name: 'SH-00001',
      Status__c: 'Queued',
    });
  });

  it('stores typed values: numbers rounded to scale, booleans, normalised datetimes', async () => {
    const [id] = emulator.insertRecords('CustomerAccount__c', [
      billingAccount(1, {
        Balance__c: 10.456,
        Auto_Pay__c: true,
        Last_Synced_At__c: '2025-03-01T10:00:00+02:00',
      }),
    ]);
    const rec = await conn.sobject('CustomerAccount__c').retrieve(id as string);
    expect(rec).toMatchObject({
      Balance__c: 10.46,
      Auto_Pay__c: true,
      Last_Synced_At__c: '2025-03-01T08:00:00.000+0000',
    });
    expect(await errorsOf(billingAccount(2, { Bill_Cycle_Day__c: 100 }))).toMatchObject([
      { statusCode: 'NUMBER_OUTSIDE_VALID_RANGE' },
    ]);
    expect(await errorsOf(billingAccount(3, { Bill_To_Email__c: 'not-an-email' }))).toMatchObject([
      { statusCode: 'INVALID_EMAIL_ADDRESS' },
    ]);
  });
});

describe('malformed requests', () => {
  it('answers bad JSON, unknown objects, wrong methods and unknown paths with Salesforce-shaped errors', async () => {
    const badJson = await raw(emulator, conn, 'POST', '/services/data/v62.0/sobjects/Account', '{"Name": ');
    expect(badJson.status).toBe(400);
    expect(badJson.json).toMatchObject([{ errorCode: 'JSON_PARSER_ERROR' }]);
    const unknownObject = await raw(emulator, conn, 'POST', '/services/data/v62.0/sobjects/Nope__c', '{}');
    expect(unknownObject).toMatchObject({ status: 404, json: [{ errorCode: 'NOT_FOUND' }] });
    const wrongMethod = await raw(
      emulator,
      conn,
      'PUT',
      '/services/data/v62.0/sobjects/Account/001000000000001AAA',
      '{}',
    );
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json).toMatchObject([{ errorCode: 'METHOD_NOT_ALLOWED' }]);
    const unknownPath = await raw(emulator, conn, 'GET', '/services/data/v62.0/nothing-here');
    expect(unknownPath).toMatchObject({ status: 404, json: [{ errorCode: 'NOT_FOUND' }] });
    const notAnArray = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/composite/sobjects',
      '{"records": 5}',
    );
    expect(notAnArray).toMatchObject({ status: 400, json: [{ errorCode: 'JSON_PARSER_ERROR' }] });
    const stillUp = await conn.query('SELECT Id FROM User');
    expect(stillUp.totalSize).toBe(1);
  });
});
