import { describe, expect, it } from 'vitest';
import { to18 } from '../../../emulators/shared/salesforce-id.js';
import type { ObjectMap } from '../../src/mapping/field-map.js';
import { mapRecord, recordMapperFor } from '../../src/mapping/map-record.js';
import type { MapResult } from '../../src/mapping/record-mapper.js';
import { forceAppSchema as schema } from './force-app-objects.js';

const context = { schema, entityId: 'entity-eu' };
const zuoraId = (n: number) => `2c92c0f8${String(n).padStart(24, '0')}`;
const crmId = '001Ab0000000XyZ';

function row(result: MapResult) {
  if (!result.ok) throw new Error(`expected a row, got ${result.errors.map((e) => e.message).join('; ')}`);
  return result;
}
function errors(result: MapResult) {
  if (result.ok) throw new Error('expected record errors');
  return result.errors;
}

const account = {
  Id: zuoraId(1),
  Name: 'Acme Corporation',
  AccountNumber: 'A00000001',
  CrmId: crmId,
  AutoPay: 'true',
  Balance: '1234.56789',
  BillCycleDay: 1,
  Currency: 'USD',
  Status: 'Active',
  LastInvoiceDate: '2024-01-31',
  ParentId: zuoraId(2),
  DefaultPaymentMethodId: zuoraId(3),
  PaymentTerm: 'Net 30',
  BillToId: zuoraId(4),
  BillToContact: { FirstName: 'Ada', LastName: 'Lovelace', City: 'London', WorkEmail: 'ada@example.com' },
  'SoldToContact.City': 'Paris',
  'SoldToContact.LastName': 'Curie',
  DefaultPaymentMethod: {
    CreditCardExpirationMonth: 3,
    CreditCardExpirationYear: 2030,
    CreditCardMaskNumber: '************1111',
    CreditCardType: 'Visa',
    Type: 'CreditCard',
  },
};

