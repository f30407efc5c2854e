// How many records a session failed, per Salesforce object, from the stored outcomes (failed_records rows the
// session left unresolved) rather than a tally kept in memory: a session killed and resumed re-runs part of
// its work and restores the rest from checkpoints, so only what is stored is the same interrupted or not.
import type { Queryable } from './store.js';

export async function sessionFailureCounts(db: Queryable, sessionId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ salesforce_object: string; n: string }>(
    `SELECT salesforce_object, count(*) AS n FROM failed_records
      WHERE session_id = $1 AND resolved_at IS NULL GROUP BY salesforce_object`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.salesforce_object, Number(r.n)]));
}
