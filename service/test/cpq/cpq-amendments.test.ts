// CPQ amendments and renewals end to end through both emulators (reference §1.9): the sales user amends or
// renews a synced contract in the Salesforce emulator, the engine sends one Zuora order of the documented
// actions, the Zuora subscription ends as CPQ has it, and Salesforce holds the write-back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { productId, syncOrders, usdAccount } from './cpq-actions.js';
import {
  amended,
  contracted,
  items,
  expectSyncedWriteBack,
  liveCharges,
  record,
  renewed,
  zuoraNumber,
  zuoraOrderActions,
  zuoraSubscription,
  type ZuoraSubscription,
} from './cpq-contracts.js';

describe('CPQ amendments and renewals', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness();
  }, 120_000);
  afterAll(async () => h.close());

  async function syncOne(orderId: string) {
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code, o.error?.message])).toEqual([
      ['Synced', undefined, undefined],
    ]);
    return outcomes[0];
  }

  it('raises a quantity with UpdateProduct to the new absolute quantity', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), quantity: 15 }],
    });
    // A dry run answers the exact order it would send (previewed by Zuora) and changes nothing.
    const dry = await syncOrders(h.deps, [orderId], true);
    expect(dry.outcomes.map((o) => [o.status, o.error?.message])).toEqual([['Preview', undefined]]);
    const sent = dry.outcomes[0]?.requests?.find((r) => r.path === '/v1/async/orders');
    expect(sent?.body).toMatchObject({
      subscriptions: [
        {
          subscriptionNumber: number,
          orderActions: [
            {
              type: 'UpdateProduct',
              updateProduct: { chargeUpdates: [{ pricing: { recurringPerUnit: { quantity: 15 } } }] },
            },
          ],
        },
      ],
    });
    expect(liveCharges(await zuoraSubscription(h, number))).toMatchObject([{ quantity: 10 }]);
    expect(record(h, 'Order', orderId).Zuora_Sync_Status__c).not.toBe('Synced');

    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [number]: ['UpdateProduct'] });
    const sub = await zuoraSubscription(h, number);
    expect(sub.status).toBe('Active');
    expect(liveCharges(sub).find((ch) => ch.effectiveStartDate === '2026-04-01')?.quantity).toBe(15);
    const [line] = expectSyncedWriteBack(h, orderId);
    expect(line).toMatchObject({
      Zuora_Subscription_Number__c: number,
      SBQQ__ContractAction__c: 'Quantity Increase',
    });
    const delta = record(h, 'SBQQ__Subscription__c', line?.SBQQ__Subscription__c);
    expect(delta.Zuora_Subscription_Number__c).toBe(number);
  }, 180_000);
  it('lowers a quantity with UpdateProduct', async () => {
    const c = await contracted(h, [['CPQ-SEAT-PRO', 10]]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-PRO');
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-PRO'), quantity: 4 }],
    });
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [number]: ['UpdateProduct'] });
    const charges = liveCharges(await zuoraSubscription(h, number));
    expect(charges.find((ch) => ch.effectiveStartDate === '2026-04-01')?.quantity).toBe(4);
    const [line] = expectSyncedWriteBack(h, orderId);
    expect(line).toMatchObject({ Quantity: -6, Zuora_Subscription_Number__c: number });
  }, 180_000);

  it('cancels a subscription with CancelSubscription on the amendment date', async () => {
    const c = await contracted(h, [
      ['CPQ-SEAT-STD', 5],
      ['CPQ-SEAT-PRO', 2],
    ]);
    const cancelled = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const kept = zuoraNumber(h, c, 'CPQ-SEAT-PRO');
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), cancel: true }],
    });
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [cancelled]: ['CancelSubscription'] });
    const sub = await zuoraSubscription(h, cancelled);
    expect(sub).toMatchObject({ status: 'Cancelled', subscriptionEndDate: '2026-04-01' });
    expect((await zuoraSubscription(h, kept)).status).toBe('Active');
    const [line] = expectSyncedWriteBack(h, orderId);
    expect(line).toMatchObject({
      SBQQ__ContractAction__c: 'Cancel',
      Zuora_Subscription_Number__c: cancelled,
    });

    // Changed after its sync (a new version, as when its write-back was lost after Zuora took it): the
    // amendment cannot be built again from a cancelled subscription, Zuora has it under its number, so it
    // is synced again without a second order.
    await h.deps.salesforce.sobject('Order').update({ Id: orderId, Description: 'edited after its sync' });
    await syncOne(orderId);
    const number = record(h, 'Order', orderId).OrderNumber;
    expect(
      [...h.zuora.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === number),
    ).toHaveLength(1);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [cancelled]: ['CancelSubscription'] });
    expectSyncedWriteBack(h, orderId);
  }, 180_000);

  it('changes a price as cancel + a new subscription at the new price', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]]);
    const old = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), unitPrice: 25 }],
    });
    await syncOne(orderId);
    const lines = expectSyncedWriteBack(h, orderId);
    const rebook = lines.find((i) => i.SBQQ__ContractAction__c === 'New');
    const rebooked = String(rebook?.Zuora_Subscription_Number__c);
    expect(rebooked).not.toBe(old);
    expect(rebooked).toBe(record(h, 'SBQQ__Subscription__c', rebook?.SBQQ__Subscription__c).Name);
    expect(await zuoraOrderActions(h, orderId)).toEqual({
      [old]: ['CancelSubscription'],
      [rebooked]: ['CreateSubscription'],
    });
    expect((await zuoraSubscription(h, old)).status).toBe('Cancelled');
    const fresh = await zuoraSubscription(h, rebooked);
    expect(fresh.status).toBe('Active');
    expect(liveCharges(fresh)).toMatchObject([{ quantity: 10, price: 25 }]);
  }, 180_000);

  it('adds a product as a new subscription (CreateSubscription), and a one-time product as a line item', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 3]]);
    const existing = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const orderId = await amended(h, c.contractId, {
      add: [
        { productId: productId('CPQ-SEAT-PRO'), quantity: 7 },
        { productId: productId('CPQ-ROUTER'), quantity: 2 },
      ],
    });
    await syncOne(orderId);
    const lines = expectSyncedWriteBack(h, orderId);
    const seat = lines.find((i) => i.Product2Id === productId('CPQ-SEAT-PRO'));
    const added = String(seat?.Zuora_Subscription_Number__c);
    expect(added).not.toBe(existing);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [added]: ['CreateSubscription'] });
    expect(liveCharges(await zuoraSubscription(h, added))).toMatchObject([{ quantity: 7, price: 60 }]);
    expect(liveCharges(await zuoraSubscription(h, existing))).toMatchObject([{ quantity: 3 }]);
    const router = lines.find((i) => i.Product2Id === productId('CPQ-ROUTER'));
    const number = record(h, 'Order', orderId).OrderNumber;
    const answer = await h.deps.zuora.request<{
      order: { orderLineItems: { id: string; quantity: number }[] };
    }>('GET', `/v1/orders/${String(number)}`);
    expect(answer.order.orderLineItems).toMatchObject([
      { id: router?.Zuora_Order_Line_Item_Id__c, quantity: 2 },
    ]);
  }, 180_000);

  it('transfers the invoice owner with OwnerTransfer when InvoiceOwner__c changes', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 6]]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const before = (await zuoraSubscription(h, number)).invoiceOwnerAccountNumber;
    const owner = usdAccount(h.salesforce, 1);
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), quantity: 8 }],
      invoiceOwnerId: owner.accountId,
      billToContactId: owner.contactId,
    });
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [number]: ['UpdateProduct', 'OwnerTransfer'] });
    const ownerNumber = record(h, 'Account', owner.accountId).Zuora_Account_Number__c;
    expect(ownerNumber).toEqual(expect.any(String));
    expect(before).not.toBe(ownerNumber);
    expect((await zuoraSubscription(h, number)).invoiceOwnerAccountNumber).toBe(ownerNumber);
    expectSyncedWriteBack(h, orderId);
  }, 180_000);

  it('transfers both owners of every subscription with OwnerTransfer alone when only the owners change', async () => {
    const c = await contracted(h, [
      ['CPQ-SEAT-STD', 6],
      ['CPQ-SEAT-PRO', 2],
    ]);
    const numbers = [zuoraNumber(h, c, 'CPQ-SEAT-STD'), zuoraNumber(h, c, 'CPQ-SEAT-PRO')];
    const before = await Promise.all(numbers.map((n) => zuoraSubscription(h, n)));
    const owner = usdAccount(h.salesforce, 2);
    const orderId = await amended(h, c.contractId, {
      invoiceOwnerId: owner.accountId,
      subscriptionOwnerId: owner.accountId,
      billToContactId: owner.contactId,
      shipToContactId: owner.contactId,
    });
    // CPQ carries the lines the amendment leaves as they are: a delta of 0, each naming its lineage.
    expect(items(h, orderId).map((i) => [i.Quantity, i.SBQQ__ContractAction__c])).toEqual([
      [0, null],
      [0, null],
    ]);
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({
      [numbers[0] as string]: ['OwnerTransfer'],
      [numbers[1] as string]: ['OwnerTransfer'],
    });
    const ownerNumber = record(h, 'Account', owner.accountId).Zuora_Account_Number__c;
    expect(ownerNumber).toEqual(expect.any(String));
    for (const [i, n] of numbers.entries()) {
      const after = await zuoraSubscription(h, n);
      expect(before[i]?.invoiceOwnerAccountNumber).not.toBe(ownerNumber);
      expect(after).toMatchObject({
        status: 'Active',
        invoiceOwnerAccountNumber: ownerNumber,
        accountNumber: ownerNumber,
        termEndDate: before[i]?.termEndDate,
      });
      // Nothing else changed: the same charges, quantities, prices and segments (a new subscription
      // version gives its charges new ids).
      const same = (s: ZuoraSubscription) => liveCharges(s).map(({ id: _id, ...rest }) => rest);
      expect(same(after)).toEqual(same(before[i] as ZuoraSubscription));
    }
    const lines = expectSyncedWriteBack(h, orderId);
    expect(lines.map((l) => l.Zuora_Subscription_Number__c).sort()).toEqual([...numbers].sort());
  }, 180_000);

  it('renews with RenewSubscription, and UpdateProduct for the renewal price', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const before = await zuoraSubscription(h, number);
    const orderId = await renewed(h, c.contractId, {
      prices: { [String(c.subscriptions.get('CPQ-SEAT-STD'))]: 35 },
    });
    expect(record(h, 'Order', orderId).Type).toBe('Renewal');
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [number]: ['RenewSubscription', 'UpdateProduct'] });
    const after = await zuoraSubscription(h, number);
    expect(after.termEndDate > before.termEndDate).toBe(true);
    const renewal = liveCharges(after).find((ch) => ch.effectiveStartDate === '2027-01-01');
    expect(renewal).toMatchObject({ quantity: 10, price: 35 });
    const [line] = expectSyncedWriteBack(h, orderId);
    expect(line).toMatchObject({ SBQQ__ContractAction__c: 'Renew', Zuora_Subscription_Number__c: number });
  }, 180_000);
  it('refuses a change of billing period before sending anything (CPQ-E012)', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const orderId = await amended(
      h,
      c.contractId,
      { changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), quantity: 11 }] },
      async (draft) => {
        const [line] = items(h, draft);
        await h.deps.salesforce
          .sobject('OrderItem')
          .update({ Id: String(line?.Id), SBQQ__BillingFrequency__c: 'Quarterly' });
      },
    );
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Failed', 'CPQ-E012']]);
    expect(outcomes[0]?.error?.message).toMatch(
      `subscription ${number}'s billing period from Month to Quarter`,
    );
    const order = record(h, 'Order', orderId);
    expect(order.Zuora_Sync_Status__c).toBe('Failed');
    expect(String(order.Zuora_Last_Sync_Error__c)).toMatch(/^CPQ-E012: /);
    const orderNumber = order.OrderNumber;
    expect(
      [...h.zuora.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === orderNumber),
    ).toEqual([]);
    expect(liveCharges(await zuoraSubscription(h, number))).toMatchObject([{ quantity: 10 }]);
  }, 180_000);
  it('cancels a usage subscription, found by its charge number (its rate plan names the schedule)', async () => {
    const c = await contracted(h, [['CPQ-API', 1]]);
    const number = zuoraNumber(h, c, 'CPQ-API');
    const [root] = items(h, c.orderId);
    expect(root?.Zuora_Rate_Plan_Id__c).toEqual(expect.any(String));
    const orderId = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-API'), cancel: true }],
    });
    await syncOne(orderId);
    expect(await zuoraOrderActions(h, orderId)).toEqual({ [number]: ['CancelSubscription'] });
    expect(await zuoraSubscription(h, number)).toMatchObject({ status: 'Cancelled' });
    const [line] = expectSyncedWriteBack(h, orderId);
    expect(line).toMatchObject({ Zuora_Subscription_Number__c: number });
  }, 180_000);
});
