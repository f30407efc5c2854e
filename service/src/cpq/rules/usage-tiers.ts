// Zuora tiers of a usage charge from the order product consumption rates (seed 004, "Impact of Unit of
// Measurement (UOM) on Tier Syncing"): rates sorted by lower bound; Salesforce upper bounds are exclusive,
// Zuora's inclusive, so every upper bound but the last is lowered by the UOM's smallest unit (1 for an
// integer UOM, 0.01 for two decimals); with "Increment Tier Upper Bound" each lower bound after the first is
// raised by that unit instead. The last tier keeps its upper bound (none: open-ended). Caps (T9
// ChargeModifiers) come from the rate's Cap field when enabled. Zuora's published ChargeTier has tier,
// startingUnit, endingUnit, price and priceFormat only (Zuora's OpenAPI as rendered in
// https://github.com/konfig-sdks/zuora-java-sdk/blob/main/docs/ChargeTier.md; no cap on the docs.zuora.com
// tier objects either): `cap` is the field-mapping guide's name ("Cap -> Cap, relevant if Zuora allows for
// capping"), unverified against a tenant with the permission, so it is sent only when caps are switched on.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderItemConsumptionRate } from './cpq-records.js';

export interface ZuoraTier {
  readonly tier: number;
  readonly startingUnit: number;
  /** Absent on an open-ended last tier. */
  readonly endingUnit?: number;
  readonly price: number;
  readonly priceFormat: 'PerUnit' | 'FlatFee';
  readonly cap?: number;
}

export interface TierOptions {
  /** Decimal places of the charge's Zuora UOM. */
  readonly decimalPlaces: number;
  readonly incrementTierUpperBound: boolean;
  readonly caps: { readonly enabled: boolean; readonly field: string };
}

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

const isFormat = (m: string): m is ZuoraTier['priceFormat'] => m === 'PerUnit' || m === 'FlatFee';

function capOf(rate: CpqOrderItemConsumptionRate, caps: TierOptions['caps']): { cap?: number } {
  if (!caps.enabled) return {};
  const value = (rate as unknown as Record<string, unknown>)[caps.field];
  return typeof value === 'number' ? { cap: value } : {};
}

/** The rates as Zuora tiers, or CPQ-E019 naming the rate that cannot be converted. */
export function usageTiers(
  rates: readonly CpqOrderItemConsumptionRate[],
  options: TierOptions,
): CpqResult<ZuoraTier[]> {
  const sorted = [...rates].sort((a, b) => a.SBQQ__LowerBound__c - b.SBQQ__LowerBound__c);
  const unit = 10 ** -options.decimalPlaces;
  const tiers: ZuoraTier[] = [];
  for (const [i, rate] of sorted.entries()) {
    const record = { object: 'SBQQ__OrderItemConsumptionRate__c', id: rate.Id };
    const last = i === sorted.length - 1;
    const next = sorted[i + 1];
    const upper = rate.SBQQ__UpperBound__c;
    if (!isFormat(rate.SBQQ__PricingMethod__c))
      return fail('CPQ-E019', `pricing method '${rate.SBQQ__PricingMethod__c}' is not PerUnit or FlatFee`, {
        ...record,
        field: 'SBQQ__PricingMethod__c',
      });
    if (upper === null && !last)
      return fail('CPQ-E019', 'only the last rate may have no upper bound', {
        ...record,
        field: 'SBQQ__UpperBound__c',
      });
    if (upper !== null && upper <= rate.SBQQ__LowerBound__c)
      return fail(
        'CPQ-E019',
        `upper bound ${upper} is not above lower bound ${rate.SBQQ__LowerBound__c}`,
        record,
      );
    if (next !== undefined && upper !== null && next.SBQQ__LowerBound__c < upper)
      return fail(
        'CPQ-E019',
        `the rate ${upper} overlaps the next one starting at ${next.SBQQ__LowerBound__c}`,
        record,
      );
    const raise = options.incrementTierUpperBound && i > 0;
    const ending = options.incrementTierUpperBound || last || upper === null ? upper : upper - unit;
    tiers.push({
      tier: i + 1,
      startingUnit: round(
        raise ? rate.SBQQ__LowerBound__c + unit : rate.SBQQ__LowerBound__c,
        options.decimalPlaces,
      ),
      ...(ending === null ? {} : { endingUnit: round(ending, options.decimalPlaces) }),
      price: rate.SBQQ__Price__c,
      priceFormat: rate.SBQQ__PricingMethod__c,
      ...capOf(rate, options.caps),
    });
  }
  if (tiers.length === 0) return fail('CPQ-E019', 'the schedule has no rates');
  return ok(tiers);
}

/** The Orders API pricing variant of a consumption schedule type: Range -> volume, Slab -> tiered ([ZBC-map]). */
export function usageVariant(scheduleType: string): 'usageVolume' | 'usageTiered' | undefined {
  return scheduleType === 'Range' ? 'usageVolume' : scheduleType === 'Slab' ? 'usageTiered' : undefined;
}
