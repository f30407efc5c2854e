// Changes Zuora cannot make to a synced subscription (seed 004, "Update operations": "fields such as
// currency, billing period, and bill cycle type cannot be updated once an order is created in Zuora"): an
// amendment or renewal line that would change them is refused before anything is sent, naming the field.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import { billingPeriodOf } from './catalog-values.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle } from './cpq-records.js';

/** A synced subscription charge, by the first order product of its lineage. */
export interface SyncedCharge {
  readonly orderItemId: string;
  readonly subscriptionNumber: string;
  readonly currency: string;
  readonly billingPeriod: string | null;
  readonly billCycleType: string | null;
}

const key = (v: string | null | undefined): string => (v ?? '').toLowerCase().replace(/[^a-z]/g, '');

export function refuseNonUpdatable(
  bundle: CpqOrderBundle,
  synced: readonly SyncedCharge[],
  useListPriceBase: boolean,
): CpqResult<true> {
  const currency = bundle.order.CurrencyIsoCode;
  for (const item of bundle.items) {
    const root = item.SBQQ__RevisedOrderProduct__c;
    const was = root === null ? undefined : synced.find((c) => c.orderItemId === root);
    if (was === undefined || item.SBQQ__ContractAction__c === 'Cancel') continue;
    const record = { object: 'OrderItem', id: item.Id };
    const what = `order product ${item.OrderItemNumber} would change subscription ${was.subscriptionNumber}`;
    if (currency !== null && currency !== was.currency)
      return fail('CPQ-E012', `${what}'s currency from ${was.currency} to ${currency}`, {
        ...record,
        field: 'CurrencyIsoCode',
      });
    const period =
      item.SBQQ__BillingFrequency__c === null ? undefined : billingPeriodOf(item.SBQQ__BillingFrequency__c);
    if (period !== undefined && was.billingPeriod !== null && key(period) !== key(was.billingPeriod))
      return fail('CPQ-E012', `${what}'s billing period from ${was.billingPeriod} to ${period}`, {
        ...record,
        field: 'SBQQ__BillingFrequency__c',
      });
    const cycle =
      useListPriceBase && item.SBQQ__ChargeType__c === 'Recurring' ? 'ChargeTriggerDay' : undefined;
    if (cycle !== undefined && was.billCycleType !== null && key(cycle) !== key(was.billCycleType))
      return fail('CPQ-E012', `${what}'s bill cycle type from ${was.billCycleType} to ${cycle}`, record);
  }
  return ok(true);
}
