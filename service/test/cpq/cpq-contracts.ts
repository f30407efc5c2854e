// Contracts through their lifecycle for the amendment tests: an initial order activated, contracted and
// (unless told) synced; an amendment or renewal of its contract made by the sales user, activated and
// contracted; what Salesforce and Zuora then hold (the Zuora side read over its REST API).
import { expect } from 'vitest';
import type { CpqHarness } from './cpq-harness.js';
import { activatedOrder, contract, cpqAction, productId, syncOrders, usdAccount } from './cpq-actions.js';

export type SfRecord = Record<string, unknown>;

export interface ZuoraCharge {
  id: string;
  number: string;
  quantity: number | null;
  price: number | null;
  effectiveStartDate: string;
  effectiveEndDate: string | null;
}

export interface ZuoraSubscription {
  status: string;
  termEndDate: string;
  subscriptionEndDate: string | null;
  invoiceOwnerAccountNumber: string | null;
  /** The subscription owner's account number. */
  accountNumber: string | null;
  ratePlans: { id: string; lastChangeType: string | null; ratePlanCharges: ZuoraCharge[] }[];
}

export function record(h: CpqHarness, object: string, id: unknown): SfRecord {
  const r = h.salesforce.records(object).find((x) => x.Id === id);
  if (r === undefined) throw new Error(`no ${object} ${String(id)}`);
  return r;
}

export const items = (h: CpqHarness, orderId: string): SfRecord[] =>
  h.salesforce.records('OrderItem').filter((i) => i.OrderId === orderId);

export interface Contracted {
  readonly orderId: string;
  readonly contractId: string;
  readonly accountId: string;
  /** The root CPQ subscription of each product code. */
  readonly subscriptions: ReadonlyMap<string, string>;
}

/** An initial order of `lines` (product code, quantity) activated, contracted and, unless told, synced. */
export async function contracted(
  h: CpqHarness,
  lines: [string, number][],
  options: { account?: number; sync?: boolean } = {},
): Promise<Contracted> {
  const { accountId, contactId } = usdAccount(h.salesforce, options.account ?? 0);
  const orderId = await activatedOrder(h.salesforce, {
    accountId,
    billToContactId: contactId,
    shipToContactId: contactId,
    lines: lines.map(([code, quantity]) => ({ productId: productId(code), quantity })),
  });
  const contractRow = h.salesforce.records('Contract').find((c) => c.SBQQ__Order__c === orderId);
  const contractId = String(contractRow?.Id);
  const subscriptions = new Map(
    lines.map(([code]) => {
      const sub = h.salesforce
        .records('SBQQ__Subscription__c')
        .find((s) => s.SBQQ__Contract__c === contractId && s.SBQQ__Product__c === productId(code));
      return [code, String(sub?.Id)];
    }),
  );
  if (options.sync !== false) {
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.message])).toEqual([['Synced', undefined]]);
  }
  return { orderId, contractId, accountId, subscriptions };
}

async function activateAndContract(
  h: CpqHarness,
  created: Record<string, unknown>,
  edit?: (orderId: string) => Promise<void>,
): Promise<string> {
  const orderId = String(created.orderId);
  if (edit !== undefined) await edit(orderId);
  await cpqAction(h.salesforce, `/orders/${orderId}/activate`);
  await contract(h.salesforce, orderId);
  return orderId;
}

/** Amends the contract as a sales user (admin API body: effectiveDate, changes, add, owners); answers the
 * amendment order, edited while still a draft when told, then activated and contracted. */
export async function amended(
  h: CpqHarness,
  contractId: string,
  body: Record<string, unknown>,
  edit?: (orderId: string) => Promise<void>,
) {
  return activateAndContract(
    h,
    await cpqAction(h.salesforce, `/contracts/${contractId}/amend`, { effectiveDate: '2026-04-01', ...body }),
    edit,
  );
}

/** Renews the contract (admin API body: prices, upliftPercent, ...); answers the renewal order, activated
 * and contracted. */
export async function renewed(h: CpqHarness, contractId: string, body: Record<string, unknown> = {}) {
  return activateAndContract(h, await cpqAction(h.salesforce, `/contracts/${contractId}/renew`, body));
}

export async function zuoraSubscription(h: CpqHarness, number: unknown): Promise<ZuoraSubscription> {
  return h.deps.zuora.request<ZuoraSubscription>('GET', `/v1/subscriptions/${String(number)}`);
}

/** The Zuora order of a Salesforce order: its action types by subscription number. */
export async function zuoraOrderActions(h: CpqHarness, orderId: string): Promise<Record<string, string[]>> {
  const number = String(record(h, 'Order', orderId).OrderNumber);
  const answer = await h.deps.zuora.request<{
    order: { subscriptions: { subscriptionNumber: string; orderActions: { type: string }[] }[] };
  }>('GET', `/v1/orders/${number}`);
  return Object.fromEntries(
    answer.order.subscriptions.map((s) => [s.subscriptionNumber, s.orderActions.map((a) => a.type)]),
  );
}

/** The live charges of a subscription (rate plans not removed), with their segments. */
export const liveCharges = (sub: ZuoraSubscription): ZuoraCharge[] =>
  sub.ratePlans.filter((rp) => rp.lastChangeType !== 'Remove').flatMap((rp) => rp.ratePlanCharges);

/** The Zuora subscription number written back on the root order product of a product code. */
export function zuoraNumber(h: CpqHarness, c: Contracted, code: string): string {
  const root = items(h, c.orderId).find((i) => i.Product2Id === productId(code));
  const number = root?.Zuora_Subscription_Number__c;
  if (typeof number !== 'string') throw new Error(`no Zuora subscription written back for ${code}`);
  return number;
}

/** The order synced, and its write-back: status, Zuora order number, every subscription line linked. */
export function expectSyncedWriteBack(h: CpqHarness, orderId: string): SfRecord[] {
  const order = record(h, 'Order', orderId);
  expect(order).toMatchObject({ Zuora_Sync_Status__c: 'Synced', Zuora_Last_Sync_Error__c: null });
  expect(order.Zuora_Order_Number__c).toBe(order.OrderNumber);
  const lines = items(h, orderId);
  for (const i of lines.filter((x) => x.SBQQ__Subscription__c !== null)) {
    expect(i.Zuora_Subscription_Number__c, String(i.OrderItemNumber)).toEqual(expect.any(String));
    expect(i.Zuora_Rate_Plan_Id__c, String(i.OrderItemNumber)).toEqual(expect.any(String));
  }
  const syncRecords = h.salesforce.records('CPQ_Order_Sync__c').filter((r) => r.Order__c === orderId);
  expect(syncRecords).toMatchObject([{ Status__c: 'Synced', Error_Code__c: null }]);
  return lines;
}
