// Chooses a Salesforce field type for a synced field. Order: the override table, then the Zuora 360 schema
// (docs/reference/zuora360-schema-types.md, same object first, then the same name on another object), then
// the name of the field (for fields newer than that 2015 schema). Every choice carries its reason, which the
// generator writes into the field's description.
//
// Numbers: Zuora keeps up to 13 digits left of the decimal point and up to 9 right of it; prices are never
// rounded, amounts are rounded per currency
// (https://docs.zuora.com/en/basics/about-zuora/rounding-and-precision/rounding-and-precision-in-zuora,
//  https://docs.zuora.com/en/basics/about-zuora/rounding-and-precision/data-type-rounding-rules).
// Salesforce numbers hold at most 18 digits, so amounts get 4 decimals (14 integer digits) and prices and
// quantities 6 (12 integer digits). Amounts are Number, not Currency: a Zuora amount is in the billing
// account's currency, which a Currency field would show in the org's currency unless multi-currency is on.

import type { SchemaField, WsdlType } from '../reference/schema-types.js';
import type { FieldType } from './model-types.js';
import { TYPE_OVERRIDES } from './type-overrides.js';

export interface TypeChoice {
  type: FieldType;
  reason: string;
}

export const TEXT = (length = 255): FieldType => ({ kind: 'Text', length });
export const LONG_TEXT = (length = 32768): FieldType => ({ kind: 'LongTextArea', length });
export const AMOUNT: FieldType = { kind: 'Number', precision: 18, scale: 4 };
export const PRICE: FieldType = { kind: 'Number', precision: 18, scale: 6 };
export const INTEGER: FieldType = { kind: 'Number', precision: 18, scale: 0 };
export const PERCENT: FieldType = { kind: 'Percent', precision: 18, scale: 6 };
export const CHECKBOX: FieldType = { kind: 'Checkbox', defaultValue: false };
export const DATE: FieldType = { kind: 'Date' };
export const DATETIME: FieldType = { kind: 'DateTime' };

const LONG_TEXT_NAME =
  /(Description|Notes|Comments?|SyncMessage|AdditionalEmailAddresses|GatewayResponse|PriceTable|Price_Summary)\d?__c$/;
const BOOLEAN_NAME =
  /^(Is[A-Z_]\w*|Allow\w*|Use[A-Z]\w*|Apply_Discount\w*|Recognize_\w*|Active|Deleted|Default|Taxable|AutoPay|InvoiceDeliveryPrefs\w+)__c$/;
const INTEGER_NAME =
  /^(Version|CurrentTerm|NumberOfPeriods?|UpToPeriods|Upto_How_Many_Periods|PrepaymentPeriods|SpecificBillingPeriod|Segment|Tier|DecimalPlaces|\w*Failures|\w*Payments|\w*Window|\w*Attempts)__c$/;
const PERCENT_NAME = /Percent(age)?\d?__c$/;
const PRICE_NAME = /(^|[a-z])(Price|Rate)\d?__c$/;
const QUANTITY_NAME = /(Quantity|Units?)\d?__c$/;
const AMOUNT_NAME =
  /(Amount|Balance|^MRR|^TCV|^DMRC|^DTCV|ContractValue|RecurringRevenue)(WithoutTax)?\d?__c$/;
const DATETIME_NAME = /(On|DateTime|TransactionTime)__c$/;
const DATE_NAME = /Date\d?__c$/;
const ZUORA_ID_NAME = /^(Zuora_Id|ZuoraId)__c$/;

/** Same name with underscores and case ignored: `Effective_Date__c` matches the schema's `EffectiveDate__c`. */
const normalise = (name: string): string => name.replace(/_/g, '').toLowerCase();

export function chooseFieldType(
  objectName: string,
  fieldName: string,
  schema: ReadonlyMap<string, ReadonlyMap<string, SchemaField>>,
): TypeChoice {
  const override = TYPE_OVERRIDES.get(`${objectName}.${fieldName}`) ?? TYPE_OVERRIDES.get(`*.${fieldName}`);
  if (override) return { type: override.type, reason: override.why };
  if (ZUORA_ID_NAME.test(fieldName)) return { type: TEXT(32), reason: 'Zuora id (32 characters)' };

  const own = findSchemaType(schema.get(objectName), fieldName);
  if (own) return fromWsdl(fieldName, own, `Zuora 360 schema type ${own}`);
  for (const [otherObject, fields] of schema) {
    const other = findSchemaType(fields, fieldName);
    if (other) return fromWsdl(fieldName, other, `Zuora 360 schema type ${other} (as on ${otherObject})`);
  }
  return fromName(fieldName);
}

function findSchemaType(
  fields: ReadonlyMap<string, SchemaField> | undefined,
  fieldName: string,
): WsdlType | undefined {
  if (!fields) return undefined;
  const exact = fields.get(fieldName);
  if (exact) return exact.type;
  const wanted = normalise(fieldName);
  for (const [name, field] of fields) if (normalise(name) === wanted) return field.type;
  return undefined;
}

function fromWsdl(fieldName: string, wsdl: WsdlType, reason: string): TypeChoice {
  switch (wsdl) {
    case 'Boolean':
      return { type: CHECKBOX, reason };
    case 'Date':
      return { type: DATE, reason };
    case 'Calendar':
      return { type: DATETIME, reason };
    case 'Double':
      return { type: numberShape(fieldName) ?? AMOUNT, reason };
    case 'String':
      return { type: LONG_TEXT_NAME.test(fieldName) ? LONG_TEXT() : TEXT(), reason };
  }
}

function numberShape(fieldName: string): FieldType | undefined {
  if (PERCENT_NAME.test(fieldName)) return PERCENT;
  if (INTEGER_NAME.test(fieldName)) return INTEGER;
  if (PRICE_NAME.test(fieldName) || QUANTITY_NAME.test(fieldName)) return PRICE;
  if (AMOUNT_NAME.test(fieldName)) return AMOUNT;
  return undefined;
}

function fromName(fieldName: string): TypeChoice {
  const missing = 'not in the 2015 Zuora 360 schema; chosen for the Zuora field type';
  if (BOOLEAN_NAME.test(fieldName)) return { type: CHECKBOX, reason: `${missing} (boolean)` };
  const shape = numberShape(fieldName);
  if (shape) {
    const what = shape.kind === 'Percent' ? 'percentage' : shape === INTEGER ? 'integer' : 'decimal';
    return { type: shape, reason: `${missing} (${what})` };
  }
  if (DATETIME_NAME.test(fieldName)) return { type: DATETIME, reason: `${missing} (dateTime)` };
  if (DATE_NAME.test(fieldName)) return { type: DATE, reason: `${missing} (date)` };
  if (LONG_TEXT_NAME.test(fieldName)) return { type: LONG_TEXT(), reason: `${missing} (long text)` };
  return { type: TEXT(), reason: `${missing} (string)` };
}
