// A dry run's answer: every Zuora write the sync would make, in order, and the order previewed through
// POST /v1/orders/preview when everything it names exists already (nothing is written).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_PreviewOrder/
import { previewOrder } from '../zuora/zuora-orders.js';
import { ended, type OrderRun } from './order-run.js';
import type { OrderOutcome, ZuoraRequest } from './order-outcome.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { cpqError } from './rules/cpq-errors.js';

export async function preview(
  run: OrderRun,
  b: CpqOrderBundle,
  body: Record<string, unknown>,
  requests: ZuoraRequest[],
): Promise<OrderOutcome> {
  const all = [...requests, { method: 'POST', path: '/v1/async/orders', body }];
  const placeholders = JSON.stringify(all).includes('(new ');
  // Zuora can preview the order only when everything it names exists already.
  if (!placeholders) {
    const answer = (await previewOrder(run.deps.zuora, body).catch((error: unknown) => error)) as
      { message?: string } | undefined;
    if (answer instanceof Error)
      return { ...ended(b, 'Failed', cpqError('CPQ-E020', answer.message)), requests: all };
  }
  return { ...ended(b, 'Preview', null), requests: all };
}
