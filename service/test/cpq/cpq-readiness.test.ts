// The readiness gate end to end through both emulators: an amendment arriving before the order it amends is
// in Zuora waits (in plain words, not failed) and syncs once that order is; amendments of one contract go in
// start-date order even when asked for in separate sessions; an order waiting for CPQ's contracting syncs
// once contracted; the poller keeps a waiting amendment and sends it later. Waiting sends nothing to Zuora.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollOnce } from '../../src/cpq/cpq-poller.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, contract, productId, syncOrders, usdAccount } from './cpq-actions.js';
import {
  amended,
  contracted,
  expectSyncedWriteBack,
  liveCharges,
  record,
  zuoraNumber,
  zuoraSubscription,
} from './cpq-contracts.js';

describe('CPQ readiness', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness();
  }, 120_000);
  afterAll(async () => h.close());

  const zuoraOrders = (orderId: string) => {
    const number = record(h, 'Order', orderId).OrderNumber;
    return [...h.zuora.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === number);
  };

  async function expectWaiting(orderId: string, code: string, words: RegExp) {
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Waiting', code]]);
    expect(outcomes[0]?.error?.message).toMatch(words);
    const order = record(h, 'Order', orderId);
    expect(order.Zuora_Sync_Status__c).toBe('Waiting');
    expect(String(order.Zuora_Last_Sync_Error__c)).toMatch(words);
    const syncRecord = h.salesforce.records('CPQ_Order_Sync__c').find((r) => r.Order__c === orderId);
    expect(syncRecord).toMatchObject({ Status__c: 'Waiting', Error_Code__c: code });
    expect(zuoraOrders(orderId)).toHaveLength(0);
  }

  async function expectSynced(orderIds: string[]) {
    const { outcomes } = await syncOrders(h.deps, orderIds);
    expect(outcomes.map((o) => [o.orderId, o.status, o.error?.message])).toEqual(
      orderIds.map((id) => [id, 'Synced', undefined]),
    );
  }

  it('an amendment arriving before its initial order waits, then syncs once that order is in Zuora', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]], { sync: false });
    const amendment = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-STD'), quantity: 12 }],
    });
    const initialNumber = String(record(h, 'Order', c.orderId).OrderNumber);
    await expectWaiting(amendment, 'CPQ-W001', new RegExp(`order ${initialNumber} .*is not in Zuora yet`));
    await expectSynced([c.orderId]);
    await expectSynced([amendment]);
    const number = zuoraNumber(h, c, 'CPQ-SEAT-STD');
    const charges = liveCharges(await zuoraSubscription(h, number));
    expect(charges.find((ch) => ch.effectiveStartDate === '2026-04-01')?.quantity).toBe(12);
    expectSyncedWriteBack(h, amendment);
    expect(zuoraOrders(amendment)).toHaveLength(1);
  }, 240_000);

  it('an amendment and its initial order asked for together sync in start-date order', async () => {
    const c = await contracted(h, [['CPQ-SEAT-PRO', 3]], { sync: false });
    const amendment = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-PRO'), quantity: 5 }],
    });
    const { outcomes } = await syncOrders(h.deps, [amendment, c.orderId]);
    expect(outcomes.map((o) => [o.orderId, o.status, o.error?.message])).toEqual([
      [c.orderId, 'Synced', undefined],
      [amendment, 'Synced', undefined],
    ]);
    const charges = liveCharges(await zuoraSubscription(h, zuoraNumber(h, c, 'CPQ-SEAT-PRO')));
    expect(charges.find((ch) => ch.effectiveStartDate === '2026-04-01')?.quantity).toBe(5);
  }, 240_000);

  it('a later amendment of the same contract waits for the earlier one, asked for in another session', async () => {
    const c = await contracted(h, [['CPQ-SEAT-STD', 10]]);
    const subscriptionId = c.subscriptions.get('CPQ-SEAT-STD');
    const first = await amended(h, c.contractId, { changes: [{ subscriptionId, quantity: 14 }] });
    const second = await amended(h, c.contractId, {
      effectiveDate: '2026-07-01',
      changes: [{ subscriptionId, quantity: 9 }],
    });
    const firstNumber = String(record(h, 'Order', first).OrderNumber);
    await expectWaiting(second, 'CPQ-W002', new RegExp(`order ${firstNumber} \\(starting 2026-04-01\\)`));
    const segment = async (start: string) =>
      liveCharges(await zuoraSubscription(h, zuoraNumber(h, c, 'CPQ-SEAT-STD'))).find(
        (ch) => ch.effectiveStartDate === start,
      )?.quantity;
    await expectSynced([first]);
    expect(await segment('2026-04-01')).toBe(14);
    await expectSynced([second]);
    expect(await segment('2026-07-01')).toBe(9);
    expectSyncedWriteBack(h, second);
  }, 240_000);

  it('an order waiting for contracting syncs once contracted', async () => {
    const { accountId, contactId } = usdAccount(h.salesforce, 2);
    const orderId = await activatedOrder(
      h.salesforce,
      {
        accountId,
        billToContactId: contactId,
        lines: [{ productId: productId('CPQ-SEAT-STD'), quantity: 2 }],
      },
      { contract: false },
    );
    await expectWaiting(orderId, 'CPQ-E003', /have no CPQ subscription yet/);
    await contract(h.salesforce, orderId);
    await expectSynced([orderId]);
    expectSyncedWriteBack(h, orderId);
    expect(zuoraOrders(orderId)).toHaveLength(1);
  }, 240_000);
  it('the poller keeps a waiting amendment and sends it once its initial order is synced', async () => {
    const c = await contracted(h, [['CPQ-SEAT-PRO', 6]], { account: 3, sync: false });
    const amendment = await amended(h, c.contractId, {
      changes: [{ subscriptionId: c.subscriptions.get('CPQ-SEAT-PRO'), quantity: 2 }],
    });
    // The poller of this account's amendments only: the initial order is left to an on-demand sync.
    const deps = {
      ...h.deps,
      cpq: { ...h.deps.cpq, orderFilter: `Type = 'Amendment' AND AccountId = '${c.accountId}'` },
    };
    await pollOnce(deps);
    expect(record(h, 'Order', amendment)).toMatchObject({ Zuora_Sync_Status__c: 'Waiting' });
    expect(zuoraOrders(amendment)).toHaveLength(0);
    await expectSynced([c.orderId]);
    await pollOnce(deps);
    expectSyncedWriteBack(h, amendment);
    const charges = liveCharges(await zuoraSubscription(h, zuoraNumber(h, c, 'CPQ-SEAT-PRO')));
    expect(charges.find((ch) => ch.effectiveStartDate === '2026-04-01')?.quantity).toBe(2);
    await pollOnce(deps);
    expect(zuoraOrders(amendment)).toHaveLength(1);
  }, 240_000);
});
