// How an order is refused. Planning an order walks nested actions, rate plans and charges; the first rule
// it breaks is thrown as an OrderRefusal and turned into a failure value where planning starts
// (plan-order.ts), so nothing is written. Business-rule failures answer HTTP 200 with success false, as
// Zuora documents for "Create an order" ("HTTP 200 doesn't mean your call succeeded"); a malformed
// request answers 400. https://developer.zuora.com/docs/guides/error-handling
import { reason, type ErrorCategory, type ZuoraReason } from '../http/errors.js';

export class OrderRefusal extends Error {
  readonly reason: ZuoraReason;

  constructor(
    category: ErrorCategory,
    message: string,
    resource: 'order' | 'subscription' | 'account' = 'order',
  ) {
    super(message);
    this.reason = reason(resource, category, message);
  }
}

export type OrderFailure = { ok: false; status: number; reasons: ZuoraReason[] };

export function refuse(category: ErrorCategory, message: string): never {
  throw new OrderRefusal(category, message);
}

/** Runs a planning step; an OrderRefusal becomes a failure value (HTTP 200, success false). */
export function attempt<T>(step: () => T): { ok: true; value: T } | OrderFailure {
  try {
    return { ok: true, value: step() };
  } catch (e) {
    if (e instanceof OrderRefusal) return { ok: false, status: 200, reasons: [e.reason] };
    throw e;
  }
}
