// An org that already holds metadata before the package: another application's object under a package name,
// a field with another definition, a child relationship name taken on Account, Apex classes. Read back the
// way any client reads an org: the global describe, object describes and SOQL on ApexClass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type jsforce from 'jsforce';
import { startSalesforceEmulator, type SalesforceEmulator } from '../src/index.js';
import { login } from './helpers.js';

interface Described {
  label: string;
  fields: {
    name: string;
    type: string;
    length: number;
    precision: number;
    scale: number;
    externalId: boolean;
  }[];
  childRelationships: { childSObject: string; field: string; relationshipName: string | null }[];
}

let planted: SalesforceEmulator;
let clean: SalesforceEmulator;
let conn: jsforce.Connection;
let cleanConn: jsforce.Connection;

beforeAll(async () => {
  planted = await startSalesforceEmulator({
    orgMetadata: {
      objects: [
        {
          name: 'Payment__c',
          label: 'Card Payment',
          fields: [{ name: 'Amount__c', type: 'double', precision: 16, scale: 2 }],
        },
        {
          name: 'Legacy_Invoice__c',
          label: 'Legacy Invoice',
          fields: [
            {
              name: 'Account__c',
              type: 'reference',
              referenceTo: 'Account',
              childRelationshipName: 'Invoices__r',
            },
          ],
        },
      ],
      fields: [{ object: 'Product2', name: 'ZuoraId__c', type: 'string', length: 18 }],
      apexClasses: [
        { name: 'SyncResult', body: 'public class SyncResult {}' },
        { name: 'SyncResult', body: 'global class SyncResult {}', namespacePrefix: 'zqu' },
      ],
      apexTriggers: [
        { name: 'PaymentTrigger', body: 'trigger PaymentTrigger on Payment__c (before insert) {}' },
      ],
    },
  });
  clean = await startSalesforceEmulator();
  conn = await login(planted);
  cleanConn = await login(clean);
}, 180_000);
afterAll(async () => {
  await planted.close();
  await clean.close();
});

describe('pre-existing org metadata', () => {
  it("replaces a package object by the org's own, and a field by the org's definition", async () => {
    const payment = (await conn.describe('Payment__c')) as unknown as Described;
    expect(payment.label).toBe('Card Payment');
    expect(payment.fields.find((f) => f.name === 'Amount__c')).toMatchObject({
      type: 'double',
      precision: 16,
      scale: 2,
    });
    expect(payment.fields.some((f) => f.name === 'External_Id__c')).toBe(false);
    const product = (await conn.describe('Product2')) as unknown as Described;
    expect(product.fields.find((f) => f.name === 'ZuoraId__c')).toMatchObject({
      type: 'string',
      length: 18,
      externalId: false,
    });
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Legacy_Invoice__c', 'ApexClass', 'ApexTrigger']),
    );
  });

  it("names child relationships as metadata does, the planted one next to the package's", async () => {
    const account = (await conn.describe('Account')) as unknown as Described;
    const invoices = account.childRelationships.filter((r) => r.relationshipName === 'Invoices__r');
    expect(invoices.map((r) => `${r.childSObject}.${r.field}`).sort()).toEqual([
      'Legacy_Invoice__c.Account__c',
      'ZInvoice__c.Account__c',
    ]);
    const cleanAccount = (await cleanConn.describe('Account')) as unknown as Described;
    expect(cleanAccount.childRelationships.filter((r) => r.relationshipName === 'Invoices__r')).toEqual([
      expect.objectContaining({ childSObject: 'ZInvoice__c', field: 'Account__c' }),
    ]);
  });

  it('answers SOQL on ApexClass and ApexTrigger, empty in a clean org', async () => {
    const classes = await conn.query<{ Name: string; NamespacePrefix: string | null; Body: string }>(
      "SELECT Name, NamespacePrefix, Body FROM ApexClass WHERE Name IN ('SyncResult', 'Nope')",
    );
    expect(classes.records.map((r) => [r.NamespacePrefix, r.Body])).toEqual(
      expect.arrayContaining([
        [null, 'public class SyncResult {}'],
        ['zqu', 'global class SyncResult {}'],
      ]),
    );
    const triggers = await conn.query<{ Name: string }>('SELECT Name FROM ApexTrigger');
    expect(triggers.records.map((r) => r.Name)).toEqual(['PaymentTrigger']);
    expect((await cleanConn.query('SELECT Name FROM ApexClass')).totalSize).toBe(0);
  });
});
