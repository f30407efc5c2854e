// A CPQ session: the orders it was asked for, read in a few calls, synced side by side in lanes (order-lanes.ts:
// orders sharing an account or a lineage one by one in start-date order, an amendment after the order it
// amends; CPQ_CONCURRENCY lanes at once), written back fifty orders a Composite call, each order's end
// recorded (cpq_orders, its checkpoint) only once Salesforce holds its write-back. A session resumed after
// a crash skips the orders written back and polls the jobs it had submitted. Sync_History__c records it
// with Scope__c 'CPQ Orders'.
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { assertSyncedOrg } from '../sessions/org-guard.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import { SessionCheckpoints } from '../sessions/checkpoints.js';
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { writeSyncHistory } from '../sessions/sync-history.js';
import { cpqOrderRows } from '../store/cpq-order-rows.js';
import { CpqCalls, type CpqDeps } from './cpq-deps.js';
import { finishChunk } from './finish-chunk.js';
import type { ItemLink, OrderOutcome } from './order-outcome.js';
import { readBundles } from './read-bundles.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { guardedSync } from './guarded-sync.js';
import { prefetchAccounts } from './account-prefetch.js';
import { runLanes, serialized } from './lane-runner.js';
import { lanesOf } from './order-lanes.js';
import type { OrderRun } from './sync-order.js';
import { planCache } from './catalog-lookups.js';

const chunkSize = 50;

export interface CpqSessionResult {
  readonly session: SyncSession;
  readonly outcomes: readonly OrderOutcome[];
}

function startOrder(a: CpqOrderBundle, b: CpqOrderBundle): number {
  return (
    a.order.EffectiveDate.localeCompare(b.order.EffectiveDate) ||
    a.order.OrderNumber.localeCompare(b.order.OrderNumber)
  );
}

export async function runCpqSession(deps: CpqDeps, sessionId: string): Promise<CpqSessionResult> {
  const { session, stop } = await beginSession(deps.store, sessionId);
  const started = Date.now();
  const calls = new CpqCalls(deps);
  const params = session.params.cpq ?? { orderIds: [], dryRun: false, source: 'CLI' as const };
  const outcomes: OrderOutcome[] = [];
  try {
    // Another Salesforce org than the one on record (a refreshed sandbox): nothing is read or sent to Zuora
    // until an admin confirms it (sessions/org-guard.ts), as for every other session kind.
    await assertSyncedOrg(deps);
    const checkpoints = await SessionCheckpoints.read(deps.store, sessionId);
    const writer = { conn: deps.salesforce, governor: deps.governor, caller: 'cpq' };
    const customers = {
      deps,
      known: new Map<string, ZuoraAccountRef>(),
      created: new Map<string, Map<string, string>>(),
    };
    const plans = planCache();
    const catalog = serialized();
    const synced = new Set<string>();
    const links = new Map<string, ItemLink>();
    for (let i = 0; i < params.orderIds.length; i += chunkSize) {
      const ids = params.orderIds.slice(i, i + chunkSize);
      const read = await readBundles(writer, calls.salesforce, ids, deps.cpq);
      const rows = await cpqOrderRows(deps.store, ids);
      const bundles = [...read.bundles.values()].sort(startOrder);
      const prefetched = await prefetchAccounts(deps, bundles, read.parents, customers.known);
      const done = new Map<string, OrderOutcome>();
      await runLanes(lanesOf(bundles, read.revised, read.parents), deps.cpq.concurrency, async (bundle) => {
        const run: OrderRun = {
          deps,
          checkpoints,
          customers: { ...customers, parents: read.parents, prefetched, dryRun: params.dryRun ? [] : null },
          plans,
          catalog,
          attempt: rows.get(bundle.order.Id)?.attempts ?? 0,
          revised: read.revised,
          revisions: read.revisions,
          synced,
          links,
        };
        const outcome = await guardedSync(run, bundle, rows.get(bundle.order.Id));
        if (outcome.status === 'Synced') synced.add(outcome.orderId);
        for (const link of outcome.items) links.set(link.itemId, link);
        done.set(bundle.order.Id, outcome);
      });
      const chunk = bundles.flatMap((bundle) => {
        const outcome = done.get(bundle.order.Id);
        return outcome === undefined ? [] : [{ bundle, outcome }];
      });
      if (!params.dryRun)
        await finishChunk(deps, writer, calls.salesforce, checkpoints, sessionId, chunk, rows);
      outcomes.push(...chunk.map((c) => c.outcome));
    }
    return { session: await finish(deps, session, outcomes, calls, started), outcomes };
  } catch (error) {
    await failSession(deps, sessionId, error, {}).catch(() => undefined);
    throw error;
  } finally {
    stop();
  }
}

async function finish(
  deps: CpqDeps,
  session: SyncSession,
  outcomes: readonly OrderOutcome[],
  calls: CpqCalls,
  started: number,
): Promise<SyncSession> {
  const failed = outcomes.filter((o) => o.status === 'Failed').length;
  const written = outcomes.filter((o) => o.status === 'Synced').length;
  const objects = { Order: { read: outcomes.length, written, created: written, failed, deleted: 0 } };
  const counts = {
    objects,
    durationMs: Date.now() - started,
    salesforceCalls: calls.salesforce.calls,
    zuoraCalls: calls.zuora,
    cpq: Object.fromEntries(
      outcomes.map((o) => [o.orderId, { status: o.status, errorCode: o.error?.code ?? null }]),
    ),
  };
  const state = failed === 0 ? 'finished' : 'finished_with_errors';
  const ending: SyncSession = { ...session, state, counts, finishedAt: new Date() };
  if (session.params.cpq?.dryRun !== true)
    await writeSyncHistory(deps, ending, objects).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, sessionId: session.id },
        'could not write Sync_History__c for a CPQ session',
      );
    });
  return deps.store.transaction((tx) => transitionSession(tx, session.id, state, { counts }));
}