describe('Account : CustomerAccount__c', () => {
  it('maps fields, flattened contacts and payment method, and references', () => {
    const result = row(mapRecord('Account:CustomerAccount__c', account, context));
    expect(result.row).toMatchObject({
      External_Id__c: zuoraId(1),
      Zuora_Id__c: zuoraId(1),
      Name: 'Acme Corporation',
      AccountNumber__c: 'A00000001',
      Account__c: to18(crmId),
      AutoPay__c: true,
      Balance__c: 1234.5679,
      BillCycleDay__c: '1',
      LastInvoiceDate__c: '2024-01-31',
      EntityID__c: 'entity-eu',
      BillToName__c: 'Ada Lovelace',
      BillToCity__c: 'London',
      BillToWorkEmail__c: 'ada@example.com',
      BillToId__c: zuoraId(4),
      SoldToCity__c: 'Paris',
      SoldToName__c: 'Curie',
      CreditCard_Expiration__c: '3/2030',
      CreditCard_Number__c: '************1111',
      PaymentMethod_Type__c: 'CreditCard',
      'Payment_Term__r.External_Id__c': 'Net 30',
      Notes__c: null,
      AllowInvoiceEdit__c: false,
    });
    // Self reference and the account <-> payment method cycle go in the second pass.
    expect(result.row).not.toHaveProperty('Parent__r.External_Id__c');
    expect(result.deferred).toEqual({
      External_Id__c: zuoraId(1),
      'Parent__r.External_Id__c': zuoraId(2),
      'Default_Payment_Method__r.External_Id__c': zuoraId(3),
    });
  });

  it('lists the CSV columns in a stable order, key first', () => {
    const mapper = recordMapperFor('Account:CustomerAccount__c', context);
    expect(mapper.upsertKey).toBe('External_Id__c');
    expect(mapper.columns[0]).toBe('External_Id__c');
    expect(mapper.columns).toContain('Account__c');
    expect(mapper.deferredColumns).toEqual([
      'External_Id__c',
      'Parent__r.External_Id__c',
      'Default_Payment_Method__r.External_Id__c',
    ]);
    expect(Object.keys(row(mapRecord('Account:CustomerAccount__c', account, context)).row)).toEqual(
      mapper.columns,
    );
  });

  it('makes a missing CRM ID a MISSING_CRM_ID record error', () => {
    const [error, ...rest] = errors(
      mapRecord('Account:CustomerAccount__c', { ...account, CrmId: '' }, context),
    );
    expect(rest).toEqual([]);
    expect(error).toEqual({
      code: 'MISSING_CRM_ID',
      message: expect.stringContaining('has no CRM Account ID') as unknown,
      field: 'Account__c',
      zuoraId: zuoraId(1),
      object: 'CustomerAccount__c',
    });
  });

  it('makes a malformed CRM ID an INVALID_CRM_ID record error', () => {
    const [error] = errors(
      mapRecord('Account:CustomerAccount__c', { ...account, CrmId: 'Acme Inc' }, context),
    );
    expect(error?.code).toBe('INVALID_CRM_ID');
    expect(error?.message).toContain('"Acme Inc"');
  });

  it('reports every unmappable field of a record, each naming field, length and limit', () => {
    const result = errors(
      mapRecord(
        'Account:CustomerAccount__c',
        { ...account, Name: 'N'.repeat(81), LastInvoiceDate: '1600-01-01', AutoPay: 'perhaps' },
        context,
      ),
    );
    expect(result.map((e) => [e.code, e.field])).toEqual([
      ['STRING_TOO_LONG', 'Name'],
      ['INVALID_BOOLEAN', 'AutoPay__c'],
      ['DATE_OUT_OF_RANGE', 'LastInvoiceDate__c'],
    ]);
    expect(result[0]?.message).toBe(
      `CustomerAccount__c.Name: value is 81 characters long, the field allows at most 80 (from Account.Name, record ${zuoraId(1)})`,
    );
  });

  it('refuses a record without its upsert key and input that is not a record', () => {
    expect(errors(mapRecord('Account:CustomerAccount__c', { ...account, Id: null }, context))[0]?.code).toBe(
      'MISSING_EXTERNAL_ID',
    );
    expect(errors(mapRecord('Account:CustomerAccount__c', null as never, context))[0]?.code).toBe(
      'INVALID_RECORD',
    );
  });
});

describe('subscriptions: one record per subscription number by default', () => {
  const subscription = {
    Id: zuoraId(10),
    Name: 'A-S00000001',
    AccountId: zuoraId(1),
    InvoiceOwnerId: zuoraId(1),
    Account: { CrmId: crmId },
    Status: 'Active',
    Version: 3,
    TermStartDate: '2024-01-01',
    TermEndDate: '2025-01-01',
    AutoRenew: true,
  };

  it('upserts on SubscriptionNumber__c and children reference it by number', () => {
    const result = row(mapRecord('Subscription:Subscription__c', subscription, context));
    expect(recordMapperFor('Subscription:Subscription__c', context).upsertKey).toBe('SubscriptionNumber__c');
    expect(result.row).toMatchObject({
      SubscriptionNumber__c: 'A-S00000001',
      Zuora_Id__c: zuoraId(10),
      Account__c: to18(crmId),
      'CustomerAccount__r.External_Id__c': zuoraId(1),
      TermEndDate__c: '2025-01-01',
      NextRenewalDate__c: '2025-01-01',
      Version__c: 3,
    });
    expect(result.row).not.toHaveProperty('External_Id__c');
    const ratePlan = row(
      mapRecord(
        'RatePlan:SubscriptionRatePlan__c',
        { Id: zuoraId(11), Name: 'Gold', SubscriptionId: zuoraId(10), Subscription: { Name: 'A-S00000001' } },
        context,
      ),
    );
    expect(ratePlan.row['Subscription__r.SubscriptionNumber__c']).toBe('A-S00000001');
  });

  it('keys on the version Id with the Zuora 360 option', () => {
    const versioned = { ...context, subscriptionIdentity: 'version' as const };
    expect(row(mapRecord('Subscription:Subscription__c', subscription, versioned)).row.External_Id__c).toBe(
      zuoraId(10),
    );
    const ratePlan = row(
      mapRecord(
        'RatePlan:SubscriptionRatePlan__c',
        { Id: zuoraId(11), SubscriptionId: zuoraId(10) },
        versioned,
      ),
    );
    expect(ratePlan.row['Subscription__r.External_Id__c']).toBe(zuoraId(10));
  });

  it('makes a date beyond 4000-12-31 a record error, not an exception', () => {
    const [error] = errors(
      mapRecord('Subscription:Subscription__c', { ...subscription, TermEndDate: '9999-12-31' }, context),
    );
    expect(error).toMatchObject({
      code: 'DATE_OUT_OF_RANGE',
      field: 'TermEndDate__c',
      object: 'Subscription__c',
    });
  });

  it('requires the CRM ID on related objects too', () => {
    const [error] = errors(
      mapRecord('Subscription:Subscription__c', { ...subscription, Account: {} }, context),
    );
    expect(error?.code).toBe('MISSING_CRM_ID');
  });
});

