// SQL of drift_reports: one row per drift check (manual or scheduled), its summary, report and differing
// records; the console lists and shows them, the drift notification rule reads the latest. The report and
// changes are JSON written by the drift check (turbo/drift-report.ts) and read back through its schema.
import type { Queryable } from './store.js';

export interface DriftReportInput {
  readonly sessionId: string;
  readonly entityId: string;
  readonly trigger: string;
  readonly checkedAccounts: number;
  readonly driftedAccounts: number;
  readonly driftedRecords: number;
  readonly report: unknown;
  readonly changes: readonly unknown[];
  readonly moreChanges: number;
}

export interface DriftReportRow {
  readonly sessionId: string;
  readonly entityId: string;
  readonly trigger: string;
  readonly checkedAt: Date;
  readonly checkedAccounts: number;
  readonly driftedAccounts: number;
  readonly driftedRecords: number;
}

export interface DriftReportFull extends DriftReportRow {
  readonly report: unknown;
  readonly changes: unknown;
  readonly moreChanges: number;
}

interface Row {
  session_id: string;
  entity_id: string;
  trigger: string;
  checked_at: Date | string;
  checked_accounts: number;
  drifted_accounts: number;
  drifted_records: number;
  report?: unknown;
  changes?: unknown;
  more_changes?: number;
}

const summaryColumns =
  'session_id, entity_id, trigger, checked_at, checked_accounts, drifted_accounts, drifted_records';

function summaryOf(r: Row): DriftReportRow {
  return {
    sessionId: r.session_id,
    entityId: r.entity_id,
    trigger: r.trigger,
    checkedAt: new Date(r.checked_at),
    checkedAccounts: r.checked_accounts,
    driftedAccounts: r.drifted_accounts,
    driftedRecords: r.drifted_records,
  };
}

/** Stores a check's report (again: the same session replaces its row, so a retried save is harmless). */
export async function saveDriftReport(db: Queryable, r: DriftReportInput): Promise<void> {
  await db.query(
    `INSERT INTO drift_reports (session_id, entity_id, trigger, checked_accounts, drifted_accounts,
       drifted_records, report, changes, more_changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
     ON CONFLICT (session_id) DO UPDATE SET checked_accounts = EXCLUDED.checked_accounts,
       drifted_accounts = EXCLUDED.drifted_accounts, drifted_records = EXCLUDED.drifted_records,
       report = EXCLUDED.report, changes = EXCLUDED.changes, more_changes = EXCLUDED.more_changes`,
    [
      r.sessionId,
      r.entityId,
      r.trigger,
      r.checkedAccounts,
      r.driftedAccounts,
      r.driftedRecords,
      JSON.stringify(r.report),
      JSON.stringify(r.changes),
      r.moreChanges,
    ],
  );
}

/** The newest reports first. */
export async function listDriftReports(db: Queryable, limit: number): Promise<DriftReportRow[]> {
  const rows = await db.query<Row>(
    `SELECT ${summaryColumns} FROM drift_reports ORDER BY checked_at DESC, session_id LIMIT $1`,
    [limit],
  );
  return rows.map(summaryOf);
}

export async function findDriftReport(
  db: Queryable,
  sessionId: string,
): Promise<DriftReportFull | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${summaryColumns}, report, changes, more_changes FROM drift_reports WHERE session_id = $1`,
    [sessionId],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  return { ...summaryOf(r), report: r.report, changes: r.changes, moreChanges: r.more_changes ?? 0 };
}

/** The newest report checked in [from, to), for the drift notification rule. */
export async function latestDriftReport(
  db: Queryable,
  from: Date,
  to: Date,
): Promise<DriftReportRow | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${summaryColumns} FROM drift_reports WHERE checked_at >= $1 AND checked_at < $2
      ORDER BY checked_at DESC LIMIT 1`,
    [from.toISOString(), to.toISOString()],
  );
  return rows[0] === undefined ? undefined : summaryOf(rows[0]);
}
