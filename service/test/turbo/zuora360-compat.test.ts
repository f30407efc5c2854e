// MAPPING_PROFILE=ZUORA360_COMPAT end to end: the same seeded tenant is synced by Turbo Sync into an org with
// this package's objects (default profile) and into an org running Zuora 360 (the emulator's generated
// Zuora 360 schema, namespaces kept). Every record and every mapped field the default profile lands is in the
// Zuora 360 org under Zuora 360's names, with the same value, lookups included (compared by the key of the
// record they point at); the default profile's own field checks pass through the renaming; and on-demand sync
// (the Composite engine) lands the same records as Turbo Sync in the Zuora 360 org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSyncDepsFor } from '../../src/api-sync/api-sync-deps.js';
import { lookupField, type ObjectMap } from '../../src/mapping/field-map.js';
import { zuora360Field, zuora360Object } from '../../src/mapping/mapping-profile.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import { runOnDemandSync } from '../../src/on-demand/on-demand-sync.js';
import { insertSession, type SessionScope } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { ConfigError } from '../../src/config/config-error.js';
import { profileMaps } from '../../src/sessions/profile-maps.js';
import { eligibleAccounts } from '../api-sync/api-sync-fixtures.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

type Rec = Record<string, unknown>;

/** Each default map with its Zuora 360 object and the [default field, Zuora 360 field] pairs it writes. */
const pairs = objectMaps.flatMap((m) => {
  const object = zuora360Object(m.salesforceObject);
  if (object === undefined) return [];
  const columns = [
    m.externalId.salesforce,
    ...m.fields.map((f) => f.salesforce),
    ...m.references.map((r) => lookupField(r)),
  ];
  const fields = [...new Set(columns)].flatMap((f) => {
    const renamed = zuora360Field(m.salesforceObject, f);
    return renamed === undefined ? [] : [[f, renamed] as const];
  });
  return [{ map: m, object, fields }];
});

/** The key a record is known by in both orgs: its Zuora id (the default map's key column, renamed). */
function keyOf(r: Rec, m: ObjectMap, compat: boolean): string {
  const column = compat
    ? zuora360Field(m.salesforceObject, m.externalId.salesforce)
    : m.externalId.salesforce;
  const value = r[column ?? ''];
  return typeof value === 'string' ? value : '';
}

/** `Object:key` -> the mapped fields, in default names, lookups as the `Object:key` they point at. */
function landed(h: SyncHarness, compat: boolean, scope: SessionScope, only?: ReadonlySet<string>) {
  const byId = new Map<string, string>();
  const all = pairs
    .filter((p) => p.map.scope === scope)
    .flatMap((p) =>
      h.salesforce.records(compat ? p.object : p.map.salesforceObject).map((r) => {
        const key = `${p.map.salesforceObject}:${keyOf(r, p.map, compat)}`;
        byId.set(String(r.Id), key);
        return { p, key, r };
      }),
    );
  const out = new Map<string, string>();
  for (const { p, key, r } of all) {
    if (only !== undefined && !only.has(key)) continue;
    const fields = p.fields.map(([df, cf]) => {
      const v = r[compat ? cf : df] ?? null;
      return [df, typeof v === 'string' ? (byId.get(v) ?? v) : v] as const;
    });
    out.set(key, JSON.stringify(fields));
  }
  return out;
}

