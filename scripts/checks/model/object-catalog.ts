// Every object of the package with its labels. Labels follow Zuora's documentation; where a Zuora label would
// collide with a standard object's label in an org (Product, Unit Of Measure) it is qualified with "Zuora".

export interface CatalogEntry {
  apiName: string;
  label: string;
  pluralLabel: string;
  description: string;
  main?: boolean;
  standard?: boolean;
  autoNumber?: string;
  nameLabel?: string;
  highlightFields?: readonly string[];
}

const account = 'Synced from Zuora (Accounts & Related Objects).';
const subscription = 'Synced from Zuora (Subscriptions & related objects).';
const history = 'Synced from Zuora 360+ history: one record per version, kept when the subscription changes.';
const catalog = 'Synced from the Zuora product catalog (always a full sync).';

export const OBJECT_CATALOG: readonly CatalogEntry[] = [
  {
    apiName: 'CustomerAccount__c',
    label: 'Billing Account',
    pluralLabel: 'Billing Accounts',
    description: `Zuora customer account with its bill-to/sold-to contacts and default payment method flattened in. ${account}`,
    main: true,
    nameLabel: 'Billing Account Name',
    highlightFields: [
      'AccountNumber__c',
      'Account__c',
      'Status__c',
      'Balance__c',
      'Currency__c',
      'Last_Sync_Status__c',
    ],
  },
  { apiName: 'PaymentTerm__c', label: 'Payment Term', pluralLabel: 'Payment Terms', description: account },
  {
    apiName: 'PaymentMethod__c',
    label: 'Payment Method',
    pluralLabel: 'Payment Methods',
    description: account,
    main: true,
    highlightFields: ['BillingAccount__c', 'Type__c', 'PaymentMethodStatus__c', 'DefaultPaymentMethod__c'],
  },
  {
    apiName: 'Subscription__c',
    label: 'Subscription',
    pluralLabel: 'Subscriptions',
    description: subscription,
    main: true,
    highlightFields: ['SubscriptionNumber__c', 'CustomerAccount__c', 'Status__c', 'TermEndDate__c', 'MRR__c'],
  },
  {
    apiName: 'SubscriptionRatePlan__c',
    label: 'Subscription Rate Plan',
    pluralLabel: 'Subscription Rate Plans',
    description: subscription,
  },
  {
    apiName: 'SubscriptionProductCharge__c',
    label: 'Subscription Product & Charge',
    pluralLabel: 'Subscription Product & Charges',
    description: subscription,
  },
  {
    apiName: 'SubscriptionChargeTier__c',
    label: 'Subscription Charge Tier',
    pluralLabel: 'Subscription Charge Tiers',
    description: `Price tier of a subscription charge. ${subscription}`,
  },
  {
    apiName: 'SubscriptionProductFeature__c',
    label: 'Subscription Product Feature',
    pluralLabel: 'Subscription Product Features',
    description: subscription,
  },
  {
    apiName: 'UnitOfMeasure__c',
    label: 'Unit Of Measure',
    pluralLabel: 'Units Of Measure',
    description: `Unit of measure named by subscription charges. ${subscription}`,
  },
  {
    apiName: 'ZInvoice__c',
    label: 'Invoice',
    pluralLabel: 'Invoices',
    description: account,
    main: true,
    highlightFields: [
      'BillingAccount__c',
      'InvoiceDate__c',
      'DueDate__c',
      'Status__c',
      'TotalAmount__c',
      'Balance2__c',
    ],
  },
  { apiName: 'InvoiceItem__c', label: 'Invoice Item', pluralLabel: 'Invoice Items', description: account },
  { apiName: 'TaxationItem__c', label: 'Taxation Item', pluralLabel: 'Taxation Items', description: account },
  {
    apiName: 'Payment__c',
    label: 'Payment',
    pluralLabel: 'Payments',
    description: account,
    main: true,
    highlightFields: ['BillingAccount__c', 'Effective_Date__c', 'Status__c', 'Amount__c', 'PaymentNumber__c'],
  },
  {
    apiName: 'PaymentInvoice__c',
    label: 'Invoice Payment',
    pluralLabel: 'Invoice Payments',
    description: account,
  },
  {
    apiName: 'Refund__c',
    label: 'Refund',
    pluralLabel: 'Refunds',
    description: account,
    main: true,
    highlightFields: ['BillingAccount__c', 'Refund_Date__c', 'Status__c', 'Amount__c'],
  },
  {
    apiName: 'RefundInvoicePayment__c',
    label: 'Refund Invoice Payment',
    pluralLabel: 'Refund Invoice Payments',
    description: account,
  },
  {
    apiName: 'CreditMemo__c',
    label: 'Credit Memo',
    pluralLabel: 'Credit Memos',
    description: `Zuora 360+ object. ${account}`,
    main: true,
    highlightFields: ['BillingAccount__c', 'MemoDate__c', 'Status__c', 'TotalAmount__c', 'Balance__c'],
  },
  {
    apiName: 'CreditMemoItem__c',
    label: 'Credit Memo Item',
    pluralLabel: 'Credit Memo Items',
    description: `Zuora 360+ object. ${account}`,
  },
  {
    apiName: 'CreditMemoPart__c',
    label: 'Credit Memo Part',
    pluralLabel: 'Credit Memo Parts',
    description: `Zuora 360+ object. ${account}`,
  },
  {
    apiName: 'DebitMemo__c',
    label: 'Debit Memo',
    pluralLabel: 'Debit Memos',
    description: `Zuora 360+ object. ${account}`,
    main: true,
    highlightFields: [
      'BillingAccount__c',
      'MemoDate__c',
      'DueDate__c',
      'Status__c',
      'TotalAmount__c',
      'Balance__c',
    ],
  },
  {
    apiName: 'DebitMemoItem__c',
    label: 'Debit Memo Item',
    pluralLabel: 'Debit Memo Items',
    description: `Zuora 360+ object. ${account}`,
  },
  {
    apiName: 'PaymentPart__c',
    label: 'Payment Part',
    pluralLabel: 'Payment Parts',
    description: `Zuora 360+ object. ${account}`,
  },
  {
    apiName: 'RefundPart__c',
    label: 'Refund Part',
    pluralLabel: 'Refund Parts',
    description: `Zuora 360+ object. ${account}`,
  },
  {
    apiName: 'SubscriptionHistory__c',
    label: 'Subscription History',
    pluralLabel: 'Subscription Histories',
    description: history,
  },
  {
    apiName: 'SubscriptionRatePlanHistory__c',
    label: 'Subscription Rate Plan History',
    pluralLabel: 'Subscription Rate Plan Histories',
    description: history,
  },
  {
    apiName: 'SubscriptionProductChargeHistory__c',
    label: 'Subscription Charge History',
    pluralLabel: 'Subscription Charge Histories',
    description: history,
  },
  {
    apiName: 'SubscriptionChargeTierHistory__c',
    label: 'Subscription Charge Tier History',
    pluralLabel: 'Subscription Charge Tier Histories',
    description: history,
  },
  {
    apiName: 'Product__c',
    label: 'Zuora Product',
    pluralLabel: 'Zuora Products',
    description: `Zuora 360's own product record (Zuora__Product__c), referenced by subscription charges. ${catalog}`,
  },
  {
    apiName: 'Product2',
    label: 'Product',
    pluralLabel: 'Products',
    description: `Standard object: Zuora 360 3.0+ syncs Zuora products here. ${catalog}`,
    standard: true,
  },
  {
    apiName: 'ProductRatePlan__c',
    label: 'Product Rate Plan',
    pluralLabel: 'Product Rate Plans',
    description: catalog,
    main: true,
    highlightFields: ['Product__c', 'EffectiveStartDate__c', 'EffectiveEndDate__c', 'EntityID__c'],
  },
  {
    apiName: 'ProductRatePlanCharge__c',
    label: 'Product Rate Plan Charge',
    pluralLabel: 'Product Rate Plan Charges',
    description: catalog,
  },
  {
    apiName: 'ProductRatePlanChargeTier__c',
    label: 'Product Rate Plan Charge Tier',
    pluralLabel: 'Product Rate Plan Charge Tiers',
    description: catalog,
  },
  { apiName: 'ZFeature__c', label: 'Feature', pluralLabel: 'Features', description: catalog },
  {
    apiName: 'ZProductFeature__c',
    label: 'Product Feature',
    pluralLabel: 'Product Features',
    description: catalog,
  },
  {
    apiName: 'ZUnitOfMeasure__c',
    label: 'Zuora Unit Of Measure',
    pluralLabel: 'Zuora Units Of Measure',
    description: `Zuora's UnitOfMeasure object (zqu__ZUnitOfMeasure__c), referenced by product rate plan charges. ${catalog}`,
  },
  {
    apiName: 'BillingEntity__c',
    label: 'Billing Entity',
    pluralLabel: 'Billing Entities',
    description:
      'A Zuora entity (multi-entity tenants). On-demand sync needs one record per entity before it can sync across entities.',
    main: true,
    highlightFields: ['Entity_Id__c', 'Entity_Name__c', 'Display_Name__c'],
  },
  {
    apiName: 'Sync_History__c',
    label: 'Sync History',
    pluralLabel: 'Sync Histories',
    description: 'One record per sync session of the zuora-salesforce-sync service; read-only for users.',
    main: true,
    autoNumber: 'SH-{000000}',
    nameLabel: 'Sync History Number',
    highlightFields: [
      'Sync_Type__c',
      'Scope__c',
      'Status__c',
      'Sync_On__c',
      'Records_Processed__c',
      'Records_Failed__c',
    ],
  },
  {
    apiName: 'Sync_Record_Error__c',
    label: 'Sync Record Error',
    pluralLabel: 'Sync Record Errors',
    description:
      'A record that failed in a sync session, with the Salesforce or Zuora error; retried by the next session.',
    autoNumber: 'SRE-{0000000}',
    nameLabel: 'Sync Record Error Number',
  },
];
