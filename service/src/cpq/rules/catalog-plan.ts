// The catalog check of an order (seed 004, "ProductSync"): each rate plan the order needs is looked up by
// external id; found, the catalog sync is skipped (externally managed). A product whose SKU is not in Zuora
// is created with rate plans and charges for what the order needs, before the order; so is a missing rate
// plan of a product the sync made (a schedule added after the first sync). A product that exists by SKU
// with its rate plans kept in Zuora (rules/catalog-owner.ts) but lacks the rate plan is an error ("Cannot
// find the charge for the Product": a rate plan whose external id was lost or never written) rather than a
// second, silent plan.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import type { CatalogNeeds, PlanNeed } from './catalog-needs.js';
import {
  chargeBody,
  effective,
  type ChargeBody,
  type ProductBody,
  type RatePlanBody,
} from './catalog-requests.js';
import { catalogCharge, type ChargeInputs } from './catalog-charge.js';
import type { ZuoraChargeModel, ZuoraChargeType } from './catalog-values.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqProduct2 } from './cpq-records.js';

export interface ZuoraChargeRef {
  readonly id: string;
  readonly type: ZuoraChargeType;
  readonly model: ZuoraChargeModel;
  readonly uom: string | null;
  /** Decimal places of the charge's unit of measure in the tenant (usage tiers are bounded by its smallest unit). */
  readonly decimalPlaces?: number;
}

/** A product rate plan as the engine found (or created) it. */
export interface ZuoraRatePlanRef {
  readonly productRatePlanId: string;
  readonly charges: readonly ZuoraChargeRef[];
}

export interface CatalogLookup {
  /** By external id: GET /v1/product-rate-plans/external-id/{id}. */
  readonly ratePlans: ReadonlyMap<string, ZuoraRatePlanRef>;
  /** Zuora product ids by SKU of the products whose rate plans are kept in Zuora (refused, not added to). */
  readonly productsBySku: ReadonlyMap<string, string>;
}

export interface NewRatePlan {
  readonly externalId: string;
  readonly ratePlan: RatePlanBody;
  readonly charge: ChargeBody;
}

/** A product to create (look it up by SKU first), with its rate plans (look each up by external id first). */
export interface NewProduct {
  readonly sku: string;
  readonly product: ProductBody;
  readonly ratePlans: readonly NewRatePlan[];
}

export interface CatalogPlan {
  readonly needs: readonly PlanNeed[];
  readonly create: readonly NewProduct[];
  /** Units of measure the new charges name (create the ones the tenant lacks). */
  readonly uoms: readonly { readonly name: string; readonly decimalPlaces: number }[];
}

function newProduct(product: CpqProduct2, sku: string, plans: NewRatePlan[]): NewProduct {
  return {
    sku,
    product: {
      Name: product.Name,
      SKU: sku,
      ...(product.Description === null ? {} : { Description: product.Description }),
      ...effective,
    },
    ratePlans: plans,
  };
}

export function catalogPlan(
  bundle: CpqOrderBundle,
  found: CatalogNeeds,
  lookup: CatalogLookup,
  inputs: ChargeInputs,
): CpqResult<CatalogPlan> {
  const byProduct = new Map<string, NewRatePlan[]>();
  const uoms = new Map<string, number>();
  for (const need of found.needs) {
    if (
      lookup.ratePlans.has(need.externalId) ||
      byProduct.get(need.productId)?.some((p) => p.externalId === need.externalId)
    )
      continue;
    const sku = found.skus.get(need.productId) ?? '';
    const product = bundle.products.find((p) => p.Id === need.productId);
    if (product === undefined || lookup.productsBySku.has(sku))
      return fail(
        'CPQ-E006',
        `product ${sku} exists in Zuora with rate plans kept there, and none has the external id ${need.externalId}`,
        {
          object: need.itemScheduleId === null ? 'Product2' : 'ProductConsumptionSchedule',
          id: need.externalId,
        },
      );
    const plan = catalogCharge(bundle, product, need, inputs);
    if (!plan.ok) return plan;
    if (plan.value.uom !== undefined) uoms.set(plan.value.uom, inputs.uomDecimalPlaces[plan.value.uom] ?? 0);
    const plans = byProduct.get(need.productId) ?? [];
    plans.push({
      externalId: need.externalId,
      ratePlan: {
        Name: plan.value.ratePlanName,
        ExternallyManagedPlanIds: [need.externalId],
        ActiveCurrencies: [...new Set(plan.value.tiers.map((t) => t.Currency))].join(','),
        ...effective,
      },
      charge: chargeBody(plan.value),
    });
    byProduct.set(need.productId, plans);
  }
  const create = [...byProduct].map(([productId, plans]) => {
    const product = bundle.products.find((p) => p.Id === productId) as CpqProduct2;
    return newProduct(product, found.skus.get(productId) ?? '', plans);
  });
  return ok({
    needs: found.needs,
    create,
    uoms: [...uoms].map(([name, decimalPlaces]) => ({ name, decimalPlaces })),
  });
}
