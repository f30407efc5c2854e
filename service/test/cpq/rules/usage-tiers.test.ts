import { describe, expect, it } from 'vitest';
import { usageTiers, usageVariant, type TierOptions } from '../../../src/cpq/rules/usage-tiers.js';
import { rate } from './cpq-fixtures.js';

const options = (decimalPlaces: number, increment = false): TierOptions => ({
  decimalPlaces,
  incrementTierUpperBound: increment,
  caps: { enabled: false, field: 'Cap__c' },
});

// Seed 004's two tables: Salesforce 0-185 and 185-999 (upper bounds exclusive).
const seedRates = [rate(185, 999, 1.2), rate(0, 185, 1.5)];

const bounds = (r: ReturnType<typeof usageTiers>) =>
  r.ok ? r.value.map((t) => [t.startingUnit, t.endingUnit]) : r.error.code;

describe('usage tiers (seed 004)', () => {
  it('lowers every upper bound but the last by one for an integer UOM', () => {
    expect(bounds(usageTiers(seedRates, options(0)))).toEqual([
      [0, 184],
      [185, 999],
    ]);
  });

  it('lowers by 0.01 for a 2-decimal UOM without the increment option', () => {
    expect(bounds(usageTiers(seedRates, options(2)))).toEqual([
      [0, 184.99],
      [185, 999],
    ]);
  });

  it('raises the lower bounds after the first by 0.01 with the increment option', () => {
    expect(bounds(usageTiers(seedRates, options(2, true)))).toEqual([
      [0, 185],
      [185.01, 999],
    ]);
  });

  it('raises by one with the option on an integer UOM', () => {
    expect(bounds(usageTiers(seedRates, options(0, true)))).toEqual([
      [0, 185],
      [186, 999],
    ]);
  });

  it('sorts by lower bound, numbers tiers from 1 and keeps price and format', () => {
    const r = usageTiers(
      [
        rate(1000, 10000, 0.008),
        rate(10000, null, 0.005, { SBQQ__PricingMethod__c: 'FlatFee' }),
        rate(0, 1000, 0.01),
      ],
      options(0),
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { tier: 1, startingUnit: 0, endingUnit: 999, price: 0.01, priceFormat: 'PerUnit' },
        { tier: 2, startingUnit: 1000, endingUnit: 9999, price: 0.008, priceFormat: 'PerUnit' },
        { tier: 3, startingUnit: 10000, price: 0.005, priceFormat: 'FlatFee' },
      ],
    });
  });

  it('adds each rate cap only when caps are enabled', () => {
    const capped = [rate(0, 185, 1.5, { Cap__c: 100 }), rate(185, null, 1.2, { Cap__c: null })];
    const on = usageTiers(capped, { ...options(0), caps: { enabled: true, field: 'Cap__c' } });
    expect(on.ok && on.value.map((t) => t.cap)).toEqual([100, undefined]);
    const off = usageTiers(capped, options(0));
    expect(off.ok && off.value.some((t) => 'cap' in t)).toBe(false);
  });

  it('refuses an open-ended rate that is not the last, naming the rate', () => {
    const r = usageTiers([rate(0, null, 1), rate(100, 200, 1)], options(0));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CPQ-E019');
      expect(r.error.record).toEqual({
        object: 'SBQQ__OrderItemConsumptionRate__c',
        id: rate(0, null, 1).Id,
        field: 'SBQQ__UpperBound__c',
      });
    }
  });

  it('refuses overlapping rates, an unknown pricing method and an empty schedule', () => {
    expect(bounds(usageTiers([rate(0, 200, 1), rate(100, null, 1)], options(0)))).toBe('CPQ-E019');
    expect(bounds(usageTiers([rate(0, null, 1, { SBQQ__PricingMethod__c: 'Block' })], options(0)))).toBe(
      'CPQ-E019',
    );
    expect(bounds(usageTiers([], options(0)))).toBe('CPQ-E019');
  });

  it('maps Range to the volume model and Slab to the tiered model', () => {
    expect([usageVariant('Range'), usageVariant('Slab'), usageVariant('Other')]).toEqual([
      'usageVolume',
      'usageTiered',
      undefined,
    ]);
  });
});
