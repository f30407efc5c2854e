// What the CRUD object API checks when a catalog object is created or updated: SKU unique (generated when
// absent, at most 50 characters), externallyManagedPlanIds, active currencies, units of measure, and the
// charge's model, type, billing period, UOM and price tiers (per currency, ascending StartingUnit).
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProduct/
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { FieldValue } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { isBillingPeriod, isListPriceBase } from './billing-periods.js';
import { maxActiveCurrenciesAtCreation, parseCurrencyList } from './currencies.js';
import { encodeExternalPlanIds, parseExternalPlanIds } from './external-plan-ids.js';
import type { CatalogTier } from './charge-tiers.js';
import { findUnitOfMeasure, maxDecimalPlaces } from './units-of-measure.js';

export interface CrudProblem {
  code: 'INVALID_VALUE' | 'MISSING_REQUIRED_VALUE' | 'DUPLICATE_VALUE' | 'INVALID_FIELD' | 'CANNOT_UPDATE';
  message: string;
}

export const chargeModels = [
  'Flat Fee Pricing',
  'Per Unit Pricing',
  'Tiered Pricing',
  'Volume Pricing',
  'Overage Pricing',
  'Tiered with Overage Pricing',
  'Discount-Fixed Amount',
  'Discount-Percentage',
];
export const tieredModels = ['Tiered Pricing', 'Volume Pricing', 'Tiered with Overage Pricing'];
/** Models that must name a UOM ("You must specify this field when creating ..."). */
const uomModels = ['Per Unit Pricing', 'Volume Pricing', 'Overage Pricing', ...tieredModels];

const invalid = (message: string): CrudProblem => ({ code: 'INVALID_VALUE', message });

/** Product: SKU unique in the entity (the tenant generates one when absent). */
export function productProblem(
  store: TenantStore,
  fields: Record<string, FieldValue>,
  entityId: string,
  selfId?: string,
): CrudProblem | undefined {
  const sku = fields.SKU;
  if (sku === undefined || sku === null || sku === '') {
    if (selfId === undefined) fields.SKU = `SKU-${String(store.count('Product') + 1).padStart(8, '0')}`;
    return undefined;
  }
  if (typeof sku !== 'string' || sku.length > 50)
    return invalid('Product.SKU must be a string of 50 characters or fewer');
  for (const p of store.scan('Product', entityId)) {
    if (p.record.SKU === sku && p.record.Id !== selfId)
      return {
        code: 'DUPLICATE_VALUE',
        message: `Product.SKU '${sku}' is already used by product ${p.record.Id}`,
      };
  }
  return undefined;
}

/** ProductRatePlan: ExternallyManagedPlanIds (array) and ActiveCurrencies (at most five at creation). */
export function ratePlanProblem(
  fields: Record<string, FieldValue>,
  body: Record<string, unknown>,
  creating: boolean,
): CrudProblem | undefined {
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'externallymanagedplanids');
  if (key !== undefined) {
    const ids = parseExternalPlanIds(body[key], 'ProductRatePlan.ExternallyManagedPlanIds');
    if (typeof ids === 'string') return invalid(ids);
    fields.ExternallyManagedPlanIds = encodeExternalPlanIds(ids);
  }
  if (fields.ActiveCurrencies !== undefined && fields.ActiveCurrencies !== null) {
    const codes = parseCurrencyList(fields.ActiveCurrencies, 'ProductRatePlan.ActiveCurrencies');
    if (typeof codes === 'string') return invalid(codes);
    if (creating && codes.length > maxActiveCurrenciesAtCreation)
      return invalid(
        `ProductRatePlan.ActiveCurrencies: at most ${maxActiveCurrenciesAtCreation} currencies can be activated when a rate plan is created (got ${codes.length})`,
      );
    fields.ActiveCurrencies = codes.join(',');
  }
  return undefined;
}

/** UnitOfMeasure: UomName unique, DecimalPlaces 0..8, RoundingMode Up or Down. */
export function unitOfMeasureProblem(
  store: TenantStore,
  fields: Record<string, FieldValue>,
  selfId?: string,
): CrudProblem | undefined {
  const places = fields.DecimalPlaces;
  if (
    places !== undefined &&
    (typeof places !== 'number' || !Number.isInteger(places) || places < 0 || places > maxDecimalPlaces)
  )
    return invalid(`UnitOfMeasure.DecimalPlaces must be an integer from 0 to ${maxDecimalPlaces}`);
  const mode = fields.RoundingMode;
  if (mode !== undefined && mode !== null && !['up', 'down'].includes(String(mode).toLowerCase()))
    return invalid(`UnitOfMeasure.RoundingMode must be Up or Down, got '${String(mode)}'`);
  const name = fields.UomName;
  if (typeof name === 'string') {
    const existing = findUnitOfMeasure(store, name);
    if (existing !== undefined && existing.Id !== selfId)
      return { code: 'DUPLICATE_VALUE', message: `UnitOfMeasure.UomName '${name}' already exists` };
  }
  return undefined;
}

/** ProductRatePlanCharge: model, type, billing period, UOM, list price base and tiers. */
export function chargeProblem(
  store: TenantStore,
  fields: Record<string, FieldValue>,
  tiers: readonly CatalogTier[],
): CrudProblem | undefined {
  const model = String(fields.ChargeModel);
  if (!chargeModels.includes(model))
    return invalid(`ChargeModel '${model}' is not one of ${chargeModels.join(', ')}`);
  const type = String(fields.ChargeType);
  if (!['OneTime', 'Recurring', 'Usage'].includes(type))
    return invalid('ChargeType must be OneTime, Recurring or Usage');
  if (type !== 'OneTime' && (fields.BillingPeriod ?? null) === null)
    return {
      code: 'MISSING_REQUIRED_VALUE',
      message: `ProductRatePlanCharge.BillingPeriod is required for ${type.toLowerCase()} charges`,
    };
  if ((fields.BillingPeriod ?? null) !== null && !isBillingPeriod(fields.BillingPeriod))
    return invalid(`BillingPeriod '${String(fields.BillingPeriod)}' is not a Zuora billing period`);
  if ((fields.ListPriceBase ?? null) !== null && !isListPriceBase(fields.ListPriceBase))
    return invalid(`ListPriceBase '${String(fields.ListPriceBase)}' is not a Zuora list price base`);
  if (
    type === 'Usage' &&
    !['Per Unit Pricing', 'Flat Fee Pricing', 'Overage Pricing', ...tieredModels].includes(model)
  )
    return invalid(`${model} is not a usage charge model`);
  if ((type === 'Usage' || uomModels.includes(model)) && (fields.UOM ?? null) === null)
    return {
      code: 'MISSING_REQUIRED_VALUE',
      message: `ProductRatePlanCharge.UOM is required for ${model} ${type} charges`,
    };
  if (
    fields.UOM !== undefined &&
    fields.UOM !== null &&
    findUnitOfMeasure(store, String(fields.UOM)) === undefined
  )
    return invalid(`UOM '${String(fields.UOM)}' is not defined in the tenant`);
  if (tieredModels.includes(model) && !tiers.some((t) => t.StartingUnit !== null))
    return {
      code: 'MISSING_REQUIRED_VALUE',
      message: `${model} charges need ProductRatePlanChargeTierData tiers with StartingUnit`,
    };
  return undefined;
}
