// The end of a chunk of orders: their write-back in as few Composite calls as possible, then, per order whose
// write-back Salesforce committed, its cpq_orders row (attempts + 1) and a 'written-back' checkpoint, so a
// crash before this point redoes the write-back and never counts an attempt twice.
import type { CallCounter, CompositeWriter } from '../salesforce/composite-request.js';
import { soqlList } from '../salesforce/soql.js';
import type { SessionCheckpoints } from '../sessions/checkpoints.js';
import { recordCpqOrder, type CpqOrderRow } from '../store/cpq-order-rows.js';
import type { CpqDeps } from './cpq-deps.js';
import { syncRecordOf, updatesOf, type OrderOutcome } from './order-outcome.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { writeBack } from './write-back.js';

export async function finishChunk(
  deps: CpqDeps,
  writer: CompositeWriter,
  counter: CallCounter,
  checkpoints: SessionCheckpoints,
  sessionId: string,
  chunk: readonly { bundle: CpqOrderBundle; outcome: OrderOutcome }[],
  rows: ReadonlyMap<string, CpqOrderRow>,
): Promise<void> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const updates = chunk.flatMap((c) => updatesOf(c.outcome, at));
  const syncRecords = chunk.map((c) =>
    syncRecordOf(c.outcome, sessionId, (rows.get(c.outcome.orderId)?.attempts ?? 0) + 1, at),
  );
  const failures = await writeBack(writer, counter, updates, syncRecords);
  const failedIds = new Set(failures.map((f) => f.id));
  for (const f of failures)
    deps.logger.warn(
      { recordId: f.id, errorCode: f.errorCode, error: f.errorMessage },
      'CPQ write-back refused',
    );
  // The version recorded: the SystemModstamp after our write-back, so the poller sees a user's later change.
  counter.calls += 1;
  const after = await deps.salesforce.query<{ Id: string; SystemModstamp: string }>(
    `SELECT Id, SystemModstamp FROM Order WHERE Id IN (${soqlList(chunk.map((c) => c.outcome.orderId))})`,
  );
  const versions = new Map(after.records.map((r) => [r.Id, r.SystemModstamp]));
  for (const { bundle, outcome } of chunk) {
    if (failedIds.has(outcome.orderId)) continue;
    await recordCpqOrder(deps.store, {
      orderId: outcome.orderId,
      orderNumber: outcome.orderNumber,
      accountId: outcome.accountId,
      // Waiting: the version its check read, so waiting-orders.ts sees its products' later changes.
      version: (outcome.status !== 'Waiting' && versions.get(outcome.orderId)) || bundle.order.SystemModstamp,
      status: outcome.status === 'Preview' ? 'Not Sent' : outcome.status,
      errorCode: outcome.error?.code ?? null,
      transient: outcome.error?.transient === true || outcome.error?.code === 'CPQ-E021',
      zuoraOrderNumber: outcome.zuoraOrderNumber,
      sessionId,
      activatedAt: bundle.order.ActivatedDate,
    });
    await checkpoints.write(
      { kind: 'cpq-order', orderId: outcome.orderId },
      { phase: 'done', cursor: { version: bundle.order.SystemModstamp, step: 'written-back' } },
    );
  }
}
