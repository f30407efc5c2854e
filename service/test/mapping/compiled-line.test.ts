// The generated line builders (compiled-line.ts) against the transforms and csvCell applied cell by cell, on
// files long enough for a column's cache of its last value to be switched off (values that never repeat) or
// kept (values that repeat), and for values to start or stop repeating after that decision.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { csvCell } from '../../src/csv/spool-writer.js';
import { compileLine, type LineBuilder } from '../../src/mapping/compiled-line.js';
import type { FastColumn } from '../../src/mapping/compiled-row.js';
import { accessor } from '../../src/mapping/record-path.js';
import type { SalesforceField } from '../../src/mapping/salesforce-schema.js';
import { transforms } from '../../src/mapping/transforms/transform-registry.js';
import { isFailure } from '../../src/mapping/transforms/transform-result.js';

const amount: SalesforceField = { name: 'Amount__c', type: 'Currency', precision: 18, scale: 2 };
const when: SalesforceField = { name: 'When__c', type: 'DateTime' };
const day: SalesforceField = { name: 'Day__c', type: 'Date' };

const columns: FastColumn[] = [
  {
    name: 'Amount__c',
    read: accessor('Amount'),
    path: 'Amount',
    transform: transforms.number,
    field: amount,
  },
  { name: 'When__c', read: accessor('When'), path: 'When', transform: transforms.datetime, field: when },
  {
    name: 'Day__c',
    read: accessor('Day'),
    path: 'Day',
    transform: transforms.date,
    field: day,
    missingCode: 'MISSING_DAY',
  },
];
const header = ['Id', 'Amount', 'When', 'Day'];

/** The line the transforms and csvCell write for `fields`, or undefined where one fails or is missing. */
function expected(fields: readonly string[]): string | undefined {
  const cells: string[] = [];
  for (const c of columns) {
    const v = fields[header.indexOf(c.path as string)] ?? '';
    if (c.missingCode !== undefined && v === '') return undefined;
    const t = (c.transform as NonNullable<FastColumn['transform']>)(v, c.field);
    if (isFailure(t)) return undefined;
    cells.push(csvCell(t, false));
  }
  return cells.join(',');
}

function stamp(n: number): string {
  const s = String(n % 60).padStart(2, '0');
  const m = String(Math.floor(n / 60) % 60).padStart(2, '0');
  const h = String(Math.floor(n / 3600) % 24).padStart(2, '0');
  return `2024-03-01T${h}:${m}:${s}.000+00:00`;
}

/** Record `i` of a file: each column's values change at each record, repeat, or switch between the two. */
function record(i: number, next: () => number, phase: (i: number) => 'distinct' | 'repeat'): string[] {
  const repeat = phase(i) === 'repeat';
  const amount = repeat ? ['12.5', '7', 'x', '-3'][Math.floor(next() * 4)] : `${String(i)}.25`;
  const when = repeat ? stamp(Math.floor(next() * 3)) : stamp(i);
  const days = ['2024-03-01', '2024-03-02', '', '9999-99-99'];
  const day = repeat
    ? (days[Math.floor(next() * 4)] as string)
    : `2024-${String((i % 12) + 1).padStart(2, '0')}-15`;
  return [`id${String(i)}`, amount as string, when, day];
}

function check(builder: LineBuilder, phase: (i: number) => 'distinct' | 'repeat', seed: number): number {
  const next = random(seed);
  let mapped = 0;
  for (let i = 0; i < 5000; i += 1) {
    const fields = record(i, next, phase);
    const line = builder(fields, true);
    expect(line, `record ${String(i)}: ${fields.join(',')}`).toBe(expected(fields));
    if (line !== undefined) mapped += 1;
  }
  return mapped;
}

describe('compiled line builders', () => {
  const phases: Record<string, (i: number) => 'distinct' | 'repeat'> = {
    'values that never repeat': () => 'distinct',
    'values that always repeat': () => 'repeat',
    'values that start repeating after the first records': (i) => (i < 1500 ? 'distinct' : 'repeat'),
    'values that stop repeating after the first records': (i) => (i < 1500 ? 'repeat' : 'distinct'),
    'values that alternate in runs': (i) => (Math.floor(i / 97) % 2 === 0 ? 'repeat' : 'distinct'),
  };
  it.each(Object.entries(phases).map(([name, phase], i) => [name, phase, i] as const))(
    'write what the transforms write, cell by cell: %s',
    (_name, phase, i) => {
      const builder = compileLine(columns, new Set(), header, null) as LineBuilder;
      expect(builder).toBeTypeOf('function');
      expect(check(builder, phase, 40 + i)).toBeGreaterThan(100);
    },
  );
});
