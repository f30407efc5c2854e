// The rows a session held back before sending them (their parent's last sync failed), as stored with their
// failures. A part is never rewritten without its held rows (turbo/screen-part.ts): a resumed session leaves
// out again exactly the rows it stored as held, even if their parent was resolved since.
import type { Queryable } from './store.js';

/** Keys of `object` whose open failure is `code` (the waiting code) and was stored by `sessionId`. */
export async function sessionHeldKeys(
  db: Queryable,
  sessionId: string,
  object: string,
  entityId: string,
  code: string,
): Promise<Set<string>> {
  const rows = await db.query<{ external_id: string }>(
    `SELECT external_id FROM failed_records
      WHERE session_id = $1 AND salesforce_object = $2 AND entity_id = $3 AND error_code = $4
        AND resolved_at IS NULL`,
    [sessionId, object, entityId, code],
  );
  return new Set(rows.map((r) => r.external_id));
}
