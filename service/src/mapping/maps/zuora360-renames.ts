// The ZUORA360_COMPAT profile as data: for each object this package syncs, the Zuora 360 (or Zuora Quotes)
// object that holds the same records in an org already running Zuora 360, and how field names differ. The rule
// is the one DESIGN.md applied the other way: a custom field or object takes back its namespace prefix
// (`Status__c` -> `Zuora__Status__c`); `fields` lists the exceptions and `skip` the fields Zuora 360 does not
// have, each with the reason. Objects from the Zuora 360 mapping tables (docs/reference/zuora360-field-mappings.md):
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/zuora-360-and-zuora-360/zuora-360-overview
// Products go to Product2 with zqu__ fields as in Zuora Quotes 7.0 and later (zqu__ZProduct__c is 6.x or earlier):
// https://docs.zuora.com/en/zuora-cpq/additional-and-supplementary-knowledge-of-cpq/zuora-cpq-object-model/zuora-product-catalog

export interface Zuora360Rename {
  /** Zuora 360's object, or the reason it has none. */
  readonly object: string;
  readonly namespace: 'Zuora__' | 'zqu__';
  /** Package field -> Zuora 360 field, where prefixing the name is not the rule. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Package field -> why Zuora 360 has no such field (the profile leaves it out). */
  readonly skip?: Readonly<Record<string, string>>;
  /** Why the profile keys records on the version's Id instead of the package's stable key. */
  readonly versionKeyed?: string;
}

export interface Zuora360Missing {
  readonly missing: string;
}

const z = (object: string, rest: Omit<Zuora360Rename, 'object' | 'namespace'> = {}): Zuora360Rename => ({
  object: `Zuora__${object}`,
  namespace: 'Zuora__',
  ...rest,
});
const zqu = (object: string, rest: Omit<Zuora360Rename, 'object' | 'namespace'> = {}): Zuora360Rename => ({
  object: object.endsWith('__c') ? `zqu__${object}` : object,
  namespace: 'zqu__',
  ...rest,
});

/** Zuora Quotes keys its catalog records on zqu__ZuoraId__c; it has no External_Id__c. */
const quotesKey = { External_Id__c: 'zqu__ZuoraId__c' };

export const zuora360Renames: Readonly<Record<string, Zuora360Rename | Zuora360Missing>> = {
  CustomerAccount__c: z('CustomerAccount__c'),
  PaymentTerm__c: z('PaymentTerm__c'),
  PaymentMethod__c: z('PaymentMethod__c'),
  Subscription__c: z('Subscription__c', {
    versionKeyed:
      'Zuora 360 keeps one Zuora__Subscription__c per subscription version, upserted on the version Id in Zuora__External_Id__c; Zuora__SubscriptionNumber__c is no External ID there',
  }),
  SubscriptionHistory__c: z('SubscriptionHistory__c'),
  SubscriptionRatePlan__c: z('SubscriptionRatePlan__c'),
  SubscriptionRatePlanHistory__c: z('SubscriptionRatePlanHistory__c'),
  SubscriptionProductCharge__c: z('SubscriptionProductCharge__c'),
  SubscriptionProductChargeHistory__c: z('SubscriptionProductChargeHistory__c'),
  SubscriptionChargeTier__c: z('SubscriptionChargeTier__c'),
  SubscriptionChargeTierHistory__c: z('SubscriptionChargeTierHistory__c'),
  SubscriptionProductFeature__c: z('SubscriptionProductFeature__c'),
  UnitOfMeasure__c: z('UnitOfMeasure__c'),
  ZInvoice__c: z('ZInvoice__c'),
  InvoiceItem__c: z('InvoiceItem__c'),
  // The taxation item table's key column is "External Id: Zuora__External_Id_Unique__c".
  TaxationItem__c: z('TaxationItem__c', { fields: { External_Id__c: 'Zuora__External_Id_Unique__c' } }),
  Payment__c: z('Payment__c'),
  PaymentInvoice__c: z('PaymentInvoice__c'),
  PaymentPart__c: z('PaymentPart__c'),
  Refund__c: z('Refund__c'),
  RefundInvoicePayment__c: z('RefundInvoicePayment__c'),
  RefundPart__c: z('RefundPart__c'),
  CreditMemo__c: z('CreditMemo__c'),
  CreditMemoItem__c: z('CreditMemoItem__c'),
  CreditMemoPart__c: z('CreditMemoPart__c'),
  DebitMemo__c: z('DebitMemo__c'),
  DebitMemoItem__c: z('DebitMemoItem__c'),
  Product__c: z('Product__c'),
  Product2: zqu('Product2', {
    skip: {
      EntityID__c:
        'the Product : Product2 table has no entity column (Zuora 360 keeps it on Zuora__Product__c)',
    },
  }),
  ProductRatePlan__c: zqu('ProductRatePlan__c', { fields: quotesKey }),
  ProductRatePlanCharge__c: zqu('ProductRatePlanCharge__c', { fields: quotesKey }),
  ProductRatePlanChargeTier__c: zqu('ProductRatePlanChargeTier__c', { fields: quotesKey }),
  ZFeature__c: zqu('ZFeature__c', { fields: quotesKey }),
  ZProductFeature__c: zqu('ZProductFeature__c', { fields: quotesKey }),
  ZUnitOfMeasure__c: {
    missing:
      'Zuora 360 documents no field of zqu__ZUnitOfMeasure__c (only the charge lookup to it); Zuora Quotes fills it',
  },
};
