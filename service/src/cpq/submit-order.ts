// Steps 8 and 9 of an order sync, exactly once: an order already in Zuora under its number is never sent
// again (looked up first, and again whenever its job is unknown); otherwise it is sent through the async
// Orders API with its Idempotency-Key (a resend after a timeout or crash answers the first job), the job id
// is checkpointed before polling, and the job is polled until it ends. A refused order is CPQ-E020 with
// Zuora's reason; Zuora unreachable or a job still running past the timeout is CPQ-E021 (transient).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// "If you received a timeout error ... the order will be created": https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
import { setTimeout as sleep } from 'node:timers/promises';
import { findOrder, orderJob, submitAsyncOrder, type CreatedOrder } from '../zuora/zuora-orders.js';
import type { CpqDeps } from './cpq-deps.js';
import { cpqError, type CpqResult } from './rules/cpq-errors.js';

export interface Submission {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly body: unknown;
  readonly key: string;
  /** The job of an earlier run of this attempt (from the checkpoint). */
  readonly jobId: string | undefined;
  /** Stores the job id before it is polled. */
  readonly saveJob: (jobId: string) => Promise<void>;
}

async function lookup(deps: CpqDeps, orderNumber: string): Promise<CreatedOrder | undefined> {
  const found = await findOrder(deps.zuora, orderNumber);
  if (found === undefined) return undefined;
  return { ...found, orderLineItems: [] };
}

async function poll(
  deps: CpqDeps,
  s: Submission,
  jobId: string,
): Promise<CpqResult<CreatedOrder> | undefined> {
  const deadline = Date.now() + (deps.jobTimeoutMs ?? 120_000);
  let wait = deps.jobPollMs ?? 250;
  for (;;) {
    // A job just submitted is still Processing: the first look waits too (one call an order, not two, when
    // Zuora answers within the first wait), and the wait doubles up to 2 s.
    await sleep(wait);
    wait = Math.min(wait * 2, 2_000);
    const job = await orderJob(deps.zuora, jobId);
    if (job === undefined) return undefined;
    if (job.status === 'Completed') return { ok: true, value: job.result };
    if (job.status === 'Failed')
      return { ok: false, error: cpqError('CPQ-E020', job.message, { object: 'Order', id: s.orderId }) };
    if (Date.now() > deadline)
      return {
        ok: false,
        error: cpqError('CPQ-E021', `the Zuora job ${jobId} of order ${s.orderNumber} is still processing`, {
          object: 'Order',
          id: s.orderId,
        }),
      };
  }
}

export async function submitOnce(deps: CpqDeps, s: Submission): Promise<CpqResult<CreatedOrder>> {
  if (s.jobId !== undefined) {
    const polled = await poll(deps, s, s.jobId);
    if (polled !== undefined) return polled;
  }
  const existing = await lookup(deps, s.orderNumber);
  if (existing !== undefined) return { ok: true, value: existing };
  const jobId = await submitAsyncOrder(deps.zuora, s.body, s.key);
  await s.saveJob(jobId);
  const polled = await poll(deps, s, jobId);
  if (polled !== undefined) return polled;
  const after = await lookup(deps, s.orderNumber);
  if (after !== undefined) return { ok: true, value: after };
  return {
    ok: false,
    error: cpqError('CPQ-E021', `Zuora lost the job ${jobId} of order ${s.orderNumber}`, {
      object: 'Order',
      id: s.orderId,
    }),
  };
}
