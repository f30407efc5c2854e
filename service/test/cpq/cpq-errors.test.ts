// The documented errors of Zuora's CPQ connector (reference 1.11) produced end to end through the engine and
// both emulators, each explained where the sales user works: the result's code, Zuora's verbatim message and
// a fix in plain words; the CPQ_Order_Sync__c record; the Order's sync status and last error; and nothing of
// the order in Zuora. CPQ-E002 and CPQ-E004 come from amendments of subscriptions no longer live in Zuora; a missing
// billing address (CPQ-E007), one of the conditions other pages state, is here too.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpqCatalog } from '../../../emulators/shared/cpq-catalog.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, contract, productId, syncOrders, usdAccount } from './cpq-actions.js';
import { amended, contracted, zuoraNumber } from './cpq-contracts.js';
import { orderOf, productsBySku, subscriptionOf } from './cpq-zuora-reads.js';

describe('CPQ documented errors', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 20, orderCount: 5 } });
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;
  const order = (id: string) =>
    sf()
      .records('Order')
      .find((o) => o.Id === id) as Record<string, unknown>;

  /** Syncs the order and checks how its failure shows in the result, in Salesforce and (absent) in Zuora. */
  async function explained(
    orderId: string,
    code: string,
    status: 'Failed' | 'Waiting',
    message: string,
    fix: RegExp,
  ) {
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([[status, code]]);
    expect(outcomes[0]?.error?.message.startsWith(message), outcomes[0]?.error?.message).toBe(true);
    const record = sf()
      .records('CPQ_Order_Sync__c')
      .find((r) => r.Order__c === orderId);
    expect(record).toMatchObject({ Status__c: status, Error_Code__c: code, Zuora_Order_Number__c: null });
    expect(String(record?.Message__c).startsWith(message)).toBe(true);
    expect(String(record?.Fix__c)).toMatch(fix);
    expect(order(orderId).Zuora_Sync_Status__c).toBe(status);
    expect(String(order(orderId).Zuora_Last_Sync_Error__c)).toBe(`${code}: ${outcomes[0]?.error?.message}`);
    expect(await orderOf(h.deps.zuora, String(order(orderId).OrderNumber))).toBeUndefined();
    return outcomes[0]?.error;
  }

  it('CPQ-E001: a product without a Product Code is refused', async () => {
    const { accountId, contactId } = usdAccount(sf(), 0);
    const legacy = cpqCatalog().find((p) => p.productCode === null && p.kind === 'recurring');
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [{ productId: String(legacy?.productId), quantity: 1 }],
    });
    const error = await explained(
      orderId,
      'CPQ-E001',
      'Failed',
      'Invalid referenced products',
      /Product Code/,
    );
    expect(error?.record).toMatchObject({ object: 'Product2', id: legacy?.productId, field: 'ProductCode' });
  }, 180_000);

  /** Someone cancels the subscription in Zuora itself ([ZBC-err]: Zuora no longer matches CPQ). */
  async function cancelledInZuora(number: string): Promise<void> {
    const sub = await subscriptionOf(h.deps.zuora, number);
    await h.deps.zuora.request('POST', '/v1/orders', {
      json: {
        orderDate: '2026-02-01',
        existingAccountNumber: sub.accountNumber,
        subscriptions: [
          {
            subscriptionNumber: number,
            orderActions: [
              {
                type: 'CancelSubscription',
                triggerDates: [{ name: 'ContractEffective', triggerDate: '2026-02-01' }],
                cancelSubscription: {
                  cancellationPolicy: 'SpecificDate',
                  cancellationEffectiveDate: '2026-02-01',
                },
              },
            ],
          },
        ],
      },
    });
  }

  it('CPQ-E002: an amendment of a subscription no longer live in Zuora is refused', async () => {
    const c = await contracted(h, [['CPQ-SEAT-ANL', 6]], { account: 5 });
    await cancelledInZuora(zuoraNumber(h, c, 'CPQ-SEAT-ANL'));
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-ANL'), quantity: 9 }],
    });
    const error = await explained(
      orderId,
      'CPQ-E002',
      'Failed',
      'Unable to locate a matching rate plan to amend for OrderItem/OrderProduct.',
      /Externally Managed Plan ID/,
    );
    expect(error?.record).toMatchObject({ object: 'OrderItem', field: 'SBQQ__RevisedOrderProduct__c' });
  }, 180_000);

  it('CPQ-E004: an amendment of a usage subscription whose rate plan Zuora no longer has is refused', async () => {
    const c = await contracted(h, [['CPQ-SMS', 1]], { account: 6 });
    await cancelledInZuora(zuoraNumber(h, c, 'CPQ-SMS'));
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SMS'), cancel: true }],
    });
    const error = await explained(
      orderId,
      'CPQ-E004',
      'Failed',
      "The revised OrderItem/OrderProduct doesn't have a specified ID for the revised order item consumption schedule.",
      /order product consumption schedule/,
    );
    expect(error?.record).toMatchObject({ object: 'OrderItem', field: 'SBQQ__RevisedOrderProduct__c' });
  }, 180_000);

  it('CPQ-E003: an order not contracted yet waits, and syncs once CPQ contracts it', async () => {
    const { accountId, contactId } = usdAccount(sf(), 1);
    const orderId = await activatedOrder(
      sf(),
      {
        accountId,
        billToContactId: contactId,
        lines: [{ productId: productId('CPQ-SEAT-PRO'), quantity: 2 }],
      },
      { contract: false },
    );
    await explained(
      orderId,
      'CPQ-E003',
      'Waiting',
      'No matching Subscription for OrderItem/OrderProduct.',
      /contract it/,
    );
    await contract(sf(), orderId);
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => o.status)).toEqual(['Synced']);
    expect(order(orderId)).toMatchObject({ Zuora_Sync_Status__c: 'Synced', Zuora_Last_Sync_Error__c: null });
  }, 180_000);

  it('CPQ-E005: an order product consumption schedule no longer linked to its product is refused', async () => {
    const { accountId, contactId } = usdAccount(sf(), 2);
    const events = cpqCatalog().find((p) => p.productCode === 'CPQ-EVENTS');
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [{ productId: String(events?.productId), quantity: 1 }],
    });
    // The admin removes the schedule from the product after the order was quoted ([ZBC-err] cause a).
    const link = events?.schedules.find((s) => s.currency === 'USD')?.productScheduleId;
    await h.deps.salesforce.sobject('ProductConsumptionSchedule').destroy(String(link));
    const error = await explained(
      orderId,
      'CPQ-E005',
      'Failed',
      'The Order Product Consumption Schedule could not be found.',
      /Link the consumption schedule to the product again/,
    );
    expect(error?.record?.object).toBe('SBQQ__OrderItemConsumptionSchedule__c');
  }, 180_000);

  it('CPQ-E006: a product in Zuora whose rate plan lost its external id is refused, not duplicated', async () => {
    const lines = [{ productId: productId('CPQ-RETAINER'), quantity: 10 }];
    const first = usdAccount(sf(), 3);
    const synced = await activatedOrder(sf(), {
      accountId: first.accountId,
      billToContactId: first.contactId,
      lines,
    });
    expect((await syncOrders(h.deps, [synced])).outcomes.map((o) => o.status)).toEqual(['Synced']);
    // Someone edits the rate plan in Zuora and drops the Product2 Id from its externally managed plan ids.
    const [product] = await productsBySku(h.deps.zuora, 'CPQ-RETAINER');
    const plan = product?.productRatePlans[0];
    expect(plan?.externallyManagedPlanIds).toEqual([productId('CPQ-RETAINER')]);
    await h.deps.zuora.request('PUT', `/v1/object/product-rate-plan/${String(plan?.id)}`, {
      json: { ExternallyManagedPlanIds: [] },
    });
    const second = usdAccount(sf(), 4);
    const orderId = await activatedOrder(sf(), {
      accountId: second.accountId,
      billToContactId: second.contactId,
      lines,
    });
    const error = await explained(
      orderId,
      'CPQ-E006',
      'Failed',
      'Cannot find the charge for the Product',
      /Externally Managed Plan IDs/,
    );
    expect(error?.record).toMatchObject({ object: 'Product2', id: productId('CPQ-RETAINER') });
    const after = await productsBySku(h.deps.zuora, 'CPQ-RETAINER');
    expect(after.map((p) => p.productRatePlans.length)).toEqual([1]);
  }, 180_000);

  it('CPQ-E007: an account without a billing address is refused before Zuora gets an account', async () => {
    const created = (await h.deps.salesforce
      .sobject('Account')
      .create({ Name: 'No Address Ltd', CurrencyIsoCode: 'USD' })) as { id: string };
    const orderId = await activatedOrder(sf(), {
      accountId: created.id,
      lines: [{ productId: productId('CPQ-SEAT-STD'), quantity: 1 }],
    });
    const error = await explained(
      orderId,
      'CPQ-E007',
      'Failed',
      'The account has no complete billing address',
      /Billing Address/,
    );
    expect(error?.record).toMatchObject({ object: 'Account', id: created.id });
    const zuoraAccounts = await h.deps.zuora.request<{ records?: unknown[] }>('POST', '/v1/action/query', {
      json: { queryString: `select Id from Account where CrmId = '${created.id}'` },
    });
    expect(zuoraAccounts.records ?? []).toEqual([]);
  }, 180_000);
  it('CPQ-E022: an order in another currency than its Zuora billing account bills in is refused', async () => {
    // The customer already bills in EUR in Zuora (created there before the connector, found by CRM ID); the
    // tenant has no multicurrency, so a USD order for it is refused before any order is sent.
    const created = (await h.deps.salesforce.sobject('Account').create({
      Name: 'Euro Billing GmbH',
      CurrencyIsoCode: 'USD',
      BillingStreet: '1 Unter den Linden',
      BillingCity: 'Berlin',
      BillingState: 'Berlin',
      BillingPostalCode: '10117',
      BillingCountry: 'Germany',
    })) as { id: string };
    const accountId = created.id;
    await h.deps.zuora.request('POST', '/v1/accounts', {
      json: {
        name: 'Billed in EUR',
        currency: 'EUR',
        billCycleDay: 1,
        crmId: accountId,
        autoPay: false,
        billToContact: { firstName: 'Ada', lastName: 'Euro', country: 'Germany', state: 'Berlin' },
      },
    });
    const orderId = await activatedOrder(sf(), {
      accountId,
      lines: [{ productId: productId('CPQ-SEAT-STD'), quantity: 1 }],
    });
    const error = await explained(
      orderId,
      'CPQ-E022',
      'Failed',
      'The order’s currency differs from the billing account’s',
      /account’s currency/,
    );
    expect(error?.message).toMatch(/USD.*EUR/);
    expect(error?.record).toMatchObject({ object: 'Order', id: orderId, field: 'CurrencyIsoCode' });
    const zuoraAccounts = await h.deps.zuora.request<{ records?: unknown[] }>('POST', '/v1/action/query', {
      json: { queryString: `select Id from Account where CrmId = '${accountId}'` },
    });
    expect(zuoraAccounts.records ?? []).toHaveLength(1);
  }, 180_000);
});
