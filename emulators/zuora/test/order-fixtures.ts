// Fixtures of the Orders API tests: a CPQ-style catalog (seeded with externally managed plan ids, as a
// connector finds it) and accounts created through POST /v1/accounts.
import { seedExternalPlans, type SeededPlan } from '../src/index.js';
import type { Harness } from './helpers.js';

export interface CpqCatalog {
  seats: SeededPlan;
  calls: SeededPlan;
  storage: SeededPlan;
  router: SeededPlan;
  annual: SeededPlan;
}

export type OrderResult = {
  success: boolean;
  orderNumber: string;
  accountNumber: string;
  status: string;
  subscriptionNumbers?: string[];
  subscriptions?: { subscriptionNumber: string; status: string; subscriptionId?: string }[];
  orderLineItems?: { id: string; itemNumber: string }[];
  reasons?: { code: number; message: string }[];
};

export function seedCatalog(h: Harness, entityId?: string): CpqCatalog {
  const [seats, calls, storage, router, annual] = seedExternalPlans(
    h.emulator.tenant,
    [
      {
        productCode: 'CPQ-SEAT',
        productName: 'Seats',
        externalIds: ['01tSEAT0000000001'],
        chargeType: 'Recurring',
        chargeModel: 'Per Unit Pricing',
        uom: 'License',
        currencies: ['USD', 'EUR'],
        price: 30,
      },
      {
        productCode: 'CPQ-CALLS',
        productName: 'API calls',
        externalIds: ['0MqCALLS000000001'],
        chargeType: 'Usage',
        chargeModel: 'Volume Pricing',
        uom: 'Call',
        currencies: ['USD', 'EUR'],
        price: 0,
        tiers: [{ startingUnit: 0, endingUnit: null, price: 0.01, priceFormat: 'PerUnit' }],
      },
      {
        productCode: 'CPQ-STORAGE',
        productName: 'Storage',
        externalIds: ['0MqSTORE000000001'],
        chargeType: 'Usage',
        chargeModel: 'Tiered Pricing',
        uom: 'Gigabyte',
        uomDecimalPlaces: 2,
        currencies: ['USD'],
        price: 0,
        tiers: [{ startingUnit: 0, endingUnit: null, price: 0.5, priceFormat: 'PerUnit' }],
      },
      {
        productCode: 'CPQ-ROUTER',
        productName: 'Router',
        externalIds: ['01tROUTER00000001'],
        chargeType: 'OneTime',
        chargeModel: 'Per Unit Pricing',
        currencies: ['USD'],
        price: 99,
      },
      {
        productCode: 'CPQ-SUPPORT',
        productName: 'Support',
        externalIds: ['01tSUPPORT0000001'],
        chargeType: 'Recurring',
        chargeModel: 'Flat Fee Pricing',
        billingPeriod: 'Annual',
        currencies: ['USD'],
        price: 1200,
      },
    ],
    entityId,
  );
  return { seats, calls, storage, router, annual } as CpqCatalog;
}

export async function createAccount(
  h: Harness,
  currency = 'USD',
  headers: Record<string, string> = {},
): Promise<{ accountId: string; accountNumber: string; billToContactId: string; soldToContactId: string }> {
  const res = await h.api('/v1/accounts', {
    method: 'POST',
    headers,
    json: {
      name: `Customer ${currency}`,
      currency,
      crmId: '001000000000100AAA',
      billToContact: { firstName: 'Bill', lastName: 'To', country: 'United States', state: 'CA' },
    },
  });
  if (res.status !== 200) throw new Error(`account: ${res.status} ${await res.text()}`);
  return (await res.json()) as {
    accountId: string;
    accountNumber: string;
    billToContactId: string;
    soldToContactId: string;
  };
}

export const seatsSubscription = (catalog: CpqCatalog, extra: Record<string, unknown> = {}) => ({
  type: 'CreateSubscription',
  triggerDates: [{ name: 'ContractEffective', triggerDate: '2025-01-01' }],
  createSubscription: {
    terms: {
      initialTerm: { period: 12, periodType: 'Month', termType: 'TERMED' },
      renewalSetting: 'RENEW_WITH_SPECIFIC_TERM',
      renewalTerms: [{ period: 12, periodType: 'Month' }],
    },
    subscribeToRatePlans: [
      {
        externalCatalogPlanId: '01tSEAT0000000001',
        externallyManagedPlanId: '802ITEM0000000001',
        chargeOverrides: [
          {
            productRatePlanChargeId: catalog.seats.chargeId,
            chargeNumber: `OI-${Math.random().toString(36).slice(2, 10)}`,
            pricing: {
              recurringPerUnit: {
                quantity: 10,
                listPrice: 360,
                listPriceBase: 'Per_Specific_Months',
                specificListPriceBase: 12,
              },
            },
          },
        ],
      },
    ],
    ...extra,
  },
});

export async function post(
  h: Harness,
  path: string,
  json: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: OrderResult }> {
  const res = await h.api(path, { method: 'POST', json, headers });
  return { status: res.status, body: (await res.json()) as OrderResult };
}
