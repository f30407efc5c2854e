// The catalog look-ups of a CPQ session, each made once: a rate plan by its externally managed plan id, and a
// product by SKU (with its rate plans' external ids, whether each has a charge), remembered found or missing. Orders of the same products
// (and every order of a product whose plan is missing, CPQ-E006) look them up once a session; what the
// session creates is remembered as found, so a later order never plans the same create twice. Read and
// written under the session's catalog lock (order-lanes.ts serialized()).
import {
  productIdBySku,
  productRatePlans,
  ratePlanCharges,
  ratePlansByExternalId,
} from '../zuora/zuora-catalog.js';
import type { CpqDeps } from './cpq-deps.js';
import type { FoundPlan } from './rules/catalog-owner.js';
import type { ZuoraRatePlanRef } from './rules/catalog-plan.js';

export interface FoundProduct {
  readonly id: string;
  readonly plans: readonly FoundPlan[];
}

export interface PlanCache {
  /** By external id; null: not in Zuora. */
  readonly plans: Map<string, ZuoraRatePlanRef | null>;
  /** By SKU; null: no product. */
  readonly skus: Map<string, FoundProduct | null>;
}

export const planCache = (): PlanCache => ({ plans: new Map(), skus: new Map() });

async function lookUpPlan(deps: CpqDeps, externalId: string): Promise<ZuoraRatePlanRef | undefined> {
  const [plan] = await ratePlansByExternalId(deps.zuora, externalId);
  if (plan === undefined) return undefined;
  const charges = await ratePlanCharges(deps.zuora, plan.id);
  // A plan without its charge is our own create cut short (a crash): planned again, its keys replay it.
  if (charges.length === 0) return undefined;
  return {
    productRatePlanId: plan.id,
    charges: charges.map((c) => ({
      id: c.id,
      type: c.chargeType as ZuoraRatePlanRef['charges'][number]['type'],
      model: c.chargeModel as ZuoraRatePlanRef['charges'][number]['model'],
      uom: c.uom,
    })),
  };
}

export async function planOf(
  deps: CpqDeps,
  cache: PlanCache,
  id: string,
): Promise<ZuoraRatePlanRef | undefined> {
  const hit = cache.plans.get(id);
  if (hit !== undefined) return hit ?? undefined;
  const plan = await lookUpPlan(deps, id);
  cache.plans.set(id, plan ?? null);
  return plan;
}

export async function productOf(
  deps: CpqDeps,
  cache: PlanCache,
  sku: string,
): Promise<FoundProduct | undefined> {
  const hit = cache.skus.get(sku);
  if (hit !== undefined) return hit ?? undefined;
  const id = await productIdBySku(deps.zuora, sku);
  const product = id === undefined ? undefined : { id, plans: await productRatePlans(deps.zuora, id) };
  cache.skus.set(sku, product ?? null);
  return product;
}
