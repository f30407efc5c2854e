// Order actions of an order request, as zod schemas: the rate-plan override of CreateSubscription and
// AddProduct with its charge overrides, how UpdateProduct / RemoveProduct name a subscription rate plan,
// terms, the subscription-level settings and each action type's object.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (OrderAction, CreateOrderRatePlanOverride,
// CreateOrderChargeOverride, CreateOrderRatePlanUpdate, RemoveProduct, CancelSubscription, RenewSubscription,
// CreateOrderTermsAndConditions, OwnerTransfer)
import { z } from 'zod';
import {
  billingSchema,
  dateSchema,
  endDateSchema,
  pricingOverrideSchema,
  triggerParamsSchema,
} from './order-pricing-schema.js';

export const id = z.string().min(1).max(64);
export const customFields = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const chargeOverride = z
  .object({
    productRatePlanChargeId: id.optional(),
    productRatePlanChargeNumber: z.string().min(1).optional(),
    chargeNumber: z.string().min(1).max(50).optional(),
    description: z.string().max(500).optional(),
    uniqueToken: z.string().min(1).max(50).optional(),
    pricing: pricingOverrideSchema.optional(),
    billing: billingSchema.optional(),
    startDate: triggerParamsSchema.optional(),
    endDate: endDateSchema.optional(),
    customFields: customFields.optional(),
  })
  .passthrough()
  .refine((o) => o.productRatePlanChargeId !== undefined || o.productRatePlanChargeNumber !== undefined, {
    message: 'productRatePlanChargeId is required',
    path: ['productRatePlanChargeId'],
  });

export const ratePlanOverrideSchema = z
  .object({
    productRatePlanId: id.optional(),
    productRatePlanNumber: z.string().min(1).optional(),
    externalCatalogPlanId: z.string().min(1).max(255).optional(),
    externalIdSourceSystem: z.string().optional(),
    externallyManagedPlanId: z.string().min(1).max(255).optional(),
    uniqueToken: z.string().min(1).max(50).optional(),
    chargeOverrides: z.array(chargeOverride).max(500).optional(),
    customFields: customFields.optional(),
  })
  .passthrough();

/** How UpdateProduct and RemoveProduct name the subscription rate plan. */
const ratePlanReference = {
  ratePlanId: id.optional(),
  externalCatalogPlanId: z.string().min(1).max(255).optional(),
  subscriptionRatePlanNumber: z.string().min(1).optional(),
  uniqueToken: z.string().min(1).max(50).optional(),
  productRatePlanNumber: z.string().min(1).optional(),
};

const term = z
  .object({
    period: z.number().int().min(1).optional(),
    periodType: z.enum(['Month', 'Year', 'Day', 'Week']).optional(),
    startDate: dateSchema.optional(),
    termType: z.enum(['TERMED', 'EVERGREEN']),
  })
  .passthrough();
const renewalTerm = z
  .object({
    period: z.number().int().min(0).optional(),
    periodType: z.enum(['Month', 'Year', 'Day', 'Week']).optional(),
  })
  .passthrough();
const renewalSetting = z.enum(['RENEW_WITH_SPECIFIC_TERM', 'RENEW_TO_EVERGREEN']);

/** Subscription-level contacts, payment term and invoice group, with the mutually exclusive clearing flags. */
const subscriptionSettings = {
  billToContactId: id.optional(),
  soldToContactId: id.optional(),
  paymentTerm: z.string().min(1).optional(),
  invoiceGroupNumber: z.string().min(1).optional(),
  clearingExistingBillToContact: z.boolean().optional(),
  clearingExistingSoldToContact: z.boolean().optional(),
  clearingExistingPaymentTerm: z.boolean().optional(),
  clearingExistingInvoiceGroupNumber: z.boolean().optional(),
};

