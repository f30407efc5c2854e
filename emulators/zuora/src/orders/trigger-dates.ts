// The trigger dates of an order action and the pending rules. ContractEffective defaults to the order
// date; ServiceActivation to ContractEffective and CustomerAcceptance to ServiceActivation, unless the
// tenant requires that date, in which case a missing one leaves it unset: "If Zuora is configured to require
// service activation and the ServiceActivation field is not set for a CreateSubscription order action, a
// Pending order and a Pending Activation subscription are created" (Pending Acceptance for customer
// acceptance; Pending Activation when both are missing). Other actions missing a required date make a
// Pending order without changing the subscription status.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (orderActions.triggerDates)
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/ (defaults of the two dates)
import type { BillingSettings } from '../tenant/billing-settings.js';
import type { OrderAction } from './order-request.js';
import { refuse } from './order-refusal.js';

export interface ActionDates {
  contractEffective: string;
  serviceActivation: string | null;
  customerAcceptance: string | null;
  /** A required date is missing: the order is Pending. */
  pending: boolean;
  /** The status a subscription created by this action gets while pending. */
  pendingStatus: 'Pending Activation' | 'Pending Acceptance' | null;
}

export function actionDates(
  action: OrderAction,
  orderDate: string,
  settings: BillingSettings,
  where: string,
): ActionDates {
  const given = new Map<string, string>();
  for (const d of action.triggerDates ?? []) {
    if (given.has(d.name)) refuse('invalidValue', `${where}.triggerDates: ${d.name} is given twice.`);
    given.set(d.name, d.triggerDate);
  }
  const contractEffective = given.get('ContractEffective') ?? orderDate;
  const serviceActivation =
    given.get('ServiceActivation') ?? (settings.requireServiceActivation ? null : contractEffective);
  const customerAcceptance =
    given.get('CustomerAcceptance') ??
    (settings.requireCustomerAcceptance ? null : (serviceActivation ?? contractEffective));
  const pendingStatus =
    serviceActivation === null
      ? 'Pending Activation'
      : customerAcceptance === null
        ? 'Pending Acceptance'
        : null;
  return {
    contractEffective,
    serviceActivation,
    customerAcceptance,
    pending: pendingStatus !== null,
    pendingStatus,
  };
}

/** The date a charge starts for its trigger event (null: not known yet, the order is pending). */
export function chargeTriggerDate(
  dates: ActionDates,
  triggerEvent: string,
  specificTriggerDate: string | undefined,
): string | null {
  switch (triggerEvent) {
    case 'ServiceActivation':
      return dates.serviceActivation;
    case 'CustomerAcceptance':
      return dates.customerAcceptance;
    case 'SpecificDate':
      return specificTriggerDate ?? null;
    default:
      return dates.contractEffective;
  }
}
