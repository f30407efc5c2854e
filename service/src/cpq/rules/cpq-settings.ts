// Settings of the CPQ -> Zuora order sync, as one zod schema with its defaults: what the Zuora CPQ
// connector's configuration offers (reference §1.4, [ZBC-setup], [ZBC-adv], [ZBC-cf]) plus the poller of
// our own. The engine reads them from the environment / config file through `parseCpqSettings` at start,
// so a bad value stops the service naming the setting.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/set-up-connector
import { z } from 'zod';
import { customFieldMappingsSchema } from './cpq-custom-mappings.js';

const apiName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a Salesforce field API name');

/** A SOQL condition added to the poller's query: one boolean expression, no statement separators. */
const orderFilter = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((s) => !/[;]|\b(limit|order\s+by|group\s+by)\b/i.test(s), {
    message: 'expected a WHERE condition only (no ";", LIMIT, ORDER BY or GROUP BY)',
  });

export const cpqSettingsSchema = z
  .object({
    /** The poller of activated orders looks this often (seconds). */
    pollIntervalSeconds: z.number().int().min(5).max(3600).default(60),
    /** Lanes of orders (order-lanes.ts) a CPQ session sends to Zuora at once. */
    concurrency: z.number().int().min(1).max(32).default(6),
    /** Extra WHERE condition on Order for the poller (the admin filter), e.g. `Type != 'Internal'`. */
    orderFilter: orderFilter.optional(),
    /** On: the Zuora subscription starts on the CPQ subscription's start; off: on the contract's start. */
    useSubscriptionStartDate: z.boolean().default(true),
    /**
     * `sfdc_use_list_price_base`: the CPQ price is for the whole term, sent as `Per_Specific_Months` over the
     * subscription's months (whole months only) with bill cycle type ChargeTriggerDay.
     */
    useListPriceBase: z.boolean().default(false),
    /** Send all three trigger dates from the order; off: ContractEffective only (the order may stay Pending). */
    triggerDatesOnOrder: z.boolean().default(false),
    /** Terms in days (end = Salesforce end + 1 day); not with the list price base. */
    subscriptionTermInDays: z.boolean().default(false),
    /** "Increment Tier Upper Bound for decimal point": raise lower bounds instead of lowering upper bounds. */
    incrementTierUpperBound: z.boolean().default(false),
    /**
     * The Zuora tenant has multicurrency (Flexible Billing Attributes): a subscription may bill in another
     * currency than its invoice owner's account. Off: an order in another currency than that account's is
     * refused before anything is sent (CPQ-E022).
     */
    multicurrency: z.boolean().default(false),
    /** Tier caps (Zuora T9 ChargeModifiers permission), read from this field of the order item consumption rate. */
    tierCaps: z
      .object({ enabled: z.boolean().default(false), field: apiName.default('Cap__c') })
      .prefault({}),
    /** A custom SBQQ__Subscription__c field with the per-period price; empty values fall back to NetPrice. */
    priceOverrideField: apiName.optional(),
    /** Decimal places of Zuora units of measure the tenant does not report (by UOM name); 0 otherwise. */
    uomDecimalPlaces: z.record(z.string(), z.number().int().min(0).max(8)).prefault({}),
    customFieldMappings: customFieldMappingsSchema.prefault({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.useListPriceBase && s.subscriptionTermInDays)
      ctx.addIssue({
        code: 'custom',
        path: ['subscriptionTermInDays'],
        message: 'terms in days need useListPriceBase off (the list price base counts whole months)',
      });
  });

export type CpqSettings = z.output<typeof cpqSettingsSchema>;
export type CpqSettingsInput = z.input<typeof cpqSettingsSchema>;

export const defaultCpqSettings: CpqSettings = cpqSettingsSchema.parse({});

/** The settings, or one message per bad value naming its path. */
export function parseCpqSettings(
  input: unknown,
): { ok: true; value: CpqSettings } | { ok: false; errors: string[] } {
  const parsed = cpqSettingsSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `cpq.${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}
