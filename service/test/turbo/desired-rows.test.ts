// A part's rows as a comparison reads them (skip-unchanged, the dry run) leave out the rows screening held
// back, by their record numbers (the header is 0), as the upload leaves them out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvSpool } from '../../src/turbo/csv-spool.js';
import { passRows, spooledRows } from '../../src/turbo/desired-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'desired-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spooledRows', () => {
  it('leaves out the records numbered in leftOut', async () => {
    const spool = new CsvSpool(join(dir, 'spool'));
    const text = 'External_Id__c,Name\nk1,"a, b"\nk2,"two\nlines"\nk3,#N/A\nk4,\n';
    writeFileSync(spool.path('X__c', 'upsert', 0), text);
    const all = await spooledRows(spool, 'X__c', 'upsert', 0);
    expect(all.map((r) => r.key)).toEqual(['k1', 'k2', 'k3', 'k4']);
    const kept = await spooledRows(spool, 'X__c', 'upsert', 0, new Set([2, 4]));
    expect(kept).toEqual([
      { key: 'k1', row: { External_Id__c: 'k1', Name: 'a, b' } },
      { key: 'k3', row: { External_Id__c: 'k3', Name: null } },
    ]);
    const slices: string[][] = [];
    for await (const rows of passRows(spool, 'X__c', 'upsert', 1, 0, new Set([1])))
      slices.push(rows.map((r) => r.key));
    expect(slices).toEqual([['k2'], ['k3'], ['k4']]);
  });
});
