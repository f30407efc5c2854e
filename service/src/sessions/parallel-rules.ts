// Which sessions may start while others run (seed 000, "Parallel Sync Sessions"):
// - a running manual Product Catalog session blocks a new Product Catalog session;
// - a running manual or scheduled Accounts session blocks a new manual or real-time Accounts session
//   (and, here, a scheduled one too: two bulk sessions over the same records would only race);
// - Product Catalog and Accounts sessions run side by side;
// - on-demand sessions run in parallel with anything.
// Rules apply per entity: sessions of different entities never block each other.
import type { SessionScope, SessionTrigger } from './session-rows.js';

export interface ActiveSession {
  readonly id: string;
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  readonly entityId: string;
}

export interface SessionRequestShape {
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  readonly entityId: string;
}

const bulkTriggers: ReadonlySet<SessionTrigger> = new Set(['manual', 'scheduled', 'backfill', 'cleanup']);

/** The active session that forbids `request`, or undefined when it may start. */
export function blockingSession(
  request: SessionRequestShape,
  active: readonly ActiveSession[],
): ActiveSession | undefined {
  if (request.trigger === 'on_demand') return undefined;
  return active.find((a) => {
    if (a.entityId !== request.entityId || a.scope !== request.scope || a.trigger === 'on_demand')
      return false;
    if (request.scope === 'catalog') return a.trigger !== 'realtime';
    // Accounts: manual/scheduled (bulk) sessions block manual, scheduled and real-time ones; a running
    // real-time session blocks another real-time one (it would be the same batch).
    if (bulkTriggers.has(a.trigger)) return true;
    return a.trigger === 'realtime' && request.trigger === 'realtime';
  });
}

const labels: Record<SessionTrigger, string> = {
  manual: 'manual',
  scheduled: 'scheduled',
  on_demand: 'on-demand',
  realtime: 'real-time',
  backfill: 'backfill',
  cleanup: 'clean-up',
};

export function refusalMessage(request: SessionRequestShape, blocker: ActiveSession): string {
  const scope = (s: SessionScope) =>
    s === 'accounts' ? 'Accounts & Related Objects' : s === 'cpq' ? 'CPQ Orders' : 'Product Catalog';
  return `a ${labels[blocker.trigger]} ${scope(blocker.scope)} session (${blocker.id}) is running; a new ${labels[request.trigger]} ${scope(request.scope)} session cannot start until it ends`;
}
