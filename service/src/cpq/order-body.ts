// The Zuora order of a Salesforce order once its accounts and contacts are known: the items classified
// (subscription vs order line item), the catalog ensured, the create-order body built by the rules
// (rules/build-order.ts). Amendment and renewal orders need the synced state of the lines they revise
// (rules/amendment-actions.ts); this engine does not read it yet, so they are refused plainly, never sent as
// new subscriptions.
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import type { OrderRun } from './order-run.js';
import { buildOrder } from './rules/build-order.js';
import { catalogNeeds } from './rules/catalog-needs.js';
import { classifyItems } from './rules/classify-items.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { fail, type CpqResult } from './rules/cpq-errors.js';
import { ensurePlans } from './zuora-catalog-step.js';

export interface OrderParties {
  readonly invoiceOwner: ZuoraAccountRef;
  readonly subscriptionOwner: ZuoraAccountRef;
  readonly billToContactId: string;
  readonly soldToContactId: string;
  readonly currency: string;
}

export async function orderBody(
  run: OrderRun,
  b: CpqOrderBundle,
  p: OrderParties,
): Promise<CpqResult<Record<string, unknown>>> {
  const revising = b.items.find((i) => i.SBQQ__RevisedOrderProduct__c !== null);
  if (revising !== undefined)
    return fail(
      'CPQ-E024',
      `order ${b.order.OrderNumber} amends or renews a contract; this version of the service sends new orders only`,
      {
        object: 'OrderItem',
        id: revising.Id,
        field: 'SBQQ__RevisedOrderProduct__c',
      },
    );
  const classified = classifyItems(b);
  if (!classified.ok) return classified;
  const needs = catalogNeeds(b);
  if (!needs.ok) return needs;
  const ratePlans = await ensurePlans(run.deps, b, needs.value, run.plans, run.customers.dryRun);
  if (!ratePlans.ok) return ratePlans;
  const built = buildOrder({
    bundle: b,
    needs: needs.value.needs,
    ratePlans: ratePlans.value,
    settings: run.deps.cpq,
    classified: classified.value,
    invoiceOwnerAccountNumber: p.invoiceOwner.accountNumber,
    subscriptionOwnerAccountNumber: p.subscriptionOwner.accountNumber,
    billToContactId: p.billToContactId,
    soldToContactId: p.soldToContactId,
    currency: p.currency,
    tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
  });
  if (!built.ok) return built;
  return { ok: true, value: built.value.body as unknown as Record<string, unknown> };
}
