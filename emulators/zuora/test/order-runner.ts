// The Orders API through its synchronous or asynchronous form, for the order-action tests: `run` posts an
// order and, for the asynchronous API, polls the job (Processing -> Completed | Failed) and returns its
// result. https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
import { expect } from 'vitest';
import { pollUntil, type Harness } from './helpers.js';
import { seatsSubscription, type CpqCatalog, type OrderResult } from './order-fixtures.js';

type Charge = {
  number: string;
  quantity: number | null;
  price: number | null;
  listPriceBase: string | null;
  specificListPriceBase: number | null;
  effectiveEndDate: string | null;
  tiers: { tier: number; startingUnit: number; endingUnit: number | null; price: number }[];
};
export type Sub = {
  id: string;
  version: number;
  status: string;
  accountId: string;
  invoiceOwnerAccountId: string;
  invoiceOwnerAccountNumber: string | null;
  termStartDate: string;
  termEndDate: string | null;
  autoRenew: boolean;
  cancelledDate: string | null;
  SFDC_Contract__c: string | null;
  QuoteNumber__QT: string | null;
  ratePlans: {
    id: string;
    productSku: string;
    externallyManagedPlanId: string | null;
    lastChangeType: string | null;
    ratePlanCharges: Charge[];
  }[];
};

export type Mode = 'sync' | 'async';

export interface OrderRunner {
  run(body: Record<string, unknown>): Promise<OrderResult & { jobType?: string }>;
  subscription(number: string): Promise<Sub>;
  /** Job statuses seen while polling (async). */
  seen: Set<string>;
}

export const planOf = (sub: Sub, sku: string) => sub.ratePlans.find((p) => p.productSku === sku);

export function orderRunner(h: Harness, mode: Mode, accountNumber: () => string): OrderRunner {
  const seen = new Set<string>();
  /** Creates the order through the mode's API; async: polls the job to its end and returns its result. */
  async function run(body: Record<string, unknown>): Promise<OrderResult & { jobType?: string }> {
    const json = { orderDate: '2025-01-01', existingAccountNumber: accountNumber(), ...body };
    if (mode === 'sync')
      return (await (await h.api('/v1/orders', { method: 'POST', json })).json()) as OrderResult;
    const submitted = await h.api('/v1/async/orders', { method: 'POST', json });
    expect(submitted.status).toBe(202);
    const { jobId, success } = (await submitted.json()) as { jobId: string; success: boolean };
    expect(success).toBe(true);
    expect(submitted.headers.get('location')).toBe(`/async-jobs/${jobId}`);
    const job = await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as {
          status: string;
          result: OrderResult & { jobType: string };
        },
      (j) => {
        seen.add(j.status);
        return j.status !== 'Processing';
      },
    );
    expect(job.status).toBe(job.result.success ? 'Completed' : 'Failed');
    expect(job.result.jobType).toBe('AsyncCreateOrder');
    return job.result;
  }
  const subscription = async (number: string): Promise<Sub> =>
    (await (await h.api(`/v1/subscriptions/${number}`)).json()) as Sub;
  return { run, subscription, seen };
}

/** A CPQ order creating one subscription with per-unit, usage volume and usage tiered charges, and a line item. */
export function fullOrder(catalog: CpqCatalog, orderNumber: string): Record<string, unknown> {
  return {
    orderNumber: orderNumber,
    subscriptions: [
      {
        customFields: { SFDC_Contract__c: '800CONTRACT000001' },
        quote: { QuoteNumber__QT: 'Q-00042', QuoteType__QT: 'Quote' },
        orderActions: [
          {
            ...seatsSubscription(catalog),
            createSubscription: {
              ...seatsSubscription(catalog).createSubscription,
              subscribeToRatePlans: [
                ...seatsSubscription(catalog).createSubscription.subscribeToRatePlans,
                {
                  externalCatalogPlanId: '0MqCALLS000000001',
                  externallyManagedPlanId: 'a0ZSCHED000000001',
                  chargeOverrides: [
                    {
                      productRatePlanChargeId: catalog.calls.chargeId,
                      pricing: {
                        usageVolume: {
                          tiers: [
                            {
                              tier: 1,
                              startingUnit: 0,
                              endingUnit: 184,
                              price: 1.5,
                              priceFormat: 'PerUnit',
                            },
                            { tier: 2, startingUnit: 185, price: 1.2, priceFormat: 'PerUnit' },
                          ],
                        },
                      },
                    },
                  ],
                },
                {
                  productRatePlanId: catalog.storage.ratePlanId,
                  chargeOverrides: [
                    {
                      productRatePlanChargeId: catalog.storage.chargeId,
                      pricing: {
                        usageTiered: {
                          tiers: [
                            {
                              tier: 1,
                              startingUnit: 0,
                              endingUnit: 100.001,
                              price: 0.5,
                              priceFormat: 'PerUnit',
                            },
                            { tier: 2, startingUnit: 100.5, price: 0.25, priceFormat: 'PerUnit' },
                          ],
                        },
                      },
                    },
                  ],
                },
              ],
            },
          },
        ],
      },
    ],
    orderLineItems: [
      {
        itemName: 'Router',
        itemType: 'Product',
        itemCategory: 'Sales',
        itemState: 'SentToBilling',
        productCode: 'CPQ-ROUTER',
        productRatePlanChargeId: catalog.router.chargeId,
        quantity: 2,
        listPricePerUnit: 99,
        amountPerUnit: 99,
        purchaseOrderNumber: '801ORDER000000001',
        transactionStartDate: '2025-01-01',
        transactionEndDate: '2025-01-01',
        billTargetDate: '2025-01-01',
      },
    ],
  };
}
