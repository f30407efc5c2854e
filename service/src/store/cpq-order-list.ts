// The console's view of cpq_orders: the orders of one state (synced, waiting, failed for good, pending: sent
// again on the next poll), newest first, and how many there are in each.
import type { Queryable } from './store.js';

export type CpqOrderState = 'synced' | 'waiting' | 'failed' | 'pending';

const where: Record<CpqOrderState, string> = {
  synced: "status = 'Synced'",
  waiting: "status = 'Waiting'",
  failed: "status = 'Failed' AND NOT transient",
  pending: "(status = 'Not Sent' OR (status = 'Failed' AND transient))",
};

export interface CpqOrderListRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly accountId: string;
  readonly status: string;
  readonly errorCode: string | null;
  readonly transient: boolean;
  readonly attempts: number;
  readonly zuoraOrderNumber: string | null;
  readonly updatedAt: string;
}

interface Row {
  order_id: string;
  order_number: string;
  account_id: string;
  status: string;
  error_code: string | null;
  transient: boolean;
  attempts: number;
  zuora_order_number: string | null;
  updated_at: Date | string;
}

export async function listCpqOrders(
  db: Queryable,
  state: CpqOrderState | undefined,
  limit: number,
): Promise<CpqOrderListRow[]> {
  const rows = await db.query<Row>(
    `SELECT order_id, order_number, account_id, status, error_code, transient, attempts, zuora_order_number,
            updated_at FROM cpq_orders ${state === undefined ? '' : `WHERE ${where[state]}`}
      ORDER BY updated_at DESC, order_number LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    orderId: r.order_id,
    orderNumber: r.order_number,
    accountId: r.account_id,
    status: r.status,
    errorCode: r.error_code,
    transient: r.transient,
    attempts: Number(r.attempts),
    zuoraOrderNumber: r.zuora_order_number,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function cpqOrderCounts(db: Queryable): Promise<Record<CpqOrderState, number>> {
  const [row] = await db.query<Record<CpqOrderState, string | number>>(
    `SELECT ${Object.entries(where)
      .map(([state, cond]) => `count(*) FILTER (WHERE ${cond}) AS ${state}`)
      .join(', ')} FROM cpq_orders`,
  );
  return {
    synced: Number(row?.synced ?? 0),
    waiting: Number(row?.waiting ?? 0),
    failed: Number(row?.failed ?? 0),
    pending: Number(row?.pending ?? 0),
  };
}
