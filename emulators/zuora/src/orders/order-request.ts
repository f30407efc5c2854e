// The subset of the Orders API request the connector sends (CPQ -> Zuora, seed 004).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
import { z } from 'zod';
import { isValidDateText } from '../query/temporal.js';

// A date must name a real day: 2025-02-30 is refused, as Zuora refuses it.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-mm-dd')
  .refine(isValidDateText, 'not a calendar date (yyyy-mm-dd with a real month and day)');

const tier = z.object({
  tier: z.number().int().positive().optional(),
  startingUnit: z.number(),
  endingUnit: z.number().nullable().optional(),
  price: z.number(),
  priceFormat: z.enum(['FlatFee', 'PerUnit']).default('PerUnit'),
});

const pricing = z
  .object({
    recurringFlatFee: z.object({ listPrice: z.number() }).partial().optional(),
    recurringPerUnit: z.object({ listPrice: z.number(), quantity: z.number() }).partial().optional(),
    recurringTiered: z
      .object({ quantity: z.number().optional(), tiers: z.array(tier).optional() })
      .optional(),
    recurringVolume: z
      .object({ quantity: z.number().optional(), tiers: z.array(tier).optional() })
      .optional(),
    usagePerUnit: z.object({ listPrice: z.number() }).partial().optional(),
    usageTiered: z.object({ tiers: z.array(tier) }).optional(),
    usageVolume: z.object({ tiers: z.array(tier) }).optional(),
    oneTimeFlatFee: z.object({ listPrice: z.number() }).partial().optional(),
    discount: z
      .object({ discountPercentage: z.number().optional(), discountAmount: z.number().optional() })
      .optional(),
  })
  .passthrough();

const billing = z
  .object({
    billingPeriod: z.string().optional(),
    billCycleType: z.string().optional(),
    billCycleDay: z.number().optional(),
    billingTiming: z.string().optional(),
  })
  .passthrough();

const chargeOverride = z.object({
  productRatePlanChargeId: z.string().min(1),
  pricing: pricing.optional(),
  billing: billing.optional(),
  uniqueToken: z.string().optional(),
});

const ratePlanSpec = z.object({
  productRatePlanId: z.string().min(1),
  chargeOverrides: z.array(chargeOverride).optional(),
  externallyManagedPlanId: z.string().optional(),
});

const term = z.object({
  period: z.number().int().positive().optional(),
  periodType: z.enum(['Month', 'Year', 'Day', 'Week']).default('Month'),
  termType: z.enum(['TERMED', 'EVERGREEN']).default('TERMED'),
  startDate: date.optional(),
});

const orderAction = z.object({
  type: z.enum([
    'CreateSubscription',
    'AddProduct',
    'RemoveProduct',
    'UpdateProduct',
    'RenewSubscription',
    'CancelSubscription',
    'TermsAndConditions',
  ]),
  triggerDates: z.array(z.object({ name: z.string(), triggerDate: date })).optional(),
  createSubscription: z
    .object({
      subscriptionNumber: z.string().optional(),
      subscribeToRatePlans: z.array(ratePlanSpec).min(1, 'createSubscription needs at least one rate plan'),
      terms: z
        .object({
          initialTerm: term,
          renewalTerms: z.array(term.partial()).optional(),
          autoRenew: z.boolean().optional(),
        })
        .optional(),
      notes: z.string().optional(),
      currency: z.string().optional(),
    })
    .optional(),
  addProduct: ratePlanSpec.optional(),
  removeProduct: z.object({ ratePlanId: z.string().min(1) }).optional(),
  updateProduct: z
    .object({
      ratePlanId: z.string().min(1),
      chargeUpdates: z.array(
        z.object({
          chargeNumber: z.string().min(1),
          pricing: pricing.optional(),
          billing: billing.optional(),
          currency: z.string().optional(),
        }),
      ),
    })
    .optional(),
  cancelSubscription: z
    .object({ cancellationPolicy: z.string(), cancellationEffectiveDate: date.optional() })
    .optional(),
  renewSubscription: z.object({}).passthrough().optional(),
  termsAndConditions: z.object({}).passthrough().optional(),
});

const contact = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  workEmail: z.string().optional(),
  workPhone: z.string().optional(),
  address1: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  postalCode: z.string().optional(),
});

export const orderRequestSchema = z
  .object({
    orderDate: date,
    orderNumber: z.string().optional(),
    description: z.string().optional(),
    category: z.string().optional(),
    existingAccountNumber: z.string().optional(),
    newAccount: z
      .object({
        name: z.string().min(1),
        accountNumber: z.string().optional(),
        currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code'),
        billCycleDay: z.number().int().min(0).max(31),
        crmId: z.string().optional(),
        paymentTerm: z.string().optional(),
        autoPay: z.boolean().optional(),
        billToContact: contact,
        soldToContact: contact.optional(),
      })
      .optional(),
    subscriptions: z
      .array(
        z.object({ subscriptionNumber: z.string().optional(), orderActions: z.array(orderAction).min(1) }),
      )
      .default([]),
    orderLineItems: z
      .array(
        z.object({
          itemName: z.string().min(1),
          itemType: z.enum(['Product', 'Fee', 'Services']).default('Product'),
          quantity: z.number().positive(),
          listPricePerUnit: z.number(),
          amountPerUnit: z.number().optional(),
          productRatePlanChargeId: z.string().optional(),
          productCode: z.string().optional(),
          transactionDate: date,
          UOM: z.string().optional(),
          currency: z.string().optional(),
          description: z.string().optional(),
        }),
      )
      .default([]),
    processingOptions: z.object({ runBilling: z.boolean().optional() }).passthrough().optional(),
  })
  // An order creates or changes something: subscriptions with order actions, or order line items.
  .refine((o) => o.subscriptions.length > 0 || o.orderLineItems.length > 0, {
    message: 'an order needs at least one subscription (with order actions) or one order line item',
    path: ['subscriptions'],
  });

export type OrderRequest = z.infer<typeof orderRequestSchema>;
export type OrderAction = OrderRequest['subscriptions'][number]['orderActions'][number];
