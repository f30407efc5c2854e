// Custom field mappings end to end: entries are checked at start against the package schema and the org's
// describe (an unknown object or field, a type the transform cannot write, a read-only field: one line each),
// and an accepted mapping is written by every path: Turbo Sync, on-demand (API-based sync) and real-time
// (the API-based engine's `records` target).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSyncDepsFor } from '../../src/api-sync/api-sync-deps.js';
import { runApiSync } from '../../src/api-sync/api-sync.js';
import { ConfigError } from '../../src/config/config-error.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { syncMapsFor } from '../../src/sessions/sync-maps.js';
import type { SyncDeps } from '../../src/sessions/sync-deps.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { eligibleAccounts } from '../api-sync/api-sync-fixtures.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const generatedDate = {
  zuoraObject: 'Invoice',
  zuoraField: 'InvoiceDate',
  salesforceObject: 'ZInvoice__c',
  salesforceField: 'Generated_Date__c',
};

describe('custom field mappings at start and on every path', () => {
  let h: SyncHarness;
  const setting = (document: unknown) => ({ file: '/etc/zuora-sync/mappings.json', document });
  const problemsOf = async (document: unknown): Promise<string[]> => {
    try {
      await syncMapsFor(setting(document), h.deps.schema, h.deps.salesforce);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((p) => `${p.name}: ${p.message}`);
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  beforeAll(async () => {
    h = await startSyncHarness();
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('keeps the package maps when no file is configured', async () => {
    const { maps, schema } = await syncMapsFor(undefined, h.deps.schema, h.deps.salesforce);
    expect(maps).toBe(objectMaps);
    expect(schema).toBe(h.deps.schema);
  });

  it('refuses an unknown object or field, a type mismatch and a read-only field, one line each', async () => {
    const problems = await problemsOf({
      mappings: [
        { ...generatedDate, salesforceField: 'Territory__c' },
        { ...generatedDate, salesforceObject: 'Territory__c' },
        { ...generatedDate, salesforceField: 'Age_Bucket__c', transform: 'date' },
        { ...generatedDate, zuoraField: 'CreatedDate', salesforceField: 'CreatedDate' },
      ],
    });
    expect(problems).toHaveLength(5);
    for (const p of problems) {
      expect(p).toMatch(/^CUSTOM_FIELD_MAPPINGS_FILE: \/etc\/zuora-sync\/mappings\.json: /);
      expect(p).not.toContain('\n');
    }
    expect(problems.join('\n')).toContain('the Salesforce object Territory__c is not in the org');
    expect(problems).toContainEqual(
      expect.stringContaining(
        'Invoice.InvoiceDate -> ZInvoice__c.Territory__c: the Salesforce field ZInvoice__c.Territory__c does not exist',
      ),
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'Invoice.InvoiceDate -> ZInvoice__c.Age_Bucket__c: transform date cannot write a Text field',
      ),
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'Invoice.CreatedDate -> ZInvoice__c.CreatedDate: ZInvoice__c.CreatedDate is read-only',
      ),
    );
  });

  it('refuses a malformed entry by its position and field', async () => {
    const problems = await problemsOf([{ ...generatedDate, transform: 'upperCase' }]);
    expect(problems).toEqual([expect.stringMatching(/custom mappings at 0\.transform: /)]);
  });

  it('writes an accepted mapping through Turbo Sync, on-demand and real-time', async () => {
    const { maps, schema } = await syncMapsFor(setting([generatedDate]), h.deps.schema, h.deps.salesforce);
    const deps: SyncDeps = { ...h.deps, maps, schema };
    const invoiceDate = (id: unknown) => h.zuora.tenant.get('Invoice', String(id))?.record.InvoiceDate;
    const generated = () =>
      h.salesforce
        .records('ZInvoice__c')
        .filter((r) => r.Generated_Date__c !== null && r.Generated_Date__c !== undefined);

    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    expect((await runTurboSession(deps, session.id)).state).toMatch(/^finished/);
    const viaTurbo = generated();
    expect(viaTurbo.length).toBe(h.salesforce.records('ZInvoice__c').length);
    for (const r of viaTurbo) expect(r.Generated_Date__c).toBe(invoiceDate(r.External_Id__c));

    h.salesforce.reset();
    const [account] = eligibleAccounts(h.zuora, 1);
    const onDemand = await insertSession(h.store, { scope: 'accounts', trigger: 'on_demand', mode: 'full' });
    await runApiSync(apiSyncDepsFor(deps), {
      sessionId: onDemand.id,
      entityId: '',
      target: { kind: 'accounts', zuoraAccountIds: [String(account?.Id)] },
    });
    const viaOnDemand = generated();
    expect(viaOnDemand.length).toBeGreaterThan(0);
    for (const r of viaOnDemand) expect(r.Generated_Date__c).toBe(invoiceDate(r.External_Id__c));

    const invoice = viaOnDemand[0];
    h.zuora.tenant.update('Invoice', String(invoice?.External_Id__c), { InvoiceDate: '2024-02-29' });
    const realtime = await insertSession(h.store, {
      scope: 'accounts',
      trigger: 'realtime',
      mode: 'incremental',
    });
    await runApiSync(apiSyncDepsFor(deps), {
      sessionId: realtime.id,
      entityId: '',
      target: {
        kind: 'records',
        refs: [{ zuoraObject: 'Invoice', zuoraId: String(invoice?.External_Id__c) }],
      },
      caller: 'real-time',
    });
    const updated = h.salesforce
      .records('ZInvoice__c')
      .find((r) => r.External_Id__c === invoice?.External_Id__c);
    expect(updated?.Generated_Date__c).toBe('2024-02-29');
  }, 180_000);
});
