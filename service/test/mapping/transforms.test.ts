import { describe, expect, it } from 'vitest';
import { makeSalesforceId, to18 } from '../../../emulators/shared/salesforce-id.js';
import type { SalesforceField } from '../../src/mapping/salesforce-schema.js';
import { boolean } from '../../src/mapping/transforms/boolean-transform.js';
import { billingTiming } from '../../src/mapping/transforms/billing-timing.js';
import { date, datetime } from '../../src/mapping/transforms/date-transforms.js';
import {
  applyDiscountToOneTime,
  applyDiscountToRecurring,
  applyDiscountToUsage,
  applyType,
} from '../../src/mapping/transforms/discount-transforms.js';
import { number } from '../../src/mapping/transforms/number-transform.js';
import { salesforceId } from '../../src/mapping/transforms/salesforce-id-transform.js';
import { abbreviatedName, picklist, text } from '../../src/mapping/transforms/text-transforms.js';
import { isFailure, type Transform } from '../../src/mapping/transforms/transform-result.js';

const field = (over: Partial<SalesforceField> = {}): SalesforceField => ({
  name: 'Field__c',
  type: 'Text',
  ...over,
});
const checkbox = field({ type: 'Checkbox' });
const value = (t: Transform, v: unknown, f: SalesforceField = field()) => {
  const r = t(v, f);
  if (isFailure(r)) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r;
};
const failure = (t: Transform, v: unknown, f: SalesforceField = field()) => {
  const r = t(v, f);
  if (!isFailure(r)) throw new Error(`expected a failure, got ${String(r)}`);
  return r;
};

describe('ApplyDiscountTo -> three checkboxes and the 1..7 apply type', () => {
  const cases = [
    ['ONETIME', 1, true, false, false],
    ['RECURRING', 2, false, true, false],
    ['ONETIMERECURRING', 3, true, true, false],
    ['USAGE', 4, false, false, true],
    ['ONETIMEUSAGE', 5, true, false, true],
    ['RECURRINGUSAGE', 6, false, true, true],
    ['ONETIMERECURRINGUSAGE', 7, true, true, true],
  ] as const;
  it.each(cases)('%s is code %i', (name, code, oneTime, recurring, usage) => {
    for (const input of [name, `${name} (${code})`, code, String(code)]) {
      expect(value(applyType, input, field({ type: 'Number' }))).toBe(code);
      expect(value(applyDiscountToOneTime, input, checkbox)).toBe(oneTime);
      expect(value(applyDiscountToRecurring, input, checkbox)).toBe(recurring);
      expect(value(applyDiscountToUsage, input, checkbox)).toBe(usage);
    }
  });
  it('treats a blank value as no discount target', () => {
    expect(value(applyDiscountToOneTime, null, checkbox)).toBe(false);
    expect(value(applyDiscountToUsage, '', checkbox)).toBe(false);
    expect(value(applyType, undefined, field({ type: 'Number' }))).toBeNull();
  });
  it('refuses unknown values and contradictory codes', () => {
    expect(failure(applyType, 'EVERYTHING').code).toBe('INVALID_APPLY_DISCOUNT_TO');
    expect(failure(applyDiscountToRecurring, 'RECURRING (3)', checkbox).code).toBe(
      'INVALID_APPLY_DISCOUNT_TO',
    );
    expect(failure(applyType, 8).message).toContain('ONETIME(1)');
  });
});

describe('billingTiming', () => {
  it('accepts the SOAP labels and the REST enum', () => {
    expect(value(billingTiming, 'IN_ADVANCE')).toBe('In Advance');
    expect(value(billingTiming, 'In Arrears')).toBe('In Arrears');
    expect(value(billingTiming, 'in_arrears')).toBe('In Arrears');
    expect(value(billingTiming, null)).toBeNull();
  });
  it('refuses anything else', () => {
    expect(failure(billingTiming, 'Later').code).toBe('INVALID_BILLING_TIMING');
  });
});

describe('date', () => {
  const d = field({ name: 'EffectiveStartDate__c', type: 'Date' });
  it('keeps calendar dates and the local date of a date-time', () => {
    expect(value(date, '2024-02-29', d)).toBe('2024-02-29');
    expect(value(date, '2024-03-01T23:30:00-08:00', d)).toBe('2024-03-01');
    expect(value(date, '', d)).toBeNull();
  });
  it('accepts the range bounds and refuses dates outside 1700-01-01..4000-12-31', () => {
    expect(value(date, '1700-01-01', d)).toBe('1700-01-01');
    expect(value(date, '4000-12-31', d)).toBe('4000-12-31');
    const before = failure(date, '1699-12-31', d);
    expect(before.code).toBe('DATE_OUT_OF_RANGE');
    expect(before.message).toContain('EffectiveStartDate__c');
    expect(failure(date, '4001-01-01', d).code).toBe('DATE_OUT_OF_RANGE');
  });
  it('refuses non-dates', () => {
    expect(failure(date, '2023-02-29', d).code).toBe('INVALID_DATE');
    expect(failure(date, 'next week', d).code).toBe('INVALID_DATE');
    expect(failure(date, 20240101, d).code).toBe('INVALID_DATE');
  });
});

