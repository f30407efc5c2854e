// POST /v1/cpq/order-syncs as docs/cpq-order-sync-contract.md has it, through both emulators: the scoped
// on-demand token opens it, a malformed body is a 400 naming the field, a dry run answers the exact Zuora
// requests and writes nothing, an order waiting for contracting is Waiting and syncs once contracted, an
// account's orders are resolved, and a mixed-currency order or a Bill To contact of another account is
// refused with its code, message and fix.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { cpqOrderSyncsRoute } from '../../src/http/routes/cpq-order-syncs-route.js';
import { createMetricsRegistry } from '../../src/http/metrics.js';
import { buildServer } from '../../src/http/server.js';
import { activatedOrder, contract, productId, usdAccount } from './cpq-actions.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';

const adminToken = 'cpq-admin-token-0123456789abcdef';
const onDemandToken = 'cpq-on-demand-token-0123456789ab';

describe('POST /v1/cpq/order-syncs', () => {
  let h: CpqHarness;
  let app: FastifyInstance;
  beforeAll(async () => {
    h = await startCpqHarness();
    app = await buildServer({
      apiToken: adminToken,
      onDemandToken,
      bodyLimitBytes: 1_048_576,
      logger: false,
      metrics: createMetricsRegistry(),
      version: 'test',
      routes: [cpqOrderSyncsRoute({ ...h.deps, logger: createLogger('silent') })],
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const post = (body: unknown, token = onDemandToken) =>
    app.inject({
      method: 'POST',
      url: '/v1/cpq/order-syncs',
      headers: { authorization: `Bearer ${token}` },
      payload: body as object,
    });

  it('refuses a malformed body naming the field, and a request without a valid token', async () => {
    const bad = await post({ orderIds: ['001000000000001AAA'], source: 'UI' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_request' });
    expect(String(bad.json().message)).toContain('orderIds');
    const empty = await post({ source: 'UI' });
    expect(empty.statusCode).toBe(400);
    expect(String(empty.json().message)).toContain('at least one id');
    expect((await post({ orderIds: [], source: 'UI' }, 'wrong-token-0123456789abcdefgh')).statusCode).toBe(
      401,
    );
  });

  it('previews without writing, waits for contracting, then syncs', async () => {
    const { accountId, contactId } = usdAccount(h.salesforce, 1);
    const lines = [{ productId: productId('CPQ-SEAT-PRO'), quantity: 5 }];
    const orderId = await activatedOrder(
      h.salesforce,
      { accountId, billToContactId: contactId, lines },
      { contract: false },
    );
    const ordersBefore = h.zuora.tenant.scan('Order', null);
    const waiting = await post({ orderIds: [orderId], source: 'UI' });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().results).toMatchObject([{ orderId, status: 'Waiting', errorCode: 'CPQ-E003' }]);
    await contract(h.salesforce, orderId);
    const preview = await post({ orderIds: [orderId], source: 'UI', dryRun: true });
    type Preview = {
      results: { status: string; requests: { path: string; body: { subscriptions?: unknown[] } }[] }[];
    };
    const result = preview.json<Preview>().results[0];
    expect(result?.status).toBe('Preview');
    const submit = result?.requests.find((r) => r.path === '/v1/async/orders');
    expect(submit?.body.subscriptions).toHaveLength(1);
    expect([...h.zuora.tenant.scan('Order', null)]).toHaveLength([...ordersBefore].length);
    const synced = await post({ accountIds: [accountId], source: 'UI' });
    // The account's other activated orders of the scenario come along; this one is synced.
    expect(synced.json().results).toContainEqual(
      expect.objectContaining({ orderId, status: 'Synced', errorCode: null }),
    );
    const order = h.salesforce.records('Order').find((o) => o.Id === orderId);
    expect(order?.Zuora_Sync_Status__c).toBe('Synced');
  }, 180_000);

  it('refuses a Bill To contact of another account with its code, message and fix', async () => {
    const { accountId } = usdAccount(h.salesforce, 2);
    const other = usdAccount(h.salesforce, 3);
    const lines = [{ productId: productId('CPQ-SEAT-STD'), quantity: 1 }];
    const orderId = await activatedOrder(h.salesforce, {
      accountId,
      billToContactId: other.contactId,
      lines,
    });
    const answer = await post({ orderIds: [orderId], source: 'FLOW' }, adminToken);
    const r = answer.json().results[0];
    expect(r).toMatchObject({ status: 'Failed', errorCode: 'CPQ-E008' });
    expect(r.fix).toBeTruthy();
    const record = h.salesforce.records('CPQ_Order_Sync__c').find((s) => s.Order__c === orderId);
    expect(record).toMatchObject({ Status__c: 'Failed', Error_Code__c: 'CPQ-E008' });
    const order = h.salesforce.records('Order').find((o) => o.Id === orderId);
    expect(String(order?.Zuora_Last_Sync_Error__c)).toMatch(/^CPQ-E008: /);
  }, 180_000);
});
