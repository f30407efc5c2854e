// Helpers for API-sync tests: eligible accounts of the seeded Zuora tenant, and Salesforce records in a form
// two orgs can be compared in (no Ids or system fields; lookups named by the target's upsert key).
import { lookupField } from '../../src/mapping/field-map.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import type { SyncHarness } from '../support/sync-harness.js';

export type ZuoraObjectName = Parameters<SyncHarness['zuora']['tenant']['table']>[0];
type Zuora = SyncHarness['zuora'];
type Salesforce = SyncHarness['salesforce'];

/** Active accounts with a valid CRM Account ID and some subscriptions and invoices, `skip` first passed over. */
export function eligibleAccounts(zuora: Zuora, count: number, skip = 0): Record<string, unknown>[] {
  const invoices = new Set([...zuora.tenant.table('Invoice').values()].map((r) => r.record.AccountId));
  const subscriptions = new Set(
    [...zuora.tenant.table('Subscription').values()].map((r) => r.record.AccountId),
  );
  return [...zuora.tenant.table('Account').values()]
    .map((r) => r.record as Record<string, unknown>)
    .filter(
      (a) =>
        typeof a.CrmId === 'string' &&
        /^001[A-Za-z0-9]{15}$/.test(a.CrmId) &&
        a.Status === 'Active' &&
        invoices.has(a.Id as string) &&
        subscriptions.has(a.Id as string),
    )
    .slice(skip, skip + count);
}

const systemFields = new Set([
  'Id',
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'CreatedById',
  'LastModifiedById',
  'OwnerId',
  'IsDeleted',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
]);

/** Per synced object: upsert key -> the record without Ids, lookups as `Object:key`, `__owner` its account. */
export function comparableTrees(sf: Salesforce): Map<string, Map<string, Record<string, unknown>>> {
  const objects = [...new Set(objectMaps.map((m) => m.salesforceObject))];
  const keyOf = (object: string, r: Record<string, unknown>): string =>
    String(r.External_Id__c ?? r.ZuoraId__c ?? r.Name ?? r.Id);
  const byId = new Map<string, string>();
  const raw = new Map<string, Record<string, unknown>[]>();
  for (const object of objects) {
    const records = sf.records(object);
    raw.set(object, records);
    for (const r of records) byId.set(String(r.Id), `${object}:${keyOf(object, r)}`);
  }
  for (const a of sf.records('Account')) byId.set(String(a.Id), `Account:${String(a.Name)}`);
  const accountLookups = new Map<string, string>();
  for (const m of objectMaps)
    for (const ref of m.references)
      if (ref.target === 'CustomerAccount__c') accountLookups.set(m.salesforceObject, lookupField(ref));
  const out = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [object, records] of raw) {
    const map = new Map<string, Record<string, unknown>>();
    for (const r of records) {
      const clean: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(r)) {
        if (systemFields.has(field) || value === null || value === undefined) continue;
        clean[field] = typeof value === 'string' && byId.has(value) ? byId.get(value) : value;
      }
      const lookup = object === 'CustomerAccount__c' ? undefined : accountLookups.get(object);
      const owner =
        object === 'CustomerAccount__c'
          ? r.External_Id__c
          : lookup === undefined
            ? undefined
            : byId.get(String(r[lookup]))?.split(':')[1];
      if (owner !== undefined) clean.__owner = owner;
      map.set(keyOf(object, r), clean);
    }
    out.set(object, map);
  }
  return out;
}