describe('datetime', () => {
  const dt = field({ type: 'DateTime' });
  it('normalises to UTC', () => {
    expect(value(datetime, '2024-03-01T10:15:00.000-08:00', dt)).toBe('2024-03-01T18:15:00.000Z');
    expect(value(datetime, '2024-03-01T10:15:00+0530', dt)).toBe('2024-03-01T04:45:00.000Z');
    expect(value(datetime, '2024-03-01 10:15:00', dt)).toBe('2024-03-01T10:15:00.000Z');
    expect(value(datetime, '2024-03-01', dt)).toBe('2024-03-01T00:00:00.000Z');
  });
  it('applies the range to the instant', () => {
    expect(value(datetime, '4000-12-31T00:00:00Z', dt)).toBe('4000-12-31T00:00:00.000Z');
    expect(failure(datetime, '4000-12-31T00:00:01Z', dt).code).toBe('DATE_OUT_OF_RANGE');
    expect(failure(datetime, '1700-01-01T00:00:00+01:00', dt).code).toBe('DATE_OUT_OF_RANGE');
    expect(failure(datetime, '2024-13-01T00:00:00Z', dt).code).toBe('INVALID_DATE');
    expect(failure(datetime, '2023-02-29T00:00:00.000+00:00', dt).code).toBe('INVALID_DATE');
    expect(failure(datetime, '4000-12-31T00:00:00.001+00:00', dt).code).toBe('DATE_OUT_OF_RANGE');
    expect(value(datetime, '2023-10-05T09:59:59.000+00:00', dt)).toBe('2023-10-05T09:59:59.000Z');
  });
});

describe('number', () => {
  const n = field({ name: 'Amount__c', type: 'Currency', precision: 5, scale: 2 });
  it('parses and rounds to the scale', () => {
    expect(value(number, '123.456', n)).toBe(123.46);
    expect(value(number, -999.994, n)).toBe(-999.99);
    expect(value(number, '1e2', n)).toBe(100);
    expect(value(number, null, n)).toBeNull();
  });
  it('refuses values with more integer digits than precision - scale', () => {
    const r = failure(number, '1000', n);
    expect(r.code).toBe('NUMBER_OUT_OF_RANGE');
    expect(r.message).toContain('Number(5, 2)');
    expect(failure(number, '999.999', n).code).toBe('NUMBER_OUT_OF_RANGE');
  });
  it('refuses non-numbers', () => {
    expect(failure(number, '12abc', n).code).toBe('INVALID_NUMBER');
    expect(failure(number, Number.NaN, n).code).toBe('INVALID_NUMBER');
  });
});

describe('boolean', () => {
  it('reads JSON and CSV booleans; blank is false', () => {
    expect(value(boolean, true, checkbox)).toBe(true);
    expect(value(boolean, 'FALSE', checkbox)).toBe(false);
    expect(value(boolean, 1, checkbox)).toBe(true);
    expect(value(boolean, null, checkbox)).toBe(false);
    expect(failure(boolean, 'maybe', checkbox).code).toBe('INVALID_BOOLEAN');
  });
});

describe('text, picklist and names', () => {
  const t = field({ name: 'Name__c', length: 5 });
  it('refuses a value longer than the field, naming field, length and limit', () => {
    const r = failure(text, 'abcdef', t);
    expect(r.code).toBe('STRING_TOO_LONG');
    expect(r.message).toBe('Name__c: value is 6 characters long, the field allows at most 5');
  });
  it('counts characters, not UTF-16 units, and stringifies scalars', () => {
    expect(value(text, 'ab😀cd', t)).toBe('ab😀cd');
    expect(value(text, 42, t)).toBe('42');
    expect(failure(text, { a: 1 }, t).code).toBe('INVALID_TEXT');
  });
  it('checks restricted picklists', () => {
    const p = field({ type: 'Picklist', length: 255, picklistValues: ['Active', 'Cancelled'] });
    expect(value(picklist, 'Active', p)).toBe('Active');
    const r = failure(picklist, 'Draft', p);
    expect(r.code).toBe('INVALID_PICKLIST_VALUE');
    expect(r.message).toContain('Active, Cancelled');
    expect(value(picklist, 'Anything', field({ type: 'Picklist', length: 255 }))).toBe('Anything');
  });
  it('abbreviates names to the field length', () => {
    expect(value(abbreviatedName, 'abcdefgh', t)).toBe('abcde');
    expect(value(abbreviatedName, 'abc', t)).toBe('abc');
  });
});

describe('salesforceId', () => {
  const lookup = field({ type: 'Lookup' });
  it('writes the 18-character form and restores case from the checksum', () => {
    expect(value(salesforceId, '001000000000001', lookup)).toBe('001000000000001AAA');
    // The Salesforce emulator's Id helper is an independent implementation of the same checksum.
    const id18 = to18('001Ab0000000XyZ');
    expect(value(salesforceId, '001Ab0000000XyZ', lookup)).toBe(id18);
    expect(value(salesforceId, id18, lookup)).toBe(id18);
    expect(value(salesforceId, id18.toLowerCase(), lookup)).toBe(id18);
    expect(value(salesforceId, makeSalesforceId('001', 123456), lookup)).toBe(
      makeSalesforceId('001', 123456),
    );
  });
  it('refuses malformed ids and bad checksums', () => {
    expect(failure(salesforceId, 'not-an-id', lookup).code).toBe('INVALID_SALESFORCE_ID');
    expect(failure(salesforceId, '001000000000001AAB', lookup).code).toBe('INVALID_SALESFORCE_ID');
  });
});
