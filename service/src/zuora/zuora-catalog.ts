// Catalog reads and writes for the CPQ direction: rate plans by external id (a Salesforce Product2 or
// ProductConsumptionSchedule id in externallyManagedPlanIds), a product by SKU, a rate plan's charges, and
// CRUD creation of products, rate plans and charges, each with an Idempotency-Key.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlansByExternalID/
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProduct/
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlan/
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { ZuoraClient } from './zuora-client.js';
import { ZuoraApiError } from './zuora-errors.js';
import { whereChunks, zoqlPages, zoqlString } from './zoql.js';
import { text } from './zuora-accounts.js';

export interface CatalogRatePlan {
  readonly id: string;
  readonly name: string;
  readonly externallyManagedPlanIds: readonly string[];
}

export interface CatalogCharge {
  readonly id: string;
  readonly name: string;
  readonly chargeType: string;
  readonly chargeModel: string;
  readonly uom: string | null;
}

/** Rate plans carrying `externalId` in their externally managed plan ids (none: an empty list). */
export async function ratePlansByExternalId(
  client: ZuoraClient,
  externalId: string,
  entityId?: string,
): Promise<CatalogRatePlan[]> {
  try {
    const plans = await client.request<
      { id: string; name: string; externallyManagedPlanIds?: string[] | null }[]
    >('GET', `/v1/product-rate-plans/external-id/${encodeURIComponent(externalId)}`, { entityId });
    return plans.map((p) => ({
      id: p.id,
      name: p.name,
      externallyManagedPlanIds: p.externallyManagedPlanIds ?? [],
    }));
  } catch (error) {
    if (error instanceof ZuoraApiError && error.status === 404) return [];
    throw error;
  }
}

export async function productIdBySku(
  client: ZuoraClient,
  sku: string,
  entityId?: string,
): Promise<string | undefined> {
  for await (const page of zoqlPages(client, `select Id from Product where SKU = ${zoqlString(sku)}`, {
    entityId,
  }))
    return page[0] === undefined ? undefined : String(page[0].Id);
  return undefined;
}

export async function ratePlanCharges(
  client: ZuoraClient,
  ratePlanId: string,
  entityId?: string,
): Promise<CatalogCharge[]> {
  const out: CatalogCharge[] = [];
  const zoql = `select Id, Name, ChargeType, ChargeModel, UOM from ProductRatePlanCharge where ProductRatePlanId = ${zoqlString(ratePlanId)}`;
  for await (const page of zoqlPages(client, zoql, { entityId }))
    for (const r of page)
      out.push({
        id: String(r.Id),
        name: text(r.Name),
        chargeType: text(r.ChargeType),
        chargeModel: text(r.ChargeModel),
        uom: text(r.UOM) || null,
      });
  return out;
}

export interface ProductPlan {
  readonly id: string;
  readonly externallyManagedPlanIds: readonly string[];
  /** Whether it has a charge (a plan the connector created and a crash cut short has none). */
  readonly charged: boolean;
}

/** A product's rate plans with their externally managed plan ids and whether they have a charge.
 * https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlans/ */
export async function productRatePlans(
  client: ZuoraClient,
  productId: string,
  entityId?: string,
): Promise<ProductPlan[]> {
  const out: ProductPlan[] = [];
  const base = `/v1/products/${encodeURIComponent(productId)}/product-rate-plans?pageSize=40`;
  for (let n = 1; ; n += 1) {
    const page: {
      productRatePlans?: {
        id: string;
        externallyManagedPlanIds?: string[] | null;
        productRatePlanCharges?: unknown[] | null;
      }[];
      nextPage?: string | null;
    } = await client.request('GET', `${base}&page=${String(n)}`, { entityId });
    for (const p of page.productRatePlans ?? [])
      out.push({
        id: p.id,
        externallyManagedPlanIds: p.externallyManagedPlanIds ?? [],
        charged: (p.productRatePlanCharges ?? []).length > 0,
      });
    if (!page.nextPage) return out;
  }
}

/**
 * The decimal places of the tenant's units of measure among `names` (a name the tenant lacks is absent).
 * UnitOfMeasure supports query(): https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/unitofmeasure
 */
export async function unitDecimalPlaces(
  client: ZuoraClient,
  names: readonly string[],
  entityId?: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const chunk of whereChunks([...new Set(names)])) {
    if (chunk.length === 0) continue;
    const where = chunk.map((n) => `UomName = ${zoqlString(n)}`).join(' or ');
    for await (const page of zoqlPages(
      client,
      `select UomName, DecimalPlaces from UnitOfMeasure where ${where}`,
      {
        entityId,
      },
    ))
      for (const r of page) out.set(text(r.UomName), Number(r.DecimalPlaces ?? 0));
  }
  return out;
}

/** Creates one catalog object through the CRUD API; answers its id. */
export async function createCatalogObject(
  client: ZuoraClient,
  object: 'Product' | 'ProductRatePlan' | 'ProductRatePlanCharge' | 'UnitOfMeasure',
  fields: Readonly<Record<string, unknown>>,
  idempotencyKey: string,
  entityId?: string,
): Promise<string> {
  const answer = await client.request<{ Success?: boolean; Id: string }>(
    'POST',
    `/v1/object/${object.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
    {
      json: fields,
      idempotencyKey,
      entityId,
    },
  );
  return answer.Id;
}
