// Tenant billing settings that change what the APIs accept or produce:
// - "Require Service Activation of Orders?" / "Require Customer Acceptance of Orders?" (Default Subscription
//   and Order Settings): an order action missing that trigger date makes a Pending order, and a
//   CreateSubscription a Pending Activation / Pending Acceptance subscription;
//   https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (orderActions.triggerDates)
// - Zuora Tax: the sold-to contact needs a country (and a US state or Canadian province).
//   https://docs.zuora.com/en/basics/set-up-countries-regions-and-subregions
import { z } from 'zod';

export const billingSettingsSchema = z
  .object({
    requireServiceActivation: z.boolean(),
    requireCustomerAcceptance: z.boolean(),
    zuoraTax: z.boolean(),
  })
  .strict();

export type BillingSettings = z.infer<typeof billingSettingsSchema>;

export const defaultBillingSettings: BillingSettings = {
  requireServiceActivation: false,
  requireCustomerAcceptance: false,
  zuoraTax: false,
};
