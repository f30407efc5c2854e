// SQL of the salesforce_org row: the org id the service syncs, and another org a session found instead.
import type { Queryable } from './store.js';

export interface OrgRecord {
  readonly orgId: string;
  readonly recordedAt: Date;
  readonly confirmedBy: string | null;
  /** An org a session connected to instead, waiting for an admin's confirmation. */
  readonly seenOrgId: string | null;
  readonly seenAt: Date | null;
}

interface OrgRow {
  org_id: string;
  recorded_at: Date | string;
  confirmed_by: string | null;
  seen_org_id: string | null;
  seen_at: Date | string | null;
}

function toRecord(row: OrgRow): OrgRecord {
  return {
    orgId: row.org_id,
    recordedAt: new Date(row.recorded_at),
    confirmedBy: row.confirmed_by,
    seenOrgId: row.seen_org_id,
    seenAt: row.seen_at === null ? null : new Date(row.seen_at),
  };
}

export async function readOrgRecord(db: Queryable): Promise<OrgRecord | undefined> {
  const rows = await db.query<OrgRow>(
    'SELECT org_id, recorded_at, confirmed_by, seen_org_id, seen_at FROM salesforce_org',
  );
  return rows[0] === undefined ? undefined : toRecord(rows[0]);
}

/** Records the first org; answers the org on record (another process may have recorded one first). */
export async function recordFirstOrg(db: Queryable, orgId: string): Promise<OrgRecord> {
  await db.query('INSERT INTO salesforce_org (org_id) VALUES ($1) ON CONFLICT (singleton) DO NOTHING', [
    orgId,
  ]);
  const found = await readOrgRecord(db);
  if (found === undefined) throw new Error('salesforce_org has no row after its insert');
  return found;
}

export async function noteSeenOrg(db: Queryable, orgId: string): Promise<void> {
  await db.query(
    `UPDATE salesforce_org SET seen_org_id = $1,
       seen_at = CASE WHEN seen_org_id = $1 THEN seen_at ELSE now() END`,
    [orgId],
  );
}

/** An admin's confirmation: `orgId` becomes the org the service syncs. */
export async function confirmOrg(db: Queryable, orgId: string, confirmedBy: string): Promise<OrgRecord> {
  await db.query(
    `INSERT INTO salesforce_org (org_id, confirmed_by) VALUES ($1, $2)
     ON CONFLICT (singleton) DO UPDATE SET org_id = $1, confirmed_by = $2, recorded_at = now(),
       seen_org_id = NULL, seen_at = NULL`,
    [orgId, confirmedBy],
  );
  return (await readOrgRecord(db)) as OrgRecord;
}
