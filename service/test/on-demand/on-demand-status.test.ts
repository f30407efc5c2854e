// The service writes the billing accounts' sync status (CustomerAccount__c.Last_Sync_*) for every on-demand
// session it runs, over real HTTP against the embedded emulators: the package's Apex no longer does, since a
// sales user may not write billing accounts the integration user owns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFields } from '../../src/on-demand/on-demand-status.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { EmbeddedEmulators } from '../../src/embedded/start-embedded-emulators.js';
import { createLogger } from '../../src/config/logger.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';
import { testToken } from '../support/service-fixture.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

interface Answer {
  sessionId: string;
  historyId: string | null;
  results: { objectId: string; success: boolean; errorCode: string | null }[];
}

describe('statusFields', () => {
  const at = new Date('2026-11-23T10:00:00.000Z');
  it('marks a synced billing account, clears its error and links the history', () => {
    expect(statusFields({ success: true, errorCode: null, errorMessage: null }, 'a0Y1', at)).toEqual({
      Last_Sync_History__c: 'a0Y1',
      Last_Sync_Status__c: 'Synced',
      Last_Synced_At__c: '2026-11-23T10:00:00.000Z',
      Last_Sync_Error__c: null,
    });
  });

  it('keeps the last successful time of a failed one and stores "CODE: message", cut to the field', () => {
    const fields = statusFields(
      { success: false, errorCode: 'DACO-02', errorMessage: 'x'.repeat(40_000) },
      undefined,
      at,
    );
    expect(fields.Last_Sync_Status__c).toBe('Failed');
    expect(fields.Last_Synced_At__c).toBeUndefined();
    expect(fields.Last_Sync_History__c).toBeUndefined();
    expect(fields.Last_Sync_Error__c?.startsWith('DACO-02: xxx')).toBe(true);
    expect(fields.Last_Sync_Error__c).toHaveLength(32_768);
  });
});

describe('the billing accounts of an on-demand sync', () => {
  let fixture: StoreFixture;
  let service: Service;
  let url: string;
  let dataDir: string;
  let emulators: EmbeddedEmulators;

  const sync = async (zuoraId: string): Promise<Answer> => {
    const res = await fetch(`${url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken}` },
      body: JSON.stringify({
        objectType: 'BILLING_ACCOUNT',
        source: 'UI',
        accountIds: [],
        salesforceIds: [],
        zuoraIds: [zuoraId],
        zuoraIdsByEntity: {},
        emailNotification: false,
        requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
      }),
    });
    const answer = (await res.json()) as Answer;
    expect(res.status, JSON.stringify(answer)).toBe(200);
    return answer;
  };
  const billingAccount = (zuoraId: string) =>
    emulators.salesforce.records('CustomerAccount__c').find((r) => r.External_Id__c === zuoraId);

  beforeAll(async () => {
    fixture = await openTestStore('pglite');
    dataDir = mkdtempSync(join(tmpdir(), 'zsync-ondemand-status-'));
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

  it("are marked Synced, then Failed with the code, each time pointing at the session's history", async () => {
    const account = [...emulators.zuora.tenant.table('Account').values()]
      .map((r) => r.record)
      .find(
        (a) => typeof a.CrmId === 'string' && /^001[A-Za-z0-9]{15}$/.test(a.CrmId) && a.Status === 'Active',
      );
    const zuoraId = String(account?.Id);

    const first = await sync(zuoraId);
    expect(first.results[0]?.success).toBe(true);
    expect(billingAccount(zuoraId)).toMatchObject({
      Last_Sync_Status__c: 'Synced',
      Last_Sync_History__c: first.historyId,
      Last_Sync_Error__c: null,
    });
    const syncedAt = billingAccount(zuoraId)?.Last_Synced_At__c;
    expect(typeof syncedAt).toBe('string');

    const crmId = account?.CrmId ?? null;
    emulators.zuora.tenant.update('Account', zuoraId, { CrmId: null });
    try {
      const second = await sync(zuoraId);
      expect(second.results[0]).toMatchObject({ success: false, errorCode: 'DACO-02' });
      expect(second.historyId).not.toBe(first.historyId);
      const after = billingAccount(zuoraId);
      expect(after).toMatchObject({ Last_Sync_Status__c: 'Failed', Last_Sync_History__c: second.historyId });
      expect(String(after?.Last_Sync_Error__c)).toMatch(/^DACO-02: /);
      expect(after?.Last_Synced_At__c).toBe(syncedAt);
    } finally {
      emulators.zuora.tenant.update('Account', zuoraId, { CrmId: crmId });
    }
  }, 180_000);

  it('never creates a billing account for a Zuora account that failed before reaching Salesforce', async () => {
    const noCrm = [...emulators.zuora.tenant.table('Account').values()]
      .map((r) => r.record)
      .find((a) => (a.CrmId ?? '') === '' && a.Status !== 'Canceled');
    const zuoraId = String(noCrm?.Id);
    const answer = await sync(zuoraId);
    expect(answer.results[0]).toMatchObject({ success: false, errorCode: 'DACO-02' });
    expect(billingAccount(zuoraId)).toBeUndefined();
  }, 180_000);
});
