// One Turbo Sync session while it runs: what every stage reads (the session, its checkpoints and spool, the
// streams and maps of its scope) and what the stages hand on (the AQuA batches, the window it covers, the
// typed rows of a small session, the counts and the load plan).
import { join } from 'node:path';
import type { ObjectMap } from '../mapping/field-map.js';
import { deferredObjects, loadOrder, loadParents } from '../mapping/load-order.js';
import { mapsInScope, objectMaps } from '../mapping/object-maps.js';
import type { MappingContext } from '../mapping/record-mapper.js';
import { backfillStreams, planStreams, type BackfillSpec, type StreamSpec } from '../mapping/stream-plan.js';
import { SessionCheckpoints } from '../sessions/checkpoints.js';
import { LoadPlan } from '../sessions/load-plan.js';
import { CountsBook } from '../sessions/session-counts.js';
import { engineScopeOf, type SyncSession } from '../sessions/session-rows.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { SharedKeySets } from '../store/shared-key-sets.js';
import type { AquaBatch } from '../zuora/aqua-export.js';
import { CsvSpool } from './csv-spool.js';
import { SpoolGates } from './spool-gates.js';
import type { MemoryRows } from './spool-output.js';

export interface TurboRun {
  readonly deps: SyncDeps;
  readonly session: SyncSession;
  readonly checkpoints: SessionCheckpoints;
  readonly spool: CsvSpool;
  readonly maps: readonly ObjectMap[];
  readonly streams: readonly StreamSpec[];
  readonly context: MappingContext;
  /** A backfill's selection; undefined for a full or incremental session. */
  readonly backfill: BackfillSpec | undefined;
  readonly counts: CountsBook;
  readonly plan: LoadPlan;
  /** When each object's upsert parts are complete, so its load may start during extraction. */
  readonly gates: SpoolGates;
  /** Parent failure sets read once for the parts screened against them at the same time (screen-basis.ts). */
  readonly parentSets: SharedKeySets;
  readonly startedAt: number;
  readonly zuoraCallsBefore: number;
  /** The extraction's AQuA batches (empty once the spool is complete). */
  batches: readonly AquaBatch[];
  /** Where the extraction window starts and ends (the next watermark). */
  since: Date;
  windowEnd: Date;
  /** A small session's typed rows, loaded through Composite calls; undefined otherwise or once resumed. */
  memory: MemoryRows | undefined;
  /** Records not sent because Salesforce held them as mapped (SYNC_SKIP_UNCHANGED=on), per object. */
  readonly skipped: Record<string, number>;
}

export async function openTurboRun(deps: SyncDeps, session: SyncSession): Promise<TurboRun> {
  const backfill = session.trigger === 'backfill' ? (session.params.backfill ?? {}) : undefined;
  const all = deps.maps ?? objectMaps;
  const scope = engineScopeOf(session);
  const planned = planStreams(scope, all);
  const order = loadOrder({ scope, maps: all });
  const maps = mapsInScope(scope, all);
  // Every object of the scope is counted, read or not.
  const counts = new CountsBook();
  for (const m of maps) counts.of(m.salesforceObject);
  const now = (deps.now ?? (() => new Date()))();
  const streams = backfill === undefined ? planned : backfillStreams(planned, backfill);
  return {
    // A drift repair writes only what changed, whatever SYNC_SKIP_UNCHANGED says.
    deps: session.params.skipUnchanged === true ? { ...deps, skipUnchanged: true } : deps,
    session,
    checkpoints: await SessionCheckpoints.read(deps.store, session.id),
    spool: new CsvSpool(join(deps.spoolDir, session.id), deps.spoolPartBytes),
    maps,
    streams,
    context: {
      schema: deps.schema,
      ...(session.entityId === '' ? {} : { entityId: session.entityId }),
      subscriptionIdentity: session.params.subscriptionIdentity ?? 'number',
    },
    backfill,
    counts,
    plan: new LoadPlan(
      {
        store: deps.store,
        sessionId: session.id,
        entityId: session.entityId,
        counts,
        dryRun: session.params.dryRun === true,
      },
      order,
      deferredObjects({ scope, maps: all }),
      loadParents({ scope, maps: all }),
    ),
    gates: new SpoolGates(streams),
    parentSets: new SharedKeySets(),
    startedAt: Date.now(),
    zuoraCallsBefore: deps.zuora.calls,
    batches: [],
    since: now,
    windowEnd: now,
    memory: undefined,
    skipped: {},
  };
}
