// Step 4 of an order sync: every rate plan the order needs, found by its externally managed plan id (the
// sync is skipped for plans that exist: seed 004), or created before the order (product found by SKU or
// created, then the rate plan carrying the id, then its charge with one default tier), each create with an
// Idempotency-Key and after a lookup, so a retry never makes a second one. A usage plan that cannot be
// found is CPQ-E006 (the catalog of usage products is created from their consumption schedules).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import {
  createCatalogObject,
  productIdBySku,
  ratePlanCharges,
  ratePlansByExternalId,
  type CatalogCharge,
} from '../zuora/zuora-catalog.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ZuoraRequest } from './order-outcome.js';
import { placeholder } from './zuora-customer.js';
import { bodyKey } from './idempotency-keys.js';
import type { CatalogNeed } from './interim-catalog-plan.js';
import { cpqError, type CpqResult } from './rules/cpq-errors.js';

export interface ResolvedPlan {
  readonly ratePlanId: string;
  readonly charges: readonly CatalogCharge[];
  readonly created: boolean;
}

/** Plans resolved in this session (by external id), so orders of the same products look them up once. */
export type PlanCache = Map<string, ResolvedPlan>;

async function createCharge(deps: CpqDeps, need: CatalogNeed, ratePlanId: string): Promise<CatalogCharge> {
  const chargeBody: Record<string, unknown> = { ...need.create.charge, ProductRatePlanId: ratePlanId };
  const key = bodyKey('charge', need.externalId, chargeBody);
  const id = await createCatalogObject(deps.zuora, 'ProductRatePlanCharge', chargeBody, key);
  return {
    id,
    name: String(chargeBody.Name),
    chargeType: String(chargeBody.ChargeType),
    chargeModel: String(chargeBody.ChargeModel),
  };
}

async function createPlan(deps: CpqDeps, need: CatalogNeed): Promise<ResolvedPlan> {
  const { zuora } = deps;
  const sku = String(need.create.product.SKU);
  const productId =
    (await productIdBySku(zuora, sku)) ??
    (await createCatalogObject(
      zuora,
      'Product',
      need.create.product,
      bodyKey('product', sku, need.create.product),
    ));
  const planBody = { ...need.create.ratePlan, ProductId: productId };
  const ratePlanId = await createCatalogObject(
    zuora,
    'ProductRatePlan',
    planBody,
    bodyKey('plan', need.externalId, planBody),
  );
  return { ratePlanId, charges: [await createCharge(deps, need, ratePlanId)], created: true };
}

/** A plan found by its external id; one whose charge is missing (a crash between the two creates) gets it. */
async function foundPlan(deps: CpqDeps, need: CatalogNeed, ratePlanId: string): Promise<ResolvedPlan> {
  const charges = await ratePlanCharges(deps.zuora, ratePlanId);
  if (charges.length > 0 || need.create.charge.ChargeType === 'Usage')
    return { ratePlanId, charges, created: false };
  return { ratePlanId, charges: [await createCharge(deps, need, ratePlanId)], created: true };
}

/** A dry run's record of the catalog it would create. */
function previewPlan(need: CatalogNeed, dryRun: ZuoraRequest[]): ResolvedPlan {
  dryRun.push(
    { method: 'POST', path: '/v1/object/product', body: need.create.product },
    { method: 'POST', path: '/v1/object/product-rate-plan', body: need.create.ratePlan },
    { method: 'POST', path: '/v1/object/product-rate-plan-charge', body: need.create.charge },
  );
  const charge = {
    id: placeholder(`charge of ${need.externalId}`),
    name: String(need.create.charge.Name),
    chargeType: String(need.create.charge.ChargeType),
    chargeModel: String(need.create.charge.ChargeModel),
  };
  return { ratePlanId: placeholder(`rate plan of ${need.externalId}`), charges: [charge], created: true };
}

export async function ensurePlans(
  deps: CpqDeps,
  needs: readonly CatalogNeed[],
  cache: PlanCache,
  orderId: string,
  dryRun: ZuoraRequest[] | null,
): Promise<CpqResult<Map<string, ResolvedPlan>>> {
  const out = new Map<string, ResolvedPlan>();
  for (const need of needs) {
    let plan = cache.get(need.externalId);
    if (plan === undefined) {
      const [found] = await ratePlansByExternalId(deps.zuora, need.externalId);
      if (found !== undefined) plan = await foundPlan(deps, need, found.id);
      else if (need.create.charge.ChargeType === 'Usage' || need.externalId.startsWith('missing:'))
        return {
          ok: false,
          error: cpqError(
            'CPQ-E006',
            `no Zuora rate plan carries the id ${need.externalId} of ${need.product.Name}`,
            {
              object: 'Order',
              id: orderId,
            },
          ),
        };
      else if (dryRun !== null) plan = previewPlan(need, dryRun);
      else plan = await createPlan(deps, need);
      if (dryRun === null || !plan.created) cache.set(need.externalId, plan);
    }
    out.set(need.externalId, plan);
  }
  return { ok: true, value: out };
}
