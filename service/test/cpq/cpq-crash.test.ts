// CPQ orders sent by `zuora-sync cpq sync` in a child process killed with SIGKILL during account creation,
// catalog creation and job polling (Zuora answering slowly, so each point is reached while the sync is in
// it), then run again: the orphaned session resumes from its checkpoints, and each Zuora object (account,
// product, order) exists exactly once while Salesforce holds the write-back. Emulators and PostgreSQL live in
// this test process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatedOrder, productId, usdAccount } from './cpq-actions.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { killLeftoverCli, runCli, type CliRun } from '../support/cli-process.js';
import { until } from '../support/wait-for.js';

let h: CpqHarness;
let dataDir: string;

beforeAll(async () => {
  h = await startCpqHarness({ store: 'postgres', scenario: { seed: 11, accountCount: 40, orderCount: 10 } });
  dataDir = mkdtempSync(join(tmpdir(), 'zsync-cpq-crash-'));
}, 300_000);
afterAll(async () => {
  killLeftoverCli();
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const cpqSync = (orderId: string): CliRun =>
  runCli(h, ['cpq', 'sync', '--order', orderId], {
    dataDir,
    apiToken: 'cpq-crash-token-0123456789abcdef',
    databaseUrl: h.storeFixture.databaseUrl,
  });

async function zuoraLatency(ms: number): Promise<void> {
  const res = await fetch(`${h.zuora.url}/__emulator/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.zuora.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: ms }),
  });
  expect(res.status).toBeLessThan(300);
}

const count = (object: string, match: (r: Record<string, unknown>) => boolean) =>
  [...h.zuora.tenant.scan(object as never, null)].filter((s) => match(s.record as Record<string, unknown>))
    .length;

describe('CPQ sync crash and resume', () => {
  it('is killed during account creation, catalog creation, order submission and job polling, and ends exactly once', async () => {
    const submits = (): number => h.zuora.stats().byRoute['POST /v1/async/orders'] ?? 0;
    const points: {
      name: string;
      code: string;
      account: number;
      reached: (orderId: string, accountId: string, submitsBefore: number) => Promise<boolean> | boolean;
    }[] = [
      {
        name: 'account creation',
        code: 'CPQ-SEAT-PRO',
        account: 4,
        reached: (_o, a) => count('Account', (r) => r.CrmId === a) > 0,
      },
      {
        name: 'catalog creation',
        code: 'CPQ-SEAT-STD',
        account: 5,
        reached: () => count('Product', (r) => r.SKU === 'CPQ-SEAT-STD') > 0,
      },
      {
        // The order request reached Zuora and is answered 300 ms late: killed before the job id came back, so
        // the restart cannot know whether Zuora took the order (it looks it up by number, and the retry carries
        // the same Idempotency-Key).
        name: 'order submission',
        code: 'CPQ-SEAT-PRO',
        account: 7,
        reached: (_o, _a, submitsBefore) => submits() > submitsBefore,
      },
      {
        name: 'job polling',
        code: 'CPQ-SEAT-ANL',
        account: 6,
        reached: async (o) =>
          (
            await h.deps.store.query(
              `SELECT 1 FROM session_checkpoints WHERE stream = $1 AND cursor ? 'jobId'`,
              [`cpq-order:${o}`],
            )
          ).length > 0,
      },
    ];
    for (const point of points) {
      const { accountId, contactId } = usdAccount(h.salesforce, point.account);
      const orderId = await activatedOrder(h.salesforce, {
        accountId,
        billToContactId: contactId,
        lines: [{ productId: productId(point.code), quantity: 3 }],
      });
      await zuoraLatency(300);
      const submitsBefore = submits();
      const run = cpqSync(orderId);
      // Polled every 10 ms: the kill must land while the step is in flight (Zuora answers 300 ms late).
      await until(
        `the kill point: ${point.name}`,
        () => point.reached(orderId, accountId, submitsBefore),
        Boolean,
        300_000,
        10,
      );
      run.child.kill('SIGKILL');
      expect((await run.done).code, point.name).toBeNull();
      await zuoraLatency(0);
      const again = cpqSync(orderId);
      const result = await again.done;
      expect(result.code, `${point.name}: ${result.out}`).toBe(0);
      expect(result.out, point.name).toMatch(/resuming CPQ session/);
      const order = h.salesforce.records('Order').find((r) => r.Id === orderId) as Record<string, unknown>;
      expect(order.Zuora_Sync_Status__c, point.name).toBe('Synced');
      expect(
        count('Order', (r) => r.OrderNumber === order.OrderNumber),
        point.name,
      ).toBe(1);
      expect(
        count('Account', (r) => r.CrmId === accountId),
        point.name,
      ).toBe(1);
      expect(
        count('Product', (r) => r.SKU === point.code),
        point.name,
      ).toBeLessThanOrEqual(1);
      expect(
        count('Contact', (r) => r.crmId__c === contactId),
        point.name,
      ).toBe(1);
      const item = h.salesforce.records('OrderItem').find((i) => i.OrderId === orderId);
      expect(item?.Zuora_Subscription_Number__c, point.name).toBeTruthy();
    }
  }, 900_000);
});
