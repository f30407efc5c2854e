// Standard objects the project touches, with the fields it reads or writes. Types and lengths follow
// the Object Reference and its field reference tables
// (https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects,
// https://developer.salesforce.com/docs/platform/field-reference/references/field-reference).
// CPQ fields (`SBQQ__*`) on standard objects come from the installed package's metadata as retrieved
// from CPQ orgs (types, lengths, value sets and relationship names). Orders and contracts are in
// order-objects.ts, consumption schedules in consumption-objects.ts, CPQ's own objects in cpq-objects.ts.
// Spec strings: see parseFieldSpec in standard-schema.ts.

export interface StandardObjectSpec {
  name: string;
  label: string;
  labelPlural?: string;
  keyPrefix: string;
  owner: boolean;
  /** The Name field's spec, or null when the object has none (e.g. OrderItem). */
  nameField: string | null;
  fields: string[];
  /** Restricted picklist values by field (shared value sets apply unless given here). */
  picklists?: Record<string, string[]>;
}

/**
 * Address components plus the read-only compound field (`BillingAddress`) the REST API returns as
 * one structure: https://developer.salesforce.com/docs/platform/object-reference/guide/compound-fields-address.html
 */
export const address = (p: string): string[] => [
  `${p}Street textarea:255`,
  `${p}City string:40`,
  `${p}State string:80`,
  `${p}PostalCode string:20`,
  `${p}Country string:80`,
  `${p}Latitude double:18,15`,
  `${p}Longitude double:18,15`,
  `${p}GeocodeAccuracy picklist:40`,
  `${p}Address address`,
];

/** The org is multi-currency; records default to the corporate currency (USD). */
export const currency = 'CurrencyIsoCode picklist:3 =USD';

export const standardObjectSpecs: StandardObjectSpec[] = [
  {
    name: 'Organization',
    label: 'Organization',
    keyPrefix: '00D',
    owner: false,
    nameField: 'Name string:80 !',
    fields: [
      'OrganizationType string:40 r',
      'IsSandbox boolean r',
      'InstanceName string:5 r',
      'NamespacePrefix string:15 r',
      'DefaultLocaleSidKey picklist:40 r',
    ],
  },
  {
    name: 'User',
    label: 'User',
    keyPrefix: '005',
    owner: false,
    nameField: 'Name string:121 r',
    fields: [
      'Username string:80 ! u',
      'LastName string:80 !',
      'FirstName string:40',
      'Email email:128 !',
      'Alias string:8 !',
      'IsActive boolean',
      'TimeZoneSidKey picklist:40',
      'LocaleSidKey picklist:40',
      'LanguageLocaleKey picklist:40',
      'ProfileId reference:18 ->Profile/Profile/Users',
    ],
  },
  {
    name: 'Profile',
    label: 'Profile',
    keyPrefix: '00e',
    owner: false,
    nameField: 'Name string:255 !',
    fields: [],
  },
  {
    name: 'Account',
    label: 'Account',
    keyPrefix: '001',
    owner: true,
    nameField: 'Name string:255 !',
    fields: [
      'AccountNumber string:40',
      'Type picklist:255',
      'Industry picklist:255',
      'Phone phone:40',
      'Website url:255',
      'Description textarea:32000',
      'ParentId reference:18 ->Account/Parent/ChildAccounts',
      ...address('Billing'),
      ...address('Shipping'),
      currency,
    ],
  },
  {
    name: 'Contact',
    label: 'Contact',
    keyPrefix: '003',
    owner: true,
    nameField: 'Name string:121 r',
    fields: [
      'LastName string:80 !',
      'FirstName string:40',
      'AccountId reference:18 ->Account/Account/Contacts',
      'Email email:80',
      'Phone phone:40',
      'MobilePhone phone:40',
      'Title string:128',
      ...address('Mailing'),
      currency,
    ],
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    owner: true,
    nameField: 'Name string:120 !',
    fields: [
      'AccountId reference:18 ->Account/Account/Opportunities',
      'StageName picklist:255 !',
      'CloseDate date !',
      'Amount currency:18,2',
      'Type picklist:255',
      'IsClosed boolean r',
      'IsWon boolean r',
      'Pricebook2Id reference:18 ->Pricebook2/Pricebook2/Opportunities',
      'ContractId reference:18 ->Contract/Contract',
      'Description textarea:32000',
      currency,
      'SBQQ__AmendedContract__c reference:18 ->Contract/SBQQ__AmendedContract__r/SBQQ__AmendmentOpportunities__r',
      'SBQQ__RenewedContract__c reference:18 ->Contract/SBQQ__RenewedContract__r/SBQQ__RenewalOpportunities__r',
      'SBQQ__PrimaryQuote__c reference:18 ->SBQQ__Quote__c/SBQQ__PrimaryQuote__r/SBQQ__PrimaryOpportunities__r',
      'SBQQ__Contracted__c boolean',
      'SBQQ__Ordered__c boolean',
      'SBQQ__Renewal__c boolean',
    ],
  },
  {
    name: 'Product2',
    label: 'Product',
    keyPrefix: '01t',
    owner: false,
    nameField: 'Name string:255 !',
    fields: [
      'ProductCode string:255',
      'Description textarea:4000',
      'IsActive boolean',
      'Family picklist:255',
      'QuantityUnitOfMeasure picklist:255',
      'ExternalId string:255 x',
      'StockKeepingUnit string:180',
      currency,
      'SBQQ__ChargeType__c picklist:255',
      'SBQQ__BillingType__c picklist:255',
      'SBQQ__BillingFrequency__c picklist:255',
      'SBQQ__SubscriptionType__c picklist:255 =Renewable',
      'SBQQ__SubscriptionPricing__c picklist:255',
      'SBQQ__SubscriptionTerm__c double:5,0',
      'SBQQ__PricingMethod__c picklist:255 =List',
      'SBQQ__HasConsumptionSchedule__c boolean',
      'SBQQ__AssetConversion__c picklist:255',
      'SBQQ__Taxable__c boolean',
      'SBQQ__TaxCode__c string:255',
    ],
  },
  {
    name: 'Pricebook2',
    label: 'Price Book',
    keyPrefix: '01s',
    owner: false,
    nameField: 'Name string:255 !',
    fields: ['IsActive boolean', 'IsStandard boolean r', 'Description string:255'],
  },
  {
    name: 'PricebookEntry',
    label: 'Price Book Entry',
    labelPlural: 'Price Book Entries',
    keyPrefix: '01u',
    owner: false,
    nameField: 'Name string:255 r',
    fields: [
      'Pricebook2Id reference:18 ! C ->Pricebook2/Pricebook2/PricebookEntries',
      'Product2Id reference:18 ! C ->Product2/Product2/PricebookEntries',
      'UnitPrice currency:16,2 !',
      'IsActive boolean',
      'UseStandardPrice boolean',
      'ProductCode string:255 r',
      'CurrencyIsoCode picklist:3 C =USD',
    ],
  },
  {
    name: 'Quote',
    label: 'Quote',
    keyPrefix: '0Q0',
    owner: false,
    nameField: 'Name string:255 !',
    fields: [
      'QuoteNumber string:30 r',
      'Status picklist:40',
      'ExpirationDate date',
      'ContactId reference:18 ->Contact/Contact',
    ],
  },
];
