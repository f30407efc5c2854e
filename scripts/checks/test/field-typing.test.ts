import { describe, expect, it } from 'vitest';
import {
  AMOUNT,
  CHECKBOX,
  DATE,
  DATETIME,
  INTEGER,
  PERCENT,
  PRICE,
  chooseFieldType,
} from '../model/field-typing.js';
import { loadSchemaTypes } from '../reference/load-reference.js';

const schema = loadSchemaTypes();
const typeOf = (object: string, field: string) => chooseFieldType(object, field, schema);

describe('chooseFieldType', () => {
  it('follows the Zuora 360 schema of the same object first', () => {
    expect(typeOf('CustomerAccount__c', 'BillCycleDay__c')).toEqual({
      type: { kind: 'Text', length: 255 },
      reason: 'Zuora 360 schema type String',
    });
    expect(typeOf('PaymentMethod__c', 'DefaultPaymentMethod__c').type).toEqual(CHECKBOX);
    expect(typeOf('Payment__c', 'SettledOn__c').type).toEqual(DATETIME);
  });

  it('matches schema names with underscores and case ignored, then on other objects', () => {
    expect(typeOf('Payment__c', 'Effective_Date__c').type).toEqual(DATETIME);
    const history = typeOf('SubscriptionHistory__c', 'TermEndDate__c');
    expect(history.type).toEqual(DATE);
    expect(history.reason).toContain('as on Subscription__c');
  });

  it('shapes numbers by what they hold', () => {
    expect(typeOf('ZInvoice__c', 'TotalAmount__c').type).toEqual(AMOUNT);
    expect(typeOf('SubscriptionProductCharge__c', 'Price__c').type).toEqual(PRICE);
    expect(typeOf('SubscriptionProductCharge__c', 'Quantity__c').type).toEqual(PRICE);
    expect(typeOf('Subscription__c', 'Version__c').type).toEqual(INTEGER);
    expect(typeOf('PaymentMethod__c', 'TotalNumberOfErrorPayments__c').type).toEqual(INTEGER);
  });

  it('types fields newer than the schema by name, and says so', () => {
    const memoDate = typeOf('CreditMemo__c', 'MemoDate__c');
    expect(memoDate.type).toEqual(DATE);
    expect(memoDate.reason).toMatch(/^not in the 2015 Zuora 360 schema/);
    expect(typeOf('CreditMemo__c', 'PostedOn__c').type).toEqual(DATETIME);
    expect(typeOf('CreditMemo__c', 'TotalAmountWithoutTax__c').type).toEqual(AMOUNT);
    expect(typeOf('SubscriptionProductCharge__c', 'DiscountPercentage__c').type).toEqual(PERCENT);
    expect(typeOf('SubscriptionProductCharge__c', 'IsLastSegment__c').type).toEqual(CHECKBOX);
    expect(typeOf('CreditMemo__c', 'Comments__c').type).toEqual({ kind: 'LongTextArea', length: 32768 });
    expect(typeOf('CreditMemo__c', 'ReasonCode__c').type).toEqual({ kind: 'Text', length: 255 });
  });

  it('applies the override table before anything else', () => {
    expect(typeOf('InvoiceItem__c', 'Charge_Date__c').type).toEqual(DATETIME);
    expect(typeOf('SubscriptionProductCharge__c', 'WeeklyBillCycleDay__c').type).toEqual({
      kind: 'Text',
      length: 255,
    });
    expect(typeOf('PaymentTerm__c', 'External_Id__c').type).toEqual({ kind: 'Text', length: 255 });
    expect(typeOf('Refund__c', 'External_Id__c').type).toEqual({ kind: 'Text', length: 32 });
  });
});
