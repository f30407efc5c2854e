// POST /v1/on-demand-syncs over real HTTP against the embedded emulators, on both stores: authentication,
// malformed bodies (400 naming the field), the per-request limits (after resolving CRM Accounts), one
// result per requested object (CRM Accounts fan out to every billing account), DACO-02, joins of concurrent
// requests (one session, one history record), the Composite call bound, products, and the API budget
// governor (slowed between 80% and 90%, 429 api_budget_exhausted from 90%).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSyncDepsFor } from '../../src/api-sync/api-sync-deps.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';
import { findSession } from '../../src/sessions/session-rows.js';
import type { EmbeddedEmulators } from '../../src/embedded/start-embedded-emulators.js';
import { testToken } from '../support/service-fixture.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

interface Answer {
  sessionId: string;
  historyId: string | null;
  results: {
    objectId: string;
    salesforceId: string | null;
    zuoraId: string | null;
    success: boolean;
    errorCode: string | null;
    errorMessage: string | null;
    sessionId: string;
  }[];
}

const requestedBy = { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' };
const body = (over: Record<string, unknown>) => ({
  objectType: 'BILLING_ACCOUNT',
  source: 'APEX',
  accountIds: [],
  salesforceIds: [],
  zuoraIds: [],
  zuoraIdsByEntity: {},
  emailNotification: false,
  requestedBy,
  ...over,
});

describe.each(storeKinds)('POST /v1/on-demand-syncs with the %s store', (kind) => {
  let fixture: StoreFixture;
  let service: Service;
  let url: string;
  let dataDir: string;
  let emulators: EmbeddedEmulators;

  const post = (payload: unknown, token: string | null = testToken) =>
    fetch(`${url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(payload),
    });
  const sync = async (payload: unknown): Promise<Answer> => {
    const res = await post(payload);
    const answer = (await res.json()) as Answer;
    expect(res.status, JSON.stringify(answer)).toBe(200);
    return answer;
  };
  const accounts = () => [...emulators.zuora.tenant.table('Account').values()].map((r) => r.record);
  const eligible = () =>
    accounts().filter(
      (a) => typeof a.CrmId === 'string' && /^001[A-Za-z0-9]{15}$/.test(a.CrmId) && a.Status === 'Active',
    );

  beforeAll(async () => {
    fixture = await openTestStore(kind);
    dataDir = mkdtempSync(join(tmpdir(), 'zsync-ondemand-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      API_TOKEN: testToken,
      LOG_LEVEL: 'silent',
      DRIFT_SCHEDULE: 'off',
      EMULATOR_SIZE: 'XS',
      ...(fixture.databaseUrl === undefined ? {} : { DATABASE_URL: fixture.databaseUrl }),
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

  it('refuses a request without a bearer token', async () => {
    const res = await post(body({ zuoraIds: [String(eligible()[0]?.Id)] }), null);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
  });

  it('refuses malformed bodies with 400 invalid_request naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [body({ objectType: 'INVOICE', zuoraIds: ['a'.repeat(32)] }), /body\.objectType/],
      [body({ zuoraIds: ['not-a-zuora-id'] }), /body\.zuoraIds\.0/],
      [body({ salesforceIds: ['001short'] }), /body\.salesforceIds\.0/],
      [body({}), /body\.zuoraIds: at least one id/],
      [
        body({ zuoraIds: ['a'.repeat(32)], zuoraIdsByEntity: { ['b'.repeat(32)]: 'eu' } }),
        /zuoraIdsByEntity/,
      ],
      [{ ...body({ zuoraIds: ['a'.repeat(32)] }), source: undefined }, /body\.source/],
      [body({ objectType: 'ZPRODUCT', accountIds: ['001Hs00002xYzAbIAK'] }), /body\.accountIds/],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      const answer = (await res.json()) as { error: string; message: string };
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(answer.error).toBe('invalid_request');
      expect(answer.message).toMatch(field);
    }
  });

  it('refuses 11 ids from Apex and 9 from the UI, naming the limit', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(32, 'a'));
    const apex = await post(body({ zuoraIds: ids(11) }));
    expect(apex.status).toBe(400);
    expect(await apex.json()).toEqual({
      error: 'too_many_objects',
      message: '11 billing accounts requested from APEX; at most 10 per request.',
    });
    const ui = await post(body({ source: 'UI', zuoraIds: ids(9) }));
    expect(ui.status).toBe(400);
    expect(((await ui.json()) as { message: string }).message).toMatch(/9 .* from UI; at most 8 per request/);
    expect((await post(body({ source: 'UI', zuoraIds: ids(8) }))).status).toBe(200);
  }, 180_000);

  it('counts the billing accounts a CRM Account resolves to against the limit', async () => {
    const crm = String(eligible()[0]?.CrmId);
    const nine = accounts().slice(0, 9);
    const saved = nine.map((a) => ({ id: String(a.Id), crm: a.CrmId }));
    for (const a of nine) emulators.zuora.tenant.update('Account', String(a.Id), { CrmId: crm });
    try {
      const ui = await post(body({ source: 'UI', accountIds: [crm] }));
      expect(ui.status).toBe(400);
      expect(((await ui.json()) as { message: string }).message).toMatch(
        /^(9|1\d) billing accounts requested from UI; at most 8 per request\.$/,
      );
    } finally {
      for (const s of saved) emulators.zuora.tenant.update('Account', s.id, { CrmId: s.crm ?? null });
    }
  }, 180_000);

  it('syncs one billing account, answers its Salesforce id and records the session in Sync_History__c', async () => {
    const account = eligible()[0];
    const before =
      emulators.salesforce.stats().requestsByRoute['POST /services/data/:version/composite'] ?? 0;
    const answer = await sync(body({ zuoraIds: [String(account?.Id)] }));
    expect(answer.results).toHaveLength(1);
    const [result] = answer.results;
    expect(result).toMatchObject({
      objectId: account?.Id,
      zuoraId: account?.Id,
      sessionId: answer.sessionId,
    });
    expect(result?.success, result?.errorMessage ?? '').toBe(true);
    const sf = emulators.salesforce
      .records('CustomerAccount__c')
      .find((r) => r.External_Id__c === account?.Id);
    expect(result?.salesforceId).toBe(sf?.Id);
    const history = emulators.salesforce
      .records('Sync_History__c')
      .filter((h) => h.Session_Id__c === answer.sessionId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      Sync_Type__c: 'On-demand',
      Status__c: 'Finished',
      Id: answer.historyId,
    });
    // Composite calls: what the session counted, within sum ceil(N/200) over the objects written.
    const session = await findSession(service.store, answer.sessionId);
    const counts = session?.counts as { salesforceCalls: number; objects: Record<string, { read: number }> };
    const after = emulators.salesforce.stats().requestsByRoute['POST /services/data/:version/composite'] ?? 0;
    expect(after - before).toBe(counts.salesforceCalls);
    const bound = Object.values(counts.objects).reduce((a, c) => a + Math.ceil(c.read / 200), 0);
    expect(counts.salesforceCalls).toBeGreaterThan(0);
    expect(counts.salesforceCalls).toBeLessThanOrEqual(bound);
    expect(session).toMatchObject({ trigger: 'on_demand', state: 'finished' });
  }, 180_000);

  it('fans a CRM Account out to every billing account with that CRM Account ID, and by CustomerAccount__c Id', async () => {
    const [a, b] = eligible().slice(1, 3);
    const crm = String(a?.CrmId);
    const savedCrm = b?.CrmId ?? null;
    emulators.zuora.tenant.update('Account', String(b?.Id), { CrmId: crm });
    try {
      const answer = await sync(body({ source: 'UI', accountIds: [crm] }));
      const mine = answer.results.filter((r) => r.objectId === crm);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.map((r) => r.zuoraId)).toEqual(expect.arrayContaining([a?.Id, b?.Id]));
      for (const r of mine) {
        expect(r.success, r.errorMessage ?? '').toBe(true);
        expect(r.salesforceId).toMatch(/^[a-zA-Z0-9]{18}$/);
      }
      const sfId = String(mine[0]?.salesforceId);
      const bySalesforceId = await sync(body({ salesforceIds: [sfId] }));
      expect(bySalesforceId.results).toEqual([
        expect.objectContaining({
          objectId: sfId,
          salesforceId: sfId,
          zuoraId: mine[0]?.zuoraId,
          success: true,
        }),
      ]);
    } finally {
      emulators.zuora.tenant.update('Account', String(b?.Id), { CrmId: savedCrm });
    }
    const none = await sync(body({ accountIds: ['001000000000000AAA'] }));
    expect(none.results).toEqual([
      expect.objectContaining({
        objectId: '001000000000000AAA',
        success: false,
        errorCode: 'NO_BILLING_ACCOUNT',
      }),
    ]);
  }, 180_000);

  it('answers DACO-02 for a billing account without a CRM Account ID and records it', async () => {
    const noCrm = accounts().find((a) => (a.CrmId ?? '') === '' && a.Status !== 'Canceled');
    const answer = await sync(body({ zuoraIds: [String(noCrm?.Id)] }));
    expect(answer.results).toEqual([
      expect.objectContaining({
        objectId: noCrm?.Id,
        success: false,
        errorCode: 'DACO-02',
        salesforceId: null,
      }),
    ]);
    expect(answer.results[0]?.errorMessage).toMatch(/no CRM Account ID/);
    const errors = emulators.salesforce
      .records('Sync_Record_Error__c')
      .filter((e) => String(e.External_Id__c).startsWith(`${answer.sessionId}:`));
    expect(errors).toEqual([expect.objectContaining({ Error_Code__c: 'DACO-02', Zuora_Id__c: noCrm?.Id })]);
  }, 180_000);

  it('joins two concurrent requests for one account: one session, one history record', async () => {
    const account = eligible()[3];
    let joinedId = '';
    emulators.salesforce.faults.set({ latencyMs: 150 });
    try {
      const first = sync(body({ zuoraIds: [String(account?.Id)] }));
      await new Promise((r) => setTimeout(r, 60));
      const second = sync(body({ source: 'UI', zuoraIds: [String(account?.Id)] }));
      const [a, b] = await Promise.all([first, second]);
      expect(b.sessionId).toBe(a.sessionId);
      expect(b.results[0]).toMatchObject({
        success: true,
        sessionId: a.sessionId,
        salesforceId: a.results[0]?.salesforceId,
      });
      expect(b.historyId).toBe(a.historyId);
      joinedId = a.sessionId;
    } finally {
      emulators.salesforce.faults.clear();
    }
    const sessions = await service.store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sync_sessions WHERE trigger = 'on_demand' AND params->'zuoraIds' ? $1`,
      [String(account?.Id)],
    );
    expect(sessions[0]?.n).toBe(1);
    const history = emulators.salesforce
      .records('Sync_History__c')
      .filter((h) => h.Session_Id__c === joinedId);
    expect(history).toHaveLength(1);
  }, 180_000);

  it('syncs a product with its catalog children (ZPRODUCT), by Zuora id and by Product2 Id', async () => {
    const plans = [...emulators.zuora.tenant.table('ProductRatePlan').values()].map((r) => r.record);
    const productId = String(plans[0]?.ProductId);
    const answer = await sync(body({ objectType: 'ZPRODUCT', zuoraIds: [productId] }));
    expect(answer.results[0], answer.results[0]?.errorMessage ?? '').toMatchObject({
      success: true,
      zuoraId: productId,
    });
    const product2 = emulators.salesforce.records('Product2').find((p) => p.ZuoraId__c === productId);
    expect(answer.results[0]?.salesforceId).toBe(product2?.Id);
    const sfPlans = emulators.salesforce
      .records('ProductRatePlan__c')
      .filter((p) => p.Product__c === product2?.Id);
    expect(sfPlans.length).toBe(plans.filter((p) => p.ProductId === productId).length);
    const again = await sync(body({ objectType: 'ZPRODUCT', salesforceIds: [String(product2?.Id)] }));
    expect(again.results[0]).toMatchObject({ objectId: product2?.Id, zuoraId: productId, success: true });
  }, 180_000);

  it('slows writes between 80% and 90% of the API allocation and answers 429 from 90%', async () => {
    const governor = apiSyncDepsFor(
      service.runtime?.deps as NonNullable<Service['runtime']>['deps'],
    ).governor;
    const limit = emulators.salesforce.stats().dailyApiLimit;
    const synced = new Set(emulators.salesforce.records('CustomerAccount__c').map((a) => a.External_Id__c));
    const [slowAccount, stopAccount, nextAccount] = eligible().filter((a) => !synced.has(a.Id));
    try {
      emulators.salesforce.faults.setApiRequestsRemaining(Math.floor(limit * 0.19));
      const slowedBefore = governor.stats().slowedWrites;
      const slowed = await sync(body({ zuoraIds: [String(slowAccount?.Id)] }));
      expect(slowed.results[0]?.success).toBe(true);
      expect(governor.stats().slowedWrites).toBeGreaterThan(slowedBefore);

      emulators.salesforce.faults.setApiRequestsRemaining(Math.floor(limit * 0.05));
      // The governor learns usage from responses (no extra call): the first write after the jump may pass,
      // what follows is refused.
      const composite = () =>
        emulators.salesforce.stats().requestsByRoute['POST /services/data/:version/composite'] ?? 0;
      let before = composite();
      const res = await post(body({ zuoraIds: [String(stopAccount?.Id)] }));
      const answer = (await res.json()) as { error: string; message: string };
      expect(res.status).toBe(429);
      expect(answer.error).toBe('api_budget_exhausted');
      expect(answer.message).toMatch(/API budget exhausted: \d+ of \d+ daily API requests used/);
      expect(composite() - before).toBeLessThanOrEqual(1);
      before = composite();
      const refused = await post(body({ zuoraIds: [String(nextAccount?.Id)] }));
      expect(refused.status).toBe(429);
      expect(composite()).toBe(before);
      expect(
        emulators.salesforce.records('CustomerAccount__c').some((a) => a.External_Id__c === nextAccount?.Id),
      ).toBe(false);
      // Warned once in Sync_History__c.
      await new Promise((r) => setTimeout(r, 200));
      const warnings = emulators.salesforce
        .records('Sync_History__c')
        .filter(
          (h) => typeof h.Sync_Error__c === 'string' && h.Sync_Error__c.includes('API usage reached 90%'),
        );
      expect(warnings).toHaveLength(1);
    } finally {
      emulators.salesforce.faults.setApiRequestsRemaining(limit);
    }
    // Stopped, the governor sees usage fall through its probe (GET /limits, at most once a minute).
    expect(await governor.refresh()).toBe('ok');
    const resumed = await sync(body({ zuoraIds: [String(stopAccount?.Id)] }));
    expect(resumed.results[0]?.success).toBe(true);
  }, 180_000);
});
