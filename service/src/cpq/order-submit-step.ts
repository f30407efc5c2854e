// The submission of an order within a session: its Idempotency-Key and job kept in the order's checkpoint,
// so a session resumed after a crash polls the job it had instead of sending the order again.
import { orderKey } from './idempotency-keys.js';
import type { OrderRun } from './order-run.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { submitOnce } from './submit-order.js';

export async function submit(run: OrderRun, b: CpqOrderBundle, body: Record<string, unknown>) {
  const stored = run.checkpoints.get({ kind: 'cpq-order', orderId: b.order.Id })?.cursor;
  const same = stored?.version === b.order.SystemModstamp ? stored : undefined;
  const key = same?.idempotencyKey ?? orderKey(b.order.Id, b.order.SystemModstamp, run.attempt);
  const checkpoint = (jobId?: string) =>
    run.checkpoints.write(
      { kind: 'cpq-order', orderId: b.order.Id },
      {
        phase: 'loading',
        cursor: {
          version: b.order.SystemModstamp,
          step: 'submitted',
          idempotencyKey: key,
          ...(jobId === undefined ? {} : { jobId }),
        },
      },
    );
  if (same === undefined) await checkpoint();
  return submitOnce(run.deps, {
    orderId: b.order.Id,
    orderNumber: b.order.OrderNumber,
    body,
    key,
    jobId: same?.jobId,
    saveJob: (jobId) => checkpoint(jobId),
    firstSend: stored === undefined && run.attempt === 0,
  });
}
