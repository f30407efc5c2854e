// CreateSubscription as a CPQ connector sends it, through the synchronous and the asynchronous Orders API,
// with the job result:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (order actions, chargeOverrides:
//   recurringPerUnit with listPriceBase Per_Specific_Months, usageVolume / usageTiered tiers,
//   orderLineItems, subscription custom fields and quote fields)
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/ (Processing ->
//   Completed with the create-order result)
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/ and GET_OrdersBySubscriptionNumber
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { createAccount, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';
import { fullOrder, orderRunner, planOf as plan, type OrderRunner } from './order-runner.js';

describe.each(['sync', 'async'] as const)('CreateSubscription through the %s Orders API', (mode) => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let runner: OrderRunner;
  let subscription = '';
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
    runner = orderRunner(h, mode, () => account.accountNumber);
  });
  afterAll(async () => h.emulator.close());
  const run = (body: Record<string, unknown>) => runner.run(body);
  const current = () => runner.subscription(subscription);

  it('CreateSubscription with per-unit, usage volume and usage tiered overrides, plus an order line item', async () => {
    const result = await run(fullOrder(catalog, `${mode}-new`));
    expect(result, JSON.stringify(result.reasons)).toMatchObject({
      success: true,
      status: 'Completed',
      orderNumber: `${mode}-new`,
      accountNumber: account.accountNumber,
    });
    expect(result.subscriptionNumbers).toHaveLength(1);
    expect(result.orderLineItems).toHaveLength(1);
    subscription = String(result.subscriptionNumbers?.[0]);
    const sub = await current();
    expect(sub).toMatchObject({
      version: 1,
      status: 'Active',
      termStartDate: '2025-01-01',
      termEndDate: '2026-01-01',
      SFDC_Contract__c: '800CONTRACT000001',
      QuoteNumber__QT: 'Q-00042',
    });
    const seats = plan(sub, 'CPQ-SEAT');
    expect(seats?.externallyManagedPlanId).toBe('802ITEM0000000001');
    expect(seats?.ratePlanCharges[0]).toMatchObject({
      quantity: 10,
      price: 360,
      listPriceBase: 'Per_Specific_Months',
      specificListPriceBase: 12,
    });
    expect(
      plan(sub, 'CPQ-CALLS')?.ratePlanCharges[0]?.tiers.map((t) => [t.startingUnit, t.endingUnit, t.price]),
    ).toEqual([
      [0, 184, 1.5],
      [185, null, 1.2],
    ]);
    // Gigabyte has two decimal places, rounded up: 100.001 is stored as 100.01.
    expect(plan(sub, 'CPQ-STORAGE')?.ratePlanCharges[0]?.tiers[0]?.endingUnit).toBe(100.01);
  });

  it('creates the account of the order (newAccount) with its CRM id and contacts', async () => {
    const result = await run({
      existingAccountNumber: undefined,
      newAccount: {
        name: 'New CPQ Customer',
        currency: 'EUR',
        billCycleDay: 1,
        crmId: '001000000000555AAA',
        autoPay: false,
        billToContact: { firstName: 'Ann', lastName: 'Bill', country: 'DE', crmId__c: '003000000000555AAA' },
        soldToContact: {
          firstName: 'Sam',
          lastName: 'Sold',
          country: 'FR',
          crmOrderId__c: '801000000000555AAA',
        },
      },
      subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
    });
    expect(result.success, JSON.stringify(result.reasons)).toBe(true);
    const created = (await (await h.api(`/v1/accounts/${result.accountNumber}`)).json()) as {
      basicInfo: { id: string; crmId: string };
      billingAndPayment: { currency: string };
      billToContact: { id: string; firstName: string };
      soldToContact: { id: string; firstName: string };
    };
    expect(created.basicInfo.crmId).toBe('001000000000555AAA');
    expect(created.billingAndPayment.currency).toBe('EUR');
    expect([created.billToContact.firstName, created.soldToContact.firstName]).toEqual(['Ann', 'Sam']);
    const sub = await runner.subscription(String(result.subscriptionNumbers?.[0]));
    expect(sub).toMatchObject({
      accountId: created.basicInfo.id,
      invoiceOwnerAccountId: created.basicInfo.id,
    });
  });
});
