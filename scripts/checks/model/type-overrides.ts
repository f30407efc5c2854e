// Field types that neither the Zuora 360 schema nor the field's name gets right. Key: "Object.Field", or
// "*.Field" for every object. Keep this table small and say why for each entry.

import type { FieldType } from './model-types.js';

const text = (length: number): FieldType => ({ kind: 'Text', length });
const dateTime: FieldType = { kind: 'DateTime' };

export const TYPE_OVERRIDES: ReadonlyMap<string, { type: FieldType; why: string }> = new Map([
  // Keys: Zuora ids are 32 characters; payment terms and units of measure have no Zuora id and are keyed by name.
  ['*.External_Id__c', { type: text(32), why: 'the Zuora id of the record (32 characters)' }],
  [
    'PaymentTerm__c.External_Id__c',
    { type: text(255), why: 'payment terms are keyed by entity and name, not by a Zuora id' },
  ],
  [
    'UnitOfMeasure__c.External_Id__c',
    { type: text(255), why: 'units of measure are keyed by entity and name, not by a Zuora id' },
  ],
  ['*.EXT_ID__c', { type: text(255), why: 'Zuora 360 composite key ("Unique External Id")' }],
  ['*.External_Id_Unique__c', { type: text(255), why: 'Zuora 360 composite key of the taxation item' }],
  // Zuora's chargeDate on invoice and memo items is a dateTime, unlike the other *Date fields.
  ['*.ChargeDate__c', { type: dateTime, why: "Zuora's ChargeDate is a dateTime" }],
  ['*.Charge_Date__c', { type: dateTime, why: "Zuora's ChargeDate is a dateTime" }],
  [
    '*.CurrentTerm__c',
    {
      type: text(255),
      why: 'kept as text like InitialTerm__c and RenewalTerm__c, which Zuora 360 stores as String',
    },
  ],
  ['*.WeeklyBillCycleDay__c', { type: text(255), why: 'a weekday name (Sunday..Saturday), not a number' }],
  [
    '*.ListPriceBase__c',
    { type: text(255), why: 'a picklist value in Zuora (Per Billing Period, Per Month, ...)' },
  ],
  [
    'ProductRatePlan__c.ZProduct__c',
    {
      type: text(32),
      why: 'Zuora 360 2.x looked up zqu__ZProduct__c, which this package does not have (products sync to Product2, see Product__c); holds the Zuora product id',
    },
  ],
  [
    'ZProductFeature__c.ZProduct__c',
    {
      type: text(32),
      why: 'Zuora 360 2.x looked up zqu__ZProduct__c, which this package does not have (products sync to Product2, see Product__c); holds the Zuora product id',
    },
  ],
  [
    'InvoiceItem__c.AppliedToInvoiceItem__c',
    { type: text(32), why: 'Zuora id of the invoice item a discount or tax item applies to' },
  ],
  [
    '*.Discount_Apply_Type__c',
    { type: { kind: 'Number', precision: 1, scale: 0 }, why: 'Zuora ApplyType code 1..7' },
  ],
]);
