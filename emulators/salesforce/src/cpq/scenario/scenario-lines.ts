import type { CpqProduct } from '../../../../shared/cpq-catalog.js';
import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import type { OrderLineInput } from '../actions/action-inputs.js';
import { round2 } from '../record-access.js';

// Which products a generated order takes and in what quantity: products sold in the order's currency
// (usage products only where they have a consumption schedule in it), traps less often than the rest,
// whole quantities for seats and units, fractional ones for products measured in GB or hours.

const decimalUoms = new Set(['GB', 'Hour']);

export const isTrap = (p: CpqProduct): boolean =>
  p.productCode === null || p.chargeType === null || p.externallyManaged;

export function productsIn(catalog: readonly CpqProduct[], currency: string): CpqProduct[] {
  return catalog.filter(
    (p) =>
      p.prices[currency as keyof CpqProduct['prices']] !== undefined &&
      (p.kind !== 'usage' || p.schedules.some((s) => s.currency === currency)),
  );
}

function weightedPick(rng: SeededRandom, products: CpqProduct[]): CpqProduct {
  const weights = products.map((p) => (isTrap(p) ? 0.25 : 1));
  let x = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < products.length; i += 1)
    if ((x -= weights[i] ?? 0) < 0) return products[i] as CpqProduct;
  return products[products.length - 1] as CpqProduct;
}

export function quantityFor(rng: SeededRandom, p: CpqProduct): number {
  if (p.kind === 'usage' || p.pricingMethod === 'Block') return 1;
  if (decimalUoms.has(p.unitOfMeasure)) return round2(rng.int(10, 400) + rng.int(0, 3) * 0.25);
  return p.kind === 'one-time' ? rng.int(1, 5) : rng.int(1, 50);
}

/** Distinct products for one order, with quantities and (sometimes) a discounted price. */
export function pickLines(
  rng: SeededRandom,
  products: CpqProduct[],
  count: number,
  currency: string,
): OrderLineInput[] {
  const chosen = new Map<string, CpqProduct>();
  for (let tries = 0; chosen.size < Math.min(count, products.length) && tries < count * 10; tries += 1) {
    const p = weightedPick(rng, products);
    chosen.set(p.productId, p);
  }
  return [...chosen.values()].map((p) => {
    const list = p.prices[currency as keyof CpqProduct['prices']] ?? 0;
    const discounted = list > 0 && rng.chance(0.2);
    return {
      productId: p.productId,
      quantity: quantityFor(rng, p),
      ...(discounted ? { unitPrice: round2(list * 0.9) } : {}),
    };
  });
}

export const isDecimalUom = (p: CpqProduct): boolean => decimalUoms.has(p.unitOfMeasure);
