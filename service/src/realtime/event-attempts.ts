// SQL for change events whose record makes a batch throw: each failed attempt is stored on the event
// (attempts, next attempt time with exponential backoff, last error), so the schedule survives restarts; after
// the last allowed attempt the event is dead-lettered (outcome 'dead', processed, so no batch takes it again).
import type { Queryable } from '../store/store.js';

export interface RetryPolicy {
  /** Attempts before an event is dead-lettered (the first one included). */
  readonly maxAttempts: number;
  /** Wait after the first failure; it doubles after each further one. */
  readonly baseMs: number;
}

/** The longest wait between two attempts, whatever the base and the count. */
export const maxRetryDelayMs = 3_600_000;

export interface AttemptsRecorded {
  readonly retrying: number;
  readonly dead: number;
}

/**
 * Counts one failed attempt on each event (claimed by the failing batch) and gives it back to the queue for
 * later (base * 2^(attempts before), capped), or dead-letters it when that was its last allowed attempt.
 */
export async function recordFailedAttempts(
  db: Queryable,
  ids: readonly string[],
  error: string,
  sessionId: string,
  policy: RetryPolicy,
): Promise<AttemptsRecorded> {
  if (ids.length === 0) return { retrying: 0, dead: 0 };
  const rows = await db.query<{ outcome: string | null }>(
    `UPDATE change_events
        SET attempts = attempts + 1, last_error = $2, claimed_by_session = NULL, claimed_at = NULL,
            first_attempt_at = coalesce(first_attempt_at, now()),
            next_attempt_at = CASE WHEN attempts + 1 >= $4 THEN NULL
              ELSE now() + least($5::double precision * power(2, attempts), $6) * interval '1 millisecond' END,
            processed_at = CASE WHEN attempts + 1 >= $4 THEN now() END,
            outcome = CASE WHEN attempts + 1 >= $4 THEN 'dead' END,
            error = CASE WHEN attempts + 1 >= $4 THEN $2 END,
            dead_at = CASE WHEN attempts + 1 >= $4 THEN now() END,
            processed_by_session = CASE WHEN attempts + 1 >= $4 THEN $3::uuid END
      WHERE id = ANY($1::bigint[]) AND processed_at IS NULL
      RETURNING outcome`,
    [ids, error, sessionId, policy.maxAttempts, policy.baseMs, maxRetryDelayMs],
  );
  const dead = rows.filter((r) => r.outcome === 'dead').length;
  return { retrying: rows.length - dead, dead };
}
