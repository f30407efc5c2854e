// On-demand syncs in a multi-entity tenant: ids of zuoraIdsByEntity are read in their entity (Zuora-Entity-Ids
// header) in a session of that entity, and their records carry the entity id, as Turbo Sync's do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSyncDepsFor } from '../../src/api-sync/api-sync-deps.js';
import { runOnDemandSync } from '../../src/on-demand/on-demand-sync.js';
import { findSession } from '../../src/sessions/session-rows.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

describe('on-demand sync in a multi-entity tenant', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ entities: 2, seed: 11 });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('reads each id in its entity and runs one session per entity', async () => {
    const [first, second] = h.zuora.generated.entities.map((e) => e.id);
    const pick = (entity: string | undefined, paymentTerm?: unknown) =>
      [...h.zuora.tenant.table('Account').values()].find(
        (r) =>
          r.entityId === entity &&
          (paymentTerm === undefined || r.record.PaymentTerm === paymentTerm) &&
          typeof r.record.CrmId === 'string' &&
          /^001/.test(r.record.CrmId) &&
          r.record.Status === 'Active',
      )?.record.Id as string;
    const a = pick(first);
    const b = pick(second, h.zuora.tenant.get('Account', a)?.record.PaymentTerm);
    const request = (zuoraIds: string[]) => ({
      objectType: 'BILLING_ACCOUNT' as const,
      source: 'APEX' as const,
      accountIds: [],
      salesforceIds: [],
      zuoraIds,
      zuoraIdsByEntity: { [a]: String(first), [b]: String(second) },
      emailNotification: false,
      requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
    });
    // The emulated tenant keeps its payment terms in the parent entity only (PaymentTerm__c is keyed by name,
    // shared by the entities): the first entity's sync writes them, as the first Turbo Sync would.
    expect((await runOnDemandSync(apiSyncDepsFor(h.deps), request([a]))).results[0]?.success).toBe(true);
    const answer = await runOnDemandSync(apiSyncDepsFor(h.deps), {
      objectType: 'BILLING_ACCOUNT',
      source: 'APEX',
      accountIds: [],
      salesforceIds: [],
      zuoraIds: [a, b],
      zuoraIdsByEntity: { [a]: String(first), [b]: String(second) },
      emailNotification: false,
      requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
    });
    expect(
      answer.results.map((r) => [r.zuoraId, r.success]),
      JSON.stringify(answer.results),
    ).toEqual([
      [a, true],
      [b, true],
    ]);
    const sessions = await Promise.all(answer.results.map((r) => findSession(h.store, r.sessionId)));
    expect(sessions.map((s) => s?.entityId)).toEqual([first, second]);
    const sf = h.salesforce.records('CustomerAccount__c');
    expect(sf.find((r) => r.External_Id__c === a)?.EntityID__c).toBe(first);
    expect(sf.find((r) => r.External_Id__c === b)?.EntityID__c).toBe(second);
  }, 180_000);

  it('finds a CRM Account billing accounts in every entity (accountIds)', async () => {
    const second = h.zuora.generated.entities[1]?.id;
    const account = [...h.zuora.tenant.table('Account').values()].find(
      (r) =>
        r.entityId === second &&
        typeof r.record.CrmId === 'string' &&
        /^001/.test(r.record.CrmId) &&
        r.record.Status === 'Active',
    )?.record;
    const crmId = String(account?.CrmId);
    const expected = [...h.zuora.tenant.table('Account').values()]
      .filter((r) => String(r.record.CrmId).slice(0, 15) === crmId.slice(0, 15))
      .map((r) => r.record.Id)
      .sort();
    const answer = await runOnDemandSync(apiSyncDepsFor(h.deps), {
      objectType: 'BILLING_ACCOUNT',
      source: 'UI',
      accountIds: [crmId],
      salesforceIds: [],
      zuoraIds: [],
      zuoraIdsByEntity: {},
      emailNotification: false,
      requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
    });
    expect(answer.results.map((r) => r.zuoraId).sort()).toEqual(expected);
    expect(answer.results.every((r) => r.objectId === crmId)).toBe(true);
    // Read and written in the entity that holds them (their payment terms may live in the parent entity only,
    // which this emulated tenant does not sync here: the session's entity is what this test is about).
    const sessions = await Promise.all(answer.results.map((r) => findSession(h.store, r.sessionId)));
    expect(sessions.map((x) => x?.entityId)).toEqual(answer.results.map(() => second));
  }, 180_000);
});
