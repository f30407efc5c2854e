// One order's sync as a value whatever happens: an order already synced at this version answers from its
// record (a repeated request changes nothing); an exception becomes a failure with its code, CPQ-E021 when
// Zuora or Salesforce could not be reached (retried by the poller) and CPQ-E020 when Zuora refused a call.
import type { CpqOrderRow } from '../store/cpq-order-rows.js';
import { ZuoraApiError } from '../zuora/zuora-errors.js';
import type { OrderOutcome } from './order-outcome.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { cpqError } from './rules/cpq-errors.js';
import { syncOrder, type OrderRun } from './sync-order.js';
import { ended } from './order-run.js';

function transient(error: unknown): boolean {
  if (error instanceof ZuoraApiError)
    return error.status === 0 || error.status === 429 || error.status >= 500;
  const e = error as { code?: unknown; statusCode?: unknown };
  return (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ECONNRESET' ||
    (typeof e.statusCode === 'number' && e.statusCode >= 500)
  );
}

export async function guardedSync(
  run: OrderRun,
  b: CpqOrderBundle,
  row: CpqOrderRow | undefined,
): Promise<OrderOutcome> {
  const dryRun = run.customers.dryRun !== null;
  if (!dryRun && row?.status === 'Synced' && row.version === b.order.SystemModstamp)
    return {
      ...ended(b, 'Synced', null),
      zuoraOrderNumber: row.zuoraOrderNumber,
      zuoraAccountNumber: b.account.Zuora_Account_Number__c,
    };
  try {
    return await syncOrder(run, b);
  } catch (error) {
    const message = (error as Error).message;
    run.deps.logger.warn({ err: error, orderId: b.order.Id }, 'CPQ order sync failed');
    const code = transient(error) ? 'CPQ-E021' : 'CPQ-E020';
    return ended(b, 'Failed', cpqError(code, message, { object: 'Order', id: b.order.Id }));
  }
}
