import { describe, expect, it } from 'vitest';
import { cpqCatalog } from '../cpq-catalog.js';
import { externallyManagedPlans } from '../cpq-managed-plans.js';
import { isSalesforceId } from '../salesforce-id.js';

// The shared CPQ catalog both emulators seed from: fixed, valid Ids; every product kind and trap the
// scenario needs; consumption rates as Salesforce defines them (lower bound inclusive, upper bound
// exclusive and equal to the next rate's lower bound, the last one unbounded:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_consumption_rate.htm).

describe('shared CPQ catalog', () => {
  const catalog = cpqCatalog();

  it('has fixed, valid, distinct Ids of the right objects', () => {
    const ids = catalog.flatMap((p) => [
      p.productId,
      ...Object.values(p.priceEntryIds),
      ...p.schedules.flatMap((s) => [s.productScheduleId]),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isSalesforceId(id)).toBe(true);
    expect(catalog.every((p) => p.productId.startsWith('01t'))).toBe(true);
    expect(cpqCatalog()).toBe(catalog);
  });

  it('holds recurring, one-time and usage products and the traps', () => {
    expect(new Set(catalog.map((p) => p.kind))).toEqual(new Set(['recurring', 'one-time', 'usage']));
    expect(catalog.filter((p) => p.productCode === null).length).toBeGreaterThanOrEqual(2);
    expect(catalog.some((p) => p.chargeType === null)).toBe(true);
    expect(
      catalog
        .filter((p) => p.externallyManaged)
        .map((p) => p.kind)
        .sort(),
    ).toEqual(['one-time', 'recurring', 'recurring', 'usage']);
    expect(new Set(catalog.map((p) => p.billingFrequency))).toEqual(
      new Set([null, 'Monthly', 'Quarterly', 'Semiannual', 'Annual', 'Invoice Plan']),
    );
  });

  it('defines usage schedules of both types with 1 to 5 contiguous rates in one currency each', () => {
    const schedules = catalog.flatMap((p) => p.schedules);
    expect(new Set(schedules.map((s) => s.type))).toEqual(new Set(['Range', 'Slab']));
    expect(new Set(schedules.map((s) => s.rates.length))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const s of schedules) {
      expect(s.rates[0]?.lowerBound).toBe(0);
      s.rates.forEach((r, i) => expect(r.upperBound).toBe(s.rates[i + 1]?.lowerBound ?? null));
    }
    // One schedule shared by two products through two product consumption schedules.
    const byId = new Map<string, string[]>();
    for (const p of catalog)
      for (const s of p.schedules)
        byId.set(s.scheduleId, [...(byId.get(s.scheduleId) ?? []), s.productScheduleId]);
    expect([...byId.values()].some((links) => links.length === 2)).toBe(true);
  });

  it('exports the Zuora plans of externally managed products by the ids a connector looks them up with', () => {
    const plans = externallyManagedPlans();
    const managed = catalog.filter((p) => p.externallyManaged);
    const expected = managed.flatMap((p) =>
      p.kind === 'usage' ? p.schedules.map((s) => s.productScheduleId) : [p.productId],
    );
    expect(plans.map((p) => p.externalId)).toEqual(expected);
    expect(plans.find((p) => p.sku === 'CPQ-SEAT-MGD')).toMatchObject({
      chargeType: 'Recurring',
      chargeModel: 'PerUnit',
      billingPeriod: 'Annual',
      uom: 'Seat',
      uomDecimalPlaces: 0,
    });
    expect(plans.find((p) => p.sku === 'CPQ-PLATFORM-MGD')).toMatchObject({ chargeModel: 'FlatFee' });
    expect(plans.find((p) => p.sku === 'CPQ-SETUP-MGD')).toMatchObject({
      chargeType: 'OneTime',
      billingPeriod: null,
    });
    const usage = plans.filter((p) => p.chargeType === 'Usage');
    expect(usage.map((p) => p.usage?.currency)).toEqual(['USD', 'EUR']);
    expect(usage.every((p) => p.chargeModel === 'Volume' && (p.usage?.rates.length ?? 0) === 3)).toBe(true);
  });
});
