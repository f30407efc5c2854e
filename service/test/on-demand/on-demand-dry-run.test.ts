// POST /v1/on-demand-syncs with "dryRun": true over real HTTP against the embedded emulators: after business
// changes to a synced billing account (a bill run, a payment), the dry run answers per object the records the
// real request then creates, updates (the same fields, to the same values), leaves as they are and deletes;
// the Salesforce emulator's write counters show no write at all during the dry run (no record, no
// Sync_History__c, no Last_Sync_* status field), and the dry run's reads are SOQL queries, counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBusinessEvent } from '../../../emulators/zuora/src/index.js';
import { sameValue } from '../../src/compare/field-values.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import type { EmbeddedEmulators } from '../../src/embedded/start-embedded-emulators.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';
import { findSession } from '../../src/sessions/session-rows.js';
import { testToken } from '../support/service-fixture.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
}
interface Change {
  object: string;
  key: string;
  action: string;
  salesforceId?: string | null;
  changes?: { field: string; old: unknown; new: unknown }[];
}
interface Answer {
  sessionId: string;
  historyId: string | null;
  results: { zuoraId: string | null; success: boolean; errorMessage: string | null }[];
  dryRun?: {
    objects: Record<string, Counts>;
    changes: Change[];
    moreChanges: number;
    salesforceCalls: number;
  };
}

const requestedBy = { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' };
const body = (zuoraId: string, dryRun: boolean) => ({
  objectType: 'BILLING_ACCOUNT',
  source: 'APEX',
  accountIds: [],
  salesforceIds: [],
  zuoraIds: [zuoraId],
  zuoraIdsByEntity: {},
  emailNotification: false,
  requestedBy,
  dryRun,
});

describe('POST /v1/on-demand-syncs with "dryRun": true', () => {
  let fixture: StoreFixture;
  let service: Service;
  let url: string;
  let dataDir: string;
  let emulators: EmbeddedEmulators;

  const sync = async (zuoraId: string, dryRun: boolean): Promise<Answer> => {
    const res = await fetch(`${url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken}` },
      body: JSON.stringify(body(zuoraId, dryRun)),
    });
    const answer = (await res.json()) as Answer;
    expect(res.status, JSON.stringify(answer)).toBe(200);
    return answer;
  };

  beforeAll(async () => {
    fixture = await openTestStore('pglite');
    dataDir = mkdtempSync(join(tmpdir(), 'zsync-ondemand-dry-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      API_TOKEN: testToken,
      LOG_LEVEL: 'silent',
      DRIFT_SCHEDULE: 'off',
      EMULATOR_SIZE: 'XS',
    });
    const logger = createLogger('silent');
    service = await createService(config, logger, {
      store: fixture.store,
      runtime: (store) => createSyncRuntime(config, store, logger),
    });
    emulators = service.runtime?.emulators as EmbeddedEmulators;
    url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);
  afterAll(async () => {
    await service.close();
    await fixture.dispose().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers exactly what the real request then does, and writes nothing itself', async () => {
    const zuora = emulators.zuora;
    const flawed = new Set(zuora.generated.invalidRows().map((r) => r.accountNumber));
    const account = [...zuora.tenant.table('Account').values()]
      .map((r) => r.record)
      .find(
        (a) =>
          typeof a.CrmId === 'string' &&
          /^001[A-Za-z0-9]{15}$/.test(a.CrmId) &&
          a.Status === 'Active' &&
          !flawed.has(String(a.AccountNumber)),
      );
    const id = String(account?.Id);
    const first = await sync(id, false);
    expect(first.results[0]?.success, first.results[0]?.errorMessage ?? '').toBe(true);

    // Business changes: a bill run (new invoices, their items) and a payment (balances change).
    const accountNumber = String(account?.AccountNumber);
    expect(applyBusinessEvent(zuora.tenant, { type: 'bill-run', accountNumbers: [accountNumber] }).ok).toBe(
      true,
    );
    expect(applyBusinessEvent(zuora.tenant, { type: 'payment', accountNumber }).ok).toBe(true);

    emulators.salesforce.resetWrites();
    const queriesBefore =
      emulators.salesforce.stats().requestsByRoute['GET /services/data/:version/query'] ?? 0;
    const dry = await sync(id, true);
    expect(emulators.salesforce.writes()).toEqual({});
    const report = dry.dryRun;
    if (report === undefined) throw new Error('no dryRun in the answer');
    expect(dry.historyId).toBeNull();
    expect(dry.results[0]).toMatchObject({ zuoraId: id, success: true });
    const queries = emulators.salesforce.stats().requestsByRoute['GET /services/data/:version/query'] ?? 0;
    expect(report.salesforceCalls).toBeGreaterThan(0);
    expect(queries - queriesBefore).toBeGreaterThanOrEqual(report.salesforceCalls);
    const total = (k: keyof Counts) => Object.values(report.objects).reduce((n, c) => n + c[k], 0);
    expect(total('created')).toBeGreaterThan(0);
    expect(total('updated')).toBeGreaterThan(0);
    expect(total('unchanged')).toBeGreaterThan(0);
    expect(report.moreChanges).toBe(0);
    expect(report.changes.filter((c) => c.action === 'create')).toHaveLength(total('created'));
    expect(report.changes.filter((c) => c.action === 'update')).toHaveLength(total('updated'));
    const drySession = await findSession(service.store, dry.sessionId);
    expect(drySession?.params.dryRun).toBe(true);
    expect(drySession?.counts.dryRun?.objects).toEqual(report.objects);

    const real = await sync(id, false);
    expect(real.sessionId).not.toBe(dry.sessionId);
    expect(real.results[0]?.success, real.results[0]?.errorMessage ?? '').toBe(true);
    const writes = emulators.salesforce.writes();
    const session = await findSession(service.store, real.sessionId);
    for (const [object, c] of Object.entries(report.objects)) {
      const done = session?.counts.objects?.[object];
      expect(done?.created ?? 0, `${object} created`).toBe(c.created);
      expect(done?.written ?? 0, `${object} written`).toBe(c.created + c.updated + c.unchanged);
      expect(done?.deleted ?? 0, `${object} deleted`).toBe(c.deleted);
      expect(done?.failed ?? 0, `${object} failed`).toBe(c.failed);
      expect(writes[object]?.created ?? 0, `${object} created in Salesforce`).toBe(c.created);
      expect(writes[object]?.deleted ?? 0, `${object} deleted in Salesforce`).toBe(c.deleted);
    }
    // Every update the dry run named is in Salesforce now, field by field, on the record it named.
    const schema = service.runtime?.deps.schema;
    for (const change of report.changes.filter((c) => c.action === 'update')) {
      const record = emulators.salesforce.records(change.object).find((r) => r.Id === change.salesforceId);
      expect(record, `${change.object} ${change.key}`).toBeDefined();
      for (const f of change.changes ?? []) {
        if (f.field.includes('.')) continue;
        const field = schema?.get(change.object)?.fields.get(f.field);
        expect(sameValue(field, f.new as string, record?.[f.field]), `${change.object} ${f.field}`).toBe(
          true,
        );
      }
    }
    // And what it would create exists now under the keys it named.
    for (const change of report.changes.filter((c) => c.action === 'create')) {
      const keyField = change.object === 'Subscription__c' ? 'SubscriptionNumber__c' : 'External_Id__c';
      const found = emulators.salesforce.records(change.object).some((r) => r[keyField] === change.key);
      expect(found, `${change.object} ${change.key}`).toBe(true);
    }
  }, 240_000);
});
