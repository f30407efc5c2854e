// The pricing parts of an order request: charge tiers, the charge-override pricing variants (one per charge
// model) and the pricing updates of UpdateProduct. Unknown keys pass, as Zuora ignores unknown fields.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (ChargeOverridePricing, ChargeTier,
// RecurringPerUnitPricingOverride, UsageVolumePricingOverride, ... ; CreateOrderPricingUpdate)
import { z } from 'zod';
import { isValidDateText } from '../query/temporal.js';

// A date must name a real day: 2025-02-30 is refused, as Zuora refuses it.
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-mm-dd')
  .refine(isValidDateText, 'not a calendar date (yyyy-mm-dd with a real month and day)');

/** ChargeTier: tier, startingUnit, price and priceFormat are required; endingUnit is open for the last tier. */
export const tierSchema = z
  .object({
    tier: z.number().int().positive(),
    startingUnit: z.number().min(0),
    endingUnit: z.number().min(0).nullable().optional(),
    price: z.number(),
    priceFormat: z.enum(['FlatFee', 'PerUnit']),
  })
  .passthrough();

const tiers = z.array(tierSchema).min(1).max(1000);
const listPriceBase = z.enum([
  'Per_Billing_Period',
  'Per_Month',
  'Per_Week',
  'Per_Year',
  'Per_Specific_Months',
]);
const ratingGroup = z.enum([
  'ByBillingPeriod',
  'ByUsageStartDate',
  'ByUsageRecord',
  'ByUsageUpload',
  'ByGroupId',
]);
const price = z.number();
const quantity = z.number().min(0);
const priceChange = {
  priceChangeOption: z
    .enum(['NoChange', 'SpecificPercentageValue', 'UseLatestProductCatalogPricing'])
    .optional(),
  priceIncreasePercentage: z.number().min(-100).max(100).optional(),
};
const recurring = {
  listPriceBase: listPriceBase.optional(),
  specificListPriceBase: z.number().int().min(1).max(200).optional(),
  ...priceChange,
};

/** One variant per charge model: the override must match the charge it overrides. */
export const pricingOverrideSchema = z
  .object({
    recurringFlatFee: z.object({ listPrice: price.optional(), ...recurring }).passthrough(),
    recurringPerUnit: z
      .object({ listPrice: price.optional(), quantity: quantity.optional(), ...recurring })
      .passthrough(),
    recurringTiered: z
      .object({ quantity: quantity.optional(), tiers: tiers.optional(), ...priceChange })
      .passthrough(),
    recurringVolume: z
      .object({ quantity: quantity.optional(), tiers: tiers.optional(), ...priceChange })
      .passthrough(),
    oneTimeFlatFee: z.object({ listPrice: price.optional() }).passthrough(),
    oneTimePerUnit: z.object({ listPrice: price.optional(), quantity: quantity.optional() }).passthrough(),
    oneTimeTiered: z.object({ quantity: quantity.optional(), tiers: tiers.optional() }).passthrough(),
    oneTimeVolume: z.object({ quantity: quantity.optional(), tiers: tiers.optional() }).passthrough(),
    usageFlatFee: z.object({ listPrice: price.optional() }).passthrough(),
    usagePerUnit: z
      .object({ listPrice: price.optional(), ratingGroup: ratingGroup.optional() })
      .passthrough(),
    usageTiered: z.object({ tiers: tiers.optional(), ratingGroup: ratingGroup.optional() }).passthrough(),
    usageVolume: z.object({ tiers: tiers.optional(), ratingGroup: ratingGroup.optional() }).passthrough(),
    usageOverage: z
      .object({
        overagePrice: price.optional(),
        includedUnits: quantity.optional(),
        ratingGroup: ratingGroup.optional(),
      })
      .passthrough(),
    usageTieredWithOverage: z
      .object({
        tiers: tiers.optional(),
        overagePrice: price.optional(),
        ratingGroup: ratingGroup.optional(),
      })
      .passthrough(),
    discount: z
      .object({
        discountPercentage: z.number().min(0).max(100).optional(),
        discountAmount: z.number().optional(),
      })
      .passthrough(),
  })
  .partial()
  .passthrough();

export type PricingOverride = z.infer<typeof pricingOverrideSchema>;

export const billingSchema = z
  .object({
    billingPeriod: z
      .enum([
        'Month',
        'Quarter',
        'Semi_Annual',
        'Annual',
        'Eighteen_Months',
        'Two_Years',
        'Three_Years',
        'Five_Years',
        'Specific_Months',
        'Subscription_Term',
        'Week',
        'Specific_Weeks',
        'Specific_Days',
      ])
      .optional(),
    specificBillingPeriod: z.number().int().min(1).optional(),
    billCycleType: z
      .enum([
        'DefaultFromCustomer',
        'SpecificDayofMonth',
        'SubscriptionStartDay',
        'ChargeTriggerDay',
        'SpecificDayofWeek',
        'TermStartDay',
        'TermEndDay',
      ])
      .optional(),
    billCycleDay: z.number().int().min(1).max(31).optional(),
    billingTiming: z.enum(['IN_ADVANCE', 'IN_ARREARS']).optional(),
    billingPeriodAlignment: z
      .enum(['AlignToCharge', 'AlignToSubscriptionStart', 'AlignToTermStart', 'AlignToTermEnd'])
      .optional(),
  })
  .passthrough();

export type BillingOverride = z.infer<typeof billingSchema>;

export const triggerParamsSchema = z
  .object({
    triggerEvent: z.enum(['ContractEffective', 'ServiceActivation', 'CustomerAcceptance', 'SpecificDate']),
    specificTriggerDate: dateSchema.optional(),
  })
  .passthrough();

export const endDateSchema = z
  .object({
    endDateCondition: z.enum(['Subscription_End', 'Fixed_Period', 'Specific_End_Date']).optional(),
    specificEndDate: dateSchema.optional(),
    upToPeriods: z.number().int().min(1).max(65534).optional(),
    upToPeriodsType: z.enum(['Billing_Periods', 'Days', 'Weeks', 'Months', 'Years']).optional(),
  })
  .passthrough();
