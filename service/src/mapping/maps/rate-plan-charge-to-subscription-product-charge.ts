// RatePlanCharge : SubscriptionProductCharge__c, with the product and product rate plan columns
// flattened from the charge's ProductRatePlanCharge -> ProductRatePlan -> Product joins.
// The reference also maps Product.Description and ProductRatePlan.Description to Description__c,
// which would overwrite the charge's own description: the charge keeps its own. Its row
// "SpecificBillingPeriod -> SpecificEndDate__c" pairs a number with a Date field: SpecificEndDate is
// written there. The Product__c lookup is not set: it would make account syncs depend on the catalog.
// "UOM -> PriceTable__c" is computed from tiers, not a field copy, so it is not a map entry.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/rateplancharge/field-descriptions
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const ratePlanChargeToSubscriptionProductCharge: ObjectMap = {
  name: 'RatePlanCharge:SubscriptionProductCharge__c',
  zuoraObject: 'RatePlanCharge',
  salesforceObject: 'SubscriptionProductCharge__c',
  scope: 'accounts',
  source: referencePages.ratePlanCharge,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Id', 'Zuora_Id__c'],
    ['Name', 'Name'],
    ['AccountingCode', 'AccountingCode__c'],
    ['ApplyDiscountTo', 'ApplyDiscountTo__c'],
    ['BillCycleDay', 'BillCycleDay__c'],
    ['BillCycleType', 'BillCycleType__c'],
    ['BillingPeriod', 'BillingPeriod__c'],
    ['BillingPeriodAlignment', 'BillingPeriodAlignment__c'],
    ['BillingPeriodStartDay', 'BillingPeriodStartDay__c'],
    ['BillingTiming', 'BillingTiming__c', 'billingTiming'],
    ['ChargedThroughDate', 'ChargedThroughDate__c'],
    ['ChargeModel', 'Model__c'],
    ['ChargeNumber', 'ChargeNumber__c'],
    ['ChargeType', 'Type__c'],
    ['ComplexTotal', 'ExtendedAmount__c'],
    ['DiscountAmount', 'DiscountAmount__c'],
    ['DiscountLevel', 'DiscountLevel__c'],
    ['DiscountPercentage', 'DiscountPercentage__c'],
    ['Description', 'Description__c'],
    ['DMRC', 'DMRC__c'],
    ['DTCV', 'DTCV__c'],
    ['EffectiveEndDate', 'EffectiveEndDate__c'],
    ['EffectiveStartDate', 'EffectiveStartDate__c'],
    ['EndDateCondition', 'EndDateCondition__c'],
    ['IncludedUnits', 'IncludedUnits__c'],
    ['IsLastSegment', 'IsLastSegment__c'],
    ['ListPriceBase', 'ListPriceBase__c'],
    ['MRR', 'MonthlyRecurringRevenue__c'],
    ['NumberOfPeriods', 'NumberOfPeriods__c'],
    ['OriginalId', 'OriginalId__c'],
    ['OverageCalculationOption', 'OverageCalculationOption__c'],
    ['OveragePrice', 'OveragePrice__c'],
    ['OverageUnusedUnitsCreditOption', 'OverageUnusedUnitsCreditOption__c'],
    ['Price', 'Price__c'],
    ['PriceIncreasePercentage', 'PriceIncreasePercentage__c'],
    ['ProcessedThroughDate', 'ProcessedThroughDate__c'],
    ['ProductRatePlanChargeId', 'ProductRatePlanChargeId__c'],
    ['Quantity', 'Quantity__c'],
    ['RatePlanId', 'RatePlanId__c'],
    ['RevRecCode', 'RevRecCode__c'],
    ['RevRecTriggerCondition', 'RevRecTriggerCondition__c'],
    ['Segment', 'Segment__c'],
    ['SpecificEndDate', 'SpecificEndDate__c'],
    ['TCV', 'TotalContractValue__c'],
    ['TriggerDate', 'TriggerDate__c'],
    ['TriggerEvent', 'TriggerEvent__c'],
    ['UnusedUnitsCreditRates', 'UnusedUnitsCreditRates__c'],
    ['UOM', 'UOM__c'],
    ['UpToPeriods', 'UpToPeriods__c'],
    ['UpToPeriodsType', 'UpToPeriodsType__c'],
    ['UsageRecordRatingOption', 'UsageRecordRatingOption__c'],
    ['UseDiscountSpecificAccountingCode', 'UseDiscountSpecificAccountingCode__c'],
    ['Version', 'Version__c'],
    ['WeeklyBillCycleDay', 'WeeklyBillCycleDay__c'],
    // Product : Zuora__SubscriptionProductCharge__c
    ['Product.Name', 'ProductName__c'],
    ['Product.SKU', 'ProductSKU__c'],
    ['Product.EffectiveEndDate', 'ProductEffectiveEndDate__c'],
    // Product Rate Plan : Zuora__SubscriptionProductCharge__c
    ['ProductRatePlan.Name', 'RatePlanName__c'],
    ['ProductRatePlan.EffectiveEndDate', 'RatePlanEffectiveEndDate__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('Subscription.Id', 'Subscription__r', 'Subscription__c', 'External_Id__c', {
      stableZuora: 'Subscription.Name',
    }),
    ref('UOM', 'UnitOfMeasure__r', 'UnitOfMeasure__c'),
  ],
};
