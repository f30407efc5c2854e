// The body of "Create an order" (sync and async) and "Preview an order", as zod schemas: the shape only;
// what the tenant holds (accounts, rate plans, subscriptions) is checked when the order is planned.
// Unknown keys pass, as Zuora ignores unknown fields; an unknown order action type, a missing required
// field or a value of the wrong type is a 400 naming the path.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import { z } from 'zod';
import { customFields, id, orderActionSchema } from './order-action-schema.js';
import { dateSchema } from './order-pricing-schema.js';

export {
  actionFields,
  actionTypes,
  type ChargeOverride,
  type OrderAction,
  type RatePlanOverride,
} from './order-action-schema.js';

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