describe('ZUORA360_COMPAT: a full sync into an org running Zuora 360', () => {
  let base: SyncHarness;
  let compat: SyncHarness;
  let onDemand: SyncHarness;
  // The default profile syncs with Zuora 360's subscription rule (one record per version, keyed on its Id),
  // which is the only one the compat profile has (Zuora__SubscriptionNumber__c is no External ID there).
  const full = async (h: SyncHarness, scope: SessionScope) => {
    const params = { subscriptionIdentity: 'version' as const };
    const s = await insertSession(h.store, { scope, trigger: 'manual', mode: 'full', params });
    return runTurboSession(h.deps, s.id);
  };

  beforeAll(async () => {
    [base, compat, onDemand] = await Promise.all([
      startSyncHarness(),
      startSyncHarness({ profile: 'ZUORA360_COMPAT' }),
      startSyncHarness({ profile: 'ZUORA360_COMPAT' }),
    ]);
    for (const h of [base, compat]) {
      expect((await full(h, 'catalog')).state).toMatch(/^finished/);
      expect((await full(h, 'accounts')).state).toMatch(/^finished/);
    }
  }, 300_000);
  afterAll(async () => {
    await Promise.all([base.close(), compat.close(), onDemand.close()]);
  });

  it("refuses to start when the org lacks Zuora 360's objects, one line per object", async () => {
    const refused = profileMaps('ZUORA360_COMPAT', base.deps.schema, base.deps.salesforce);
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(
      /MAPPING_PROFILE: ZUORA360_COMPAT: Zuora__CustomerAccount__c: not in the org/,
    );
  });

  it('writes nothing to the package objects: the org has only Zuora 360 objects for synced data', () => {
    expect(() => compat.salesforce.records('CustomerAccount__c')).toThrow();
    expect(compat.salesforce.records('Zuora__CustomerAccount__c').length).toBeGreaterThan(0);
    expect(compat.salesforce.records('zqu__ProductRatePlanCharge__c').length).toBeGreaterThan(0);
  });

  it.each(['accounts', 'catalog'] as const)(
    'lands every %s record the default profile lands, each mapped field with the same value',
    (scope) => {
      const expected = landed(base, false, scope);
      const actual = landed(compat, true, scope);
      expect(expected.size).toBeGreaterThan(scope === 'accounts' ? 1_000 : 50);
      const missing = [...expected.keys()].filter((k) => !actual.has(k));
      const extra = [...actual.keys()].filter((k) => !expected.has(k));
      const differing = [...expected].filter(([k, v]) => actual.has(k) && actual.get(k) !== v);
      expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
      expect(differing.slice(0, 3).map(([k, v]) => ({ k, default: v, compat: actual.get(k) }))).toEqual([]);
    },
    60_000,
  );

  it("passes the default profile's field checks under Zuora 360's names, transforms included", () => {
    const sf = compat.salesforce.records('Zuora__CustomerAccount__c')[0] as Rec;
    const z = compat.zuora.tenant.get('Account', String(sf.Zuora__External_Id__c))?.record as Rec;
    const billTo = compat.zuora.tenant.get('Contact', String(z.BillToId))?.record as Rec;
    expect(sf.Name).toBe(z.Name);
    expect(sf.Zuora__AccountNumber__c).toBe(z.AccountNumber);
    expect(sf.Zuora__Zuora_Id__c).toBe(z.Id);
    expect(String(sf.Zuora__Account__c).slice(0, 15)).toBe(String(z.CrmId).slice(0, 15));
    expect(sf.Zuora__Currency__c).toBe(z.Currency);
    expect(Number(sf.Zuora__Balance__c)).toBeCloseTo(Number(z.Balance), 2);
    expect(Number(sf.Zuora__BillCycleDay__c)).toBe(Number(z.BillCycleDay));
    expect(sf.Zuora__Status__c).toBe(z.Status);
    expect(sf.Zuora__BillToCity__c).toBe(billTo.City);
    expect(sf.Zuora__BillToName__c).toBe(`${String(billTo.FirstName)} ${String(billTo.LastName)}`);

    const charges = [...compat.zuora.tenant.table('ProductRatePlanCharge').values()].map((r) => r.record);
    const discount = charges.find((c) => c.ApplyDiscountTo === 'ONETIMERECURRING');
    const charge = compat.salesforce
      .records('zqu__ProductRatePlanCharge__c')
      .find((r) => r.zqu__ZuoraId__c === discount?.Id);
    expect(charge?.zqu__Apply_Discount_To_One_Time_Charges__c).toBe(true);
    expect(charge?.zqu__Apply_Discount_To_Recurring_Charges__c).toBe(true);
    expect(charge?.zqu__Apply_Discount_To_Usage_Charges__c).toBe(false);
    expect(Number(charge?.zqu__Discount_Apply_Type__c)).toBe(3);
    expect(compat.salesforce.records('zqu__ProductRatePlanCharge__c').length).toBe(charges.length);
  });

  it('on-demand sync lands the same Zuora 360 records as Turbo Sync', async () => {
    const ids = eligibleAccounts(onDemand.zuora, 4).map((a) => String(a.Id));
    const answer = await runOnDemandSync(apiSyncDepsFor(onDemand.deps), {
      objectType: 'BILLING_ACCOUNT',
      source: 'APEX',
      accountIds: [],
      salesforceIds: [],
      zuoraIds: ids,
      zuoraIdsByEntity: {},
      emailNotification: false,
      requestedBy: { userId: '005000000000001AAA', orgId: '00D000000000001AAA' },
    });
    expect(answer.results.filter((r) => !r.success)).toEqual([]);
    const synced = landed(onDemand, true, 'accounts');
    const accounts = [...synced.keys()].filter((k) => k.startsWith('CustomerAccount__c:'));
    expect(accounts.sort()).toEqual(ids.map((id) => `CustomerAccount__c:${id}`).sort());
    const turbo = landed(compat, true, 'accounts', new Set(synced.keys()));
    expect(synced.size).toBeGreaterThan(ids.length * 3);
    expect([...synced].filter(([k, v]) => turbo.get(k) !== v).slice(0, 3)).toEqual([]);
  }, 180_000);
});
