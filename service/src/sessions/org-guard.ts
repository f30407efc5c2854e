// Every session starts by checking that Salesforce is still the org the service syncs. The first session
// records the org; a session that finds another one (a refreshed sandbox has a new org Id, or the credentials
// now point at another org) writes nothing and fails with OrgChangedError until an admin confirms the new org
// (`zuora-sync org confirm`, POST /v1/org/confirm): upserts keyed on Zuora ids would otherwise create a second
// copy of everything, and CRM Account Ids from the old org would fail record by record.
import type jsforce from 'jsforce';
import { fetchOrgId, sameOrgId } from '../salesforce/org-identity.js';
import { noteSeenOrg, readOrgRecord, recordFirstOrg } from '../store/org-rows.js';
import type { Store } from '../store/store.js';

export class OrgChangedError extends Error {
  constructor(
    readonly recordedOrgId: string,
    readonly currentOrgId: string,
  ) {
    super(
      `Salesforce is now the org ${currentOrgId}, not the org ${recordedOrgId} this service syncs ` +
        '(a refreshed sandbox, or credentials pointed at another org). No session runs until an admin ' +
        'confirms the new org: `zuora-sync org confirm` or POST /v1/org/confirm (which also list the CRM ' +
        'Account Ids the new org lacks).',
    );
    this.name = 'OrgChangedError';
  }
}

export interface OrgGuardDeps {
  readonly store: Store;
  readonly salesforce: jsforce.Connection;
}

/** How long a connection's org Id is trusted: real-time batches and on-demand requests come every few seconds
 * and each would otherwise spend an API call on it (a sandbox refresh takes far longer, and logs the user out). */
const orgIdTtlMs = 60_000;
const known = new WeakMap<jsforce.Connection, { readonly orgId: string; readonly at: number }>();

async function orgIdOf(conn: jsforce.Connection): Promise<string> {
  const cached = known.get(conn);
  if (cached !== undefined && Date.now() - cached.at < orgIdTtlMs) return cached.orgId;
  const orgId = await fetchOrgId(conn);
  known.set(conn, { orgId, at: Date.now() });
  return orgId;
}

/** Throws OrgChangedError when the connection reaches another org than the one on record. */
export async function assertSyncedOrg(deps: OrgGuardDeps): Promise<void> {
  const current = await orgIdOf(deps.salesforce);
  const recorded = (await readOrgRecord(deps.store)) ?? (await recordFirstOrg(deps.store, current));
  if (sameOrgId(recorded.orgId, current)) return;
  await noteSeenOrg(deps.store, current);
  throw new OrgChangedError(recorded.orgId, current);
}
