// The one charge of a rate plan the sync creates ([ZBC-map] Product Catalog): for a non-usage product its
// charge type, model and billing period from the product, priced in every currency of its price book
// entries, the order's first and at most five (else the order's, at the order product's list price); for a
// usage schedule a Usage charge (Range -> Volume, Slab -> Tiered) in the schedule's currency with one default
// tier 0-1, named "<product> <schedule>" for the rate plan. With the list price base, recurring charges bill
// on the charge trigger day ([ZBC-adv]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/advanced-configuration-and-data-management
import type { PlanNeed } from './catalog-needs.js';
import type { CatalogTierBody, ChargeParams } from './catalog-requests.js';
import {
  billingPeriodOf,
  catalogPeriod,
  chargeModelOf,
  chargeTypeOf,
  usageModelOf,
} from './catalog-values.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqProduct2 } from './cpq-records.js';

export interface ChargeInputs {
  readonly useListPriceBase: boolean;
  readonly uomDecimalPlaces: Readonly<Record<string, number>>;
}

export type PlannedCharge = ChargeParams & { readonly ratePlanName: string };

/** "default currency and at most four other active currencies" when a rate plan is created:
 * https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlan/ */
const maxActiveCurrencies = 5;

const format = (model: string): CatalogTierBody['PriceFormat'] =>
  model === 'Flat Fee Pricing' ? 'Flat Fee' : 'Per Unit';

function period(product: CpqProduct2): CpqResult<string> {
  const p = billingPeriodOf(product.SBQQ__BillingFrequency__c);
  if (p === undefined)
    return fail(
      'CPQ-E023',
      `billing frequency '${String(product.SBQQ__BillingFrequency__c)}' of product ${product.Name}`,
      {
        object: 'Product2',
        id: product.Id,
        field: 'SBQQ__BillingFrequency__c',
      },
    );
  return ok(catalogPeriod(p));
}

function usageCharge(
  bundle: CpqOrderBundle,
  product: CpqProduct2,
  need: PlanNeed,
  billing: string,
): CpqResult<PlannedCharge> {
  const itemSchedule = bundle.itemSchedules.find((s) => s.Id === need.itemScheduleId);
  const schedule = bundle.consumptionSchedules.find(
    (c) => c.Id === itemSchedule?.SBQQ__ConsumptionSchedule__c,
  );
  const type = schedule?.Type ?? itemSchedule?.SBQQ__Type__c ?? '';
  const model = usageModelOf(type);
  if (model === undefined)
    return fail(
      'CPQ-E019',
      `consumption schedule type '${type}' of product ${product.Name} is not Range or Slab`,
      {
        object: 'ConsumptionSchedule',
        id: schedule?.Id ?? need.externalId,
        field: 'Type',
      },
    );
  const name = schedule?.Name ?? itemSchedule?.Name ?? product.Name;
  const currency =
    schedule?.CurrencyIsoCode ?? itemSchedule?.CurrencyIsoCode ?? bundle.order.CurrencyIsoCode ?? 'USD';
  const tier: CatalogTierBody = {
    Currency: currency,
    Price: 0,
    Tier: 1,
    PriceFormat: 'Per Unit',
    StartingUnit: 0,
    EndingUnit: 1,
  };
  const uom =
    schedule?.UnitOfMeasure ??
    itemSchedule?.SBQQ__UnitOfMeasure__c ??
    product.QuantityUnitOfMeasure ??
    'Each';
  return ok({
    ratePlanName: `${product.Name} ${name}`,
    name,
    type: 'Usage',
    model,
    billingPeriod: billing,
    uom,
    chargeTriggerDay: false,
    taxCode: null,
    tiers: [tier],
  });
}

export function catalogCharge(
  bundle: CpqOrderBundle,
  product: CpqProduct2,
  need: PlanNeed,
  inputs: ChargeInputs,
): CpqResult<PlannedCharge> {
  const billing = period(product);
  if (!billing.ok) return billing;
  if (need.itemScheduleId !== null) return usageCharge(bundle, product, need, billing.value);
  const type = chargeTypeOf(product.SBQQ__ChargeType__c);
  const model = chargeModelOf(product.SBQQ__PricingMethod__c);
  const entries = bundle.pricebookEntries.filter((e) => e.Product2Id === product.Id && e.IsActive !== false);
  const item = bundle.items.find((i) => i.Id === need.itemId);
  const orderCurrency = bundle.order.CurrencyIsoCode ?? 'USD';
  // The order's currency first, then the others, at most five: what a rate plan can activate when created.
  const prices =
    entries.length > 0
      ? [...entries]
          .sort(
            (a, b) =>
              Number(b.CurrencyIsoCode === orderCurrency) - Number(a.CurrencyIsoCode === orderCurrency),
          )
          .filter((e, i, all) => all.findIndex((x) => x.CurrencyIsoCode === e.CurrencyIsoCode) === i)
          .slice(0, maxActiveCurrencies)
          .map((e) => [e.CurrencyIsoCode, e.UnitPrice] as const)
      : [[orderCurrency, item?.ListPrice ?? item?.UnitPrice ?? 0] as const];
  return ok({
    ratePlanName: product.Name,
    name: product.Name,
    type,
    model,
    billingPeriod: type === 'OneTime' ? undefined : billing.value,
    uom: model === 'Per Unit Pricing' ? (product.QuantityUnitOfMeasure ?? 'Each') : undefined,
    chargeTriggerDay: inputs.useListPriceBase && type === 'Recurring',
    taxCode: product.SBQQ__Taxable__c === true ? product.SBQQ__TaxCode__c : null,
    tiers: prices.map(([currency, price]) => ({
      Currency: currency,
      Price: price,
      Tier: 1,
      PriceFormat: format(model),
    })),
  });
}
