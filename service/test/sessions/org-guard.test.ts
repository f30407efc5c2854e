// Sandbox refresh: the service records the Salesforce org it syncs; pointed at another org (a refreshed sandbox
// gets a new org Id), every session refuses to start, writes nothing and names both orgs, until an admin
// confirms the new org over HTTP (POST /v1/org/confirm), which first answers a dry run listing the billing
// accounts whose CRM Account Id the new org has no Account for. Then sessions run against the new org.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORG_ID,
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../../emulators/salesforce/src/index.js';
import { apiSyncDepsFor } from '../../src/api-sync/api-sync-deps.js';
import { runCpqRequest } from '../../src/cpq/cpq-request.js';
import { cpqRuntime } from '../../src/cpq/cpq-runtime.js';
import { runApiSync } from '../../src/api-sync/api-sync.js';
import { orgRoute } from '../../src/http/routes/org-route.js';
import { runOnDemandSync } from '../../src/on-demand/on-demand-sync.js';
import { runRealtimeBatch } from '../../src/realtime/realtime-batch.js';
import { insertChangeEvent } from '../../src/realtime/change-event-rows.js';
import { LatencyRecorder } from '../../src/realtime/realtime-latency.js';
import { OrgChangedError } from '../../src/sessions/org-guard.js';
import { insertSession, type SessionScope } from '../../src/sessions/session-rows.js';
import type { SyncDeps } from '../../src/sessions/sync-deps.js';
import { readOrgRecord } from '../../src/store/org-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { eligibleAccounts } from '../api-sync/api-sync-fixtures.js';
import { connectToEmulator } from '../support/emulator-connection.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const refreshedOrgId = '00D8d0000000002EAB';

