// Step 4 of an order sync: every rate plan the order needs (rules/catalog-needs.ts), found by its externally
// managed plan id (the catalog sync is skipped for plans that exist: seed 004), and the rest created before
// the order as rules/catalog-plan.ts plans them (units of measure, product found by SKU or created, rate plan
// carrying the id, its charge), each create with an Idempotency-Key after a lookup, so a retry never makes a
// second one: a product found by SKU is reused when it is the sync's own (rules/catalog-owner.ts; refused as
// CPQ-E006 when kept in Zuora), and a rate plan of it left without its charge (a crash between the two
// creates) is completed rather than made again. A dry run records the creates instead.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import { createCatalogObject, unitDecimalPlaces } from '../zuora/zuora-catalog.js';
import { planOf, productOf, type FoundProduct, type PlanCache } from './catalog-lookups.js';
import type { CpqDeps } from './cpq-deps.js';
import { bodyKey } from './idempotency-keys.js';
import type { ZuoraRequest } from './order-outcome.js';
import type { CatalogNeeds } from './rules/catalog-needs.js';
import { isOwnProduct, unfinishedPlan, type FoundPlan } from './rules/catalog-owner.js';
import { catalogPlan, type NewProduct, type ZuoraRatePlanRef } from './rules/catalog-plan.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import type { CpqResult } from './rules/cpq-errors.js';
import { placeholder } from './zuora-customer.js';

export type { PlanCache } from './catalog-lookups.js';

type Create = (
  object: 'Product' | 'ProductRatePlan' | 'ProductRatePlanCharge' | 'UnitOfMeasure',
  body: Record<string, unknown>,
  key: string,
) => Promise<string>;

async function createProduct(
  p: NewProduct,
  found: FoundProduct | undefined,
  create: Create,
): Promise<{ product: FoundProduct; plans: Map<string, ZuoraRatePlanRef> }> {
  const out = new Map<string, ZuoraRatePlanRef>();
  const id = found?.id ?? (await create('Product', { ...p.product }, bodyKey('product', p.sku, p.product)));
  const before = found?.plans ?? [];
  const made: FoundPlan[] = [];
  for (const plan of p.ratePlans) {
    const planBody = { ...plan.ratePlan, ProductId: id };
    const ratePlanId =
      unfinishedPlan(before, plan.externalId) ??
      (await create('ProductRatePlan', planBody, bodyKey('plan', plan.externalId, planBody)));
    const chargeBody = { ...plan.charge, ProductRatePlanId: ratePlanId };
    const chargeId = await create(
      'ProductRatePlanCharge',
      chargeBody,
      bodyKey('charge', plan.externalId, chargeBody),
    );
    const charge = {
      id: chargeId,
      type: plan.charge.ChargeType,
      model: plan.charge.ChargeModel,
      uom: plan.charge.UOM ?? null,
    };
    out.set(plan.externalId, { productRatePlanId: ratePlanId, charges: [charge] });
    made.push({ id: ratePlanId, externallyManagedPlanIds: [plan.externalId], charged: true });
  }
  const plans = [...before.filter((b) => !made.some((m) => m.id === b.id)), ...made];
  return { product: { id, plans }, plans: out };
}

export async function ensurePlans(
  deps: CpqDeps,
  b: CpqOrderBundle,
  needs: CatalogNeeds,
  cache: PlanCache,
  dryRun: ZuoraRequest[] | null,
): Promise<CpqResult<Map<string, ZuoraRatePlanRef>>> {
  const ratePlans = new Map<string, ZuoraRatePlanRef>();
  for (const id of new Set(needs.needs.map((n) => n.externalId))) {
    const plan = await planOf(deps, cache, id);
    if (plan !== undefined) ratePlans.set(id, plan);
  }
  // Products in Zuora by SKU: the sync's own (or without a charged rate plan: its create cut short by a
  // crash) get the missing rate plans; one kept in Zuora is refused (CPQ-E006).
  const productsBySku = new Map<string, string>();
  const existing = new Map<string, FoundProduct>();
  for (const need of needs.needs)
    if (!ratePlans.has(need.externalId)) {
      const sku = needs.skus.get(need.productId) ?? '';
      const product = sku === '' ? undefined : await productOf(deps, cache, sku);
      if (product === undefined) continue;
      const own = !product.plans.some((p) => p.charged) || isOwnProduct(b, need.productId, product.plans);
      if (own) existing.set(sku, product);
      else productsBySku.set(sku, product.id);
    }
  const plan = catalogPlan(b, needs, { ratePlans, productsBySku }, deps.cpq);
  if (!plan.ok) return plan;
  const create: Create = async (object, body, key) => {
    if (dryRun !== null) {
      dryRun.push({
        method: 'POST',
        path: `/v1/object/${object.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
        body,
      });
      return placeholder(object);
    }
    return createCatalogObject(deps.zuora, object, body, key);
  };
  // Units of measure as the tenant has them: the missing ones are created (with the configured decimal
  // places), and usage charges carry the tenant's decimal places for their tier bounds (seed 004, "Impact of
  // Unit of Measurement (UOM) on Tier Syncing": the smallest unit is the charge's UOM's).
  const uomNames = [...plan.value.uoms.map((u) => u.name), ...usageUoms(ratePlans)];
  const places =
    uomNames.length === 0 ? new Map<string, number>() : await unitDecimalPlaces(deps.zuora, uomNames);
  for (const uom of plan.value.uoms)
    if (!places.has(uom.name)) {
      await create(
        'UnitOfMeasure',
        { UomName: uom.name, DecimalPlaces: uom.decimalPlaces, Active: true },
        `cpq:uom:${uom.name}`,
      );
      places.set(uom.name, uom.decimalPlaces);
    }
  for (const p of plan.value.create) {
    const made = await createProduct(p, existing.get(p.sku), create);
    for (const [id, ref] of made.plans) ratePlans.set(id, ref);
    if (dryRun === null) cache.skus.set(p.sku, made.product);
  }
  for (const [id, ref] of ratePlans) ratePlans.set(id, withDecimalPlaces(ref, places));
  if (dryRun === null) for (const [id, ref] of ratePlans) cache.plans.set(id, ref);
  return { ok: true, value: ratePlans };
}

/** The units of usage charges whose decimal places are not known yet (plans cached in the session carry them). */
const usageUoms = (plans: ReadonlyMap<string, ZuoraRatePlanRef>): string[] =>
  [...plans.values()].flatMap((p) =>
    p.charges.flatMap((c) =>
      c.type === 'Usage' && c.uom !== null && c.decimalPlaces === undefined ? [c.uom] : [],
    ),
  );

function withDecimalPlaces(ref: ZuoraRatePlanRef, places: ReadonlyMap<string, number>): ZuoraRatePlanRef {
  return {
    ...ref,
    charges: ref.charges.map((c) => {
      const decimalPlaces = c.uom === null ? undefined : places.get(c.uom);
      return decimalPlaces === undefined ? c : { ...c, decimalPlaces };
    }),
  };
}
