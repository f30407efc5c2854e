// Custom field mappings of the CPQ direction, for the object pairs the Zuora CPQ connector documents
// ([ZBC-cf], reference §1.4): Account, Contact and Product (to product, rate plan or charge) allow any
// direction (custom or standard on either side, nested targets such as `taxInfo/VATId`); the other pairs
// map custom or standard Salesforce fields to Zuora custom fields only (`__c`), except the documented
// `billingPeriod` target of Subscription -> Subscription Rate Plan Charge ([ZBC-map]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/custom-field-sync-and-mapping
import { z } from 'zod';

const sourceField = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a Salesforce field API name');
const anyTarget = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\/[A-Za-z][A-Za-z0-9_]*)?$/, 'expected a Zuora field name or parent/child');
const customTarget = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*__c$/, 'expected a Zuora custom field (…__c)');

const pairs = (target: z.ZodType<string>) =>
  z.array(z.object({ source: sourceField, target }).strict()).default([]);

export const customFieldMappingsSchema = z
  .object({
    account: pairs(anyTarget),
    contact: pairs(anyTarget),
    product: pairs(anyTarget),
    productRatePlan: pairs(anyTarget),
    productRatePlanCharge: pairs(anyTarget),
    order: pairs(customTarget),
    orderItemToOrderLineItem: pairs(customTarget),
    orderItemToSubscriptionRatePlan: pairs(customTarget),
    subscription: pairs(customTarget),
    subscriptionToRatePlanCharge: pairs(z.union([customTarget, z.literal('billingPeriod')])),
    orderItemScheduleToRatePlan: pairs(customTarget),
    opportunityToOrder: pairs(customTarget),
  })
  .strict();

export type CpqCustomFieldMappings = z.output<typeof customFieldMappingsSchema>;
export type CpqMappingPair = keyof CpqCustomFieldMappings;

/** `{ target: value }` of one pair's mappings over a record (absent source values are left out). */
export function mappedCustomFields(
  mappings: readonly { readonly source: string; readonly target: string }[],
  record: Readonly<Record<string, unknown>>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { source, target } of mappings) {
    const v = record[source];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[target] = v;
  }
  return out;
}
