// A number column's text taken as its own Bulk CSV cell (number-cell.ts) only where the number transform and
// csvCell would write exactly that text: checked against them on fuzzed and edge-case strings, for fields
// with and without a precision.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { csvCell } from '../../src/csv/spool-writer.js';
import type { SalesforceField } from '../../src/mapping/salesforce-schema.js';
import { isNumberCell } from '../../src/mapping/transforms/number-cell.js';
import { number } from '../../src/mapping/transforms/number-transform.js';
import { isFailure } from '../../src/mapping/transforms/transform-result.js';

const fields: SalesforceField[] = [
  { name: 'Amount__c', type: 'Currency', precision: 18, scale: 2 },
  { name: 'Small__c', type: 'Number', precision: 5, scale: 2 },
  { name: 'Whole__c', type: 'Number', precision: 3, scale: 0 },
  { name: 'Rate__c', type: 'Percent', precision: 18, scale: 6 },
  { name: 'Free__c', type: 'Number' },
];

/** What the transform and csvCell write for `s`, or undefined where the transform fails. */
function cellOf(s: string, field: SalesforceField): string | undefined {
  const t = number(s, field);
  return isFailure(t) ? undefined : csvCell(t, false);
}

const edges = [
  '0',
  '-0',
  '0.0',
  '-0.0',
  '00',
  '01',
  '1.',
  '.5',
  '-.5',
  '+1',
  ' 1',
  '1 ',
  '1e3',
  '1E3',
  '-',
  '',
  '.',
  '12.5',
  '-12.5',
  '12.50',
  '0.5',
  '-0.5',
  '0.000001',
  '0.0000001',
  '0.00000123',
  '123456789012345',
  '1234567890123456',
  '12345678901234.5',
  '0.12345678901234',
  '9007199254740993',
  '999.99',
  '999.999',
  '1000',
  '99.99',
  '100',
  '-100',
  '0.01',
  '0.001',
  '1.005',
  '123.456',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '١٢',
  '12.3.4',
  '--1',
  '1-',
];

function fuzzed(next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
  const kind = Math.floor(next() * 4);
  if (kind === 0)
    return String(Math.round((next() - 0.5) * 10 ** Math.floor(next() * 18)) / 10 ** Math.floor(next() * 8));
  if (kind === 1)
    return `${next() < 0.3 ? '-' : ''}${digits(1 + Math.floor(next() * 17))}.${digits(Math.floor(next() * 10))}`;
  if (kind === 2) return String((next() - 0.5) * 10 ** (Math.floor(next() * 40) - 20));
  return `${next() < 0.5 ? '-' : ''}${digits(1 + Math.floor(next() * 20))}`;
}

describe('isNumberCell', () => {
  it('takes a text only where the transform and csvCell write that very text', () => {
    const next = random(19);
    const values = [...edges, ...Array.from({ length: 20_000 }, () => fuzzed(next))];
    let taken = 0;
    for (const s of values) {
      for (const field of fields) {
        if (!isNumberCell(s, field)) continue;
        taken += 1;
        expect(cellOf(s, field), `${s} as ${field.name}`).toBe(s);
      }
    }
    expect(taken).toBeGreaterThan(10_000);
  });

  it('takes the usual AQuA amounts, and leaves what must be rounded, refused or reprinted to the transform', () => {
    const amount = fields[0] as SalesforceField;
    for (const s of ['0', '686', '158.5', '-3', '1029', '26.15', '0.01', '123456789012345'])
      expect(isNumberCell(s, amount), s).toBe(true);
    for (const s of ['-0', '1.50', '007', '1e3', ' 8 ', '1.005', '', '12abc', '1234567890123456'])
      expect(isNumberCell(s, amount), s).toBe(false);
    const small = fields[1] as SalesforceField;
    expect(isNumberCell('999.99', small)).toBe(true);
    expect(isNumberCell('1000', small)).toBe(false);
    expect(isNumberCell('0.125', small)).toBe(false);
    expect(isNumberCell('0.0000001', fields[4] as SalesforceField)).toBe(false);
  });
});
