// Malformed and hostile requests to the Orders API get Zuora-shaped 4xx answers ({ success: false,
// processId, reasons: [{ code, message }] }, https://developer.zuora.com/v1-api-reference/introduction/#section/Error-Handling),
// never a 500 or a hang: broken JSON, wrong types, unknown order action types, oversize and deeply nested
// bodies, prototype-pollution keys, unknown resources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { createAccount, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';

type V1Error = { success: false; processId: string; reasons: { code: number; message: string }[] };

describe('Orders API robustness', () => {
  let h: Harness;
  let catalog: CpqCatalog;
  let accountNumber: string;
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    accountNumber = (await createAccount(h)).accountNumber;
  });
  afterAll(async () => h.emulator.close());

  const raw = (path: string, body: string, contentType = 'application/json') =>
    h.api(path, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  async function zuoraError(res: Response, status: number, message?: RegExp): Promise<void> {
    expect(res.status).toBe(status);
    const body = (await res.json()) as V1Error;
    expect(body.success).toBe(false);
    expect(body.reasons[0]?.code).toEqual(expect.any(Number));
    if (message !== undefined) expect(body.reasons[0]?.message).toMatch(message);
  }

  it('answers 400 naming the field for malformed bodies, wrong types and unknown order actions', async () => {
    for (const path of ['/v1/orders', '/v1/async/orders', '/v1/orders/preview', '/v1/async/orders/preview']) {
      await zuoraError(await raw(path, '{"orderDate": "2025-01-01", '), 400, /Malformed JSON/);
      await zuoraError(await raw(path, '[1, 2, 3]'), 400, /body: .*expected object/i);
      await zuoraError(await raw(path, '"order"'), 400);
    }
    const order = (extra: Record<string, unknown>) =>
      JSON.stringify({ orderDate: '2025-01-01', existingAccountNumber: accountNumber, ...extra });
    await zuoraError(
      await raw('/v1/orders', JSON.stringify({ existingAccountNumber: accountNumber })),
      400,
      /^orderDate: is required/,
    );
    await zuoraError(
      await raw('/v1/orders', order({ orderDate: '01/01/2025' })),
      400,
      /orderDate: expected a date yyyy-mm-dd/,
    );
    await zuoraError(
      await raw(
        '/v1/orders',
        order({ subscriptions: [{ orderActions: [{ type: 'TeleportSubscription' }] }] }),
      ),
      400,
      /subscriptions\.0\.orderActions\.0\.type/,
    );
    await zuoraError(
      await raw('/v1/orders', order({ subscriptions: [{ orderActions: [] }] })),
      400,
      /subscriptions\.0\.orderActions/,
    );
    await zuoraError(
      await raw('/v1/orders', order({ orderLineItems: [{ itemName: 'x', quantity: 'ten' }] })),
      400,
      /orderLineItems\.0\.quantity/,
    );
    const tooMany = seatsSubscription(catalog);
    tooMany.createSubscription.subscribeToRatePlans[0]!.chargeOverrides = Array.from({ length: 501 }, () => ({
      productRatePlanChargeId: 'x',
    })) as never;
    await zuoraError(
      await raw('/v1/orders', order({ subscriptions: [{ orderActions: [tooMany] }] })),
      400,
      /chargeOverrides/,
    );
    await zuoraError(
      await raw('/v1/orders', '{"orderDate":"2025-01-01","__proto__":{"polluted":true}}'),
      400,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await zuoraError(await raw('/v1/orders', 'orderDate=2025-01-01', 'text/plain'), 400, /body/);
  });

  it('refuses oversize and deeply nested bodies with a 4xx', async () => {
    const huge = `{"orderDate":"2025-01-01","description":"${'x'.repeat(51 * 1024 * 1024)}"}`;
    await zuoraError(await raw('/v1/orders', huge), 413);
    const deep = `{"orderDate":"2025-01-01","customFields":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await raw('/v1/orders', deep);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers 404 for unknown orders, subscriptions and jobs', async () => {
    await zuoraError(await h.api('/v1/orders/NO-SUCH-ORDER'), 404, /does not exist/);
    await zuoraError(await h.api('/v1/async-jobs/0123456789abcdef'), 404, /No asynchronous job/);
    const none = (await (await h.api('/v1/orders/subscription/A-S99999999')).json()) as {
      success: boolean;
      orders: unknown[];
    };
    expect(none).toEqual({ success: true, orders: [] });
    await zuoraError(await h.api('/v1/orders/subscription/A-S1?pageSize=41'), 400, /pageSize/);
  });
});
