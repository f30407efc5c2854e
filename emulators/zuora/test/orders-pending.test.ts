// Pending orders:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (orderActions.triggerDates: "If Zuora
//   is configured to require service activation and the ServiceActivation field is not set for a
//   CreateSubscription order action, a Pending order and a Pending Activation subscription are created";
//   Pending Acceptance likewise; other actions make a Pending order without changing the subscription status;
//   a SpecificDate charge trigger without specificTriggerDate makes a Pending order and a Pending Acceptance
//   subscription. Zuora-Version 223.0 answers `subscriptions`, returnIds adds the ids)
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_OrderTriggerDates/
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { createAccount, post, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';

describe('pending orders', () => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
  });
  afterAll(async () => h.emulator.close());
  afterEach(async () => {
    await h.admin('/settings', {
      method: 'PUT',
      json: { requireServiceActivation: false, requireCustomerAcceptance: false },
    });
  });

  const settings = (json: Record<string, boolean>) => h.admin('/settings', { method: 'PUT', json });
  const v223 = { 'Zuora-Version': '223.0' };
  const create = (action: Record<string, unknown>) =>
    post(
      h,
      '/v1/orders?returnIds=true',
      {
        orderDate: '2025-01-01',
        existingAccountNumber: account.accountNumber,
        subscriptions: [{ orderActions: [action] }],
      },
      v223,
    );
  const withDates = (names: string[]) => ({
    ...seatsSubscription(catalog),
    triggerDates: names.map((name) => ({ name, triggerDate: '2025-01-01' })),
  });

  it('creates Pending orders and Pending Activation / Acceptance subscriptions when required dates are missing', async () => {
    await settings({ requireServiceActivation: true });
    const pending = await create(withDates(['ContractEffective']));
    expect(pending.body).toMatchObject({
      success: true,
      status: 'Pending',
      subscriptions: [{ status: 'Pending Activation' }],
    });
    expect(pending.body.subscriptions?.[0]?.subscriptionId).toMatch(/^[0-9a-f]{32}$/);
    expect((pending.body as unknown as { orderId: string }).orderId).toMatch(/^[0-9a-f]{32}$/);
    const sub = h.emulator.tenant.get(
      'Subscription',
      String(pending.body.subscriptions?.[0]?.subscriptionId),
    )?.record;
    expect(sub).toMatchObject({ Status: 'Pending Activation', ServiceActivationDate: null });
    const order = (await (await h.api(`/v1/orders/${pending.body.orderNumber}`)).json()) as {
      order: { status: string };
    };
    expect(order.order.status).toBe('Pending');
    const active = await create(withDates(['ContractEffective', 'ServiceActivation']));
    expect(active.body).toMatchObject({ status: 'Completed', subscriptions: [{ status: 'Active' }] });

    await settings({ requireServiceActivation: false, requireCustomerAcceptance: true });
    expect((await create(withDates(['ContractEffective']))).body.subscriptions?.[0]?.status).toBe(
      'Pending Acceptance',
    );
    await settings({ requireServiceActivation: true, requireCustomerAcceptance: true });
    expect((await create(withDates(['ContractEffective']))).body.subscriptions?.[0]?.status).toBe(
      'Pending Activation',
    );
    expect(
      (await create(withDates(['ContractEffective', 'ServiceActivation', 'CustomerAcceptance']))).body.status,
    ).toBe('Completed');
  });

  it('makes a Pending order without changing the subscription status for other actions, and for a SpecificDate charge without its date', async () => {
    const created = await create(withDates(['ContractEffective']));
    const number = String(created.body.subscriptions?.[0]?.subscriptionNumber);
    await settings({ requireServiceActivation: true });
    const added = await post(
      h,
      '/v1/orders',
      {
        orderDate: '2025-02-01',
        existingAccountNumber: account.accountNumber,
        subscriptions: [
          {
            subscriptionNumber: number,
            orderActions: [
              { type: 'AddProduct', addProduct: { externalCatalogPlanId: '01tSUPPORT0000001' } },
            ],
          },
        ],
      },
      v223,
    );
    expect(added.body).toMatchObject({
      status: 'Pending',
      subscriptions: [{ subscriptionNumber: number, status: 'Active' }],
    });
    await settings({ requireServiceActivation: false });
    const specific = seatsSubscription(catalog);
    Object.assign(specific.createSubscription.subscribeToRatePlans[0]!.chargeOverrides[0]!, {
      startDate: { triggerEvent: 'SpecificDate' },
    });
    expect((await create(specific)).body).toMatchObject({
      status: 'Pending',
      subscriptions: [{ status: 'Pending Acceptance' }],
    });
  });

  it('completes a Pending order when its trigger dates are given (PUT /v1/orders/{orderNumber}/triggerDates)', async () => {
    await settings({ requireServiceActivation: true, requireCustomerAcceptance: true });
    const pending = await create(withDates(['ContractEffective']));
    const number = String(pending.body.subscriptions?.[0]?.subscriptionNumber);
    const put = (json: unknown) =>
      h.api(`/v1/orders/${pending.body.orderNumber}/triggerDates`, { method: 'PUT', json }).then(
        async (r) =>
          (await r.json()) as {
            success: boolean;
            status: string;
            subscriptions: { status: string }[];
            reasons?: { message: string }[];
          },
      );
    const half = await put({
      subscriptions: [
        {
          subscriptionNumber: number,
          orderActions: [
            { sequence: 0, triggerDates: [{ name: 'ServiceActivation', triggerDate: '2025-01-05' }] },
          ],
        },
      ],
    });
    expect(half).toMatchObject({
      success: true,
      status: 'Pending',
      subscriptions: [{ status: 'Pending Acceptance' }],
    });
    const bad = await put({
      subscriptions: [{ subscriptionNumber: number, orderActions: [{ sequence: 7, triggerDates: [] }] }],
    });
    expect(bad.reasons?.[0]?.message).toMatch(/has no action 7/);
    const full = await put({
      subscriptions: [
        {
          subscriptionNumber: number,
          orderActions: [
            { sequence: 0, triggerDates: [{ name: 'CustomerAcceptance', triggerDate: '2025-01-10' }] },
          ],
        },
      ],
    });
    expect(full).toMatchObject({ success: true, status: 'Completed', subscriptions: [{ status: 'Active' }] });
    const sub = h.emulator.tenant.get(
      'Subscription',
      String(pending.body.subscriptions?.[0]?.subscriptionId),
    )?.record;
    expect(sub).toMatchObject({
      ServiceActivationDate: '2025-01-05',
      ContractAcceptanceDate: '2025-01-10',
      Status: 'Active',
    });
    const again = await put({
      subscriptions: [{ subscriptionNumber: number, orderActions: [{ sequence: 0 }] }],
    });
    expect(again.reasons?.[0]?.message).toMatch(/only a Pending order's trigger dates can be updated/);
  });
});
