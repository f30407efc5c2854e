// A Zuora Orders API error answer as one of our codes. Zuora answers business-rule failures with HTTP 200
// and `{ success: false, reasons: [{ code, message }] }`, an async job with `status: Failed`, `errors` and
// the reasons in `result`; the last two digits of a reason code are its category (50 locking, 60 internal:
// retried), 429 and 5xx are transient. The reason text decides which documented condition it is; anything
// else is CPQ-E020 with Zuora's words.
// https://developer.zuora.com/v1-api-reference/introduction/#section/Error-Handling
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
import { cpqError, type CpqError, type CpqErrorCode } from './cpq-errors.js';
import { reasonsOf, type Reason } from './zuora-reasons.js';

export type ZuoraOrderAnswer =
  | { readonly status: number; readonly body: unknown }
  /** The request never got an answer (connection refused, reset, timeout). */
  | { readonly networkError: string };

const patterns: readonly [RegExp, CpqErrorCode][] = [
  [/cannot be (updated|changed)/i, 'CPQ-E012'],
  [/no product rate plan has|no product rate plan charge|is not a charge of product rate plan/i, 'CPQ-E006'],
  [/no active rate plan|is not on that rate plan|rate plans of that product rate plan/i, 'CPQ-E002'],
  [/order line items do not support usage/i, 'CPQ-E010'],
  [/not an active currency|must use the same currency/i, 'CPQ-E011'],
  [/billTo(ContactId)?: contact .* does not belong/i, 'CPQ-E008'],
  [/soldTo(ContactId)?: contact .* does not belong/i, 'CPQ-E009'],
  [/ownerAccountNumber: no account/i, 'CPQ-E013'],
  [/can contain at most|at most \d+ order actions/i, 'CPQ-E014'],
  [/orderNumber .*(not allowed|at most)/i, 'CPQ-E015'],
];

const transient = (status: number, reasons: readonly Reason[]): boolean =>
  status === 429 || status >= 500 || reasons.some((r) => r.code !== null && [50, 60].includes(r.code % 100));

/** The code, message and fix of a failed create-order call or job. */
export function fromZuoraOrderError(answer: ZuoraOrderAnswer): CpqError {
  if ('networkError' in answer) return cpqError('CPQ-E021', answer.networkError);
  const reasons = reasonsOf(answer.body);
  const text = reasons.map((r) => r.message).join(' ') || `HTTP ${answer.status}`;
  if (transient(answer.status, reasons)) return cpqError('CPQ-E021', text);
  for (const [pattern, code] of patterns)
    if (reasons.some((r) => pattern.test(r.message))) return cpqError(code, text);
  return cpqError('CPQ-E020', text);
}

/** Zuora refused the order because its number exists: a replay after a crash; look the order up instead. */
export function isOrderNumberTaken(answer: ZuoraOrderAnswer): boolean {
  return (
    !('networkError' in answer) &&
    reasonsOf(answer.body).some((r) => /order number .* already exists/i.test(r.message))
  );
}
