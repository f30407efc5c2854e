// An admin's decisions on dead-lettered change events: retry (back to the queue with a fresh attempt count)
// or discard (kept, outcome 'discarded', never synced).
import type { Queryable } from '../store/store.js';

/** Which dead letters an admin acts on: some ids, or every one. */
export type DeadLetterSelection = { readonly ids: readonly string[] } | { readonly all: true };

function selected(selection: DeadLetterSelection): [string, string[][]] {
  return 'all' in selection
    ? ["outcome = 'dead'", []]
    : ["outcome = 'dead' AND id = ANY($1::bigint[])", [[...selection.ids]]];
}

/** Puts dead letters back in the queue with a fresh attempt count; answers the ids put back. */
export async function retryDeadLetters(db: Queryable, selection: DeadLetterSelection): Promise<string[]> {
  const [where, params] = selected(selection);
  const rows = await db.query<{ id: string }>(
    `UPDATE change_events
        SET processed_at = NULL, outcome = NULL, error = NULL, processed_by_session = NULL,
            claimed_by_session = NULL, claimed_at = NULL, attempts = 0, next_attempt_at = NULL, dead_at = NULL,
            first_attempt_at = NULL
      WHERE ${where} RETURNING id`,
    params,
  );
  return rows.map((r) => String(r.id));
}

/** Marks dead letters discarded (kept, never synced); answers the ids discarded. */
export async function discardDeadLetters(db: Queryable, selection: DeadLetterSelection): Promise<string[]> {
  const [where, params] = selected(selection);
  const rows = await db.query<{ id: string }>(
    `UPDATE change_events SET outcome = 'discarded'
      WHERE ${where} RETURNING id`,
    params,
  );
  return rows.map((r) => String(r.id));
}
