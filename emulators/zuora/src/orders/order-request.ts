// The body of "Create an order" (sync and async) and "Preview an order", as zod schemas: the shape only;
// what the tenant holds (accounts, rate plans, subscriptions) is checked when the order is planned.
// Unknown keys pass, as Zuora ignores unknown fields; an unknown order action type, a missing required
// field or a value of the wrong type is a 400 naming the path.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import { z } from 'zod';
import {
  billingSchema,
  dateSchema,
  endDateSchema,
  pricingOverrideSchema,
  triggerParamsSchema,
} from './order-pricing-schema.js';

const id = z.string().min(1).max(64);
const customFields = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

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

const orderLineItem = z
  .object({
    itemName: z.string().min(1).max(255).optional(),
    itemType: z.enum(['Product', 'Fee', 'Services']).optional(),
    itemCategory: z.enum(['Sales', 'Return']).optional(),
    itemState: z.enum(['Executing', 'Booked', 'SentToBilling', 'Complete', 'Cancelled']).optional(),
    quantity: z.number().min(0).optional(),
    listPricePerUnit: z.number().optional(),
    amountPerUnit: z.number().optional(),
    productCode: z.string().max(255).optional(),
    productRatePlanChargeId: id.optional(),
    purchaseOrderNumber: z.string().max(100).optional(),
    transactionStartDate: dateSchema.optional(),
    transactionEndDate: dateSchema.optional(),
    transactionDate: dateSchema.optional(),
    billTargetDate: dateSchema.optional(),
    ownerAccountNumber: z.string().min(1).max(70).optional(),
    billTo: id.optional(),
    soldTo: id.optional(),
    currency: z.string().optional(),
    invoiceGroupNumber: z.string().optional(),
    relatedSubscriptionNumber: z.string().optional(),
    description: z.string().max(500).optional(),
    UOM: z.string().optional(),
    customFields: customFields.optional(),
  })
  .passthrough();

export type OrderLineItemRequest = z.infer<typeof orderLineItem>;

const orderFields = {
  orderDate: dateSchema,
  orderNumber: z.string().optional(),
  description: z.string().max(500).optional(),
  category: z.enum(['NewSales', 'Return']).optional(),
  reasonCode: z.string().optional(),
  status: z.enum(['Draft', 'Pending', 'Completed', 'Scheduled', 'Executing', 'Failed']).optional(),
  existingAccountNumber: z.string().min(1).max(70).optional(),
  existingAccountId: id.optional(),
  newAccount: z.unknown().optional(),
  customFields: customFields.optional(),
  processingOptions: z
    .object({ runBilling: z.boolean().optional(), collectPayment: z.boolean().optional() })
    .passthrough()
    .optional(),
  subscriptions: z
    .array(
      z
        .object({
          subscriptionNumber: z.string().min(1).max(100).optional(),
          orderActions: z.array(orderActionSchema).min(1),
          customFields: customFields.optional(),
          quote: z
            .object({
              QuoteNumber__QT: z.string().max(32).optional(),
              QuoteType__QT: z.string().max(32).optional(),
              QuoteBusinessType__QT: z.string().max(32).optional(),
              OpportunityName__QT: z.string().max(100).optional(),
              OpportunityCloseDate__QT: dateSchema.optional(),
            })
            .passthrough()
            .optional(),
        })
        .passthrough(),
    )
    .default([]),
  orderLineItems: z.array(orderLineItem).default([]),
};

export const orderRequestSchema = z.object(orderFields).passthrough();

export const previewRequestSchema = z
  .object({
    ...orderFields,
    previewOptions: z
      .object({
        previewThruType: z.enum(['SpecificDate', 'TermEnd', 'NumberOfPeriods']),
        previewTypes: z
          .array(
            z.enum([
              'ChargeMetrics',
              'BillingDocs',
              'OrderDeltaMetrics',
              'OrderMetrics',
              'RampMetrics',
              'RampDeltaMetrics',
            ]),
          )
          .min(1),
        previewNumberOfPeriods: z.number().int().min(1).optional(),
        specificPreviewThruDate: dateSchema.optional(),
      })
      .passthrough(),
  })
  .passthrough();

export type OrderRequest = z.infer<typeof orderRequestSchema>;
export type PreviewRequest = z.infer<typeof previewRequestSchema>;
