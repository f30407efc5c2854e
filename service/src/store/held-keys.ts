// The rows a session held back before sending them (their parent's last sync failed), as stored with their
// failures. A part is never rewritten without its held rows (turbo/screen-part.ts): a resumed session leaves
// out again exactly the rows it stored as held, even if their parent was resolved since.
import { emptyKeySet, KeySet, type KeyHash } from './key-set.js';
import type { Queryable } from './store.js';

/**
 * The open failures of `object` as a compact set (key-set.ts) under `hash`, those `held` names (stored by its session with
 * its code) marked: one read for both, each key held once.
 */
export async function openFailureKeySet(
  db: Queryable,
  object: string,
  entityId: string,
  hash: KeyHash,
  held?: { readonly sessionId: string; readonly code: string },
): Promise<KeySet> {
  const rows = await db.query<{ external_id: string; held: boolean | null }>(
    `SELECT external_id, (session_id = $3::uuid AND error_code = $4) AS held FROM failed_records
      WHERE salesforce_object = $1 AND entity_id = $2 AND resolved_at IS NULL`,
    [object, entityId, held?.sessionId ?? null, held?.code ?? null],
  );
  if (rows.length === 0) return emptyKeySet;
  return new KeySet(
    rows.map((r) => r.external_id),
    hash,
    (i) => rows[i]?.held === true,
  );
}
