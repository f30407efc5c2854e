import { catalogRows } from './cpq-catalog-rows.js';
import { makeSalesforceId } from './salesforce-id.js';

// The product catalog of the generated Salesforce CPQ org, shared by both emulators: the Salesforce
// emulator loads it as Product2 / PricebookEntry / ConsumptionSchedule records, and the Zuora emulator
// seeds rate plans for the products marked externally managed, whose Zuora plan "already exists"
// (seed 004: "if the Product ID matches any Externally Managed Plan ID fields on the Product Rate Plan
// object in Zuora, the product catalog sync is skipped"). Pure data, the same on every run: Ids are
// fixed, so both sides agree without talking to each other.

export type CpqCurrency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'CAD' | 'AUD';
export type CpqProductKind = 'recurring' | 'one-time' | 'usage';

/** Units of measure the products use, with the decimal places their Zuora UOM should have. */
export const cpqUnitsOfMeasure: ReadonlyArray<{ name: string; decimalPlaces: number }> = [
  { name: 'Each', decimalPlaces: 0 },
  { name: 'Seat', decimalPlaces: 0 },
  { name: 'API Call', decimalPlaces: 0 },
  { name: 'Message', decimalPlaces: 0 },
  { name: 'GB', decimalPlaces: 2 },
  { name: 'Hour', decimalPlaces: 2 },
];

export interface CpqRate {
  rateId: string;
  lowerBound: number;
  /** Exclusive; null = unbounded (Salesforce consumption rate semantics). */
  upperBound: number | null;
  price: number;
  pricingMethod: 'PerUnit' | 'FlatFee';
}

export interface CpqSchedule {
  scheduleId: string;
  /** ProductConsumptionSchedule.Id: the externally managed plan id of a usage rate plan. */
  productScheduleId: string;
  name: string;
  type: 'Range' | 'Slab';
  currency: CpqCurrency;
  unitOfMeasure: string;
  rates: CpqRate[];
}

export interface CpqProduct {
  productId: string;
  /** Null for the products a connector must refuse ("Invalid referenced products"). */
  productCode: string | null;
  name: string;
  kind: CpqProductKind;
  /** SBQQ__ChargeType__c: null as in orgs without Salesforce Billing (a trap: Zuora reads One-Time). */
  chargeType: 'Recurring' | 'One-Time' | 'Usage' | null;
  billingFrequency: 'Monthly' | 'Quarterly' | 'Semiannual' | 'Annual' | 'Invoice Plan' | null;
  pricingMethod: 'List' | 'Block';
  subscriptionType: 'Renewable' | 'Evergreen' | 'One-time';
  unitOfMeasure: string;
  /** List price per currency (price book entries); usage products list at 0. */
  prices: Partial<Record<CpqCurrency, number>>;
  priceEntryIds: Partial<Record<CpqCurrency, string>>;
  schedules: CpqSchedule[];
  /** A Zuora rate plan with this product's id (or its schedules' ids) already exists. */
  externallyManaged: boolean;
}

const fx: Record<CpqCurrency, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CAD: 1.36, AUD: 1.5 };
const allCurrencies: CpqCurrency[] = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD'];
const chargeOf = { recurring: 'Recurring', 'one-time': 'One-Time', usage: 'Usage' } as const;

function build(): CpqProduct[] {
  let entry = 0;
  let rate = 0;
  let link = 0;
  const scheduleIds = new Map<string, { id: string; rates: CpqRate[] }>();
  return catalogRows.map((row, i) => {
    const currencies = row.schedules
      ? [...new Set(row.schedules.map((s) => s[2]))]
      : (row.currencies ?? allCurrencies);
    const prices: CpqProduct['prices'] = {};
    const priceEntryIds: CpqProduct['priceEntryIds'] = {};
    for (const c of currencies) {
      prices[c] = c === 'JPY' ? Math.round(row.usd * fx[c]) : Math.round(row.usd * fx[c] * 100) / 100;
      priceEntryIds[c] = makeSalesforceId('01u', 100 + (entry += 1));
    }
    const schedules = (row.schedules ?? []).map(
      ([name, type, currency, rateRows, sharedWith]): CpqSchedule => {
        const key = `${sharedWith ?? row.code}:${name}`;
        let schedule = scheduleIds.get(key);
        if (!schedule) {
          const rates = rateRows.map(([lowerBound, upperBound, price, method]) => ({
            rateId: makeSalesforceId('0sr', 100 + (rate += 1)),
            lowerBound,
            upperBound,
            price,
            pricingMethod: method ?? ('PerUnit' as const),
          }));
          schedule = { id: makeSalesforceId('0sc', 100 + scheduleIds.size + 1), rates };
          scheduleIds.set(key, schedule);
        }
        const productScheduleId = makeSalesforceId('0sp', 100 + (link += 1));
        return {
          scheduleId: schedule.id,
          productScheduleId,
          name,
          type,
          currency,
          unitOfMeasure: row.uom ?? 'Each',
          rates: schedule.rates,
        };
      },
    );
    const recurring = row.kind !== 'one-time';
    return {
      productId: makeSalesforceId('01t', 100 + i + 1),
      productCode: row.code,
      name: row.name,
      kind: row.kind,
      chargeType: row.charge === undefined ? chargeOf[row.kind] : row.charge,
      billingFrequency: recurring ? (row.freq ?? 'Monthly') : null,
      pricingMethod: row.method ?? 'List',
      subscriptionType: recurring ? (row.sub ?? 'Renewable') : 'One-time',
      unitOfMeasure: row.uom ?? 'Each',
      prices,
      priceEntryIds,
      schedules,
      externallyManaged: row.managed === true,
    };
  });
}

const catalog: readonly CpqProduct[] = build();

/** Every product of the generated CPQ org, in a fixed order with fixed Ids. */
export function cpqCatalog(): readonly CpqProduct[] {
  return catalog;
}
