// sObject Collections packed into Composite calls against the Salesforce emulator: 5 collections of 200 per
// call (1,000 records a call when full), never more than one call per collection, results in record order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiBudgetGovernor } from '../../src/salesforce/api-budget.js';
import {
  CallCounter,
  deleteByExternalIds,
  upsertCollections,
  type CompositeWriter,
} from '../../src/salesforce/composite-collections.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

describe('Composite collections', () => {
  let h: SyncHarness;
  let writer: CompositeWriter;
  const units = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      External_Id__c: `unit-${String(from + i)}`,
      Name: `Unit ${String(from + i)}`,
    }));
  const composites = () =>
    h.salesforce.stats().requestsByRoute['POST /services/data/:version/composite'] ?? 0;

  beforeAll(async () => {
    h = await startSyncHarness();
    writer = { conn: h.deps.salesforce, governor: new ApiBudgetGovernor(h.deps.salesforce), caller: 'test' };
  }, 180_000);
  afterAll(async () => {
    await h.close();
  });

  it('writes 1,000 records in one call and 1,001 in two', async () => {
    const counter = new CallCounter();
    const before = composites();
    const [results] = await upsertCollections(
      writer,
      [{ object: 'UnitOfMeasure__c', externalIdField: 'External_Id__c', records: units(0, 1000) }],
      counter,
    );
    expect(counter.calls).toBe(1);
    expect(composites() - before).toBe(1);
    expect(results?.every((r) => r.success && r.id !== null)).toBe(true);
    const second = new CallCounter();
    await upsertCollections(
      writer,
      [{ object: 'UnitOfMeasure__c', externalIdField: 'External_Id__c', records: units(2000, 1001) }],
      second,
    );
    expect(second.calls).toBe(2);
  }, 180_000);

  it('maps per-record failures back in order and deletes by external id', async () => {
    const counter = new CallCounter();
    const records = [
      ...units(5000, 2),
      { External_Id__c: 'unit-bad', Name: 'x'.repeat(300) },
      ...units(5002, 1),
    ];
    const [results] = await upsertCollections(
      writer,
      [{ object: 'UnitOfMeasure__c', externalIdField: 'External_Id__c', records }],
      counter,
    );
    expect(results?.map((r) => r.success)).toEqual([true, true, false, true]);
    expect(results?.[2]?.errorCode).toBe('STRING_TOO_LONG');
    const [deleted] = await deleteByExternalIds(
      writer,
      [
        {
          object: 'UnitOfMeasure__c',
          externalIdField: 'External_Id__c',
          keys: ['unit-5000', 'unit-missing'],
        },
      ],
      counter,
    );
    expect(deleted?.map((d) => [d.key, d.success, d.id === null])).toEqual([
      ['unit-5000', true, false],
      ['unit-missing', true, true],
    ]);
    expect(h.salesforce.records('UnitOfMeasure__c').some((u) => u.External_Id__c === 'unit-5000')).toBe(
      false,
    );
  }, 180_000);
});
