// The automatic trigger: every poll interval (60 s by default) the activated orders changed since the last
// look and not synced yet (SOQL on Order by LastModifiedDate window, StatusCode = 'Activated', the admin's
// filter), plus the orders waiting (contracting, the order they amend) for which something changed since their
// last check (waiting-orders.ts) or failed for a transient cause, go
// through CPQ sessions of fifty orders. A failed order is tried again only once it changed (its
// SystemModstamp moved past the one recorded after its write-back). Stripe's connector polls the same way:
// reference 0 item 9. Edits of order products do not move Order.LastModifiedDate, hence the waiting list.
import { requestSession } from '../sessions/request-session.js';
import { cpqOrderRows } from '../store/cpq-order-rows.js';
import { readWatermark, writeWatermark } from '../store/watermark-rows.js';
import type { CpqDeps } from './cpq-deps.js';
import { runCpqSession } from './cpq-session.js';
import { waitingToCheck } from './waiting-orders.js';

/** Orders committed late (long transactions) still fall in the next window. */
const overlapMs = 5 * 60_000;
const firstLookBackMs = 24 * 3_600_000;

async function candidates(
  deps: CpqDeps,
  since: Date,
  until: Date,
): Promise<{ Id: string; SystemModstamp: string }[]> {
  const filter = deps.cpq.orderFilter === undefined ? '' : ` AND (${deps.cpq.orderFilter})`;
  const soql =
    `SELECT Id, SystemModstamp FROM Order WHERE StatusCode = 'Activated' AND Zuora_Sync_Status__c != 'Synced'` +
    ` AND LastModifiedDate >= ${since.toISOString()} AND LastModifiedDate < ${until.toISOString()}${filter}` +
    ' ORDER BY LastModifiedDate LIMIT 2000';
  return (await deps.salesforce.query<{ Id: string; SystemModstamp: string }>(soql)).records;
}

async function retries(deps: CpqDeps): Promise<string[]> {
  const rows = await deps.store.query<{ order_id: string }>(
    "SELECT order_id FROM cpq_orders WHERE status = 'Failed' AND transient ORDER BY updated_at LIMIT 2000",
  );
  return [...rows.map((r) => r.order_id), ...(await waitingToCheck(deps))];
}

/** One look: answers the orders it sent through sessions. */
export async function pollOnce(deps: CpqDeps, now = new Date()): Promise<number> {
  const mark = await readWatermark(deps.store, 'cpq', '');
  const since = new Date((mark?.getTime() ?? now.getTime() - firstLookBackMs) - overlapMs);
  const found = await candidates(deps, since, now);
  const rows = await cpqOrderRows(
    deps.store,
    found.map((r) => r.Id),
  );
  // A waiting order is not taken again because its Order moved (our own write-back moves it): waiting-orders.ts
  // says when to check it again; one waiting for its activation (CPQ-W003) is taken once activated.
  const changed = found.filter((r) => {
    const row = rows.get(r.Id);
    if (row?.status === 'Waiting') return row.errorCode === 'CPQ-W003';
    return row === undefined || row.status !== 'Failed' || row.transient || row.version !== r.SystemModstamp;
  });
  const ids = [...new Set([...changed.map((r) => r.Id), ...(await retries(deps))])];
  for (let i = 0; i < ids.length; i += 50) {
    const requested = await requestSession(deps.store, {
      scope: 'cpq',
      trigger: 'scheduled',
      mode: 'incremental',
      params: { cpq: { orderIds: ids.slice(i, i + 50), dryRun: false, source: 'POLLER' } },
    });
    if (!requested.ok) return i;
    await runCpqSession(deps, requested.session.id);
  }
  const sessionId = (
    await deps.store.query<{ id: string }>(
      "SELECT id FROM sync_sessions WHERE scope = 'cpq' ORDER BY requested_at DESC LIMIT 1",
    )
  )[0]?.id;
  if (sessionId !== undefined) await writeWatermark(deps.store, 'cpq', '', now, sessionId);
  return ids.length;
}

export class CpqPoller {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: CpqDeps) {}

  start(): void {
    // The interval runs from the start of one look to the start of the next: a long look (many orders, many
    // waiting) does not stretch the time an activated order waits for the next one.
    const tick = () => {
      const started = Date.now();
      this.#running = pollOnce(this.deps)
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error }, 'CPQ poll failed; trying again next interval'),
        )
        .finally(() => {
          const wait = this.deps.cpq.pollIntervalSeconds * 1000 - (Date.now() - started);
          if (this.#timer !== undefined) this.#timer = setTimeout(tick, Math.max(0, wait));
        });
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
