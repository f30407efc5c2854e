// High-water marks: the Zuora time up to which a scope (per entity) is known to be in Salesforce.
// Full sync starts at 2000-01-01; incremental sync starts at the last successful session's mark.
import type { Queryable } from './store.js';

export const fullSyncStart = new Date('2000-01-01T00:00:00Z');

export async function readWatermark(
  db: Queryable,
  scope: string,
  entityId: string,
  stream = '*',
): Promise<Date | undefined> {
  const rows = await db.query<{ value: Date | string }>(
    'SELECT value FROM watermarks WHERE scope = $1 AND entity_id = $2 AND stream = $3',
    [scope, entityId, stream],
  );
  return rows[0] === undefined ? undefined : new Date(rows[0].value);
}

export async function writeWatermark(
  db: Queryable,
  scope: string,
  entityId: string,
  value: Date,
  sessionId: string,
  stream = '*',
): Promise<void> {
  await db.query(
    `INSERT INTO watermarks (scope, entity_id, stream, value, session_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (scope, entity_id, stream) DO UPDATE SET value = EXCLUDED.value,
       session_id = EXCLUDED.session_id, updated_at = now()`,
    [scope, entityId, stream, value.toISOString(), sessionId],
  );
}

/** After a clean-up the next session is a full one: forget the marks. */
export async function clearWatermarks(db: Queryable, scope: string, entityId: string): Promise<void> {
  await db.query('DELETE FROM watermarks WHERE scope = $1 AND entity_id = $2', [scope, entityId]);
}
