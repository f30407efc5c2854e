// Maps every record of the Zuora emulator's seeded XS tenant. Rows the generator marks invalid (and
// the records of an account whose CRM ID is malformed) must become record errors with the right code;
// everything else must map.
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../emulators/zuora/src/tenant/index.js';
import { recordMapperFor } from '../../src/mapping/map-record.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import type { RecordError } from '../../src/mapping/record-error.js';
import { forceAppSchema } from './force-app-objects.js';
import { ZuoraJoins } from './zuora-joins.js';

const tenant = generateTenant({ seed: 42, size: 'XS', entityCount: 2, invalidShare: 0.3 });
const codeByReason = {
  'date-out-of-range': 'DATE_OUT_OF_RANGE',
  'malformed-crm-id': 'INVALID_CRM_ID',
} as const;

describe("the Zuora emulator's seeded XS tenant", () => {
  const joins = new ZuoraJoins([...tenant.referenceData, ...tenant.catalogs.flatMap((c) => c.records)]);
  const mapsByZuora = new Map<string, typeof objectMaps>();
  for (const m of objectMaps) mapsByZuora.set(m.zuoraObject, [...(mapsByZuora.get(m.zuoraObject) ?? []), m]);

  function mapAll(
    object: string,
    record: Record<string, unknown>,
    entityId: string,
    sink: RecordError[],
  ): number {
    let rows = 0;
    for (const pair of mapsByZuora.get(object) ?? []) {
      const result = recordMapperFor(pair, { schema: forceAppSchema, entityId }).mapRecord(record);
      if (result.ok) rows += 1;
      else sink.push(...result.errors);
    }
    return rows;
  }

  it('maps the catalog of every entity without errors', () => {
    const errors: RecordError[] = [];
    let rows = 0;
    for (const catalog of tenant.catalogs) {
      for (const [object, record] of joins.catalog(catalog.records))
        rows += mapAll(object, record, catalog.entityId, errors);
    }
    for (const [object, record] of joins.catalog(tenant.referenceData))
      rows += mapAll(object, record, tenant.entities[0]!.id, errors);
    expect(errors).toEqual([]);
    expect(rows).toBeGreaterThan(1000);
  });

  it('turns exactly the seeded invalid rows into record errors', () => {
    const errors: RecordError[] = [];
    const withoutCrmId: string[] = [];
    const skippedAccountNumbers = new Set<unknown>();
    const malformedAccountRecords = new Set<string>();
    let rows = 0;
    for (const bundle of tenant.accounts()) {
      const account = bundle.records.find((r) => r.object === 'Account')?.record;
      if (!account) throw new Error('bundle without an account');
      if (account.CrmId === null || account.CrmId === '') {
        // Only billing accounts with a CRM Account ID sync; the session leaves these out.
        withoutCrmId.push(account.Id);
        skippedAccountNumbers.add(account.AccountNumber);
        continue;
      }
      if (bundle.invalid.some((row) => row.reason === 'malformed-crm-id')) {
        for (const { record } of bundle.records) malformedAccountRecords.add(record.Id);
      }
      for (const [object, record] of joins.joined(bundle.records))
        rows += mapAll(object, record, bundle.entityId, errors);
    }
    expect(rows).toBeGreaterThan(5000);
    expect(withoutCrmId.length).toBeGreaterThan(0);

    const expected = tenant
      .invalidRows()
      .filter((row): row is typeof row & { reason: keyof typeof codeByReason } => row.reason in codeByReason)
      .filter((row) => !skippedAccountNumbers.has(row.accountNumber))
      .map((row) => ({ zuoraId: row.id, code: codeByReason[row.reason] }));
    expect(new Set(expected.map((e) => e.code))).toEqual(new Set(['DATE_OUT_OF_RANGE', 'INVALID_CRM_ID']));
    for (const e of expected) {
      expect(errors, `${e.code} for ${e.zuoraId}`).toContainEqual(expect.objectContaining(e));
    }
    const expectedIds = new Set(expected.map((e) => e.zuoraId));
    // Every record of an account with a malformed CRM ID carries it (Account__c) and fails with it.
    const unexpected = errors.filter(
      (e) =>
        !expectedIds.has(e.zuoraId ?? '') &&
        !(e.code === 'INVALID_CRM_ID' && malformedAccountRecords.has(e.zuoraId ?? '')),
    );
    expect(malformedAccountRecords.size).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
    for (const e of errors) expect(e.message).toContain(e.field);
  });

  it('reports a billing account without a CRM ID as MISSING_CRM_ID', () => {
    const bundle = [...tenant.accounts()].find((b) =>
      b.records.some((r) => r.object === 'Account' && r.record.CrmId === null),
    );
    const account = bundle?.records.find((r) => r.object === 'Account')?.record;
    if (!account) throw new Error('the tenant has no account without a CRM ID');
    const result = recordMapperFor('Account:CustomerAccount__c', { schema: forceAppSchema }).mapRecord(
      account,
    );
    expect(!result.ok && result.error.code).toBe('MISSING_CRM_ID');
  });
});
