import type jsforce from 'jsforce';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CPQ_PACKAGE_DIR,
  DEFAULT_PACKAGE_DIRS,
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../src/index.js';
import { product, smallOrg } from './cpq-helpers.js';
import { fixtureForceApp, login, raw, startFixtureEmulator } from './helpers.js';

// The CPQ data model as an org describes and guards it:
// - read-only system, auto-number, formula and status fields refused on write with one
//   INVALID_FIELD_FOR_INSERT_UPDATE naming every field ("Unable to create/update fields: LastModifiedDate,
//   IsDeleted, ... Please check the security settings of this field and verify that it is read/write for
//   your profile or permission set.", https://github.com/SalesforceCommerceCloud/b2c-crm-sync/issues/272;
//   system fields: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm);
// - child relationship names as the org gives them (OrderItems, Orders, managed `SBQQ__...__r`), which
//   parent-to-child subqueries use;
// - compound addresses returned as one structure
//   (https://developer.salesforce.com/docs/platform/object-reference/guide/compound-fields-address.html);
// - package metadata fields merged into standard and CPQ objects, as for Account.

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ cpqContractingDelayMs: 600_000 });
  conn = await login(emulator);
  await smallOrg(emulator);
});
afterAll(() => emulator.close());

const children = (d: {
  childRelationships: Array<{
    childSObject: string;
    field: string;
    relationshipName?: string | null | undefined;
  }>;
}) => d.childRelationships.map((r) => `${r.childSObject}.${r.field}=${String(r.relationshipName)}`);

describe('CPQ schema: describe', () => {
  it('describes Order, OrderItem and the CPQ objects with their read-only fields and types', async () => {
    const order = await conn.sobject('Order').describe();
    const field = (name: string) => order.fields.find((f) => f.name === name);
    expect(field('OrderNumber')).toMatchObject({
      autoNumber: true,
      createable: false,
      updateable: false,
      type: 'string',
    });
    expect(field('StatusCode')).toMatchObject({ type: 'picklist', createable: false, updateable: false });
    expect(field('ActivatedDate')).toMatchObject({ type: 'datetime', createable: false, updateable: true });
    expect(field('BillingAddress')).toMatchObject({
      type: 'address',
      soapType: 'urn:address',
      createable: false,
    });
    expect((field('Status')?.picklistValues ?? []).map((v): unknown => v.value)).toEqual([
      'Draft',
      'Activated',
    ]);
    expect(field('InvoiceOwner__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'InvoiceOwner__r',
    });
    const sub = await conn.sobject('SBQQ__Subscription__c').describe();
    expect(sub.fields.find((f) => f.name === 'SBQQ__StartDate__c')).toMatchObject({
      calculated: true,
      createable: false,
    });
    expect(sub.fields.find((f) => f.name === 'Name')).toMatchObject({ autoNumber: true, createable: false });
    const item = await conn.sobject('OrderItem').describe();
    expect(
      (item.fields.find((f) => f.name === 'SBQQ__ContractAction__c')?.picklistValues ?? []).map(
        (v): unknown => v.value,
      ),
    ).toEqual(['New', 'Quantity Increase', 'Quantity Decrease', 'Cancel', 'Renew']);
  });

  it('names child relationships as an org does', async () => {
    expect(children(await conn.sobject('Order').describe())).toEqual(
      expect.arrayContaining([
        'OrderItem.OrderId=OrderItems',
        'Contract.SBQQ__Order__c=SBQQ__Contracts__r',
        'Order.OriginalOrderId=Orders',
      ]),
    );
    expect(children(await conn.sobject('Account').describe())).toEqual(
      expect.arrayContaining([
        'Contact.AccountId=Contacts',
        'Opportunity.AccountId=Opportunities',
        'Order.AccountId=Orders',
        'Contract.AccountId=Contracts',
        'Account.ParentId=ChildAccounts',
        'SBQQ__Subscription__c.SBQQ__Account__c=SBQQ__Subscriptions__r',
      ]),
    );
    expect(children(await conn.sobject('SBQQ__Subscription__c').describe())).toEqual(
      expect.arrayContaining([
        'SBQQ__Subscription__c.SBQQ__RevisedSubscription__c=SBQQ__Revisions__r',
        'OrderItem.SBQQ__Subscription__c=SBQQ__SubscriptionOrderProducts__r',
      ]),
    );
    const oics = await conn.sobject('SBQQ__OrderItemConsumptionSchedule__c').describe();
    expect(oics.childRelationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          childSObject: 'SBQQ__OrderItemConsumptionRate__c',
          relationshipName: 'SBQQ__OrderItemConsumptionRates__r',
          cascadeDelete: true,
        }),
      ]),
    );
    expect(children(await conn.sobject('OrderItem').describe())).toEqual(
      expect.arrayContaining(['OrderItem.SBQQ__RevisedOrderProduct__c=SBQQ__RevisingOrderProducts__r']),
    );
  });

  it('returns compound addresses as one structure in records and queries', async () => {
    const created = await conn.sobject('Account').create({
      Name: 'Addressed',
      BillingCity: 'Austin',
      BillingState: 'TX',
      BillingCountry: 'United States',
    });
    const rec = (await conn.sobject('Account').retrieve(created.id as string)) as unknown as Record<
      string,
      unknown
    >;
    expect(rec.BillingAddress).toEqual({
      city: 'Austin',
      country: 'United States',
      geocodeAccuracy: null,
      latitude: null,
      longitude: null,
      postalCode: null,
      state: 'TX',
      street: null,
    });
    expect(rec.ShippingAddress).toBeNull();
    const q = await conn.query<Record<string, unknown>>(
      `SELECT BillingAddress FROM Account WHERE Id = '${String(created.id)}'`,
    );
    expect(q.records[0]?.BillingAddress).toMatchObject({ city: 'Austin' });
  });
});

