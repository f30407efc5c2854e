// The waiting orders a poll looks at again: only those for which something changed since their last check,
// not every waiting order every poll. An order waiting for other orders (CPQ-W001 the order it amends,
// CPQ-W002 an earlier amendment) when an order was synced since; any other wait (CPQ-E003 subscriptions not
// contracted yet) when one of its order products changed since the check: its SystemModstamp at or after the
// Order's SystemModstamp that check read (finish-chunk.ts records it for a waiting order; the write-back then
// moves the Order's, so one change brings one more check). The Order's own SystemModstamp cannot tell a
// user's edit from our write-back of the wait: an edit of a waiting Order's fields is seen at the hourly
// check every waiting order gets whatever happens (activation, CPQ-W003, comes through the poller's window).
import { soqlList } from '../salesforce/soql.js';
import type { CpqDeps } from './cpq-deps.js';

const recheckAfter = '1 hour';

interface WaitingRow {
  order_id: string;
  version: string;
  due: boolean;
}

export async function waitingToCheck(deps: CpqDeps): Promise<string[]> {
  const rows = await deps.store.query<WaitingRow>(
    `SELECT w.order_id, w.version,
            w.updated_at < now() - interval '${recheckAfter}' OR (w.error_code IN ('CPQ-W001', 'CPQ-W002') AND
              EXISTS (SELECT 1 FROM cpq_orders s WHERE s.status = 'Synced' AND s.updated_at > w.updated_at)) AS due
       FROM cpq_orders w WHERE w.status = 'Waiting' ORDER BY w.updated_at LIMIT 2000`,
  );
  // A version that is no date (never expected) is checked every time, as before.
  const out = rows.filter((r) => r.due || Number.isNaN(Date.parse(r.version))).map((r) => r.order_id);
  const rest = rows.filter((r) => !out.includes(r.order_id));
  for (let i = 0; i < rest.length; i += 200) {
    const part = rest.slice(i, i + 200);
    const since = new Map(part.map((r) => [r.order_id, Date.parse(r.version)]));
    const oldest = new Date(Math.min(...since.values())).toISOString();
    const changed = await deps.salesforce.query<{ OrderId: string; SystemModstamp: string }>(
      `SELECT OrderId, SystemModstamp FROM OrderItem WHERE OrderId IN (${soqlList([...since.keys()])}) AND SystemModstamp >= ${oldest}`,
      { autoFetch: true, maxFetch: 100_000 },
    );
    const ids = new Set<string>();
    for (const item of changed.records)
      if (Date.parse(item.SystemModstamp) >= (since.get(item.OrderId) ?? 0)) ids.add(item.OrderId);
    out.push(...ids);
  }
  return out;
}
