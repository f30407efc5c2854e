// Units of measure: quantities are rounded before they are stored, to the unit's DecimalPlaces with its
// RoundingMode (Up by default, or Down); transaction and tier quantities alike.
// https://docs.zuora.com/en/basics/about-zuora/rounding-and-precision/rounding-and-as-is
// https://docs.zuora.com/en/zuora-platform/data-management/data-loader/data-dictionary-for-data-loader/unit-of-measure
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';

/** DecimalPlaces: "an integer between 0 and 9, exclusive". */
export const maxDecimalPlaces = 8;

/** Units of measure are tenant settings, shared by every entity's catalog. */
export function findUnitOfMeasure(store: TenantStore, name: string): ZRecord | undefined {
  for (const { record } of store.scan('UnitOfMeasure', null)) if (record.UomName === name) return record;
  return undefined;
}

/** A quantity rounded as the unit rounds it (no unit: stored as is). */
export function roundQuantity(value: number, uom: ZRecord | undefined): number {
  if (uom === undefined) return value;
  const places = typeof uom.DecimalPlaces === 'number' ? uom.DecimalPlaces : 0;
  const factor = 10 ** places;
  const scaled = value * factor;
  const nearest = Math.round(scaled);
  // Binary floating point: 0.29 * 100 is 28.999999999999996, which is 29 in decimal.
  if (Math.abs(scaled - nearest) < 1e-9) return nearest / factor;
  const down = String(uom.RoundingMode ?? 'Up').toLowerCase() === 'down';
  const rounded = down ? Math.trunc(scaled) : scaled < 0 ? Math.floor(scaled) : Math.ceil(scaled);
  return rounded / factor;
}
