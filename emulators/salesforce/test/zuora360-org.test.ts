// `orgSchema: 'zuora360'`: an org running Zuora 360 and Zuora Quotes (orgs/zuora360-org.json, namespaces kept) in
// place of the package's synced objects, with the package's own objects beside them; and `orgId`, the org a
// refreshed sandbox becomes. Read back as any client reads an org: describes, SOQL and the identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type jsforce from 'jsforce';
import { startSalesforceEmulator, type SalesforceEmulator } from '../src/index.js';
import { login } from './helpers.js';

const orgId = '00D8d0000000360EAA';
let emulator: SalesforceEmulator;
let conn: jsforce.Connection;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ orgSchema: 'zuora360', orgId });
  conn = await login(emulator);
}, 60_000);
afterAll(async () => {
  await emulator.close();
});

describe('the Zuora 360 org', () => {
  it("has Zuora 360's objects with their namespaced fields, keys and lookups", async () => {
    const account = await conn.describe('Zuora__CustomerAccount__c');
    const field = (name: string) => account.fields.find((f) => f.name === name);
    expect(field('Zuora__External_Id__c')?.externalId).toBe(true);
    expect(field('Zuora__Account__c')).toMatchObject({ type: 'reference', referenceTo: ['Account'] });
    expect(field('Zuora__Parent__c')?.referenceTo).toEqual(['Zuora__CustomerAccount__c']);
    const charge = await conn.describe('zqu__ProductRatePlanCharge__c');
    expect(charge.fields.find((f) => f.name === 'zqu__ZuoraId__c')?.externalId).toBe(true);
    const product = await conn.describe('Product2');
    expect(product.fields.some((f) => f.name === 'zqu__ZuoraId__c')).toBe(true);
  });

  it("keeps the package's own objects and drops those Zuora 360's replace", async () => {
    await expect(conn.describe('Sync_History__c')).resolves.toMatchObject({ name: 'Sync_History__c' });
    await expect(conn.describe('CustomerAccount__c')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('answers the configured org Id to SOQL and the identity', async () => {
    const result = await conn.query<{ Id: string }>('SELECT Id FROM Organization');
    expect(result.records.map((r) => r.Id)).toEqual([orgId]);
    const identity = await conn.identity();
    expect(identity.organization_id).toBe(orgId);
  });
});