describe('CPQ schema: read-only fields refused on write', () => {
  const expectRefused = (res: { status: number; json: unknown }, fields: string[]) => {
    expect(res.status).toBe(400);
    expect(res.json).toEqual([
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields,
      },
    ]);
  };

  it('refuses system, auto-number and status fields on create and update', async () => {
    const account = emulator.records('Account')[0]?.Id as string;
    const create = await raw(
      emulator,
      conn,
      'POST',
      '/services/data/v62.0/sobjects/Order',
      JSON.stringify({
        AccountId: account,
        EffectiveDate: '2026-01-01',
        CreatedDate: '2020-01-01T00:00:00.000Z',
        LastModifiedDate: '2020-01-01T00:00:00.000Z',
        SystemModstamp: '2020-01-01T00:00:00.000Z',
        OrderNumber: '00000001',
        StatusCode: 'Activated',
        TotalAmount: 10,
      }),
    );
    expectRefused(create, [
      'CreatedDate',
      'LastModifiedDate',
      'SystemModstamp',
      'OrderNumber',
      'StatusCode',
      'TotalAmount',
    ]);
    const sub = emulator.records('SBQQ__Subscription__c')[0]?.Id as string;
    const update = await raw(
      emulator,
      conn,
      'PATCH',
      `/services/data/v62.0/sobjects/SBQQ__Subscription__c/${sub}`,
      JSON.stringify({
        Name: 'SUB-9999999',
        SBQQ__StartDate__c: '2020-01-01',
        SBQQ__Quantity__c: 3,
      }),
    );
    expectRefused(update, ['Name', 'SBQQ__StartDate__c']);
    const item = emulator.records('OrderItem')[0]?.Id as string;
    const itemUpdate = await raw(
      emulator,
      conn,
      'PATCH',
      `/services/data/v62.0/sobjects/OrderItem/${item}`,
      JSON.stringify({ OrderItemNumber: '1', TotalPrice: 1, ListPrice: 2 }),
    );
    expectRefused(itemUpdate, ['OrderItemNumber', 'TotalPrice', 'ListPrice']);
  });

  it('refuses them per record in collections and Bulk jobs', async () => {
    const account = emulator.records('Account')[0]?.Id as string;
    const [result] = await conn
      .sobject('Order')
      .create([{ AccountId: account, EffectiveDate: '2026-01-01', OrderNumber: '1' }], { allOrNone: false });
    expect(result).toMatchObject({
      success: false,
      errors: [
        expect.objectContaining({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['OrderNumber'] }),
      ],
    });
    const bulk = await conn.bulk2.loadAndWaitForResults({
      object: 'Contract',
      operation: 'insert',
      input: `AccountId,StartDate,ContractTerm,ContractNumber,EndDate\n${account},2026-01-01,12,X-1,2026-12-31\n${account},2026-01-01,12,,\n`,
      pollInterval: 20,
      pollTimeout: 10_000,
    });
    expect(bulk.failedResults.map((r) => r.sf__Error)).toEqual([
      'INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ContractNumber, EndDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.:ContractNumber,EndDate --',
    ]);
    expect(bulk.successfulResults).toHaveLength(1);
    const [contract] = (
      await conn.query<Record<string, unknown>>(
        `SELECT ContractNumber, EndDate, StatusCode FROM Contract WHERE Id = '${String(bulk.successfulResults[0]?.sf__Id)}'`,
      )
    ).records;
    expect(contract).toMatchObject({ EndDate: '2026-12-31', StatusCode: 'Draft' });
    expect(contract?.ContractNumber).toMatch(/^\d{8}$/);
  });
});

