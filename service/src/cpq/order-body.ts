// The Zuora order of a Salesforce order once its accounts and contacts are known: the items classified
// (subscription vs order line item), the catalog ensured, the create-order body built by the rules
// (rules/build-order.ts), or, for an amendment or renewal, the order actions on the subscriptions it
// revises (amend-order-body.ts).
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import type { OrderRun } from './order-run.js';
import { amendmentBody, isAmendment } from './amend-order-body.js';
import { buildOrder, type BuildOrderInputs } from './rules/build-order.js';
import { catalogNeeds } from './rules/catalog-needs.js';
import { classifyItems } from './rules/classify-items.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import type { CpqResult } from './rules/cpq-errors.js';
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
  const classified = classifyItems(b);
  if (!classified.ok) return classified;
  const needs = catalogNeeds(b);
  if (!needs.ok) return needs;
  const ratePlans = await run.catalog(() =>
    ensurePlans(run.deps, b, needs.value, run.plans, run.customers.dryRun),
  );
  if (!ratePlans.ok) return ratePlans;
  const inputs: BuildOrderInputs = {
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
  };
  if (isAmendment(inputs)) return amendmentBody(run, inputs, p.invoiceOwner);
  const built = buildOrder(inputs);
  if (!built.ok) return built;
  return { ok: true, value: built.value.body as unknown as Record<string, unknown> };
}
