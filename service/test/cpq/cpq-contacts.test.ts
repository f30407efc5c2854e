// Bill-to and sold-to contacts of CPQ orders through the engine and both emulators, one test per case of seed
// 004's precedence (order contact -> order address, a new contact each time -> the account's own), the
// invoice-owner and subscription-owner accounts created when Zuora lacks them, the account's parent created
// first and the account found by CRM ID kept current (reference 1.8 step 1), and a Bill To / Ship To
// contact of another account refused with its code, message and fix. The Zuora side is read through the
// Zuora emulator's REST API; the write-back from the Salesforce emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, productId, syncOrders, usdAccount } from './cpq-actions.js';
import { accountOf, accountsByCrmId, contactsOf, orderOf, subscriptionOf } from './cpq-zuora-reads.js';

const seat = [{ productId: productId('CPQ-SEAT-STD'), quantity: 3 }];
const address = {
  street: '1 Precedence Way',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
  country: 'United States',
};

describe('CPQ order contacts', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 30, orderCount: 5 } });
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;
  const order = (id: string) =>
    sf()
      .records('Order')
      .find((o) => o.Id === id) as Record<string, unknown>;
  const subscriptionNumber = (orderId: string) =>
    String(
      sf()
        .records('OrderItem')
        .find((i) => i.OrderId === orderId && i.SBQQ__Subscription__c !== null)?.Zuora_Subscription_Number__c,
    );

  async function synced(orderId: string): Promise<void> {
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Synced', undefined]]);
  }

  it('bills to the order’s Bill To contact and sells to its Ship To contact, found again by CRM id', async () => {
    const { accountId } = usdAccount(sf(), 0);
    const contacts = sf()
      .records('Contact')
      .filter((c) => c.AccountId === accountId);
    const billTo = String(contacts[0]?.Id);
    const shipTo = String((contacts[1] ?? contacts[0])?.Id);
    const first = await activatedOrder(sf(), {
      accountId,
      billToContactId: billTo,
      shipToContactId: shipTo,
      lines: seat,
    });
    await synced(first);
    const zAccount = await accountOf(h.deps.zuora, accountId);
    const zContacts = await contactsOf(h.deps.zuora, zAccount.id);
    const zBillTo = zContacts.find((c) => c.crmId__c === billTo);
    const zShipTo = zContacts.find((c) => c.crmId__c === shipTo);
    const sub = await subscriptionOf(h.deps.zuora, subscriptionNumber(first));
    expect(sub.billToContactId).toBe(zBillTo?.Id);
    expect(sub.soldToContactId).toBe(zShipTo?.Id);
    // A second order with the same contacts reuses them (a Salesforce contact is one Zuora contact).
    const second = await activatedOrder(sf(), {
      accountId,
      billToContactId: billTo,
      shipToContactId: shipTo,
      lines: seat,
    });
    await synced(second);
    const after = await contactsOf(h.deps.zuora, zAccount.id);
    expect(after.filter((c) => c.crmId__c === billTo)).toHaveLength(1);
    expect((await subscriptionOf(h.deps.zuora, subscriptionNumber(second))).billToContactId).toBe(
      zBillTo?.Id,
    );
  }, 180_000);

  it('makes a new contact from the order’s billing and shipping address for each order', async () => {
    const { accountId } = usdAccount(sf(), 1);
    const shipping = { ...address, street: '2 Shipping Lane', city: 'Salem' };
    const orders: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const id = await activatedOrder(sf(), {
        accountId,
        billingAddress: address,
        shippingAddress: shipping,
        lines: seat,
      });
      await synced(id);
      orders.push(id);
    }
    const zAccount = await accountOf(h.deps.zuora, accountId);
    const zContacts = await contactsOf(h.deps.zuora, zAccount.id);
    for (const id of orders) {
      const born = zContacts.filter((c) => c.crmOrderId__c === id);
      expect(born.map((c) => [c.City, c.State, c.Country]).sort()).toEqual(
        [
          ['Portland', 'OR', 'United States'],
          ['Salem', 'OR', 'United States'],
        ].sort(),
      );
      const sub = await subscriptionOf(h.deps.zuora, subscriptionNumber(id));
      expect(born.find((c) => c.City === 'Portland')?.Id).toBe(sub.billToContactId);
      expect(born.find((c) => c.City === 'Salem')?.Id).toBe(sub.soldToContactId);
    }
    // One bill-to and one sold-to per order: never shared, never updated.
    expect(zContacts.filter((c) => c.City === 'Portland')).toHaveLength(2);
  }, 180_000);

  it('falls back to the account’s own bill-to and sold-to without an order contact or address', async () => {
    const { accountId } = usdAccount(sf(), 2);
    const id = await activatedOrder(sf(), { accountId, lines: seat });
    await synced(id);
    const zAccount = await accountOf(h.deps.zuora, accountId);
    const sub = await subscriptionOf(h.deps.zuora, subscriptionNumber(id));
    expect(sub.billToContactId).toBe(zAccount.billToId);
    expect(sub.soldToContactId).toBe(zAccount.soldToId);
    const zContacts = await contactsOf(h.deps.zuora, zAccount.id);
    expect(zContacts.filter((c) => c.crmOrderId__c === id)).toEqual([]);
  }, 180_000);

  it('creates the missing invoice-owner and subscription-owner accounts and bills through them', async () => {
    const { accountId } = usdAccount(sf(), 3);
    const invoiceOwner = usdAccount(sf(), 4);
    const subscriptionOwner = usdAccount(sf(), 5);
    expect(await accountsByCrmId(h.deps.zuora, invoiceOwner.accountId)).toEqual([]);
    expect(await accountsByCrmId(h.deps.zuora, subscriptionOwner.accountId)).toEqual([]);
    const id = await activatedOrder(sf(), {
      accountId,
      invoiceOwnerId: invoiceOwner.accountId,
      subscriptionOwnerId: subscriptionOwner.accountId,
      billToContactId: invoiceOwner.contactId,
      shipToContactId: subscriptionOwner.contactId,
      lines: [...seat, { productId: productId('CPQ-ROUTER'), quantity: 1 }],
    });
    await synced(id);
    const zInvoice = await accountOf(h.deps.zuora, invoiceOwner.accountId);
    const zOwner = await accountOf(h.deps.zuora, subscriptionOwner.accountId);
    expect(await accountsByCrmId(h.deps.zuora, accountId)).toHaveLength(1);
    const zOrder = await orderOf(h.deps.zuora, String(order(id).OrderNumber));
    expect(zOrder?.existingAccountNumber).toBe(zInvoice.accountNumber);
    const sub = await subscriptionOf(h.deps.zuora, subscriptionNumber(id));
    expect(sub.accountNumber).toBe(zOwner.accountNumber);
    expect(sub.invoiceOwnerAccountId).toBe(zInvoice.id);
    const billTo = (await contactsOf(h.deps.zuora, zInvoice.id)).find(
      (c) => c.crmId__c === invoiceOwner.contactId,
    );
    const soldTo = (await contactsOf(h.deps.zuora, zOwner.id)).find(
      (c) => c.crmId__c === subscriptionOwner.contactId,
    );
    expect(sub.billToContactId).toBe(billTo?.Id);
    expect(sub.soldToContactId).toBe(soldTo?.Id);
    // The one-time item belongs to the subscription owner and bills to the invoice owner's contact.
    const lines = await h.deps.zuora.request<{
      order: { orderLineItems: { ownerAccountId: string; billTo: string; soldTo: string }[] };
    }>('GET', `/v1/orders/${String(order(id).OrderNumber)}`);
    expect(lines.order.orderLineItems).toMatchObject([
      { ownerAccountId: zOwner.id, billTo: billTo?.Id, soldTo: soldTo?.Id },
    ]);
    for (const a of [accountId, invoiceOwner.accountId, subscriptionOwner.accountId]) {
      const sfAccount = sf()
        .records('Account')
        .find((r) => r.Id === a);
      expect(sfAccount?.Zuora_Account_Number__c, a).toBe((await accountOf(h.deps.zuora, a)).accountNumber);
    }
  }, 180_000);

  it('creates the parent account first and keeps the account found by CRM ID current', async () => {
    const child = usdAccount(sf(), 8);
    const parent = usdAccount(sf(), 9);
    await h.deps.salesforce.sobject('Account').update({ Id: child.accountId, ParentId: parent.accountId });
    expect(await accountsByCrmId(h.deps.zuora, parent.accountId)).toEqual([]);
    await synced(await activatedOrder(sf(), { accountId: child.accountId, lines: seat }));
    const zParent = await accountOf(h.deps.zuora, parent.accountId);
    const zChild = await accountOf(h.deps.zuora, child.accountId);
    expect(zChild.parentId).toBe(zParent.id);
    await h.deps.salesforce.sobject('Account').update({ Id: child.accountId, Name: 'Renamed Customer Inc' });
    await synced(await activatedOrder(sf(), { accountId: child.accountId, lines: seat }));
    const again = await accountsByCrmId(h.deps.zuora, child.accountId);
    expect(again.map((a) => a.id)).toEqual([zChild.id]);
    const view = await h.deps.zuora.request<{ basicInfo: { name: string } }>(
      'GET',
      `/v1/accounts/${zChild.accountNumber}`,
    );
    expect(view.basicInfo.name).toBe('Renamed Customer Inc');
  }, 180_000);

  it('refuses a Bill To contact outside the invoice owner and a Ship To outside the subscription owner', async () => {
    const { accountId, contactId } = usdAccount(sf(), 6);
    const other = usdAccount(sf(), 7);
    const cases = [
      { billToContactId: other.contactId, code: 'CPQ-E008', field: 'Bill To' },
      { billToContactId: contactId, shipToContactId: other.contactId, code: 'CPQ-E009', field: 'Ship To' },
    ];
    for (const { code, field, ...contacts } of cases) {
      const id = await activatedOrder(sf(), { accountId, ...contacts, lines: seat });
      const { outcomes } = await syncOrders(h.deps, [id]);
      expect(outcomes[0]?.status, code).toBe('Failed');
      expect(outcomes[0]?.error?.code, code).toBe(code);
      expect(outcomes[0]?.error?.message, code).toContain(`${field} contact ${other.contactId}`);
      const record = sf()
        .records('CPQ_Order_Sync__c')
        .find((r) => r.Order__c === id);
      expect(record, code).toMatchObject({ Status__c: 'Failed', Error_Code__c: code });
      expect(String(record?.Fix__c), code).toMatch(new RegExp(field));
      expect(order(id).Zuora_Sync_Status__c, code).toBe('Failed');
      expect(String(order(id).Zuora_Last_Sync_Error__c), code).toMatch(new RegExp(`^${code}: `));
      expect(await orderOf(h.deps.zuora, String(order(id).OrderNumber)), code).toBeUndefined();
    }
  }, 180_000);
});
