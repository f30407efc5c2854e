// Console sign-ins in the store, so every service process sharing it honours them: the cookie carries a
// random id and only its SHA-256 is kept, with the CSRF token of the sign-in and when it expires (after an
// idle period, and in any case after a maximum age).
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../store/store.js';

export interface ConsoleSessionTimes {
  readonly idleMs: number;
  readonly maxMs: number;
}

export interface ConsoleSignIn {
  /** The cookie value: shown once, never stored. */
  readonly cookieId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ConsoleSessionRow {
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export const hashId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

export async function createConsoleSession(
  db: Queryable,
  times: ConsoleSessionTimes,
): Promise<ConsoleSignIn> {
  const cookieId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const rows = await db.query<{ expires_at: Date }>(
    `INSERT INTO console_sessions (id_hash, csrf_token, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING expires_at`,
    [hashId(cookieId), csrfToken, Math.min(times.idleMs, times.maxMs) / 1000],
  );
  return { cookieId, csrfToken, expiresAt: new Date((rows[0] as { expires_at: Date }).expires_at) };
}

/**
 * The live sign-in for a cookie id, or undefined (unknown or expired). A sign-in in use is extended by the
 * idle period, never past its maximum age; the write happens at most once a minute.
 */
export async function findConsoleSession(
  db: Queryable,
  cookieId: string,
  times: ConsoleSessionTimes,
): Promise<ConsoleSessionRow | undefined> {
  const rows = await db.query<{ csrf_token: string; expires_at: Date }>(
    `UPDATE console_sessions SET last_seen_at = now(),
            expires_at = LEAST(created_at + make_interval(secs => $3), now() + make_interval(secs => $2))
      WHERE id_hash = $1 AND expires_at > now() AND last_seen_at < now() - interval '1 minute'
      RETURNING csrf_token, expires_at`,
    [hashId(cookieId), times.idleMs / 1000, times.maxMs / 1000],
  );
  const touched = rows[0];
  if (touched !== undefined)
    return { csrfToken: touched.csrf_token, expiresAt: new Date(touched.expires_at) };
  const found = await db.query<{ csrf_token: string; expires_at: Date }>(
    'SELECT csrf_token, expires_at FROM console_sessions WHERE id_hash = $1 AND expires_at > now()',
    [hashId(cookieId)],
  );
  const row = found[0];
  return row === undefined ? undefined : { csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) };
}

export async function deleteConsoleSession(db: Queryable, cookieId: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE id_hash = $1', [hashId(cookieId)]);
}

export async function deleteExpiredConsoleSessions(db: Queryable): Promise<number> {
  const rows = await db.query('DELETE FROM console_sessions WHERE expires_at <= now() RETURNING id_hash');
  return rows.length;
}
