// What an amendment or renewal revises, as Zuora has it now (rules/synced-line.ts, rules/non-updatable.ts):
// each revised order product (the first of its lineage) names its Zuora subscription through its
// write-back (Zuora_Subscription_Number__c) or, when its order was synced earlier in this session, through
// that sync's links; the subscription is then read from Zuora (one call each) and the lineage's rate plan
// found by externallyManagedPlanId = that OrderItem Id, else by its charge number (= OrderItemNumber, which
// usage rate plans keep while their externallyManagedPlanId is the consumption schedule's). The other live
// rate plans of the subscription come along, so a cancelled line that is not the subscription's last
// becomes RemoveProduct, not CancelSubscription. A revised line found nowhere is left out: the rules then
// answer CPQ-E002 (or CPQ-E004 for usage), Zuora's own errors for it.
import { ZuoraApiError } from '../zuora/zuora-errors.js';
import {
  subscriptionRatePlans,
  type SubscriptionRatePlan,
  type SubscriptionState,
} from '../zuora/zuora-orders.js';
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import type { OrderRun } from './order-run.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import type { SyncedCharge } from './rules/non-updatable.js';
import type { SyncedLine } from './rules/synced-line.js';

export interface SyncedState {
  readonly lines: readonly SyncedLine[];
  readonly charges: readonly SyncedCharge[];
}

const kinds: Record<string, string> = { Recurring: 'recurring', OneTime: 'oneTime', Usage: 'usage' };
const models: Record<string, string> = {
  'Flat Fee Pricing': 'FlatFee',
  'Per Unit Pricing': 'PerUnit',
  'Tiered Pricing': 'Tiered',
  'Volume Pricing': 'Volume',
};

/** The Orders API pricing variant of a subscription charge, e.g. recurringPerUnit or usageVolume. */
export function pricingVariant(type: string | null, model: string | null): string {
  return `${kinds[type ?? ''] ?? 'recurring'}${models[model ?? ''] ?? 'FlatFee'}`;
}

async function readSubscription(run: OrderRun, number: string): Promise<SubscriptionState | undefined> {
  try {
    return await subscriptionRatePlans(run.deps.zuora, number);
  } catch (error) {
    if (error instanceof ZuoraApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** The subscription's invoice owner by number; by id against the order's invoice owner when Zuora gives
 * no number (only equality matters: a different owner means OwnerTransfer). */
function ownerOf(sub: SubscriptionState, owner: ZuoraAccountRef): string {
  if (sub.invoiceOwnerAccountNumber !== null) return sub.invoiceOwnerAccountNumber;
  return sub.invoiceOwnerAccountId === owner.id ? owner.accountNumber : (sub.invoiceOwnerAccountId ?? '');
}

function lineOf(
  b: CpqOrderBundle,
  owner: ZuoraAccountRef,
  sub: SubscriptionState,
  number: string,
  orderItemId: string,
  plan: SubscriptionRatePlan,
): { line: SyncedLine; charge: SyncedCharge } | undefined {
  const c = plan.charges[0];
  if (c === undefined) return undefined;
  const line: SyncedLine = {
    orderItemId,
    subscriptionNumber: number,
    ratePlanId: plan.id,
    chargeNumber: c.number,
    quantity: c.quantity ?? 0,
    price: c.price ?? 0,
    pricingVariant: pricingVariant(c.type, c.model),
    invoiceOwnerAccountNumber: ownerOf(sub, owner),
    ...(sub.accountNumber === null ? {} : { subscriptionOwnerAccountNumber: sub.accountNumber }),
  };
  const charge: SyncedCharge = {
    orderItemId,
    subscriptionNumber: number,
    // Zuora answers the subscription's currency; without it there is nothing to compare.
    currency: sub.currency ?? b.order.CurrencyIsoCode ?? '',
    billingPeriod: c.billingPeriod,
    billCycleType: c.billCycleType,
  };
  return { line, charge };
}

/** The revised order products' subscription numbers (by first order product of the lineage). */
function revisedSubscriptions(run: OrderRun, b: CpqOrderBundle): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of b.items) {
    const root = item.SBQQ__RevisedOrderProduct__c;
    if (root === null || out.has(root)) continue;
    const number = run.revised.get(root)?.subscriptionNumber ?? run.links.get(root)?.subscriptionNumber;
    if (number !== null && number !== undefined) out.set(root, number);
  }
  return out;
}

export async function syncedState(
  run: OrderRun,
  b: CpqOrderBundle,
  owner: ZuoraAccountRef,
): Promise<SyncedState> {
  const roots = revisedSubscriptions(run, b);
  const lines: SyncedLine[] = [];
  const charges: SyncedCharge[] = [];
  for (const number of new Set(roots.values())) {
    const sub = await readSubscription(run, number);
    if (sub === undefined || sub.status === 'Cancelled') continue;
    const live = sub.ratePlans.filter((rp) => rp.lastChangeType !== 'Remove');
    const claimed = new Set<string>();
    for (const [root, n] of roots) {
      if (n !== number) continue;
      const itemNumber = run.revised.get(root)?.itemNumber;
      const plan =
        live.find((rp) => rp.externallyManagedPlanId === root) ??
        live.find((rp) => rp.charges.some((c) => c.number === itemNumber));
      const found = plan === undefined ? undefined : lineOf(b, owner, sub, number, root, plan);
      if (plan === undefined || found === undefined) continue;
      claimed.add(plan.id);
      lines.push(found.line);
      charges.push(found.charge);
    }
    for (const plan of live.filter((rp) => !claimed.has(rp.id))) {
      const other = lineOf(b, owner, sub, number, plan.externallyManagedPlanId ?? plan.id, plan);
      if (other !== undefined) lines.push(other.line);
    }
  }
  return { lines, charges };
}
