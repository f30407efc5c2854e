// Trigger dates per setting end to end (seed 004, "Order Status in Zuora"; reference 1.8/1.9): by default an
// order sends its Effective Date as ContractEffective only; with "trigger dates on order" also the Company
// Authorized Date (ServiceActivation) and the Customer Authorized Date (CustomerAcceptance). When the Zuora
// tenant requires service activation / customer acceptance and the order lacks the date, Zuora creates the
// order Pending: the sync is done (the order is in Zuora, written back) and the sync record says what Zuora
// waits for and how to give it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpqDeps } from '../../src/cpq/cpq-deps.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { contract, cpqAction, productId, syncOrders, usdAccount } from './cpq-actions.js';
import { orderOf, subscriptionOf } from './cpq-zuora-reads.js';

describe('CPQ trigger dates', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 20, orderCount: 5 } });
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;
  const onOrder = () => ({ ...h.deps, cpq: { ...h.deps.cpq, triggerDatesOnOrder: true } });

  async function tenantRequires(requireServiceActivation: boolean, requireCustomerAcceptance: boolean) {
    const res = await fetch(`${h.zuora.url}/__emulator/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.zuora.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requireServiceActivation, requireCustomerAcceptance }),
    });
    expect(res.status).toBe(200);
  }

  /** An order with the authorized dates a sales user filled in before activating it, synced with `deps`. */
  async function sent(account: number, dates: Record<string, string>, deps: CpqDeps) {
    const { accountId, contactId } = usdAccount(sf(), account);
    const created = await cpqAction(sf(), '/orders', {
      accountId,
      billToContactId: contactId,
      effectiveDate: '2026-01-01',
      lines: [{ productId: productId('CPQ-SEAT-STD'), quantity: 4 }],
    });
    const orderId = String(created.orderId);
    if (Object.keys(dates).length > 0)
      await h.deps.salesforce.sobject('Order').update({ Id: orderId, ...dates });
    await cpqAction(sf(), `/orders/${orderId}/activate`);
    await contract(sf(), orderId);
    const { outcomes } = await syncOrders(deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Synced', undefined]]);
    const order = sf()
      .records('Order')
      .find((o) => o.Id === orderId) as Record<string, unknown>;
    const answer = await h.deps.zuora.request<{
      order: {
        status: string;
        subscriptions: { orderActions: { triggerDates: { name: string; triggerDate: string }[] }[] }[];
      };
    }>('GET', `/v1/orders/${String(order.OrderNumber)}`);
    const item = sf()
      .records('OrderItem')
      .find((i) => i.OrderId === orderId);
    const sub = await subscriptionOf(h.deps.zuora, String(item?.Zuora_Subscription_Number__c));
    const record = sf()
      .records('CPQ_Order_Sync__c')
      .find((r) => r.Order__c === orderId);
    return { answer: answer.order, sub, record, order };
  }

  it('sends the three dates with the setting on, and Zuora completes the order', async () => {
    await tenantRequires(true, true);
    const { answer, sub, record } = await sent(
      0,
      { CompanyAuthorizedDate: '2026-01-05', CustomerAuthorizedDate: '2026-01-09' },
      onOrder(),
    );
    expect(answer.status).toBe('Completed');
    expect(answer.subscriptions[0]?.orderActions[0]?.triggerDates).toEqual([
      { name: 'ContractEffective', triggerDate: '2026-01-01' },
      { name: 'ServiceActivation', triggerDate: '2026-01-05' },
      { name: 'CustomerAcceptance', triggerDate: '2026-01-09' },
    ]);
    expect(sub.status).toBe('Active');
    expect(record).toMatchObject({ Status__c: 'Synced', Fix__c: null });
    expect(String(record?.Message__c)).not.toMatch(/Pending/);
  }, 180_000);

  it('is Pending in Zuora when the tenant requires dates the order does not send, and says which', async () => {
    await tenantRequires(true, false);
    // Setting off: the dates on the order are not sent, so service activation is missing.
    const off = await sent(1, { CompanyAuthorizedDate: '2026-01-05' }, h.deps);
    expect(off.answer.status).toBe('Pending');
    // Zuora fills in the dates it does not require (acceptance); service activation stays unset.
    const offDates = off.answer.subscriptions[0]?.orderActions[0]?.triggerDates ?? [];
    expect(offDates.map((d) => d.name)).not.toContain('ServiceActivation');
    expect(off.sub.status).toBe('Pending Activation');
    expect(off.order).toMatchObject({ Zuora_Sync_Status__c: 'Synced', Zuora_Last_Sync_Error__c: null });
    expect(off.order.Zuora_Order_Number__c).toBe(off.order.OrderNumber);
    expect(off.record?.Status__c).toBe('Synced');
    expect(String(off.record?.Message__c)).toMatch(/Pending until its service activation date/);
    expect(String(off.record?.Message__c)).not.toMatch(/customer acceptance/);
    expect(String(off.record?.Fix__c)).toMatch(/Company Authorized Date/);

    // Setting on, but the order has no Customer Authorized Date while the tenant requires acceptance.
    await tenantRequires(false, true);
    const on = await sent(2, { CompanyAuthorizedDate: '2026-01-05' }, onOrder());
    expect(on.answer.status).toBe('Pending');
    expect(on.sub.status).toBe('Pending Acceptance');
    expect(String(on.record?.Message__c)).toMatch(/Pending until its customer acceptance date/);
    expect(String(on.record?.Message__c)).not.toMatch(/service activation/);
    expect((await orderOf(h.deps.zuora, String(on.order.OrderNumber)))?.status).toBe('Pending');
    await tenantRequires(false, false);
  }, 180_000);
});
