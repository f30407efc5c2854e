import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forceAppObjectsDir, loadForceAppSchema } from '../../src/mapping/force-app-schema.js';
import { recordMapperFor } from '../../src/mapping/map-record.js';
import { invoiceItemToInvoiceItem } from '../../src/mapping/maps/invoice-item-to-invoice-item.js';
import { CsvSpool } from '../../src/turbo/csv-spool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('CSV spool', () => {
  it('rolls over into parts under the size limit, each with its header, keeping every row once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    dirs.push(dir);
    const spool = new CsvSpool(dir, 2_000);
    const columns = ['External_Id__c', 'Name', 'Parent__r.External_Id__c', 'Amount__c'];
    for (let batch = 0; batch < 10; batch += 1) {
      spool.append(
        'X__c',
        'upsert',
        columns,
        Array.from({ length: 20 }, (_, i) => ({
          External_Id__c: `id${String(batch * 20 + i)}`,
          Name: `Name, "quoted" ${String(i)}`,
          'Parent__r.External_Id__c': null,
          Amount__c: null,
        })),
      );
    }
    const parts = spool.parts('X__c', 'upsert');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(statSync(spool.path('X__c', 'upsert', p)).size).toBeLessThanOrEqual(2_000);
      expect(spool.header('X__c', 'upsert', p)).toEqual(columns);
    }
    const keys = spool.keys('X__c', 'upsert');
    expect(keys).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
    // One append larger than a part is split too.
    spool.append(
      'Y__c',
      'upsert',
      columns,
      Array.from({ length: 300 }, (_, i) => ({ External_Id__c: `y${String(i)}`, Name: 'n', Amount__c: 1 })),
    );
    for (const p of spool.parts('Y__c', 'upsert')) {
      expect(statSync(spool.path('Y__c', 'upsert', p)).size).toBeLessThanOrEqual(2_000);
    }
    expect(spool.keys('Y__c', 'upsert')).toHaveLength(300);
    // Null: "#N/A" clears a field, but an empty relationship cell means "no parent".
    expect(readFileSync(spool.path('X__c', 'upsert', 0), 'utf8').split('\n')[1]).toBe(
      'id0,"Name, ""quoted"" 0",,#N/A',
    );
  });

  it('writes plain columns (numbers, dates, Ids) as they are and quotes what needs it in the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    dirs.push(dir);
    const schema = loadForceAppSchema(forceAppObjectsDir);
    const mapper = recordMapperFor(invoiceItemToInvoiceItem, { schema });
    expect(mapper.plainColumns.has(mapper.upsertKey)).toBe(false);
    expect(mapper.columns.filter((c) => mapper.plainColumns.has(c)).length).toBeGreaterThan(0);
    const spool = new CsvSpool(dir);
    const writer = spool.writer('X__c', 'upsert', ['A', 'B', 'C', 'D', 'E'], new Set(['A', 'C', 'D']));
    writer.write({ A: '2024-01-31', B: 'x,"y"', C: null, D: 12.5, E: null });
    writer.close();
    expect(readFileSync(spool.path('X__c', 'upsert'), 'utf8')).toBe(
      'A,B,C,D,E\n2024-01-31,"x,""y""",#N/A,12.5,#N/A\n',
    );
  });

  it('cuts parts at multiples of 10,000 rows, so the jobs of an object use ceil(N/10,000) batches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    dirs.push(dir);
    const spool = new CsvSpool(dir, 250_000);
    const writer = spool.writer('Z__c', 'upsert', ['External_Id__c', 'Name']);
    for (let i = 0; i < 25_000; i += 1)
      writer.write({ External_Id__c: `z${String(i).padStart(6, '0')}`, Name: 'name-xxxxxx' });
    writer.close();
    const parts = spool.parts('Z__c', 'upsert');
    expect(parts.map((p) => spool.keys('Z__c', 'upsert', p).length)).toEqual([10_000, 10_000, 5_000]);
    for (const p of parts) {
      expect(statSync(spool.path('Z__c', 'upsert', p)).size).toBeLessThanOrEqual(250_000);
      expect(spool.header('Z__c', 'upsert', p)).toEqual(['External_Id__c', 'Name']);
    }
    expect(spool.keys('Z__c', 'upsert')).toEqual(
      Array.from({ length: 25_000 }, (_, i) => `z${String(i).padStart(6, '0')}`),
    );
  });
});
