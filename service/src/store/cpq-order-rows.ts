// SQL on cpq_orders: one row per Salesforce CPQ order the service handled, with the version it last handled,
// its status and attempts, so the poller knows what to skip and what to retry and the benchmark measures
// activation -> write-back.
import type { Queryable } from './store.js';

export interface CpqOrderRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly accountId: string;
  readonly version: string;
  readonly status: 'Not Sent' | 'Waiting' | 'Synced' | 'Failed';
  readonly errorCode: string | null;
  readonly transient: boolean;
  readonly attempts: number;
  readonly zuoraOrderNumber: string | null;
  readonly sessionId: string | null;
  readonly activatedAt: string | null;
}

interface Row {
  order_id: string;
  order_number: string;
  account_id: string;
  version: string;
  status: CpqOrderRow['status'];
  error_code: string | null;
  transient: boolean;
  attempts: number;
  zuora_order_number: string | null;
  session_id: string | null;
  activated_at: Date | string | null;
}

const toRow = (r: Row): CpqOrderRow => ({
  orderId: r.order_id,
  orderNumber: r.order_number,
  accountId: r.account_id,
  version: r.version,
  status: r.status,
  errorCode: r.error_code,
  transient: r.transient,
  attempts: Number(r.attempts),
  zuoraOrderNumber: r.zuora_order_number,
  sessionId: r.session_id,
  activatedAt: r.activated_at === null ? null : new Date(r.activated_at).toISOString(),
});

export async function cpqOrderRows(
  db: Queryable,
  orderIds: readonly string[],
): Promise<Map<string, CpqOrderRow>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.query<Row>('SELECT * FROM cpq_orders WHERE order_id = ANY($1::text[])', [
    [...orderIds],
  ]);
  return new Map(rows.map((r) => [r.order_id, toRow(r)]));
}

/** Records an attempt's end (attempts + 1); written after the write-back committed. */
export async function recordCpqOrder(db: Queryable, r: Omit<CpqOrderRow, 'attempts'>): Promise<void> {
  await db.query(
    `INSERT INTO cpq_orders (order_id, order_number, account_id, version, status, error_code, transient, attempts,
                             zuora_order_number, session_id, activated_at, written_back_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, now(), now())
     ON CONFLICT (order_id) DO UPDATE SET order_number = EXCLUDED.order_number, account_id = EXCLUDED.account_id,
       version = EXCLUDED.version, status = EXCLUDED.status, error_code = EXCLUDED.error_code,
       transient = EXCLUDED.transient, attempts = cpq_orders.attempts + 1,
       zuora_order_number = COALESCE(EXCLUDED.zuora_order_number, cpq_orders.zuora_order_number),
       session_id = EXCLUDED.session_id, activated_at = COALESCE(cpq_orders.activated_at, EXCLUDED.activated_at),
       written_back_at = now(), updated_at = now()`,
    [
      r.orderId,
      r.orderNumber,
      r.accountId,
      r.version,
      r.status,
      r.errorCode,
      r.transient,
      r.zuoraOrderNumber,
      r.sessionId,
      r.activatedAt,
    ],
  );
}

/** Activation -> write-back latencies (ms) of the orders synced since `since`, for the benchmark and console. */
export async function cpqLatencies(db: Queryable, since: Date): Promise<number[]> {
  const rows = await db.query<{ ms: string | number }>(
    `SELECT EXTRACT(EPOCH FROM (written_back_at - activated_at)) * 1000 AS ms FROM cpq_orders
      WHERE status = 'Synced' AND activated_at IS NOT NULL AND written_back_at >= $1`,
    [since],
  );
  return rows.map((r) => Number(r.ms));
}
