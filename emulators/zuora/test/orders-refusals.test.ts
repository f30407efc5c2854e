// Documented limits and refusals of the Orders API. A refused order writes nothing and answers HTTP 200
// with success false and its reasons ("HTTP 200 doesn't mean your call succeeded",
// https://developer.zuora.com/docs/guides/error-handling); a malformed request answers 400.
// Limits: https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (50 subscriptions, 50
//   order actions, 50 per subscription; 100 order line items; order number <= 100 characters without # ? /)
//   and POST_CreateOrderAsynchronously (300 of each).
// Refusals: currency the same for all subscriptions of an order and never changed (CreateOrderCreateSubscription
//   .currency); order line items take one-time charges only (OrderLineItemCommonPostOrder
//   .productRatePlanChargeId; seed 004: "Order line items in Zuora do not support usage-based charges");
//   billing period and bill cycle type not updatable (seed 004); pricing variants per charge model
//   (ChargeOverridePricing); an action field of another type is an error (OrderAction.type).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';
import { createAccount, post, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';

describe('Orders API limits and refusals', () => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let subscription = '';
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
    const created = await post(h, '/v1/orders', {
      orderDate: '2025-01-01',
      existingAccountNumber: account.accountNumber,
      subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
    });
    subscription = String(created.body.subscriptionNumbers?.[0]);
  });
  afterAll(async () => h.emulator.close());

  const order = (extra: Record<string, unknown>) => ({
    orderDate: '2025-02-01',
    existingAccountNumber: account.accountNumber,
    ...extra,
  });
  const amend = (action: Record<string, unknown>) =>
    order({ subscriptions: [{ subscriptionNumber: subscription, orderActions: [action] }] });
  const counts = () =>
    ['Order', 'Subscription', 'RatePlanCharge', 'OrderLineItem'].map((o) =>
      h.emulator.tenant.count(o as 'Order'),
    );

  async function refused(body: unknown, message: RegExp, code?: number): Promise<void> {
    const before = counts();
    const { status, body: answer } = await post(h, '/v1/orders', body);
    expect(status).toBe(200);
    expect(answer.success).toBe(false);
    expect(answer.reasons?.[0]?.message).toMatch(message);
    if (code !== undefined) expect(answer.reasons?.[0]?.code).toBe(code);
    expect(counts()).toEqual(before);
  }

  it('refuses changes of billing period, bill cycle type and currency with Zuora rule-restriction errors', async () => {
    const sub = (await (await h.api(`/v1/subscriptions/${subscription}`)).json()) as {
      ratePlans: { id: string; ratePlanCharges: { number: string }[] }[];
    };
    const ratePlanId = sub.ratePlans[0]?.id;
    const chargeNumber = sub.ratePlans[0]?.ratePlanCharges[0]?.number;
    const update = (update: Record<string, unknown>) =>
      amend({
        type: 'UpdateProduct',
        updateProduct: { ratePlanId, chargeUpdates: [{ chargeNumber, ...update }] },
      });
    await refused(
      update({ billing: { billingPeriod: 'Annual' } }),
      /billing period of charge .* cannot be updated \(Month -> Annual\)/,
      59100030,
    );
    await refused(
      update({ billing: { billCycleType: 'SpecificDayofMonth' } }),
      /bill cycle type .* cannot be updated/,
      59100030,
    );
    await refused(update({ currency: 'EUR' }), /currency of subscription .* cannot be updated/, 59100030);
    const currency = await h.api(`/v1/accounts/${account.accountNumber}`, {
      method: 'PUT',
      json: { currency: 'EUR' },
    });
    expect(currency.status).toBe(400);
  });

  it('keeps one currency per order, active on every rate plan', async () => {
    const eur = (n: string) => ({
      ...seatsSubscription(catalog, { currency: 'EUR', subscriptionNumber: n }),
    });
    const usd = seatsSubscription(catalog, { subscriptionNumber: 'S-MIXED-2' });
    await refused(
      order({ subscriptions: [{ orderActions: [eur('S-MIXED-1')] }, { orderActions: [usd] }] }),
      /all subscriptions in the same order must use the same currency \(EUR, not USD\)/,
    );
    const gbp = seatsSubscription(catalog, { currency: 'GBP' });
    await refused(
      order({ subscriptions: [{ orderActions: [gbp] }] }),
      /currency GBP is not an active currency of product rate plan/,
    );
    // EUR is active on the seats plan: a EUR subscription on a USD account is accepted.
    const ok = await post(h, '/v1/orders', order({ subscriptions: [{ orderActions: [eur('S-EUR-1')] }] }));
    expect(ok.body.success).toBe(true);
  });

  it('refuses usage and recurring charges on order line items', async () => {
    const item = (chargeId: string) =>
      order({
        orderLineItems: [
          { itemName: 'x', productRatePlanChargeId: chargeId, quantity: 1, listPricePerUnit: 1 },
        ],
      });
    await refused(
      item(catalog.calls.chargeId),
      /is a usage charge; order line items do not support usage charges/,
    );
    await refused(item(catalog.seats.chargeId), /order line items support one-time charges only/);
    const ok = await post(h, '/v1/orders', item(catalog.router.chargeId));
    expect(ok.body.success).toBe(true);
  });

  it('enforces the synchronous limits and the order-number rules', async () => {
    const create = () => seatsSubscription(catalog);
    await refused(
      order({ subscriptions: Array.from({ length: 51 }, () => ({ orderActions: [create()] })) }),
      /at most 50 subscriptions in a synchronous call; this order has 51/,
    );
    const renew = { type: 'TermsAndConditions', termsAndConditions: { autoRenew: true } };
    await refused(
      order({
        subscriptions: [
          { subscriptionNumber: subscription, orderActions: Array.from({ length: 51 }, () => renew) },
        ],
      }),
      /at most 50 order actions in a synchronous call/,
    );
    await refused(
      order({
        orderLineItems: Array.from({ length: 101 }, () => ({
          itemName: 'x',
          quantity: 1,
          listPricePerUnit: 1,
        })),
      }),
      /at most 100 order line items; this order has 101/,
    );
    await refused(order({ orderNumber: 'A'.repeat(101) }), /orderNumber must be at most 100 characters/);
    await refused(order({ orderNumber: 'SO#1' }), /contains '#'; #, \? and \/ are not allowed/);
    await refused(order({ orderNumber: 'SO/1' }), /contains '\/'/);
    const lineItem = { itemName: 'x', quantity: 1, listPricePerUnit: 1 };
    const first = await post(h, '/v1/orders', order({ orderNumber: 'DUP-1', orderLineItems: [lineItem] }));
    expect(first.body.success).toBe(true);
    await refused(
      order({ orderNumber: 'DUP-1', orderLineItems: [lineItem] }),
      /The order number DUP-1 already exists/,
    );
  });

  it('refuses an order on a subscription that already has 1000 orders', async () => {
    const created = await post(
      h,
      '/v1/orders',
      order({ subscriptions: [{ orderActions: [seatsSubscription(catalog)] }] }),
    );
    const number = String(created.body.subscriptionNumbers?.[0]);
    const entity = h.emulator.tenant.defaultEntityId;
    // 999 earlier orders on record (plus the one that created it): the limit is reached.
    for (let i = 0; i < 999; i += 1)
      h.emulator.tenant.insert(
        'OrderAction',
        { OrderId: `history-${i}`, Type: 'UpdateProduct', SubscriptionNumber: number },
        entity,
      );
    await refused(
      order({
        subscriptions: [
          {
            subscriptionNumber: number,
            orderActions: [{ type: 'TermsAndConditions', termsAndConditions: { autoRenew: true } }],
          },
        ],
      }),
      /already has 1000 orders, the limit/,
    );
  });

  it('allows 300 subscriptions asynchronously and fails the job beyond', async () => {
    const job = async (n: number) => {
      const { body } = await post(
        h,
        '/v1/async/orders',
        order({
          subscriptions: Array.from({ length: n }, () => ({ orderActions: [seatsSubscription(catalog)] })),
        }),
      );
      const jobId = (body as unknown as { jobId: string }).jobId;
      return pollUntil(
        async () =>
          (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as {
            status: string;
            errors: string | null;
            result: { success: boolean; subscriptionNumbers?: string[]; reasons?: { code: number }[] };
          },
        (j) => j.status !== 'Processing',
        30_000,
      );
    };
    const fine = await job(60);
    expect(fine.status).toBe('Completed');
    expect(fine.result.subscriptionNumbers).toHaveLength(60);
    const tooMany = await job(301);
    expect(tooMany.status).toBe('Failed');
    expect(tooMany.errors).toMatch(/at most 300 subscriptions in an asynchronous call; this order has 301/);
    expect(tooMany.result).toMatchObject({ success: false, reasons: [{ code: 59100070 }] });
  });

  it('refuses what the subscription, catalog and accounts do not allow', async () => {
    await refused(
      order({
        subscriptions: [{ orderActions: [seatsSubscription(catalog, { subscriptionNumber: subscription })] }],
      }),
      /subscription .* already exists/,
    );
    await refused(
      amend({ type: 'AddProduct', addProduct: { externalCatalogPlanId: '01tNOPE' } }),
      /no product rate plan has '01tNOPE' in its externallyManagedPlanIds/,
    );
    await refused(
      amend({
        type: 'AddProduct',
        addProduct: {
          productRatePlanId: catalog.seats.ratePlanId,
          externalCatalogPlanId: '0MqCALLS000000001',
        },
      }),
      /point to different product rate plans/,
    );
    await refused(
      amend({ type: 'AddProduct', updateProduct: {} }),
      /updateProduct does not go with an order action of type AddProduct/,
    );
    await refused(
      amend({ type: 'RemoveProduct', removeProduct: { ratePlanId: 'ffff' } }),
      /no active rate plan/,
    );
    await refused(
      amend({ type: 'CancelSubscription', cancelSubscription: { cancellationPolicy: 'SpecificDate' } }),
      /cancellationEffectiveDate is required with cancellationPolicy SpecificDate/,
    );
    await refused(
      amend({ type: 'OwnerTransfer', ownerTransfer: {} }),
      /destinationAccountNumber or destinationInvoiceAccountNumber is required/,
    );
    await refused(amend({ type: 'Suspend', suspend: {} }), /Suspend order actions are not supported/);
    const other = await createAccount(h);
    await refused(
      order({
        subscriptions: [
          { orderActions: [seatsSubscription(catalog, { billToContactId: other.billToContactId })] },
        ],
      }),
      /does not belong to account/,
    );
    const wrongVariant = seatsSubscription(catalog);
    wrongVariant.createSubscription.subscribeToRatePlans[0]!.chargeOverrides[0]!.pricing = {
      usageVolume: { tiers: [{ tier: 1, startingUnit: 0, price: 1, priceFormat: 'PerUnit' }] },
    } as never;
    await refused(
      order({ subscriptions: [{ orderActions: [wrongVariant] }] }),
      /usageVolume does not match the charge: a Recurring Per Unit Pricing charge takes recurringPerUnit/,
    );
    const overlapping = {
      type: 'UpdateProduct',
      updateProduct: { externalCatalogPlanId: '01tSEAT0000000001', chargeUpdates: [] },
    };
    await refused(
      amend({ ...overlapping, updateProduct: { externalCatalogPlanId: '0MqCALLS000000001' } }),
      /no active rate plan/,
    );
    await refused(
      order({ existingAccountNumber: undefined }),
      /existingAccountNumber, existingAccountId or newAccount is required/,
    );
    await refused(
      order({
        newAccount: {
          name: 'N',
          currency: 'USD',
          billCycleDay: 1,
          billToContact: { firstName: 'A', lastName: 'B', country: 'Atlantis' },
        },
        existingAccountNumber: undefined,
      }),
      /newAccount.billToContact.country 'Atlantis'/,
    );
    await refused(
      order({
        newAccount: { name: 'N', currency: 'USD', billToContact: { firstName: 'A', lastName: 'B' } },
        existingAccountNumber: undefined,
      }),
      /newAccount.billCycleDay is required/,
    );
    const cancel = await post(
      h,
      '/v1/orders',
      amend({ type: 'CancelSubscription', cancelSubscription: { cancellationPolicy: 'EndOfCurrentTerm' } }),
    );
    expect(cancel.body.success).toBe(true);
    await refused(amend({ type: 'RenewSubscription' }), /is cancelled and cannot be changed/);
  });
});
