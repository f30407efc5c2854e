// Repairing what a drift check found: a targeted backfill of exactly the drifted billing accounts, sending only
// the records whose mapped values differ from Salesforce's (missing records are created, different values
// updated, nothing else written), then the extra records (orphans) deleted by their Salesforce Ids in one Bulk
// API 2.0 delete job per object.
import { readFile } from 'node:fs/promises';
import { requestSession } from '../sessions/request-session.js';
import type { SessionScope, SyncSession } from '../sessions/session-rows.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { deleteByIds } from './delete-spooled.js';
import { runTurboSession } from './turbo-session.js';

export interface DriftRepair {
  readonly backfill: SyncSession | undefined;
  /** Records deleted per object, and the ones Salesforce refused. */
  readonly deleted: Record<string, number>;
  readonly failedDeletes: number;
}

async function orphansOf(file: string | null): Promise<Map<string, string[]>> {
  const byObject = new Map<string, string[]>();
  if (file === null) return byObject;
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as { object: string; action: string; salesforceId?: string | null };
    if (entry.action !== 'delete' || typeof entry.salesforceId !== 'string') continue;
    byObject.set(entry.object, [...(byObject.get(entry.object) ?? []), entry.salesforceId]);
  }
  return byObject;
}

export async function repairDrift(
  deps: SyncDeps,
  check: SyncSession,
  scope: SessionScope = 'accounts',
): Promise<DriftRepair> {
  const report = check.counts.dryRun;
  if (report?.drift === undefined) throw new Error(`session ${check.id} is not a drift check`);
  const accounts = Object.keys(report.drift.accounts).filter((a) => a !== '');
  let backfill: SyncSession | undefined;
  if (accounts.length > 0) {
    const requested = await requestSession(deps.store, {
      scope,
      trigger: 'backfill',
      mode: 'full',
      entityId: check.entityId,
      params: { backfill: { accountIds: accounts }, skipUnchanged: true },
    });
    if (!requested.ok) throw new Error(requested.message);
    backfill = await runTurboSession(deps, requested.session.id);
  }
  const deleted: Record<string, number> = {};
  let failedDeletes = 0;
  for (const [object, ids] of await orphansOf(report.file)) {
    const outcome = await deleteByIds(deps, object, ids, undefined, () => Promise.resolve());
    deleted[object] = outcome.succeeded;
    failedDeletes += outcome.failures.filter((f) => f.code !== 'ENTITY_IS_DELETED').length;
  }
  return { backfill, deleted, failedDeletes };
}
