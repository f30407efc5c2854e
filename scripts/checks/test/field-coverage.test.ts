// Check (a): every Salesforce field named in the vendored Zuora 360 mapping tables exists in force-app.

import { describe, expect, it } from 'vitest';
import { describeMissing, findMissingFields } from '../metadata/field-coverage.js';
import { indexObjects, type ObjectIndex } from '../metadata/object-index.js';
import { METADATA_ROOT } from '../paths.js';
import { loadMappingTables } from '../reference/load-reference.js';
import { parseMappingTables } from '../reference/mapping-tables.js';

describe('field coverage of the reference mapping tables', () => {
  const tables = loadMappingTables();
  const index = indexObjects(METADATA_ROOT);

  it('finds every documented object and field in force-app', () => {
    const missing = findMissingFields(tables, index);
    expect(missing.length, `Missing from force-app:\n${describeMissing(missing)}`).toBe(0);
  });

  it('checks a substantial set of fields (the tables were parsed, not skipped)', () => {
    const named = new Set(
      tables.flatMap((table) => table.rows.map((row) => `${table.objectName}.${row.apiName}`)),
    );
    expect(named.size).toBeGreaterThan(700);
  });

  it('reports a field the tables name but force-app lacks, and an object with no object file', () => {
    const planted: ObjectIndex = new Map([
      [
        'Refund__c',
        {
          hasObjectFile: true,
          nameFieldType: 'Text',
          fields: new Map([
            ['Amount__c', { type: 'Number', required: false, file: 'Amount__c.field-meta.xml' }],
          ]),
        },
      ],
    ]);
    const planted_tables = parseMappingTables(
      [
        '#### Refund: Zuora__Refund__c',
        '| Zuora field | Salesforce field |',
        '|---|---|',
        '| Refund Number | `Name` |',
        '| Amount | `Zuora__Amount__c` |',
        '| Status | `Zuora__Status__c` |',
        '#### Payment: Zuora__Payment__c',
        '| Amount | `Zuora__Amount__c` |',
      ].join('\n'),
    );
    const missing = findMissingFields(planted_tables, planted);
    expect(missing.map((item) => `${item.object}.${item.field}`)).toEqual([
      'Refund__c.Status__c',
      'Payment__c.(object)',
      'Payment__c.Amount__c',
    ]);
    expect(describeMissing(missing)).toContain(
      'Refund__c.Status__c (documented as Zuora__Status__c in "Refund: Zuora__Refund__c")',
    );
  });
});
