// Links from a failure to the record in Zuora and in Salesforce. The Salesforce record is found by its
// external id (a failure keeps no Salesforce Id: a failed insert has none) with one SOQL query per object for
// the rows shown, remembered for ten minutes so paging back and forth costs no more API calls. Zuora record
// pages are linked only when ZUORA_UI_URL says where the tenant's UI is.
import type jsforce from 'jsforce';
import type { FailureRow } from '../store/failure-queries.js';

const ttlMs = 10 * 60_000;
const cache = new Map<string, { id: string | null; at: number }>();

export interface RecordLink {
  readonly failureId: number;
  readonly salesforceId: string | null;
  readonly salesforceUrl: string | null;
  readonly zuoraUrl: string | null;
}

// Zuora documents no deep-link scheme; these are the record pages of its UI as admins and tools link them
// (e.g. https://apisandbox.zuora.com/apps/CustomerAccount.do?method=view&id=<account id>). Other objects are
// shown without a link rather than with a guessed one.
const zuoraPages: Readonly<Record<string, string>> = {
  Account: 'apps/CustomerAccount.do?method=view&id=',
  Subscription: 'platform/subscriptions/',
};

export function zuoraUrl(base: string | undefined, stream: string, zuoraId: string | null): string | null {
  if (base === undefined || zuoraId === null) return null;
  const page = zuoraPages[stream];
  return page === undefined ? null : `${base.replace(/\/$/, '')}/${page}${encodeURIComponent(zuoraId)}`;
}

export async function recordLinks(
  conn: jsforce.Connection | undefined,
  zuoraUiUrl: string | undefined,
  rows: readonly FailureRow[],
  now = Date.now(),
): Promise<RecordLink[]> {
  const byObject = new Map<string, string[]>();
  for (const r of rows) {
    const object = r.salesforceObject.replace(/ \(deferred references\)$/, '');
    const hit = cache.get(`${object}:${r.externalId}`);
    if (hit !== undefined && now - hit.at < ttlMs) continue;
    byObject.set(object, [...(byObject.get(object) ?? []), r.externalId]);
  }
  if (conn !== undefined)
    for (const [object, keys] of byObject) {
      const quoted = [...new Set(keys)].map((k) => `'${k.replace(/[\\']/g, '\\$&')}'`).join(',');
      const soql = `SELECT Id, External_Id__c FROM ${object.replace(/[^A-Za-z0-9_]/g, '')} WHERE External_Id__c IN (${quoted})`;
      let found: { Id: string; External_Id__c: string }[];
      try {
        found = (await conn.query<{ Id: string; External_Id__c: string }>(soql)).records;
      } catch {
        continue;
      }
      for (const k of keys) cache.set(`${object}:${k}`, { id: null, at: now });
      for (const rec of found) cache.set(`${object}:${rec.External_Id__c}`, { id: rec.Id, at: now });
    }
  if (cache.size > 50_000) cache.clear();
  const instance = conn?.instanceUrl;
  return rows.map((r) => {
    const object = r.salesforceObject.replace(/ \(deferred references\)$/, '');
    const id = cache.get(`${object}:${r.externalId}`)?.id ?? null;
    return {
      failureId: r.id,
      salesforceId: id,
      salesforceUrl:
        id === null || instance === undefined ? null : `${instance}/lightning/r/${object}/${id}/view`,
      zuoraUrl: zuoraUrl(zuoraUiUrl, r.stream, r.zuoraId),
    };
  });
}
