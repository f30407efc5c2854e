// Resolves an on-demand request's ids to the Zuora records to sync (docs/on-demand-sync-contract.md):
// CRM Account Ids -> every Zuora billing account whose CRM Account ID is one of them (one ZOQL query per entity
// of a multi-entity tenant, so a CRM Account's billing accounts are found in every entity; Zuora may hold the
// 15- or the 18-character form), CustomerAccount__c / Product2 Ids -> the Zuora ids they carry as
// external ids (one SOQL query), Zuora ids as given. Each id's entity comes from zuoraIdsByEntity, else from
// the Salesforce record's EntityID__c, else the default entity. Ids that resolve to nothing are reported.
import { salesforceId18 } from '../salesforce/salesforce-id.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { keyObjects, type KeyObject } from '../mapping/key-objects.js';
import type jsforce from 'jsforce';
import type { ZuoraClient } from '../zuora/zuora-client.js';
import { whereChunks, zoqlId, zoqlPages } from '../zuora/zoql.js';
import { soqlList } from '../salesforce/soql.js';
import { knownEntities } from '../sessions/session-entities.js';

export type OnDemandObjectType = 'BILLING_ACCOUNT' | 'ZPRODUCT';

export interface OnDemandIds {
  readonly objectType: OnDemandObjectType;
  readonly accountIds: readonly string[];
  readonly salesforceIds: readonly string[];
  readonly zuoraIds: readonly string[];
  readonly zuoraIdsByEntity: Readonly<Record<string, string>>;
}

/** One object of the answer: `objectId` as requested; a CRM Account yields one entry per billing account. */
export interface ResolvedObject {
  readonly objectId: string;
  readonly zuoraId: string | null;
  readonly salesforceId: string | null;
  readonly entityId: string;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export { salesforceId18 };

interface BillingAccountRef {
  readonly zuoraId: string;
  readonly entityId: string;
}

async function billingAccountsOf(
  zuora: ZuoraClient,
  accountIds: readonly string[],
): Promise<Map<string, BillingAccountRef[]>> {
  const byPrefix = new Map<string, BillingAccountRef[]>();
  if (accountIds.length === 0) return byPrefix;
  const forms = [...new Set(accountIds.flatMap((id) => [id.slice(0, 15), salesforceId18(id.slice(0, 15))]))];
  for (const entityId of await knownEntities(zuora)) {
    for (const chunk of whereChunks(forms)) {
      const where = chunk.map((f) => `CrmId = ${zoqlId(f)}`).join(' or ');
      const query = `select Id, CrmId from Account where ${where}`;
      for await (const page of zoqlPages(zuora, query, entityId === '' ? {} : { entityId })) {
        for (const record of page) {
          const crm = typeof record.CrmId === 'string' ? record.CrmId.slice(0, 15) : '';
          const list = byPrefix.get(crm) ?? [];
          if (typeof record.Id === 'string' && !list.some((a) => a.zuoraId === record.Id))
            list.push({ zuoraId: record.Id, entityId });
          byPrefix.set(crm, list);
        }
      }
    }
  }
  return byPrefix;
}

async function externalIdsOf(
  conn: jsforce.Connection,
  target: KeyObject,
  salesforceIds: readonly string[],
): Promise<Map<string, { zuoraId: string | null; entityId: string; id: string }>> {
  const found = new Map<string, { zuoraId: string | null; entityId: string; id: string }>();
  if (salesforceIds.length === 0) return found;
  const { object, key, entityField } = target;
  const ids = [...new Set(salesforceIds.map((id) => salesforceId18(id)))];
  const columns = ['Id', key, ...(entityField === undefined ? [] : [entityField])].join(', ');
  const result = await conn.query<Record<string, unknown>>(
    `SELECT ${columns} FROM ${object} WHERE Id IN (${soqlList(ids)})`,
  );
  for (const r of result.records) {
    const zuoraId = typeof r[key] === 'string' && r[key] !== '' ? r[key] : null;
    const entity = entityField === undefined ? undefined : r[entityField];
    const entityId = typeof entity === 'string' ? entity : '';
    found.set(String(r.Id).slice(0, 15), { zuoraId, entityId, id: String(r.Id) });
  }
  return found;
}

export async function resolveOnDemandIds(
  deps: {
    readonly zuora: ZuoraClient;
    readonly salesforce: jsforce.Connection;
    readonly maps?: readonly ObjectMap[];
  },
  ids: OnDemandIds,
): Promise<ResolvedObject[]> {
  const targets = keyObjects(deps.maps);
  const target = ids.objectType === 'BILLING_ACCOUNT' ? targets.account : targets.product;
  const entityOf = (zuoraId: string, fallback = '') => ids.zuoraIdsByEntity[zuoraId] ?? fallback;
  const [byCrm, bySalesforceId] = await Promise.all([
    billingAccountsOf(deps.zuora, ids.objectType === 'BILLING_ACCOUNT' ? ids.accountIds : []),
    externalIdsOf(deps.salesforce, target, ids.salesforceIds),
  ]);
  const out: ResolvedObject[] = [];
  for (const accountId of new Set(ids.accountIds)) {
    const accounts = byCrm.get(accountId.slice(0, 15)) ?? [];
    if (accounts.length === 0) {
      out.push({
        objectId: accountId,
        zuoraId: null,
        salesforceId: null,
        entityId: '',
        error: {
          code: 'NO_BILLING_ACCOUNT',
          message: `No Zuora billing account has the CRM Account ID ${accountId}.`,
        },
      });
    }
    for (const account of accounts)
      out.push({
        objectId: accountId,
        zuoraId: account.zuoraId,
        salesforceId: null,
        entityId: entityOf(account.zuoraId, account.entityId),
        error: null,
      });
  }
  const label = target.object;
  for (const sfId of new Set(ids.salesforceIds)) {
    const found = bySalesforceId.get(sfId.slice(0, 15));
    if (found?.zuoraId == null) {
      out.push({
        objectId: sfId,
        zuoraId: null,
        salesforceId: found?.id ?? null,
        entityId: '',
        error:
          found === undefined
            ? { code: 'NOT_FOUND', message: `No ${label} with Id ${sfId} is visible to the sync user.` }
            : {
                code: 'NO_ZUORA_ID',
                message: `${label} ${sfId} carries no Zuora id: it was not synced from Zuora.`,
              },
      });
      continue;
    }
    out.push({
      objectId: sfId,
      zuoraId: found.zuoraId,
      salesforceId: found.id,
      entityId: entityOf(found.zuoraId, found.entityId),
      error: null,
    });
  }
  for (const zuoraId of new Set(ids.zuoraIds))
    out.push({ objectId: zuoraId, zuoraId, salesforceId: null, entityId: entityOf(zuoraId), error: null });
  return out;
}

/** Objects a request counts against its limit: each Zuora record once, plus each id that resolved to none. */
export function countedObjects(resolved: readonly ResolvedObject[]): number {
  const zuoraIds = new Set(
    resolved.filter((r) => r.zuoraId !== null).map((r) => `${r.entityId}:${String(r.zuoraId)}`),
  );
  return zuoraIds.size + resolved.filter((r) => r.zuoraId === null).length;
}
