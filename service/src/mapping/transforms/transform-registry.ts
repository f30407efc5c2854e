// Transform names -> functions, which Salesforce field types each may write, and the transform a
// field gets when its map entry names none.
import type { TransformName } from '../field-map.js';
import type { SalesforceFieldType } from '../salesforce-schema.js';
import { boolean } from './boolean-transform.js';
import { billingTiming } from './billing-timing.js';
import { date, datetime } from './date-transforms.js';
import {
  applyDiscountToOneTime,
  applyDiscountToRecurring,
  applyDiscountToUsage,
  applyType,
} from './discount-transforms.js';
import { number } from './number-transform.js';
import { salesforceId } from './salesforce-id-transform.js';
import { abbreviatedName, picklist, text } from './text-transforms.js';
import type { Transform } from './transform-result.js';

export const transforms: Record<TransformName, Transform> = {
  text,
  picklist,
  number,
  boolean,
  date,
  datetime,
  salesforceId,
  applyDiscountToOneTime,
  applyDiscountToRecurring,
  applyDiscountToUsage,
  applyType,
  billingTiming,
  abbreviatedName,
};

const textTypes: SalesforceFieldType[] = [
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Email',
  'Phone',
  'Url',
];
const numberTypes: SalesforceFieldType[] = ['Number', 'Currency', 'Percent'];

/** The Salesforce field types a transform's output can be written to. */
export const compatibleTypes: Record<TransformName, readonly SalesforceFieldType[]> = {
  text: [...textTypes, 'Picklist'],
  picklist: ['Picklist', ...textTypes],
  number: numberTypes,
  boolean: ['Checkbox'],
  date: ['Date'],
  datetime: ['DateTime'],
  salesforceId: ['Lookup', 'MasterDetail', 'Text'],
  applyDiscountToOneTime: ['Checkbox'],
  applyDiscountToRecurring: ['Checkbox'],
  applyDiscountToUsage: ['Checkbox'],
  applyType: numberTypes,
  billingTiming: ['Picklist', ...textTypes],
  abbreviatedName: textTypes,
};

const inferred: Partial<Record<SalesforceFieldType, TransformName>> = {
  Text: 'text',
  TextArea: 'text',
  LongTextArea: 'text',
  Html: 'text',
  Email: 'text',
  Phone: 'text',
  Url: 'text',
  Number: 'number',
  Currency: 'number',
  Percent: 'number',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
};

/** The transform for an entry without one; undefined for types nothing may write (formula, auto number). */
export function inferTransform(type: SalesforceFieldType): TransformName | undefined {
  return inferred[type];
}
