// Multi-entity tenants: each Zuora entity is synced in its own sessions (Zuora-Entity-Ids header, own
// watermark), writes its BillingEntity__c, and stamps its records with its entity id; catalog records
// reference their entity's BillingEntity__c. Against both emulators, on both store back ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSession } from '../../src/sessions/session-rows.js';
import { requestSession } from '../../src/sessions/request-session.js';
import { sessionEntities } from '../../src/sessions/session-entities.js';
import type { ObjectCounts } from '../../src/sessions/session-counts.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { listEntities } from '../../src/zuora/entities.js';
import { storeKinds } from '../support/stores.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

type Table = Parameters<SyncHarness['zuora']['tenant']['table']>[0];

describe.each(storeKinds)('multi-entity Turbo Sync with the %s store', (kind) => {
  let h: SyncHarness;
  let entities: string[];
  const objects = (s: SyncSession) => (s.counts.objects ?? {}) as Record<string, ObjectCounts>;
  const zuoraRows = (object: Table) => [...h.zuora.tenant.table(object).values()];
  const run = async (scope: 'accounts' | 'catalog', entityId: string): Promise<SyncSession> => {
    const requested = await requestSession(h.store, { scope, trigger: 'manual', entityId });
    if (!requested.ok) throw new Error(requested.message);
    return runTurboSession(h.deps, requested.session.id);
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: kind, entities: 2, seed: 11 });
    entities = await sessionEntities(h.deps.zuora);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('discovers the provisioned entities, or the tenant itself when it has one entity', async () => {
    expect(entities).toEqual(h.zuora.generated.entities.map((e) => e.id));
    expect(await sessionEntities(h.deps.zuora, ['abc', 'abc'])).toEqual(['abc']);
    const single = await startSyncHarness({ store: 'pglite', entities: 1 });
    try {
      expect(await listEntities(single.deps.zuora)).toEqual([]);
      expect(await sessionEntities(single.deps.zuora)).toEqual(['']);
    } finally {
      await single.close();
    }
  });

  it('syncs each entity catalog in its own session, with its BillingEntity__c referenced', async () => {
    for (const entityId of entities) {
      const session = await run('catalog', entityId);
      expect(session.state, session.error).toBe('finished');
      expect(objects(session).BillingEntity__c).toMatchObject({ read: 1, written: 1, failed: 0 });
    }
    const billingEntities = h.salesforce.records('BillingEntity__c');
    expect(billingEntities.map((b) => b.Entity_Id__c).sort()).toEqual([...entities].sort());
    const [global, europe] = h.zuora.generated.entities;
    const europeRecord = billingEntities.find((b) => b.Entity_Id__c === europe?.id);
    expect(europeRecord).toMatchObject({ Name: europe?.name, Display_Name__c: 'Europe' });
    const sfIdOf = new Map(billingEntities.map((b) => [b.Entity_Id__c, b.Id]));

    // Every product is in Salesforce, stamped with the entity it belongs to in Zuora.
    const products = zuoraRows('Product');
    const sfProducts = new Map(h.salesforce.records('Product2').map((p) => [p.ZuoraId__c, p]));
    expect(sfProducts.size).toBe(products.length);
    for (const p of products) expect(sfProducts.get(p.record.Id)?.EntityID__c).toBe(p.entityId);
    expect(new Set(products.map((p) => p.entityId))).toEqual(new Set([global?.id, europe?.id]));

    // Features reference their own entity's BillingEntity__c.
    const features = zuoraRows('Feature');
    expect(features.length).toBeGreaterThan(0);
    const sfFeatures = new Map(h.salesforce.records('ZFeature__c').map((f) => [f.External_Id__c, f]));
    for (const f of features) {
      const sf = sfFeatures.get(f.record.Id);
      expect(sf?.EntityID__c).toBe(f.entityId);
      expect(sf?.BillingEntity__c).toBe(sfIdOf.get(f.entityId));
    }
  });

  it('syncs each entity billing accounts in its own session and watermark', async () => {
    const byEntity = new Map<string, SyncSession>();
    for (const entityId of entities) {
      const session = await run('accounts', entityId);
      expect(session.error).toBeUndefined();
      expect(['finished', 'finished_with_errors']).toContain(session.state);
      byEntity.set(entityId, session);
    }
    const accounts = zuoraRows('Account');
    const sfAccounts = new Map(h.salesforce.records('CustomerAccount__c').map((a) => [a.External_Id__c, a]));
    for (const entityId of entities) {
      // A session reads its own entity's billing accounts only.
      const eligible = accounts.filter(
        (a) =>
          a.entityId === entityId &&
          a.record.CrmId !== null &&
          a.record.CrmId !== '' &&
          a.record.Status !== 'Canceled',
      );
      expect(eligible.length).toBeGreaterThan(0);
      expect(objects(byEntity.get(entityId) as SyncSession).CustomerAccount__c?.read).toBe(eligible.length);
      for (const a of eligible) {
        const sf = sfAccounts.get(a.record.Id);
        if (sf !== undefined) expect(sf.EntityID__c).toBe(entityId);
      }
    }
    const marks = await h.store.query<{ entity_id: string }>(
      `SELECT DISTINCT entity_id FROM watermarks WHERE scope = 'accounts' ORDER BY entity_id`,
    );
    expect(marks.map((m) => m.entity_id)).toEqual([...entities].sort());

    // Nothing changed: each entity's incremental session writes nothing.
    const before = h.salesforce.stats();
    for (const entityId of entities) {
      const again = await run('accounts', entityId);
      expect(again.mode).toBe('incremental');
      expect(['finished', 'finished_with_errors']).toContain(again.state);
    }
    expect(h.salesforce.stats().bulkBatches - before.bulkBatches).toBe(0);
  });

  it('refuses an entity the tenant does not have, by name', async () => {
    const session = await run('catalog', 'ffffffffffffffffffffffffffffffff');
    expect(session.state).toBe('failed');
    expect(session.error).toMatch(/entity ffffffffffffffffffffffffffffffff/);
  });
});