describe('a changed Salesforce org blocks every session until an admin confirms it', () => {
  let h: SyncHarness;
  let sandbox: SalesforceEmulator;
  let refreshed: SyncDeps;
  let app: FastifyInstance;
  const turbo = async (deps: SyncDeps, scope: SessionScope) => {
    const s = await insertSession(h.store, { scope, trigger: 'manual', mode: 'full' });
    return runTurboSession(deps, s.id);
  };
  const onDemand = (deps: SyncDeps, zuoraIds: string[]) =>
    runOnDemandSync(apiSyncDepsFor(deps), {
      objectType: 'BILLING_ACCOUNT',
      source: 'APEX',
      accountIds: [],
      salesforceIds: [],
      zuoraIds,
      zuoraIdsByEntity: {},
      emailNotification: false,
      requestedBy: { userId: '005000000000001AAA', orgId: refreshedOrgId },
    });
  const realtime = async (deps: SyncDeps, zuoraId: string) => {
    await insertChangeEvent(h.store, {
      dedupeKey: `org-guard-${zuoraId}-${String(Date.now())}`,
      entityId: '',
      zuoraObject: 'Account',
      zuoraId,
      eventType: 'UPDATE',
      occurredAt: new Date(),
      source: 'callout',
      payload: {},
    });
    return runRealtimeBatch(
      {
        api: apiSyncDepsFor(deps),
        runApiSync,
        latency: new LatencyRecorder(undefined),
        maxBatchEvents: 50,
        heartbeatMs: 5_000,
        retry: { maxAttempts: 8, baseMs: 10_000 },
      },
      '',
    );
  };
  /** The CRM Accounts the refreshed sandbox still has. */
  const kept = () => h.salesforce.records('Account').slice(0, 5);
  const confirm = async (body: object) => {
    const res = await app.inject({ method: 'POST', url: '/v1/org/confirm', payload: body });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };

  beforeAll(async () => {
    h = await startSyncHarness();
    // The refreshed sandbox: another org Id, and only some of the CRM Accounts the tenant points at.
    sandbox = await startSalesforceEmulator({
      orgId: refreshedOrgId,
      seedRecords: { Account: kept().map((a) => ({ Id: a.Id, Name: a.Name })) },
    });
    const conn = await connectToEmulator(sandbox.url);
    refreshed = { ...h.deps, salesforce: conn };
    app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(orgRoute(refreshed));
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await sandbox.close();
    await h.close();
  });

  it('records the org the first session syncs', async () => {
    expect(await readOrgRecord(h.store)).toBeUndefined();
    expect((await turbo(h.deps, 'catalog')).state).toMatch(/^finished/);
    expect((await readOrgRecord(h.store))?.orgId).toBe(ORG_ID);
  }, 180_000);

  it('refuses Turbo, on-demand, real-time and CPQ sessions against another org, writing nothing', async () => {
    const [account] = eligibleAccounts(h.zuora, 1).map((a) => String(a.Id));
    if (account === undefined) throw new Error('the seeded tenant has no eligible account');
    const before = sandbox.stats().apiRequests;

    const session = await turbo(refreshed, 'accounts');
    expect(session.state).toBe('failed');
    expect(session.error).toMatch(`Salesforce is now the org ${refreshedOrgId}, not the org ${ORG_ID}`);
    expect(session.error).toMatch(/zuora-sync org confirm/);

    await expect(onDemand(refreshed, [account])).rejects.toThrow(OrgChangedError);

    // A CPQ order sync neither reads the order nor sends anything to Zuora.
    const zuoraCallsBefore = h.zuora.stats().requests;
    const cpq = cpqRuntime(refreshed, { pollerEnabled: false, values: {}, sources: {} });
    await expect(
      runCpqRequest(cpq.deps, {
        orderIds: ['801000000000001AAA'],
        accountIds: [],
        dryRun: false,
        source: 'CLI',
      }),
    ).rejects.toThrow(OrgChangedError);
    expect(h.zuora.stats().requests).toBe(zuoraCallsBefore);

    // A real-time batch does not start: its events wait (no failed session at every tick).
    const batch = await realtime(refreshed, account);
    expect(batch).toMatchObject({ kind: 'waiting', reason: expect.stringMatching(/not the org/) as unknown });
    const pending = await h.store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM change_events WHERE processed_at IS NULL',
    );
    expect(pending[0]?.n).toBe(1);

    expect(sandbox.records('CustomerAccount__c')).toEqual([]);
    expect(sandbox.records('Product2')).toEqual([]);
    // One SOQL query (which org is this?, remembered for a minute), nothing else: no history, no status.
    expect(sandbox.stats().apiRequests - before).toBe(1);
    expect(sandbox.records('Sync_History__c')).toEqual([]);
    expect((await readOrgRecord(h.store))?.seenOrgId).toBe(refreshedOrgId);
  }, 180_000);

  it('answers the dry run of re-mapping CRM ids and confirms nothing', async () => {
    const { status, body } = await confirm({ dryRun: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      recordedOrgId: ORG_ID,
      currentOrgId: refreshedOrgId,
      changed: true,
      confirmed: false,
    });
    const seeded = new Set(kept().map((a) => String(a.Id).slice(0, 15)));
    const missing = body.missingCrmAccounts as { crmId: string }[];
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(Number(body.crmIdsChecked));
    for (const m of missing) expect(seeded.has(m.crmId.slice(0, 15))).toBe(false);
    expect((await readOrgRecord(h.store))?.orgId).toBe(ORG_ID);
    expect((await turbo(refreshed, 'catalog')).state).toBe('failed');
  }, 180_000);

  it('refuses to confirm an org Salesforce is not, then confirms the new org and sessions run again', async () => {
    expect((await confirm({ orgId: ORG_ID })).status).toBe(409);
    const { status, body } = await confirm({ orgId: refreshedOrgId });
    expect(status).toBe(200);
    expect(body.confirmed).toBe(true);
    expect((await readOrgRecord(h.store))?.orgId).toBe(refreshedOrgId);

    expect((await turbo(refreshed, 'catalog')).state).toMatch(/^finished/);
    expect(sandbox.records('Product2').length).toBeGreaterThan(0);
    const [account] = eligibleAccounts(h.zuora, 1).map((a) => String(a.Id));
    expect(await realtime(refreshed, account ?? '')).toMatchObject({ kind: 'synced' });
    // And the old org is now the other one.
    expect((await turbo(h.deps, 'catalog')).state).toBe('failed');
  }, 180_000);
});
