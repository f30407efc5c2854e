// Order preview: https://developer.zuora.com/v1-api-reference/api/operation/POST_PreviewOrder/ and
// POST_PreviewOrderAsynchronously (previewOptions: previewThruType SpecificDate / TermEnd / NumberOfPeriods,
// previewTypes ChargeMetrics, BillingDocs, OrderDeltaMetrics); a preview writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';
import { createAccount, post, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';

describe('order preview', () => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
  });
  afterAll(async () => h.emulator.close());

  const v223 = { 'Zuora-Version': '223.0' };
  const create = (action: Record<string, unknown>) =>
    post(
      h,
      '/v1/orders?returnIds=true',
      {
        orderDate: '2025-01-01',
        existingAccountNumber: account.accountNumber,
        subscriptions: [{ orderActions: [action] }],
      },
      v223,
    );
  const withDates = (names: string[]) => ({
    ...seatsSubscription(catalog),
    triggerDates: names.map((name) => ({ name, triggerDate: '2025-01-01' })),
  });

  const preview = (extra: Record<string, unknown>, previewOptions: Record<string, unknown>) => ({
    orderDate: '2025-01-01',
    orderNumber: 'PREVIEW-1',
    existingAccountNumber: account.accountNumber,
    previewOptions,
    ...extra,
  });
  const newOrder = () => ({
    subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
    orderLineItems: [
      {
        itemName: 'Router',
        productRatePlanChargeId: catalog.router.chargeId,
        quantity: 2,
        listPricePerUnit: 99,
        billTargetDate: '2025-01-01',
      },
    ],
  });

  it('previews charge metrics, billing documents and delta metrics without writing anything', async () => {
    const counts = () =>
      ['Order', 'Subscription', 'RatePlanCharge', 'OrderLineItem'].map((o) =>
        h.emulator.tenant.count(o as 'Order'),
      );
    const before = counts();
    const options = {
      previewThruType: 'SpecificDate',
      specificPreviewThruDate: '2025-03-31',
      previewTypes: ['ChargeMetrics', 'BillingDocs', 'OrderDeltaMetrics'],
    };
    const res = await post(h, '/v1/orders/preview', preview(newOrder(), options));
    const body = res.body as unknown as {
      success: boolean;
      previewResult: {
        chargeMetrics: {
          charges: { cmrr: { regular: number; regularDelta: number }; tcv: { regular: number } }[];
        }[];
        invoices: {
          amount: number;
          invoiceItems: { serviceStartDate: string; serviceEndDate: string; amountWithoutTax: number }[];
        }[];
        orderDeltaMetrics: { orderDeltaMrr: { amount: number }[] };
      };
    };
    expect(body.success).toBe(true);
    // 10 seats at 360 per 12 months: 300 a month, 3,600 over the 12-month term.
    expect(body.previewResult.chargeMetrics[0]?.charges[0]).toMatchObject({
      cmrr: { regular: 300, regularDelta: 300 },
      tcv: { regular: 3600 },
    });
    const items = body.previewResult.invoices[0]?.invoiceItems ?? [];
    expect(items.slice(0, 3).map((i) => [i.serviceStartDate, i.serviceEndDate, i.amountWithoutTax])).toEqual([
      ['2025-01-01', '2025-01-31', 300],
      ['2025-02-01', '2025-02-28', 300],
      ['2025-03-01', '2025-03-31', 300],
    ]);
    expect(body.previewResult.invoices[0]?.amount).toBe(900 + 198);
    expect(body.previewResult.orderDeltaMetrics.orderDeltaMrr[0]?.amount).toBe(300);
    expect(counts()).toEqual(before);
    expect((await post(h, '/v1/orders/preview', preview(newOrder(), options))).body.success).toBe(true);
  });

  it('previews an amendment as deltas, asynchronously too, and refuses what it cannot preview', async () => {
    const created = await create(withDates(['ContractEffective']));
    const number = String(created.body.subscriptions?.[0]?.subscriptionNumber);
    const sub = (await (await h.api(`/v1/subscriptions/${number}`)).json()) as {
      ratePlans: { id: string; ratePlanCharges: { number: string }[] }[];
    };
    const amendment = {
      subscriptions: [
        {
          subscriptionNumber: number,
          orderActions: [
            {
              type: 'UpdateProduct',
              updateProduct: {
                ratePlanId: sub.ratePlans[0]?.id,
                chargeUpdates: [
                  {
                    chargeNumber: sub.ratePlans[0]?.ratePlanCharges[0]?.number,
                    pricing: { recurringPerUnit: { quantity: 15 } },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const options = { previewThruType: 'TermEnd', previewTypes: ['ChargeMetrics'] };
    const submitted = await post(h, '/v1/async/orders/preview', preview(amendment, options));
    expect(submitted.status).toBe(202);
    const jobId = (submitted.body as unknown as { jobId: string }).jobId;
    const job = await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as {
          status: string;
          result: {
            jobType: string;
            previewResult: {
              chargeMetrics: { charges: { cmrr: { regular: number; regularDelta: number } }[] }[];
            };
          };
        },
      (j) => j.status !== 'Processing',
    );
    expect(job.status).toBe('Completed');
    expect(job.result.jobType).toBe('AsyncPreviewOrder');
    expect(job.result.previewResult.chargeMetrics[0]?.charges[0]?.cmrr).toMatchObject({
      regular: 450,
      regularDelta: 150,
    });
    const noOptions = await h.api('/v1/orders/preview', {
      method: 'POST',
      json: { orderDate: '2025-01-01', existingAccountNumber: account.accountNumber },
    });
    expect(noOptions.status).toBe(400);
    expect(((await noOptions.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /previewOptions: is required/,
    );
    const unsupported = await post(
      h,
      '/v1/orders/preview',
      preview(amendment, { previewThruType: 'TermEnd', previewTypes: ['RampMetrics'] }),
    );
    expect(unsupported.body.reasons?.[0]?.message).toMatch(/RampMetrics are not emulated/);
    const periods = await post(
      h,
      '/v1/orders/preview',
      preview(newOrder(), { previewThruType: 'NumberOfPeriods', previewTypes: ['BillingDocs'] }),
    );
    expect(periods.body.reasons?.[0]?.message).toMatch(/previewNumberOfPeriods is required/);
  });
});