describe('ProductRatePlanCharge : ProductRatePlanCharge__c (seed 003 transforms)', () => {
  const charge = {
    Id: zuoraId(20),
    Name: `Platform fee ${'x'.repeat(100)}`,
    ProductRatePlanId: zuoraId(21),
    ApplyDiscountTo: 'ONETIMEUSAGE',
    BillingTiming: 'IN_ARREARS',
    ChargeModel: 'Discount-Percentage',
    Price: '19.9900001',
    Taxable: false,
    EffectiveStartDate: '2024-01-01',
  };
  it('applies ApplyDiscountTo, ApplyType and BillingTiming, and keeps the full name', () => {
    const result = row(mapRecord('ProductRatePlanCharge:ProductRatePlanCharge__c', charge, context));
    expect(result.row).toMatchObject({
      External_Id__c: zuoraId(20),
      ZuoraId__c: zuoraId(20),
      Apply_Discount_To_One_Time_Charges__c: true,
      Apply_Discount_To_Recurring_Charges__c: false,
      Apply_Discount_To_Usage_Charges__c: true,
      Discount_Apply_Type__c: 5,
      BillingTiming__c: 'In Arrears',
      Model__c: 'Discount-Percentage',
      ListPrice__c: 19.99,
      ProductRatePlanChargeFullName__c: charge.Name,
      'ProductRatePlan__r.External_Id__c': zuoraId(21),
    });
    expect(result.row.Name).toBe(charge.Name.slice(0, 80));
  });
  it('makes an unknown ApplyDiscountTo a record error on each field it feeds', () => {
    const result = errors(
      mapRecord(
        'ProductRatePlanCharge:ProductRatePlanCharge__c',
        { ...charge, ApplyDiscountTo: 'ALL' },
        context,
      ),
    );
    expect(result.map((e) => e.field)).toEqual([
      'Apply_Discount_To_One_Time_Charges__c',
      'Apply_Discount_To_Recurring_Charges__c',
      'Apply_Discount_To_Usage_Charges__c',
      'Discount_Apply_Type__c',
    ]);
  });
});

describe('a map that writes a field the schema lacks', () => {
  it('yields FIELD_NOT_IN_SCHEMA record errors instead of throwing', () => {
    const broken: ObjectMap = {
      name: 'Account:CustomerAccount__c (broken)',
      zuoraObject: 'Account',
      salesforceObject: 'CustomerAccount__c',
      scope: 'accounts',
      source: 'test',
      externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
      fields: [{ zuora: 'Region', salesforce: 'Region__c' }],
      references: [],
    };
    const [error] = errors(mapRecord(broken, { Id: zuoraId(1), Region: 'EMEA' }, context));
    expect(error).toMatchObject({ code: 'FIELD_NOT_IN_SCHEMA', field: 'Region__c', zuoraId: zuoraId(1) });
  });
});