describe('CPQ schema: package metadata', () => {
  it('merges the package fields on Order, OrderItem, Account and SBQQ__Subscription__c', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-cpq-schema-'));
    try {
      cpSync(fixtureForceApp, dir, { recursive: true });
      const field = (object: string, name: string) => {
        mkdirSync(join(dir, 'main/default/objects', object, 'fields'), { recursive: true });
        writeFileSync(
          join(dir, 'main/default/objects', object, 'fields', `${name}.field-meta.xml`),
          `<?xml version="1.0"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label><type>Text</type><length>100</length></CustomField>`,
        );
      };
      field('Order', 'Zuora_Order_Number__c');
      field('OrderItem', 'Zuora_Charge_Number__c');
      field('SBQQ__Subscription__c', 'Zuora_Subscription_Number__c');
      field('Account', 'Zuora_Account_Id__c');
      const packaged = await startSalesforceEmulator({
        forceAppDir: dir,
        cpqScenario: { seed: 3, size: 'XS', accountCount: 2, orderCount: 2 },
      });
      try {
        const c = await login(packaged);
        const order = packaged.records('Order')[0]?.Id as string;
        await c.sobject('Order').update({ Id: order, Zuora_Order_Number__c: 'O-1' });
        const sub = packaged.records('SBQQ__Subscription__c')[0]?.Id as string;
        await c.sobject('SBQQ__Subscription__c').update({ Id: sub, Zuora_Subscription_Number__c: 'A-S1' });
        const [row] = (
          await c.query<Record<string, unknown>>(
            `SELECT Zuora_Order_Number__c, OrderNumber FROM Order WHERE Id = '${order}'`,
          )
        ).records;
        expect(row?.Zuora_Order_Number__c).toBe('O-1');
        const describe = await c.sobject('OrderItem').describe();
        expect(describe.fields.find((f) => f.name === 'Zuora_Charge_Number__c')).toMatchObject({
          custom: true,
          length: 100,
        });
        expect(describe.fields.find((f) => f.name === 'SBQQ__RevisedOrderProduct__c')).toBeDefined();
        expect(
          (await c.sobject('Account').describe()).fields.some((f) => f.name === 'Zuora_Account_Id__c'),
        ).toBe(true);
      } finally {
        await packaged.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads force-app-cpq with force-app by default: write-back fields and the per-order sync record', async () => {
    expect(DEFAULT_PACKAGE_DIRS).toContain(DEFAULT_CPQ_PACKAGE_DIR);
    const packaged = await startSalesforceEmulator({
      cpqScenario: { seed: 5, size: 'XS', accountCount: 1, orderCount: 1 },
    });
    try {
      const c = await login(packaged);
      const order = packaged.records('Order')[0] as { Id: string; AccountId: string; OrderNumber: string };
      await c
        .sobject('Order')
        .update({ Id: order.Id, Zuora_Sync_Status__c: 'Synced', Zuora_Order_Number__c: 'O-9' });
      await c.sobject('CPQ_Order_Sync__c').upsert(
        {
          Name: order.OrderNumber,
          Order_Key__c: order.Id,
          Order__c: order.Id,
          Account__c: order.AccountId,
          Status__c: 'Synced',
          Attempts__c: 1,
        },
        'Order_Key__c',
      );
      const [row] = (
        await c.query<Record<string, unknown>>(
          `SELECT Status__c, Attempts__c, Order__r.Zuora_Sync_Status__c FROM CPQ_Order_Sync__c WHERE Order__c = '${order.Id}'`,
        )
      ).records;
      expect(row).toMatchObject({
        Status__c: 'Synced',
        Attempts__c: 1,
        Order__r: { Zuora_Sync_Status__c: 'Synced' },
      });
      const children = (await c.sobject('Order').describe()).childRelationships;
      expect(children).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            childSObject: 'CPQ_Order_Sync__c',
            field: 'Order__c',
            relationshipName: 'CPQ_Order_Syncs__r',
          }),
        ]),
      );
      await expect(
        c.sobject('Order').update({ Id: order.Id, Zuora_Sync_Status__c: 'Sent somewhere' }),
      ).rejects.toThrow(/bad value for restricted picklist/i);
      const subscription = await c.sobject('SBQQ__Subscription__c').describe();
      const names = subscription.fields.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['Zuora_Subscription_Number__c', 'SBQQ__Account__c']));
      expect(
        (await c.sobject('Account').describe()).fields.some((f) => f.name === 'Zuora_Account_Number__c'),
      ).toBe(true);
    } finally {
      await packaged.close();
    }
  });

  it('keeps a catalog product code from the shared catalog', () => {
    expect(
      emulator.records('Product2').find((p) => p.Id === product('CPQ-SEAT-STD').productId),
    ).toMatchObject({ ProductCode: 'CPQ-SEAT-STD', IsActive: true });
  });
});
