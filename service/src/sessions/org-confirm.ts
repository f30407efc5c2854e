// An admin's answer to a changed Salesforce org (org-guard.ts): what changed, the dry run of re-mapping CRM ids
// (the CRM Account Ids Zuora's billing accounts carry, which the sync writes to the billing account's Account
// lookup, that the new org has no Account for: a full-copy sandbox keeps record Ids, another org does not),
// and the confirmation that makes the new org the synced one. Reads only, until confirmed.
import type jsforce from 'jsforce';
import { salesforceId18 } from '../salesforce/salesforce-id.js';
import { fetchOrgId, sameOrgId } from '../salesforce/org-identity.js';
import { soqlList } from '../salesforce/soql.js';
import { confirmOrg, readOrgRecord } from '../store/org-rows.js';
import type { Store } from '../store/store.js';
import type { ZuoraClient } from '../zuora/zuora-client.js';
import { zoqlPages } from '../zuora/zoql.js';

/** The admin confirmed an org, but Salesforce is another one now: nothing is confirmed. */
export class OrgMismatchError extends Error {
  constructor(expected: string, current: string) {
    super(`Salesforce is the org ${current}, not ${expected}: nothing confirmed`);
    this.name = 'OrgMismatchError';
  }
}

export interface MissingCrmAccount {
  readonly zuoraAccountId: string;
  readonly accountNumber: string;
  readonly crmId: string;
}

export interface OrgReport {
  /** The org on record (undefined before any session ran). */
  readonly recordedOrgId: string | undefined;
  readonly currentOrgId: string;
  readonly changed: boolean;
  /** Billing accounts checked (those with a CRM Account Id) and those whose Account the org lacks. */
  readonly crmIdsChecked: number;
  readonly missingCrmAccounts: readonly MissingCrmAccount[];
  readonly confirmed: boolean;
}

export interface OrgConfirmDeps {
  readonly store: Store;
  readonly salesforce: jsforce.Connection;
  readonly zuora: ZuoraClient;
}

async function billingAccountsWithCrmId(zuora: ZuoraClient): Promise<MissingCrmAccount[]> {
  const out: MissingCrmAccount[] = [];
  for await (const page of zoqlPages(zuora, 'select Id, AccountNumber, CrmId from Account')) {
    for (const r of page) {
      const crmId = typeof r.CrmId === 'string' ? r.CrmId.trim() : '';
      if (crmId === '') continue;
      const accountNumber = typeof r.AccountNumber === 'string' ? r.AccountNumber : '';
      out.push({ zuoraAccountId: String(r.Id), accountNumber, crmId });
    }
  }
  return out;
}

/** The accounts whose CRM Account Id names no Account in the org (200 Ids a SOQL query). */
async function missingAccounts(
  conn: jsforce.Connection,
  accounts: readonly MissingCrmAccount[],
): Promise<MissingCrmAccount[]> {
  const wellFormed = (id: string) => /^001[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(id);
  const ids = [
    ...new Set(
      accounts
        .map((a) => a.crmId)
        .filter(wellFormed)
        .map(salesforceId18),
    ),
  ];
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const result = await conn.query<{ Id: string }>(
      `SELECT Id FROM Account WHERE Id IN (${soqlList(chunk)})`,
    );
    for (const r of result.records) found.add(r.Id.slice(0, 15));
  }
  return accounts.filter((a) => !found.has(a.crmId.slice(0, 15)));
}

/** The org report; with `confirm`, the current org becomes the synced one (`by` is recorded with it). */
export async function reviewOrg(
  deps: OrgConfirmDeps,
  options: { readonly confirm: boolean; readonly by: string; readonly expectedOrgId?: string },
): Promise<OrgReport> {
  const currentOrgId = await fetchOrgId(deps.salesforce);
  if (options.expectedOrgId !== undefined && !sameOrgId(options.expectedOrgId, currentOrgId))
    throw new OrgMismatchError(options.expectedOrgId, currentOrgId);
  const recorded = await readOrgRecord(deps.store);
  const accounts = await billingAccountsWithCrmId(deps.zuora);
  const missing = await missingAccounts(deps.salesforce, accounts);
  const changed = recorded !== undefined && !sameOrgId(recorded.orgId, currentOrgId);
  if (options.confirm) await confirmOrg(deps.store, currentOrgId, options.by);
  return {
    recordedOrgId: recorded?.orgId,
    currentOrgId,
    changed,
    crmIdsChecked: accounts.length,
    missingCrmAccounts: missing,
    confirmed: options.confirm,
  };
}
