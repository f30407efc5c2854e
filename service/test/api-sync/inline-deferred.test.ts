// Deferred references sent with the record's upsert (inline-deferred.ts): changed billing accounts whose
// parent and default payment method are already in Salesforce cost one Composite call, not two, and land
// their references; a default payment method Salesforce does not have fails only the deferred reference,
// the account's own fields landing as they did when references always took a second pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiSync, type ApiSyncDeps } from '../../src/api-sync/api-sync.js';
import { ApiBudgetGovernor } from '../../src/salesforce/api-budget.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { eligibleAccounts } from './api-sync-fixtures.js';

describe('deferred references with the upsert', () => {
  let h: SyncHarness;
  let deps: ApiSyncDeps;
  const session = async () =>
    (await insertSession(h.store, { scope: 'accounts', trigger: 'realtime', mode: 'incremental' })).id;
  const sfRecord = (object: string, key: unknown) =>
    h.salesforce.records(object).find((r) => r.External_Id__c === key);

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'postgres' });
    deps = { ...h.deps, governor: new ApiBudgetGovernor(h.deps.salesforce) };
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('writes changed accounts and their references in one call; a missing target fails the reference only', async () => {
    const accounts = eligibleAccounts(h.zuora, 40)
      .filter((a) => typeof a.DefaultPaymentMethodId === 'string')
      .slice(0, 3);
    expect(accounts.length).toBe(3);
    const [a, b] = accounts.map((x) => String(x.Id));
    await runApiSync(deps, {
      sessionId: await session(),
      entityId: '',
      target: { kind: 'accounts', zuoraAccountIds: [String(a), String(b)] },
    });
    for (const id of [a, b]) h.zuora.tenant.update('Account', String(id), { Notes: `changed ${String(id)}` });
    const refs = [a, b].map((id) => ({ zuoraObject: 'Account', zuoraId: String(id) }));
    const changed = await runApiSync(deps, {
      sessionId: await session(),
      entityId: '',
      target: { kind: 'records', refs },
    });
    expect(changed.outcomes.filter((o) => !o.success)).toEqual([]);
    expect(changed.salesforceCalls).toBe(1);
    for (const account of accounts.slice(0, 2)) {
      const sf = sfRecord('CustomerAccount__c', account.Id);
      expect(sf?.Notes__c).toBe(`changed ${String(account.Id)}`);
      expect(sf?.Default_Payment_Method__c).toBe(
        sfRecord('PaymentMethod__c', account.DefaultPaymentMethodId)?.Id,
      );
    }

    // A default payment method never synced (another account's): the account's fields land, the reference
    // fails under the deferred references' label, the lookup is left as it was.
    const before = sfRecord('CustomerAccount__c', a)?.Default_Payment_Method__c;
    const missing = String(accounts[2]?.DefaultPaymentMethodId);
    expect(sfRecord('PaymentMethod__c', missing)).toBeUndefined();
    h.zuora.tenant.update('Account', String(a), { Notes: 'second change', DefaultPaymentMethodId: missing });
    const refused = await runApiSync(deps, {
      sessionId: await session(),
      entityId: '',
      target: { kind: 'records', refs: [{ zuoraObject: 'Account', zuoraId: String(a) }] },
    });
    const failures = refused.outcomes.filter((o) => !o.success);
    // As when references always took a second pass: the deferred references' unit fails, its cause named
    // (the record's own deferred pass waits for the record itself, so the failure reads as PARENT_FAILED).
    expect(failures.map((o) => [o.salesforceObject, o.errorCode])).toEqual([
      ['CustomerAccount__c (deferred references)', 'PARENT_FAILED'],
    ]);
    expect(failures[0]?.errorMessage).toContain(
      `INVALID_FIELD: Foreign key external ID: ${missing} not found`,
    );
    expect(sfRecord('CustomerAccount__c', a)?.Notes__c).toBe('second change');
    expect(sfRecord('CustomerAccount__c', a)?.Default_Payment_Method__c).toBe(before);
  }, 240_000);
});
