// The rows a session held back before sending them (their parent's last sync failed), as stored with their
// failures. A part is never rewritten without its held rows (turbo/screen-part.ts): a resumed session leaves
// out again exactly the rows it stored as held, even if their parent was resolved since.
import { emptyKeySet, KeySet, type KeyHash, type PackedKeys } from './key-set.js';
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
  // One row of one aggregate, not a row object and a string per failure (at L about 7 MB of them for the
  // 72,000 open failures of InvoiceItem__c's parent, read by each part): every key after its length in
  // UTF-8 bytes and ':', or '!' when held, the set's text as it is (unpackKeys). Any character may occur in
  // a key, so none could part them; one aggregate needs no order that two would have to agree on. string_agg
  // gives NULL over no rows (https://www.postgresql.org/docs/current/functions-aggregate.html); octet_length
  // counts the bytes as stored, in the database's encoding, UTF-8 for every store here (PGlite's and `test`).
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

/**
 * The spans of the `count` keys in `text`, each `<its length in UTF-8 bytes><':', or '!' when marked><key>`.
 * Where the text is ASCII (Zuora ids) a byte is a character; elsewhere the characters are counted by their bytes.
 */
export function unpackKeys(text: string, count: number): PackedKeys {
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const marks = new Uint8Array(count);
  const ascii = !/[\u0080-\uffff]/.test(text);
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    let bytes = 0;
    let c = text.charCodeAt(at);
    for (; c >= 0x30 && c <= 0x39; c = text.charCodeAt((at += 1))) bytes = bytes * 10 + c - 0x30;
    if (c !== 0x3a && c !== 0x21) throw new Error(`open failure keys: no length and mark at ${String(at)}`);
    marks[i] = c === 0x21 ? 1 : 0;
    starts[i] = at + 1;
    at = ascii ? at + 1 + bytes : utf16End(text, at + 1, bytes);
    if (at > text.length) throw new Error('open failure keys: the text ends inside a key');
    ends[i] = at;
  }
  if (at !== text.length) throw new Error(`open failure keys: more than ${String(count)} keys`);
  return { text, starts, ends, marks };
}

/** Where the characters of `bytes` UTF-8 bytes starting at `from` end. */
function utf16End(text: string, from: number, bytes: number): number {
  let at = from;
  for (let left = bytes; left > 0 && at < text.length; at += 1) {
    const c = text.charCodeAt(at);
    if (c < 0x80) left -= 1;
    else if (c < 0x800) left -= 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      // A surrogate pair: one character of four bytes.
      left -= 4;
      at += 1;
    } else left -= 3;
  }
  return at;
}
