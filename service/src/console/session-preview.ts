// What starting a session would do, shown in the console's confirmation before it starts: per scope and
// entity, full or incremental (and from when), the Zuora objects read, and the running session that would
// refuse it (parallel rules of seed 000).
import { backfillStreams, planStreams, type BackfillSpec } from '../mapping/stream-plan.js';
import { blockingSession, refusalMessage, type ActiveSession } from '../sessions/parallel-rules.js';
import type { EngineScope as SessionScope, SessionTrigger } from '../sessions/session-rows.js';
import type { Queryable } from '../store/store.js';
import { fullSyncStart, readWatermark } from '../store/watermark-rows.js';

export interface PreviewRequest {
  readonly scopes: readonly SessionScope[];
  readonly entityIds: readonly string[];
  readonly mode?: 'full' | 'incremental';
  readonly backfill?: BackfillSpec;
}

export interface PreviewItem {
  readonly scope: SessionScope;
  readonly entityId: string;
  readonly trigger: SessionTrigger;
  readonly mode: 'full' | 'incremental';
  readonly since: string;
  readonly objects: readonly string[];
  readonly refusedBecause: string | null;
}

export async function previewSessions(db: Queryable, req: PreviewRequest): Promise<PreviewItem[]> {
  const active = await db.query<{
    id: string;
    scope: SessionScope;
    trigger: SessionTrigger;
    entity_id: string;
  }>(`SELECT id, scope, trigger, entity_id FROM sync_sessions WHERE state IN ('queued', 'running')`);
  const running: ActiveSession[] = active.map((a) => ({
    id: a.id,
    scope: a.scope,
    trigger: a.trigger,
    entityId: a.entity_id,
  }));
  const items: PreviewItem[] = [];
  for (const scope of req.scopes)
    for (const entityId of req.entityIds) {
      const trigger: SessionTrigger = req.backfill === undefined ? 'manual' : 'backfill';
      const mark = await readWatermark(db, scope, entityId);
      const mode =
        req.backfill !== undefined
          ? 'full'
          : (req.mode ?? (scope === 'catalog' || mark === undefined ? 'full' : 'incremental'));
      const streams =
        req.backfill === undefined ? planStreams(scope) : backfillStreams(planStreams(scope), req.backfill);
      const shape = { scope, trigger, entityId };
      const blocker = blockingSession(shape, running);
      items.push({
        scope,
        entityId,
        trigger,
        mode,
        since:
          req.backfill?.since ??
          (mode === 'full' || mark === undefined
            ? fullSyncStart
            : new Date(mark.getTime() - 5 * 60_000)
          ).toISOString(),
        objects: streams.map((s) => s.zuoraObject),
        refusedBecause: blocker === undefined ? null : refusalMessage(shape, blocker),
      });
    }
  return items;
}
