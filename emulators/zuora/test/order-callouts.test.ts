// Callouts for what orders create, so the Zuora -> Salesforce direction sees it: the Zuora custom events
// "Order Processed" and "Order Action Processed"
// (https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/zuora-custom-events/zuora-custom-events-for-orders)
// and data-change events on the subscriptions and charges an order writes (with Orders enabled,
// subscription data-change events are sent: https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/subscribe-and-amend/working-with-events-and-notifications).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';
import { createAccount, post, seatsSubscription, seedCatalog, type CpqCatalog } from './order-fixtures.js';

type Delivered = {
  eventCategory: string;
  eventType: string;
  objectType: string;
  changeType: string;
  objectId: string;
  entityId: string;
};

describe('order callouts', () => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let server: Server;
  const received: Delivered[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(data) as Delivered);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
    h.emulator.callouts.configure([
      {
        url: `http://127.0.0.1:${port}/hook`,
        events: [
          'Order.processed',
          'OrderAction.processed',
          'Subscription.created',
          'RatePlanCharge.created',
        ],
      },
    ]);
  });
  afterAll(async () => {
    await h.emulator.close();
    await new Promise((r) => server.close(r));
  });

  const order = (extra: Record<string, unknown> = {}) => ({
    orderDate: '2025-01-01',
    existingAccountNumber: account.accountNumber,
    subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
    ...extra,
  });

  it('announces a synchronous order, its actions and the subscription it creates', async () => {
    const { body } = await post(h, '/v1/orders', order({ orderNumber: 'CALLOUT-1' }));
    expect(body.success).toBe(true);
    const orderId = [...h.emulator.tenant.scan('Order', null)].find(
      (o) => o.record.OrderNumber === 'CALLOUT-1',
    )?.record.Id;
    await h.emulator.callouts.idle();
    const processed = received.find((r) => r.eventType === 'Order.processed' && r.objectId === orderId);
    expect(processed).toMatchObject({
      eventCategory: 'OrderProcessed',
      objectType: 'Order',
      changeType: 'INSERT',
      entityId: '',
    });
    expect(received.filter((r) => r.eventType === 'OrderAction.processed')).toHaveLength(1);
    const subscriptionId = h.emulator.tenant.get(
      'Subscription',
      String(received.find((r) => r.eventType === 'Subscription.created')?.objectId),
    )?.record.Name;
    expect(subscriptionId).toBe(body.subscriptionNumbers?.[0]);
    expect(received.some((r) => r.eventType === 'RatePlanCharge.created')).toBe(true);
  });

  it('announces an asynchronous order once its job completes, and nothing for a refused order or a preview', async () => {
    received.length = 0;
    await post(h, '/v1/orders', order({ orderNumber: 'CALLOUT-1' }));
    await post(
      h,
      '/v1/orders/preview',
      order({ previewOptions: { previewThruType: 'TermEnd', previewTypes: ['ChargeMetrics'] } }),
    );
    await h.emulator.callouts.idle();
    expect(received).toEqual([]);
    const { body } = await post(h, '/v1/async/orders', order({ orderNumber: 'CALLOUT-2' }));
    const jobId = (body as unknown as { jobId: string }).jobId;
    await pollUntil(
      async () => (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as { status: string },
      (j) => j.status === 'Completed',
    );
    await pollUntil(
      async () => received.filter((r) => r.eventType === 'Order.processed').length,
      (n) => n === 1,
    );
    await h.emulator.callouts.idle();
    expect(received.filter((r) => r.eventType === 'Subscription.created')).toHaveLength(1);
  });
});
