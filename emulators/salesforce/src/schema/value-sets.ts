// Picklist value sets shared by several objects, by field API name (an object's own `picklists`
// take precedence). CPQ's are the managed package's global value sets as retrieved from CPQ orgs
// (SBQQ__BillingFrequency, SBQQ__ChargeType, ...); geocode accuracy values are the compound address
// field's (https://developer.salesforce.com/docs/platform/object-reference/guide/compound-fields-address.html).
// A field with values here is a restricted picklist, as those value sets are.

const subscriptionTypes = ['Renewable', 'One-time', 'Renewable/Evergreen', 'Evergreen'];
const geocodeAccuracy = [
  'Address',
  'NearAddress',
  'Block',
  'Street',
  'ExtendedZip',
  'Zip',
  'Neighborhood',
  'City',
  'County',
  'State',
  'Unknown',
];

/** Currencies enabled in the emulated multi-currency org (USD is the corporate currency). */
export const orgCurrencies = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD'] as const;

export const sharedValueSets: Readonly<Record<string, string[]>> = {
  CurrencyIsoCode: [...orgCurrencies],
  BillingGeocodeAccuracy: geocodeAccuracy,
  ShippingGeocodeAccuracy: geocodeAccuracy,
  MailingGeocodeAccuracy: geocodeAccuracy,
  SBQQ__ChargeType__c: ['One-Time', 'Recurring', 'Usage'],
  SBQQ__BillingFrequency__c: ['Monthly', 'Quarterly', 'Semiannual', 'Annual', 'Invoice Plan'],
  SBQQ__BillingType__c: ['Advance', 'Arrears'],
  SBQQ__SubscriptionType__c: subscriptionTypes,
  SBQQ__ProductSubscriptionType__c: subscriptionTypes,
  SBQQ__SubscriptionPricing__c: ['Fixed Price', 'Percent Of Total'],
  SBQQ__PricingMethod__c: ['List', 'Cost', 'Block', 'Percent Of Total', 'Custom'],
  SBQQ__ContractAction__c: ['New', 'Quantity Increase', 'Quantity Decrease', 'Cancel', 'Renew'],
  SBQQ__PaymentTerm__c: ['Due on Receipt', 'Net 15', 'Net 30', 'Net 45', 'Net 60', 'Net 90'],
  SBQQ__PriceCalcStatus__c: ['Not Needed', 'Queued', 'Completed', 'Failed'],
  SBQQ__BookingsIndicator__c: ['Include', 'Exclude'],
  SBQQ__AssetConversion__c: ['One per unit', 'One per quote line'],
  SBQQ__BillingTermUnit__c: ['Month', 'Year', 'Quarter'],
  SBQQ__RatingMethod__c: ['Tier'],
  SBQQ__Category__c: ['Rates'],
  BillingTermUnit: ['Month', 'Quarter', 'Year'],
  RatingMethod: ['Tier'],
  PricingMethod: ['PerUnit', 'FlatFee'],
};
