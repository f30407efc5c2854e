// Every session leaves a Sync_History__c record in Salesforce (upserted on Session_Id__c as it progresses)
// and one Sync_Record_Error__c per failed record, so admins see sync results inside Salesforce.
import type { SyncSession } from './session-rows.js';
import type { ObjectCounts } from './session-counts.js';
import type { SyncDeps } from './sync-deps.js';
import type { Queryable } from '../store/store.js';

const syncTypes: Record<SyncSession['trigger'], string> = {
  manual: 'Manual',
  scheduled: 'Scheduled',
  on_demand: 'On-demand',
  realtime: 'Real-time',
  cleanup: 'Sync Clean-up',
  backfill: 'Backfill',
};

const statuses: Record<SyncSession['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  finished: 'Finished',
  finished_with_errors: 'Finished with Errors',
  failed: 'Failure',
  cancelled: 'Cancelled',
};

/** Scope__c picklist values; 'CPQ Orders' is the CPQ direction's (docs/cpq-order-sync-contract.md). */
const scopeLabels: Record<SyncSession['scope'], string> = {
  accounts: 'Accounts & Related Objects',
  catalog: 'Product Catalog',
  cpq: 'CPQ Orders',
};

/** Most failures shown in the history record itself; all of them stay in the service's store. */
const maxErrorRecords = 2_000;
const maxLogChars = 32_000;

/** A session's Sync_History__c record and its Sync_Record_Error__c records, as Salesforce is sent them. */
export interface SyncHistoryRecord {
  readonly history: Record<string, unknown>;
  /** Without their Sync_History__c lookup: it is set from the upserted history record's id when sent. */
  readonly errors: readonly Record<string, unknown>[];
}

/**
 * Builds the history of `session` from its counts and its unresolved failed records, read through `db` (a
 * transaction, when the history is stored in the history outbox with the session's end).
 */
export async function buildSyncHistory(
  db: Queryable,
  zuoraHost: string | undefined,
  session: SyncSession,
  counts: Readonly<Record<string, ObjectCounts>>,
): Promise<SyncHistoryRecord> {
  const total = Object.values(counts).reduce(
    (a, c) => ({ read: a.read + c.read, written: a.written + c.written, failed: a.failed + c.failed }),
    { read: 0, written: 0, failed: 0 },
  );
  const failures = await db.query<{
    salesforce_object: string;
    external_id: string;
    zuora_id: string | null;
    error_code: string;
    error_message: string;
    attempts: number;
  }>(
    `SELECT salesforce_object, external_id, zuora_id, error_code, error_message, attempts FROM failed_records
      WHERE session_id = $1 AND resolved_at IS NULL ORDER BY salesforce_object, external_id, id LIMIT $2`,
    [session.id, maxErrorRecords],
  );
  // By object and key, not by when each was stored: Turbo Sync loads objects side by side and while it still
  // extracts, so the order failures are recorded in depends on timing; two runs with the same failures (a
  // clean one and one resumed after a crash) show the same log, truncation included.
  let log = failures
    .map((f) => `${f.salesforce_object} ${f.external_id}: ${f.error_code} ${f.error_message}`)
    .join('\n');
  if (log.length > maxLogChars) log = `${log.slice(0, maxLogChars - 40)}\n... (see Sync_Record_Error__c)`;
  const history = {
    Session_Id__c: session.id,
    Sync_Type__c: syncTypes[session.trigger],
    Scope__c: scopeLabels[session.scope],
    Status__c: statuses[session.state],
    Is_Success__c: session.state === 'finished',
    Is_Incremental__c: session.mode === 'incremental',
    Is_Async__c: true,
    Is_Cancel__c: session.state === 'cancelled',
    Sync_On__c: (session.startedAt ?? session.requestedAt).toISOString(),
    ...(session.finishedAt === undefined ? {} : { Finished_On__c: session.finishedAt.toISOString() }),
    Records_Processed__c: total.read,
    Records_Succeeded__c: total.written,
    Records_Failed__c: total.failed,
    Entity_Id__c: session.entityId,
    Sync_By__c: 'zuora-salesforce-sync',
    Zuora_Hostname__c: zuoraHost ?? '',
    ...(session.error === undefined ? {} : { Sync_Error__c: session.error.slice(0, maxLogChars) }),
    Failure_Log__c: log,
  };
  const errors = failures.map((f) => ({
    External_Id__c: `${session.id}:${f.salesforce_object}:${f.external_id}`.slice(0, 255),
    Object_Type__c: f.salesforce_object,
    Zuora_Id__c: f.zuora_id ?? '',
    Error_Code__c: f.error_code.slice(0, 80),
    Error_Message__c: f.error_message.slice(0, 32_000),
    Attempts__c: f.attempts,
  }));
  return { history, errors };
}

/**
 * Upserts the history record on Session_Id__c and its errors on External_Id__c (both external ids of the
 * package), so sending the same record again updates it instead of adding a second one.
 */
export async function sendSyncHistory(
  salesforce: SyncDeps['salesforce'],
  record: SyncHistoryRecord,
): Promise<string | undefined> {
  const result = await salesforce.sobject('Sync_History__c').upsert(record.history, 'Session_Id__c');
  const historyId = result.id;
  if (historyId === undefined || record.errors.length === 0) return historyId;
  await salesforce.sobject('Sync_Record_Error__c').upsert(
    record.errors.map((e) => ({ ...e, Sync_History__c: historyId })),
    'External_Id__c',
    { allowRecursive: true, allOrNone: false },
  );
  return historyId;
}

export async function writeSyncHistory(
  deps: SyncDeps,
  session: SyncSession,
  counts: Readonly<Record<string, ObjectCounts>>,
): Promise<string | undefined> {
  // A dry run writes nothing to Salesforce, not even its history (failed or not).
  if (session.params.dryRun === true) return undefined;
  return sendSyncHistory(
    deps.salesforce,
    await buildSyncHistory(deps.store, deps.zuoraHost, session, counts),
  );
}
