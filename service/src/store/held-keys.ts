// The rows a session held back before sending them (their parent's last sync failed), as stored with their
// failures. A part is never rewritten without its held rows (turbo/screen-part.ts): a resumed session leaves
// out again exactly the rows it stored as held, even if their parent was resolved since.
import { emptyKeySet, KeySet, type KeyHash } from './key-set.js';
import { unpackKeys } from './packed-keys.js';
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
  // One row of one aggregate, not a row object and a string per failure (at L about 7 MB of them for
  // InvoiceItem__c's 72,000 open failures, read by each of its parts and its children's): every key after
  // its length in UTF-8 bytes and ':', or '!' when held, the set's text as it is (packed-keys.ts). Any
  // character may occur in a key, so none could part them; one aggregate needs no order that two would have
  // to agree on. string_agg gives NULL over no rows
  // (https://www.postgresql.org/docs/current/functions-aggregate.html); octet_length counts the bytes as
  // stored, in the database's encoding, UTF-8 for every store here (PGlite's and `test`).
  const rows = await db.query<{ n: number; keys: string | null }>(
    `SELECT count(*)::int AS n,
            string_agg(octet_length(external_id)::text
                       || CASE WHEN session_id = $3::uuid AND error_code = $4 THEN '!' ELSE ':' END
                       || external_id, '') AS keys
       FROM failed_records WHERE salesforce_object = $1 AND entity_id = $2 AND resolved_at IS NULL`,
    [object, entityId, held?.sessionId ?? null, held?.code ?? null],
  );
  const { n = 0, keys = null } = rows[0] ?? {};
  if (n === 0 || keys === null) return emptyKeySet;
  return new KeySet(unpackKeys(keys, n), hash);
}
