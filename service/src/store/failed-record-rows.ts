// Records that failed to sync, kept with their error and retried by the next session until they succeed.
// One row per (Salesforce object, entity, external id): a repeated failure bumps `attempts`.
import type { Queryable } from './store.js';

export interface FailedRecordInput {
  readonly stream: string;
  readonly salesforceObject: string;
  readonly entityId: string;
  readonly externalId: string;
  readonly zuoraId: string | null;
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly string[];
  /** The billing account the record belongs to, when the writer knows it (the console filters on it). */
  readonly accountId?: string | null;
}

export interface OpenFailure {
  readonly stream: string;
  readonly salesforceObject: string;
  readonly externalId: string;
  readonly zuoraId: string | null;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
}

export async function recordFailures(
  db: Queryable,
  sessionId: string,
  failures: readonly FailedRecordInput[],
): Promise<void> {
  // One statement per chunk keeps a 10,000-failure session to a handful of round trips.
  for (let i = 0; i < failures.length; i += 500) {
    const chunk = failures.slice(i, i + 500);
    await db.query(
      `INSERT INTO failed_records (stream, salesforce_object, entity_id, external_id, zuora_id, session_id,
                                   error_code, error_message, error_fields, account_id)
       SELECT f.stream, f.object, f.entity, f.ext, f.zid, $1, f.code, f.message,
              ARRAY(SELECT jsonb_array_elements_text(f.fields)), f.account
         FROM jsonb_to_recordset($2::jsonb) AS f(stream text, object text, entity text, ext text, zid text,
                                               code text, message text, fields jsonb, account text)
       ON CONFLICT (salesforce_object, entity_id, external_id) DO UPDATE SET
         session_id = EXCLUDED.session_id, error_code = EXCLUDED.error_code,
         account_id = COALESCE(EXCLUDED.account_id, failed_records.account_id),
         error_message = EXCLUDED.error_message, error_fields = EXCLUDED.error_fields,
         attempts = CASE WHEN failed_records.resolved_at IS NULL THEN failed_records.attempts + 1 ELSE 1 END,
         last_failed_at = now(), resolved_at = NULL, resolved_session_id = NULL`,
      [
        sessionId,
        JSON.stringify(
          chunk.map((f) => ({
            stream: f.stream,
            object: f.salesforceObject,
            entity: f.entityId,
            ext: f.externalId,
            zid: f.zuoraId,
            code: f.code,
            message: f.message,
            fields: f.fields ?? [],
            // The billing account object of either mapping profile (MAPPING_PROFILE).
            account:
              f.accountId ??
              (['CustomerAccount__c', 'Zuora__CustomerAccount__c'].includes(f.salesforceObject)
                ? f.zuoraId
                : null),
          })),
        ),
      ],
    );
  }
}

/** Marks failures of these records resolved (they synced in `sessionId`). */
export async function resolveFailures(
  db: Queryable,
  sessionId: string,
  salesforceObject: string,
  entityId: string,
  externalIds: readonly string[],
): Promise<number> {
  let resolved = 0;
  for (let i = 0; i < externalIds.length; i += 5000) {
    const rows = await db.query(
      `UPDATE failed_records SET resolved_at = now(), resolved_session_id = $1
        WHERE salesforce_object = $2 AND entity_id = $3 AND resolved_at IS NULL
          AND external_id = ANY($4::text[]) RETURNING id`,
      [sessionId, salesforceObject, entityId, externalIds.slice(i, i + 5000)],
    );
    resolved += rows.length;
  }
  return resolved;
}

/** Which open failures a session reads again (the engines' retry rules, given by the caller). */
export interface RetryRule {
  /** Codes retried whatever else holds (transient errors). */
  readonly retryableCodes: readonly string[];
  /** The code of rows waiting for a parent (`error_fields` names it `Object:key`): retried once it synced. */
  readonly waitingCode: string;
}

/**
 * The open failures of a stream that the next session reads again whatever their UpdatedDate (Zuora 360's
 * retry rules): transient errors (row locks, server errors), and rows held back because their parent failed
 * once that parent has synced. Data errors (a bad date, an invalid CRM ID) wait for a change in Zuora, which
 * brings the record back through the incremental window, or for a backfill.
 */
export async function openFailures(
  db: Queryable,
  streams: readonly string[],
  entityId: string,
  rule: RetryRule,
): Promise<OpenFailure[]> {
  // One statement for every stream of a session, and each waiting row's parent found by its key through the
  // (salesforce_object, entity_id, external_id) index: comparing every waiting row with every open failure
  // made this look-up grow with their product (at M after a full sync, most of an incremental session).
  // `error_fields` names the parent `Object:key`; object names hold no colon, so the first one splits it.
  const rows = await db.query<{
    stream: string;
    salesforce_object: string;
    external_id: string;
    zuora_id: string | null;
    error_code: string;
    error_message: string;
    attempts: number;
  }>(
    `SELECT stream, salesforce_object, external_id, zuora_id, error_code, error_message, attempts
       FROM failed_records f
      WHERE stream = ANY($1::text[]) AND entity_id = $2 AND resolved_at IS NULL
        AND (error_code = ANY($3::text[])
             OR (error_code = $4 AND NOT EXISTS (
                   SELECT 1 FROM unnest(f.error_fields) AS parent(ref)
                     JOIN failed_records p
                       ON p.salesforce_object = split_part(parent.ref, ':', 1)
                      AND p.entity_id = f.entity_id
                      AND p.external_id = substr(parent.ref, strpos(parent.ref, ':') + 1)
                    WHERE strpos(parent.ref, ':') > 0 AND p.resolved_at IS NULL)))
      ORDER BY id`,
    [[...streams], entityId, [...rule.retryableCodes], rule.waitingCode],
  );
  return rows.map((r) => ({
    stream: r.stream,
    salesforceObject: r.salesforce_object,
    externalId: r.external_id,
    zuoraId: r.zuora_id,
    code: r.error_code,
    message: r.error_message,
    attempts: r.attempts,
  }));
}

/** Keys of `object` whose last sync failed and is not resolved (of `keys` only, when given). */
export async function openFailureKeys(
  db: Queryable,
  object: string,
  entityId: string,
  keys?: readonly string[],
): Promise<Set<string>> {
  const rows = await db.query<{ external_id: string }>(
    `SELECT external_id FROM failed_records
      WHERE salesforce_object = $1 AND entity_id = $2 AND resolved_at IS NULL
        AND ($3::text[] IS NULL OR external_id = ANY($3::text[]))`,
    [object, entityId, keys === undefined ? null : [...keys]],
  );
  return new Set(rows.map((r) => r.external_id));
}

/** Forgets the failures of these objects (a clean-up: the next session is a full one). */
export async function forgetFailures(
  db: Queryable,
  entityId: string,
  objects: readonly string[],
): Promise<void> {
  await db.query('DELETE FROM failed_records WHERE entity_id = $1 AND salesforce_object = ANY($2::text[])', [
    entityId,
    [...objects],
  ]);
}
