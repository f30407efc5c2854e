// Trigger dates of the order actions (reference §1.4 "Trigger_dates_on_order", [ZBC-map]): by default only
// ContractEffective = the order's Effective Date; with the setting also CustomerAcceptance = Customer
// Authorized Date and ServiceActivation = Company Authorized Date. When the tenant requires service
// activation or customer acceptance and that date is not sent, Zuora leaves the order Pending (seed 004,
// "Order Status in Zuora"): a result we expect and report, not a failure.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/set-up-connector
import type { CpqOrder } from './cpq-records.js';

export type TriggerName = 'ContractEffective' | 'ServiceActivation' | 'CustomerAcceptance';

export interface TriggerDate {
  readonly name: TriggerName;
  readonly triggerDate: string;
}

/** What the Zuora tenant's billing settings require before an order is Completed. */
export interface TenantActivation {
  readonly requireServiceActivation: boolean;
  readonly requireCustomerAcceptance: boolean;
}

export interface OrderTriggerDates {
  readonly triggerDates: readonly TriggerDate[];
  /** The order status to expect in Zuora. */
  readonly expectedStatus: 'Completed' | 'Pending';
  /** Required trigger dates not sent (the reason an order is Pending). */
  readonly missing: readonly TriggerName[];
}

export function orderTriggerDates(
  order: CpqOrder,
  triggerDatesOnOrder: boolean,
  tenant: TenantActivation,
): OrderTriggerDates {
  const dates: TriggerDate[] = [{ name: 'ContractEffective', triggerDate: order.EffectiveDate }];
  if (triggerDatesOnOrder) {
    if (order.CompanyAuthorizedDate !== null)
      dates.push({ name: 'ServiceActivation', triggerDate: order.CompanyAuthorizedDate });
    if (order.CustomerAuthorizedDate !== null)
      dates.push({ name: 'CustomerAcceptance', triggerDate: order.CustomerAuthorizedDate });
  }
  const sent = new Set(dates.map((d) => d.name));
  const missing: TriggerName[] = [];
  if (tenant.requireServiceActivation && !sent.has('ServiceActivation')) missing.push('ServiceActivation');
  if (tenant.requireCustomerAcceptance && !sent.has('CustomerAcceptance')) missing.push('CustomerAcceptance');
  return { triggerDates: dates, expectedStatus: missing.length > 0 ? 'Pending' : 'Completed', missing };
}
