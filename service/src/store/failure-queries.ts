// Read side of failed_records for the console and its API: open failures grouped by error code, a page of
// them under filters (keyset on id), the rows an admin selected, and every matching row for an export,
// read a batch at a time so an export of any size holds one batch in memory.
import type { Queryable } from './store.js';

export interface FailureFilter {
  readonly object?: string;
  readonly code?: string;
  /** A Zuora billing account id: its own record and the records filed under it. */
  readonly accountId?: string;
  readonly sessionId?: string;
  /** Matches a Zuora id or an external id exactly. */
  readonly recordId?: string;
  readonly entityId?: string;
  /** Open failures only (default), or resolved ones too. */
  readonly includeResolved?: boolean;
}

export interface FailureRow {
  readonly id: number;
  readonly stream: string;
  readonly salesforceObject: string;
  readonly entityId: string;
  readonly externalId: string;
  readonly zuoraId: string | null;
  readonly accountId: string | null;
  readonly sessionId: string | null;
  readonly code: string;
  readonly message: string;
  readonly fields: readonly string[];
  readonly attempts: number;
  readonly firstFailedAt: Date;
  readonly lastFailedAt: Date;
  readonly resolvedAt: Date | null;
}

export interface FailureGroup {
  readonly code: string;
  readonly count: number;
  readonly lastFailedAt: Date;
  readonly objects: readonly { readonly object: string; readonly count: number }[];
  readonly exampleMessage: string;
}

interface Row {
  id: string | number;
  stream: string;
  salesforce_object: string;
  entity_id: string;
  external_id: string;
  zuora_id: string | null;
  account_id: string | null;
  session_id: string | null;
  error_code: string;
  error_message: string;
  error_fields: string[];
  attempts: number;
  first_failed_at: Date;
  last_failed_at: Date;
  resolved_at: Date | null;
}

const columns = `id, stream, salesforce_object, entity_id, external_id, zuora_id, account_id, session_id,
  error_code, error_message, error_fields, attempts, first_failed_at, last_failed_at, resolved_at`;

const toRow = (r: Row): FailureRow => ({
  id: Number(r.id),
  stream: r.stream,
  salesforceObject: r.salesforce_object,
  entityId: r.entity_id,
  externalId: r.external_id,
  zuoraId: r.zuora_id,
  accountId: r.account_id,
  sessionId: r.session_id,
  code: r.error_code,
  message: r.error_message,
  fields: r.error_fields,
  attempts: r.attempts,
  firstFailedAt: new Date(r.first_failed_at),
  lastFailedAt: new Date(r.last_failed_at),
  resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at),
});

/** WHERE clause and parameters of a filter; `params` may already hold earlier parameters. */
export function failureWhere(f: FailureFilter, params: unknown[]): string {
  const where: string[] = f.includeResolved === true ? [] : ['resolved_at IS NULL'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${String(params.length)}`));
  };
  if (f.object !== undefined) add('salesforce_object = ?', f.object);
  if (f.code !== undefined) add('error_code = ?', f.code);
  if (f.sessionId !== undefined) add('session_id = ?::uuid', f.sessionId);
  if (f.entityId !== undefined) add('entity_id = ?', f.entityId);
  if (f.recordId !== undefined) add('(zuora_id = ? OR external_id = ?)', f.recordId);
  if (f.accountId !== undefined)
    add(
      `(account_id = ? OR (salesforce_object IN ('CustomerAccount__c', 'Zuora__CustomerAccount__c') AND external_id = ?))`,
      f.accountId,
    );
  return where.length === 0 ? 'TRUE' : where.join(' AND ');
}

export async function failureGroups(db: Queryable, f: FailureFilter): Promise<FailureGroup[]> {
  const params: unknown[] = [];
  const rows = await db.query<{
    error_code: string;
    salesforce_object: string;
    n: string | number;
    last: Date;
    example: string;
  }>(
    `SELECT error_code, salesforce_object, count(*) AS n, max(last_failed_at) AS last, min(error_message) AS example
       FROM failed_records WHERE ${failureWhere(f, params)} GROUP BY error_code, salesforce_object`,
    params,
  );
  const groups = new Map<
    string,
    { count: number; last: Date; objects: { object: string; count: number }[]; example: string }
  >();
  for (const r of rows) {
    const g = groups.get(r.error_code) ?? { count: 0, last: new Date(0), objects: [], example: r.example };
    g.count += Number(r.n);
    if (new Date(r.last) > g.last) g.last = new Date(r.last);
    g.objects.push({ object: r.salesforce_object, count: Number(r.n) });
    groups.set(r.error_code, g);
  }
  return [...groups.entries()]
    .map(([code, g]) => ({
      code,
      count: g.count,
      lastFailedAt: g.last,
      objects: g.objects.sort((a, b) => b.count - a.count),
      exampleMessage: g.example,
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** A page of failures, newest first; `beforeId` continues after the last row of the previous page. */
export async function listFailures(
  db: Queryable,
  f: FailureFilter,
  limit: number,
  beforeId?: number,
): Promise<FailureRow[]> {
  const params: unknown[] = [];
  let where = failureWhere(f, params);
  if (beforeId !== undefined) {
    params.push(beforeId);
    where += ` AND id < $${String(params.length)}`;
  }
  params.push(limit);
  const rows = await db.query<Row>(
    `SELECT ${columns} FROM failed_records WHERE ${where} ORDER BY id DESC LIMIT $${String(params.length)}`,
    params,
  );
  return rows.map(toRow);
}

export async function failuresByIds(db: Queryable, ids: readonly number[]): Promise<FailureRow[]> {
  const rows = await db.query<Row>(
    `SELECT ${columns} FROM failed_records WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  return rows.map(toRow);
}

export async function countFailures(db: Queryable, f: FailureFilter): Promise<number> {
  const params: unknown[] = [];
  const rows = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM failed_records WHERE ${failureWhere(f, params)}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Every failure matching the filter, oldest first, `batch` rows per query. */
export async function* allFailures(
  db: Queryable,
  f: FailureFilter,
  batch = 1_000,
): AsyncGenerator<FailureRow> {
  let after = 0;
  for (;;) {
    const params: unknown[] = [];
    const where = failureWhere(f, params);
    params.push(after, batch);
    const rows = await db.query<Row>(
      `SELECT ${columns} FROM failed_records WHERE ${where} AND id > $${String(params.length - 1)}
        ORDER BY id LIMIT $${String(params.length)}`,
      params,
    );
    for (const r of rows) yield toRow(r);
    if (rows.length < batch) return;
    after = Number((rows[rows.length - 1] as Row).id);
  }
}
