// Salesforce fields of the reference tables that no map writes, each with the reason, for the field-mapping
// reference. A test keeps this list and the maps in step with the reference (service/test/mapping/fixtures).
export const unmappedReferenceFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CustomerAccount__c: {
    Is_Crm_Id_Change_Processed__c: 'internal flag of Zuora 360 CRM ID change processing; no Zuora field',
    BillToContact__c:
      'lookup to the Zuora contact object, which the reference does not sync; contact columns are flattened',
    SoldToContact__c:
      'lookup to the Zuora contact object, which the reference does not sync; contact columns are flattened',
  },
  SubscriptionProductCharge__c: {
    PriceTable__c: 'computed from the charge tiers, not copied from a Zuora field',
  },
  InvoiceItem__c: {
    Invoice__Balance__Amount__c:
      'not a legal API name without the namespace; written to Invoice_Balance_Amount__c',
  },
  ZInvoice__c: {
    Age_Bucket__c: 'internal to Zuora 360; no Zuora API field',
    Generated_Date__c: 'internal Zuora field, "not available to users"',
  },
  Payment__c: {
    Invoice__c:
      'no longer supported by the connector (the reference says so); payments reach invoices through PaymentPart__c',
    InvoiceNumber__c: 'no longer supported by the connector, as Invoice__c',
    RefundedAmount__c: 'calculated by Zuora 360 from invoice payments, not a Zuora field',
  },
  ZFeature__c: {
    Catalog_Sync_History__c: 'written by the sync session, not from Zuora',
    SyncMessage__c: 'written by the sync session, not from Zuora',
    SyncStatus__chi: 'typo in the reference (SyncStatus__c), written by the sync session',
  },
  ZProductFeature__c: {
    Catalog_Sync_History__c: 'written by the sync session, not from Zuora',
    SyncMessage__c: 'written by the sync session, not from Zuora',
    SyncStatus__c: 'written by the sync session, not from Zuora',
  },
  ProductRatePlan__c: {
    Catalog_Sync_History__c: 'written by the sync session, not from Zuora',
    SyncMessage__c: 'written by the sync session, not from Zuora',
    SyncStatus__c: 'written by the sync session, not from Zuora',
    Default__c: 'no ProductRatePlan field behind it in the Zuora object model',
    Price_Summary__c: 'computed by Zuora Quotes from the charges',
  },
  ProductRatePlanCharge__c: {
    Catalog_Sync_History__c: 'written by the sync session, not from Zuora',
    SyncMessage__c: 'written by the sync session, not from Zuora',
    SyncStatus__c: 'written by the sync session, not from Zuora',
    PriceTable__c: 'computed from the charge tiers',
    Discount_Class__c: 'Zuora exposes only the discount class id, which has no Salesforce counterpart',
    Recognize_revenue_without_deferral__c: 'a Zuora Revenue setting, not a ProductRatePlanCharge field',
    RevRecCode__c: 'deprecated since Zuora 360 3.1; RevRecCode2__c is written',
    ZUom_Id__c: 'the charge carries only the unit name; the unit id is not on ProductRatePlanCharge',
    ZUnitOfMeasure__c:
      'the charge carries only the unit name, while ZUnitOfMeasure__c is keyed on the unit id',
  },
};
