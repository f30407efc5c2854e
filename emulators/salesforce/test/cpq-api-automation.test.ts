import type jsforce from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_PRICEBOOK_ID } from '../src/cpq/seed-cpq-org.js';
import type { SalesforceEmulator } from '../src/index.js';
import { contracted, product, smallOrg, waitFor } from './cpq-helpers.js';
import { admin, login, raw, startFixtureEmulator } from './helpers.js';

// CPQ's automation runs for any client's writes, as managed-package triggers do in an org: an order
// created and activated through the REST API gets its StatusCode, ActivatedDate and item statuses;
// checking Contracted queues the asynchronous contracting; order products must use the order's price
// book and currency ("Order Products must have a Price Book Entry that belongs to the Price Book related
// to the parent Order." https://github.com/forcedotcom/b2b-commerce-on-lightning-quickstart/issues/13;
// "Enter the same currency as the parent Order."
// https://github.com/SFDO-Community/declarative-lookup-rollup-summaries/issues/994); item edits do not
// move Order.LastModifiedDate (reference §0 row 9); SBQQ__ChargeType__c stays null unless set
// (reference §3.1: orgs without Salesforce Billing).

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let org: Awaited<ReturnType<typeof smallOrg>>;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ cpqContractingDelayMs: 600_000 });
  conn = await login(emulator);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  org = await smallOrg(emulator);
});

type Row = Record<string, unknown>;
const one = async (soql: string) => (await conn.query<Row>(soql)).records[0] as Row;

async function draftOrder(currency = 'USD') {
  const order = await conn.sobject('Order').create({
    AccountId: org.accountId,
    EffectiveDate: '2026-02-01',
    Pricebook2Id: STANDARD_PRICEBOOK_ID,
    CurrencyIsoCode: currency,
  });
  if (!order.success) throw new Error('order not created');
  return order.id;
}

async function addItem(orderId: string, code: string, quantity: number, currency = 'USD') {
  const p = product(code);
  const entry = p.priceEntryIds[currency as 'USD'];
  return conn.sobject('OrderItem').create({
    OrderId: orderId,
    PricebookEntryId: entry,
    Quantity: quantity,
    UnitPrice: 30,
    ServiceDate: '2026-02-01',
  });
}

describe('CPQ automation on API writes', () => {
  it('derives Draft status, the product and prices, and rolls item totals up without editing the order', async () => {
    const orderId = await draftOrder();
    const created = await addItem(orderId, 'CPQ-SEAT-STD', 10);
    expect(created.success).toBe(true);
    const order = await one(
      `SELECT Status, StatusCode, TotalAmount, LastModifiedDate, SystemModstamp FROM Order WHERE Id = '${orderId}'`,
    );
    expect(order).toMatchObject({ Status: 'Draft', StatusCode: 'Draft', TotalAmount: 300 });
    const item = await one(
      `SELECT Product2Id, ListPrice, TotalPrice, CurrencyIsoCode, SBQQ__ChargeType__c FROM OrderItem WHERE OrderId = '${orderId}'`,
    );
    expect(item).toMatchObject({
      Product2Id: product('CPQ-SEAT-STD').productId,
      ListPrice: 30,
      TotalPrice: 300,
      CurrencyIsoCode: 'USD',
      SBQQ__ChargeType__c: null,
    });

    await new Promise((r) => setTimeout(r, 5));
    await conn.sobject('OrderItem').update({ Id: created.id as string, Quantity: 12 });
    const after = await one(
      `SELECT TotalAmount, LastModifiedDate, SystemModstamp FROM Order WHERE Id = '${orderId}'`,
    );
    expect(after).toMatchObject({
      TotalAmount: 360,
      LastModifiedDate: order.LastModifiedDate,
      SystemModstamp: order.SystemModstamp,
    });
  });

  it('refuses order products from another price book or currency with the org errors', async () => {
    const orderId = await draftOrder();
    await expect(addItem(orderId, 'CPQ-SEAT-STD', 1, 'EUR')).rejects.toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: 'Enter the same currency as the parent Order.',
    });
    const noBook = await conn
      .sobject('Order')
      .create({ AccountId: org.accountId, EffectiveDate: '2026-02-01' });
    await expect(addItem(noBook.id as string, 'CPQ-SEAT-STD', 1)).rejects.toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message:
        'Order Products must have a Price Book Entry that belongs to the Price Book related to the parent Order.',
    });
  });

  it('activates and queues contracting when a client writes Status and SBQQ__Contracted__c', async () => {
    const orderId = await draftOrder();
    await addItem(orderId, 'CPQ-SEAT-STD', 3);
    await expect(
      conn.sobject('Order').update({ Id: orderId, SBQQ__Contracted__c: true }),
    ).rejects.toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    });
    await conn.sobject('Order').update({ Id: orderId, Status: 'Activated' });
    const order = await one(`SELECT StatusCode, ActivatedDate FROM Order WHERE Id = '${orderId}'`);
    expect(order.StatusCode).toBe('Activated');
    expect(order.ActivatedDate).toEqual(expect.any(String));
    expect(
      await one(`SELECT SBQQ__Status__c, SBQQ__Activated__c FROM OrderItem WHERE OrderId = '${orderId}'`),
    ).toMatchObject({
      SBQQ__Status__c: 'Activated',
      SBQQ__Activated__c: true,
    });
    await conn.sobject('Order').update({ Id: orderId, SBQQ__Contracted__c: true });
    const queue = await admin(emulator, 'GET', '/cpq/contracting');
    expect(queue.json.jobs).toEqual(
      expect.arrayContaining([expect.objectContaining({ orderId, state: 'Queued' })]),
    );

    // A row lock fails the queueable: the order stays contracted without a contract until a user
    // unchecks and checks Contracted again.
    emulator.faults.set({ lockRowRatio: 1 });
    emulator.cpq.setContractingDelay(5);
    await waitFor(
      async () => emulator.cpq.contractingJobs().find((j) => j.orderId === orderId)?.state === 'Failed',
    );
    expect(emulator.cpq.contractingJobs().find((j) => j.orderId === orderId)?.error).toContain(
      'UNABLE_TO_LOCK_ROW',
    );
    expect((await conn.query(`SELECT Id FROM Contract WHERE SBQQ__Order__c = '${orderId}'`)).totalSize).toBe(
      0,
    );
    emulator.faults.clear();
    await conn.sobject('Order').update({ Id: orderId, SBQQ__Contracted__c: false });
    await conn.sobject('Order').update({ Id: orderId, SBQQ__Contracted__c: true });
    await contracted(conn, orderId);
    expect(emulator.cpq.contractingJobs().find((j) => j.orderId === orderId)).toMatchObject({
      state: 'Completed',
    });
    emulator.cpq.setContractingDelay(600_000);
  });

  it('serves the CPQ objects through expired sessions and injected latency like any other', async () => {
    emulator.faults.expireTokens();
    const res = await conn.query(`SELECT Id, OrderNumber, Account.Name FROM Order`);
    expect(res.totalSize).toBeGreaterThan(0);
    emulator.faults.set({ serverErrorRatio: 1, latencyMs: 20 });
    const failed = await raw(
      emulator,
      conn,
      'GET',
      '/services/data/v62.0/query?q=SELECT+Id+FROM+SBQQ__Subscription__c',
    );
    expect(failed).toMatchObject({ status: 503, json: [{ errorCode: 'SERVER_UNAVAILABLE' }] });
    emulator.faults.clear();
  });
});
