// Idempotency-Key conformance, as https://developer.zuora.com/docs/guides/idempotent-requests documents
// it: the first answer (status, headers, body; success or failure) comes back for the same key for 24
// hours, 409 while the first request is in progress, 422 for the key on another method/URL/tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type V1Error = { success: false; reasons: { code: number; message: string }[] };

describe('Idempotency-Key on POST and PATCH', () => {
  let clock = Date.parse('2025-06-01T10:00:00Z');
  let h: Harness;
  let accountNumber: string;
  beforeAll(async () => {
    h = await startHarness({ now: () => new Date(clock) });
    accountNumber = String([...h.emulator.tenant.scan('Account', null)][0]?.record.AccountNumber);
  });
  afterAll(async () => h.emulator.close());

  const order = (orderNumber: string, account = accountNumber) => ({
    orderDate: '2025-06-01',
    orderNumber,
    existingAccountNumber: account,
    orderLineItems: [
      {
        itemName: 'Setup',
        itemType: 'Services',
        quantity: 1,
        listPricePerUnit: 100,
        transactionStartDate: '2025-06-01',
        transactionDate: '2025-06-01',
      },
    ],
  });
  const post = (path: string, json: unknown, key: string, headers: Record<string, string> = {}) =>
    h.api(path, { method: 'POST', json, headers: { 'Idempotency-Key': key, ...headers } });
  const orders = (): number => h.emulator.tenant.count('Order');

  it('replays the first answer of a retried POST /v1/orders instead of creating a second order', async () => {
    const before = orders();
    const first = await post('/v1/orders', order('IDEM-1'), 'key-order-1');
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(JSON.parse(firstBody)).toMatchObject({ success: true, orderNumber: 'IDEM-1' });
    const retry = await post('/v1/orders', order('IDEM-1'), 'key-order-1');
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe(firstBody);
    expect(retry.headers.get('zuora-request-id')).toBe(first.headers.get('zuora-request-id'));
    expect(orders()).toBe(before + 1);
    // Without a key the same request is processed again (and refused: the order number exists).
    const again = await h.api('/v1/orders', { method: 'POST', json: order('IDEM-1') });
    expect(((await again.json()) as V1Error).reasons[0]?.message).toMatch(/IDEM-1/);
    expect(orders()).toBe(before + 1);
  });

  it('replays a failed answer too, and the async job id of POST /v1/async/orders', async () => {
    const failed = await post('/v1/orders', order('IDEM-2', 'NO-SUCH-ACCOUNT'), 'key-failed');
    const failedBody = await failed.text();
    const retried = await post('/v1/orders', order('IDEM-2', 'NO-SUCH-ACCOUNT'), 'key-failed');
    expect(retried.status).toBe(failed.status);
    expect(await retried.text()).toBe(failedBody);
    expect(JSON.parse(failedBody)).toMatchObject({ success: false });

    const job = await post('/v1/async/orders', order('IDEM-3'), 'key-async');
    const jobId = ((await job.json()) as { jobId: string }).jobId;
    const retryJob = await post('/v1/async/orders', order('IDEM-3'), 'key-async');
    expect(((await retryJob.json()) as { jobId: string }).jobId).toBe(jobId);
    const done = await pollUntil(
      async () => (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as { status: string },
      (j) => j.status === 'Completed' || j.status === 'Failed',
    );
    expect(done.status).toBe('Completed');
    expect(
      [...h.emulator.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === 'IDEM-3'),
    ).toHaveLength(1);
  });

  it('answers 422 for the same key on another URL, method or body', async () => {
    await post('/v1/orders', order('IDEM-4'), 'key-422');
    const otherPath = await post(
      '/v1/object/product',
      { Name: 'X', EffectiveStartDate: '2024-01-01', EffectiveEndDate: '2099-12-31' },
      'key-422',
    );
    expect(otherPath.status).toBe(422);
    expect(((await otherPath.json()) as V1Error).reasons[0]?.message).toMatch(/another HTTP method, URL/);
    const otherBody = await post('/v1/orders', order('IDEM-5'), 'key-422');
    expect(otherBody.status).toBe(422);
    expect(((await otherBody.json()) as V1Error).reasons[0]?.message).toMatch(/different request body/);
    expect([...h.emulator.tenant.scan('Order', null)].some((o) => o.record.OrderNumber === 'IDEM-5')).toBe(
      false,
    );
  });

  it('answers 409 while the first request with the key is still in progress', async () => {
    await h.admin('/faults', { method: 'POST', json: { latencyMs: 1500 } });
    try {
      const first = post('/v1/orders', order('IDEM-6'), 'key-409');
      await pollUntil(
        async () => h.emulator.stats().inFlight['High-volume transactions'],
        (n) => n >= 1,
        30_000,
      );
      const concurrent = await post('/v1/orders', order('IDEM-6'), 'key-409');
      expect(concurrent.status).toBe(409);
      expect(((await concurrent.json()) as V1Error).reasons[0]?.message).toMatch(/still in progress/);
      expect((await first).status).toBe(200);
    } finally {
      await h.admin('/faults', { method: 'POST', json: { latencyMs: 0 } });
    }
    const after = await post('/v1/orders', order('IDEM-6'), 'key-409');
    expect(((await after.json()) as { orderNumber: string }).orderNumber).toBe('IDEM-6');
    expect(
      [...h.emulator.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === 'IDEM-6'),
    ).toHaveLength(1);
  });

  it('forgets a key 24 hours after its first use', async () => {
    const product = {
      Name: 'Idempotent product',
      EffectiveStartDate: '2024-01-01',
      EffectiveEndDate: '2099-12-31',
    };
    const count = (): number => h.emulator.tenant.count('Product');
    const before = count();
    const first = (await (await post('/v1/object/product', product, 'key-ttl')).json()) as { Id: string };
    clock += 23 * 3600_000;
    h.token = await h.newToken();
    const within = (await (await post('/v1/object/product', product, 'key-ttl')).json()) as { Id: string };
    expect(within.Id).toBe(first.Id);
    expect(count()).toBe(before + 1);
    clock += 2 * 3600_000;
    h.token = await h.newToken();
    const after = (await (await post('/v1/object/product', product, 'key-ttl')).json()) as { Id: string };
    expect(after.Id).not.toBe(first.Id);
    expect(count()).toBe(before + 2);
  });

  it('refuses a key over 255 characters and ignores the header on GET and without a valid token', async () => {
    const long = await post('/v1/orders', order('IDEM-7'), 'k'.repeat(256));
    expect(long.status).toBe(400);
    expect(((await long.json()) as V1Error).reasons[0]?.message).toMatch(/1 to 255 characters/);
    const get = await h.api(`/v1/accounts/${accountNumber}`, { headers: { 'Idempotency-Key': 'key-get' } });
    expect(get.status).toBe(200);
    const anonymous = await fetch(`${h.emulator.url}/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-order-1' },
      body: JSON.stringify(order('IDEM-1')),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('IDEM-1');
  });
});
