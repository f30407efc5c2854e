// Steps 8 and 9 of an order sync, exactly once: an order already in Zuora under its number is never sent
// again (looked up first unless this is its first send, after a refusal of a first send, and whenever its job
// is unknown); otherwise it is sent through the async
// Orders API with its Idempotency-Key (a resend after a timeout or crash answers the first job), the job id
// is checkpointed before polling, and the job is polled until it ends. A refused order is CPQ-E020 with
// Zuora's reason; Zuora unreachable or a job still running past the timeout is CPQ-E021 (transient).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// "If you received a timeout error ... the order will be created": https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
import { setTimeout as sleep } from 'node:timers/promises';
import { findOrder, orderJob, submitAsyncOrder, type CreatedOrder } from '../zuora/zuora-orders.js';
import { ZuoraApiError } from '../zuora/zuora-errors.js';
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
  /** No run of this session sent it and no earlier attempt is recorded: the first look-up is skipped. */
  readonly firstSend: boolean;
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
  // An order that may have been sent before (a checkpoint of this session, an earlier attempt) is looked up by
  // number first. A first send skips that call: had it been sent after all (by a session cut short, under an
  // older version's key), Zuora refuses a second order of the same number, and the refused order is looked up
  // then, before it counts as failed.
  if (!s.firstSend) {
    const existing = await lookup(deps, s.orderNumber);
    if (existing !== undefined) return { ok: true, value: existing };
  }
  const refused = async <T>(result: T): Promise<CpqResult<CreatedOrder> | T> => {
    const after = s.firstSend ? await lookup(deps, s.orderNumber) : undefined;
    return after === undefined ? result : { ok: true, value: after };
  };
  let jobId: string;
  try {
    jobId = await submitAsyncOrder(deps.zuora, s.body, s.key);
  } catch (error) {
    if (
      !(error instanceof ZuoraApiError) ||
      error.status < 400 ||
      error.status >= 500 ||
      error.status === 429
    )
      throw error;
    const found = await refused(undefined);
    if (found === undefined) throw error;
    return found;
  }
  await s.saveJob(jobId);
  const polled = await poll(deps, s, jobId);
  if (polled !== undefined) return polled.ok || polled.error.code !== 'CPQ-E020' ? polled : refused(polled);
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
