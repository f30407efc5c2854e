// Reconciliation poll: Zuora retries a failed callout for 30 minutes or more and does not guarantee order
// (https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/configure-callout-settings),
// and a callout can be lost outright. Periodically this asks Zuora, with a cheap ZOQL read of Id and
// UpdatedDate per counted object, what changed since the last watermark, and enqueues a change event for
// each change no callout reported. The window ends a grace period before now, so callouts in flight arrive
// first. Deletions are not visible to ZOQL; a deleted record whose callout was lost is caught by the next
// Turbo session (AQuA exports deleted rows).
import { zoqlPages } from '../zuora/zoql.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { insertMissedChange } from './change-event-rows.js';
import { realtimeState, setReconciledTo } from './realtime-state-rows.js';

/**
 * Zuora objects behind the counted change events (product-behaviours §1.5): Billing Account, Contact,
 * Feature, Invoice, Payment, Payment Method, Payment Term, Product, Subscription Rate Plan, Refund, Refund
 * Invoice (Payment), Subscription, Subscription Rate Plan Charge (and Tier), Subscription Product Feature,
 * Unit Of Measure, Payment Invoice.
 */
export const reconciledObjects = [
  'Account',
  'Contact',
  'Subscription',
  'RatePlan',
  'RatePlanCharge',
  'RatePlanChargeTier',
  'SubscriptionProductFeature',
  'Invoice',
  'Payment',
  'InvoicePayment',
  'Refund',
  'RefundInvoicePayment',
  'PaymentMethod',
  'PaymentTerm',
  'UnitOfMeasure',
  'Product',
  'Feature',
] as const;

export interface ReconcileResult {
  readonly from: Date;
  readonly to: Date;
  readonly seen: number;
  readonly enqueued: number;
}

/** ZOQL literal of a UTC time, to the second (the overlap this leaves is harmless: enqueueing is idempotent). */
const zoqlTime = (d: Date) => `'${d.toISOString().slice(0, 19)}'`;

export async function reconcile(
  deps: SyncDeps,
  entityId: string,
  options: { readonly graceMs: number; readonly firstLookbackMs: number; readonly now?: Date },
): Promise<ReconcileResult | undefined> {
  const now = options.now ?? new Date();
  const state = await realtimeState(deps.store, entityId);
  const to = new Date(now.getTime() - options.graceMs);
  const from = state.reconciledTo ?? new Date(to.getTime() - options.firstLookbackMs);
  if (to <= from) return undefined;
  let seen = 0;
  let enqueued = 0;
  for (const object of reconciledObjects) {
    const zoql = `select Id, UpdatedDate from ${object} where UpdatedDate >= ${zoqlTime(from)} and UpdatedDate < ${zoqlTime(to)}`;
    const pages = zoqlPages(deps.zuora, zoql, { entityId: entityId === '' ? undefined : entityId });
    for await (const page of pages) {
      for (const row of page) {
        const id = typeof row.Id === 'string' ? row.Id : undefined;
        const updated = typeof row.UpdatedDate === 'string' ? new Date(row.UpdatedDate) : undefined;
        if (id === undefined || updated === undefined || Number.isNaN(updated.getTime())) continue;
        seen += 1;
        const added = await insertMissedChange(deps.store, {
          dedupeKey: `reconcile:${object}:${id}:${updated.toISOString()}`,
          entityId,
          zuoraObject: object,
          zuoraId: id,
          eventType: 'UPDATE',
          occurredAt: updated,
          source: 'reconcile',
          payload: { reconciledFrom: from.toISOString(), reconciledTo: to.toISOString() },
        });
        if (added) enqueued += 1;
      }
    }
  }
  await setReconciledTo(deps.store, entityId, to);
  if (enqueued > 0)
    deps.logger.warn(
      { entityId, enqueued, from, to },
      'reconciliation found changes whose callout never arrived',
    );
  return { from, to, seen, enqueued };
}