export const actionTypes = [
  'CreateSubscription',
  'TermsAndConditions',
  'AddProduct',
  'UpdateProduct',
  'RemoveProduct',
  'RenewSubscription',
  'CancelSubscription',
  'OwnerTransfer',
  'Suspend',
  'Resume',
  'ChangePlan',
] as const;

/** The action field that goes with each type ("you must use the corresponding field"). */
export const actionFields = {
  CreateSubscription: 'createSubscription',
  TermsAndConditions: 'termsAndConditions',
  AddProduct: 'addProduct',
  UpdateProduct: 'updateProduct',
  RemoveProduct: 'removeProduct',
  RenewSubscription: 'renewSubscription',
  CancelSubscription: 'cancelSubscription',
  OwnerTransfer: 'ownerTransfer',
  Suspend: 'suspend',
  Resume: 'resume',
  ChangePlan: 'changePlan',
} as const;

export const orderActionSchema = z
  .object({
    type: z.enum(actionTypes),
    triggerDates: z
      .array(
        z.object({
          name: z.enum(['ContractEffective', 'ServiceActivation', 'CustomerAcceptance']),
          triggerDate: dateSchema,
        }),
      )
      .max(3)
      .optional(),
    customFields: customFields.optional(),
    changeReason: z.string().optional(),
    createSubscription: z
      .object({
        subscriptionNumber: z.string().min(1).max(100).optional(),
        terms: z
          .object({
            initialTerm: term,
            renewalSetting: renewalSetting.optional(),
            renewalTerms: z.array(renewalTerm).optional(),
            autoRenew: z.boolean().optional(),
          })
          .passthrough()
          .optional(),
        subscribeToRatePlans: z.array(ratePlanOverrideSchema).max(300).optional(),
        subscriptionOwnerAccountNumber: z.string().min(1).max(70).optional(),
        newSubscriptionOwnerAccount: z.unknown().optional(),
        currency: z.string().optional(),
        invoiceSeparately: z.boolean().optional(),
        notes: z.string().max(500).optional(),
        ...subscriptionSettings,
      })
      .passthrough()
      .optional(),
    addProduct: ratePlanOverrideSchema.optional(),
    updateProduct: z
      .object({
        ...ratePlanReference,
        specificUpdateDate: dateSchema.optional(),
        chargeUpdates: z
          .array(
            z
              .object({
                chargeNumber: z.string().min(1).optional(),
                uniqueToken: z.string().min(1).optional(),
                description: z.string().max(500).optional(),
                pricing: pricingOverrideSchema.optional(),
                billing: billingSchema.optional(),
                effectiveDate: triggerParamsSchema.optional(),
                customFields: customFields.optional(),
              })
              .passthrough(),
          )
          .max(500)
          .optional(),
        customFields: customFields.optional(),
      })
      .passthrough()
      .optional(),
    removeProduct: z.object(ratePlanReference).passthrough().optional(),
    cancelSubscription: z
      .object({
        cancellationPolicy: z.enum(['EndOfCurrentTerm', 'EndOfLastInvoicePeriod', 'SpecificDate']),
        cancellationEffectiveDate: dateSchema.optional(),
      })
      .passthrough()
      .optional(),
    renewSubscription: z.object(subscriptionSettings).passthrough().optional(),
    termsAndConditions: z
      .object({
        autoRenew: z.boolean().optional(),
        lastTerm: term.optional(),
        renewalSetting: renewalSetting.optional(),
        renewalTerms: z.array(renewalTerm).optional(),
        ...subscriptionSettings,
      })
      .passthrough()
      .optional(),
    ownerTransfer: z
      .object({
        destinationAccountNumber: z.string().min(1).max(70).optional(),
        destinationInvoiceAccountNumber: z.string().min(1).max(70).optional(),
        ...subscriptionSettings,
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type OrderAction = z.infer<typeof orderActionSchema>;
export type RatePlanOverride = z.infer<typeof ratePlanOverrideSchema>;
export type ChargeOverride = NonNullable<RatePlanOverride['chargeOverrides']>[number];
