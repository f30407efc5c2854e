// Turbo Sync's writer of the load plan: one Bulk API 2.0 job per spool part (each under the 100 MB upload
// limit), each checkpointed on its own so a resumed session re-sends at most the jobs that were in flight, and
// objects side by side, each as soon as its parents have loaded. A small session whose typed rows are still
// in memory writes through Composite calls instead: a Bulk job costs about eight API calls however small it
// is, where a Composite call carries 1,000 records. A stopped API budget sends it back to Bulk; deletions always use Bulk.
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-composite-post.html
import { CompositeLoadWriter } from '../api-sync/composite-writer.js';
import { keyIsZuoraId } from '../mapping/record-rules.js';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import { governorFor } from '../sessions/api-governor.js';
import {
  failureObjectOf,
  type LoadPass,
  type LoadWriter,
  type UnitResult,
  type UnitSettler,
  type WaitsFor,
} from '../sessions/load-plan.js';
import { runWhenReady } from '../sessions/ready-order.js';
import { BatchFill } from './batch-fill.js';
import { deleteSpooled } from './delete-spooled.js';
import { borrowedOf, filledPart, type KeepHeld, type PartLoad } from './filled-part.js';
import { loadObject } from './load-object.js';
import { reusedBody } from './part-reads.js';
import { PartScreen } from './part-screen.js';
import { changedMemory, changedPart } from './skip-unchanged.js';
import { throwIfCancelRequested } from '../sessions/session-cancel.js';
import { accountReferenceColumn } from '../mapping/account-reference.js';
import type { TurboRun } from './turbo-run.js';

/** Sessions that load at most this many records in all use Composite calls (two calls at most when full). */
export const collectionsSessionLimit = 2_000;
const parallelLoads = 3;
/** Parts of one object loading side by side (see `#object`). */
const partLanes = 2;

export class TurboWriter implements LoadWriter {
  readonly #run: TurboRun;

  constructor(run: TurboRun) {
    this.#run = run;
  }

  async load(
    pass: LoadPass,
    groups: readonly (readonly string[])[],
    units: UnitSettler,
    waitsFor: WaitsFor,
  ): Promise<void> {
    if (pass !== 'delete' && this.#run.memory !== undefined) {
      const done = await this.#composite(pass, groups, units).then(
        () => true,
        (error: unknown) => {
          if (error instanceof ApiBudgetExhaustedError) return false;
          throw error;
        },
      );
      if (done) return;
    }
    // Each object starts once those it waits for are done (no group barriers): a large object loading
    // alone no longer keeps the independent ones of the next group waiting.
    // Upserts also wait for the object's spool parts to be complete: they may start during extraction.
    const spooled = pass === 'upsert' ? (object: string) => this.#run.gates.ready(object) : undefined;
    await runWhenReady(
      groups.flat(),
      waitsFor,
      parallelLoads,
      (object) => this.#object(pass, object, units),
      spooled,
    );
  }

  /** The whole pass in Composite calls; each object's spool parts are checkpointed done as it settles. */
  async #composite(
    pass: LoadPass,
    groups: readonly (readonly string[])[],
    units: UnitSettler,
  ): Promise<void> {
    const { deps, session, spool, checkpoints } = this.#run;
    const all = this.#run.memory ?? new Map();
    const memory = deps.skipUnchanged === true ? await changedMemory(this.#run, pass, all) : all;
    const writer = new CompositeLoadWriter(
      {
        writer: { conn: deps.salesforce, governor: governorFor(deps), caller: 'Turbo Sync' },
        store: deps.store,
        entityId: session.entityId,
      },
      memory,
    );
    await writer.load(pass, groups, {
      restore: (unit) => units.restore(unit),
      hold: (object, pass, held) => units.hold(object, pass, held),
      settle: async (unit: UnitResult) => {
        await units.settle(unit);
        for (const part of spool.parts(unit.object, pass)) {
          const first = part === 0;
          await checkpoints.write(
            { kind: 'load', pass, object: unit.object, part },
            {
              phase: 'done',
              recordsWritten: first ? unit.written : 0,
              recordsFailed: first ? unit.failures.length : 0,
              cursor: { created: first ? unit.created : 0, jobs: 0 },
            },
          );
        }
        this.#progress(unit.object, pass, unit.written, unit.failures.length);
      },
    });
  }

  /**
   * An object's parts load `partLanes` at a time: the next part is screened and uploaded while Salesforce
   * processes the one before, instead of after its results are read. On a failure no further part starts;
   * those running finish, then the first error is thrown.
   */
  async #object(pass: LoadPass, object: string, units: UnitSettler): Promise<void> {
    const { spool } = this.#run;
    if (!spool.has(object, pass)) return;
    if (pass === 'delete') return this.#delete(object, units);
    const parts = spool.parts(object, pass);
    const fill = BatchFill.of(this.#run, object, pass, parts);
    let next = 0;
    let failed = false;
    const lane = async (): Promise<void> => {
      while (!failed && next < parts.length) {
        const part = parts[next] as number;
        next += 1;
        await this.#part(pass, object, part, units, fill)
          .catch((error: unknown) => {
            failed = true;
            throw error;
          })
          .finally(() => fill?.release(part));
      }
    };
    const lanes = Array.from({ length: Math.min(partLanes, parts.length) }, lane);
    for (const settled of await Promise.allSettled(lanes))
      if (settled.status === 'rejected') throw settled.reason;
  }

  async #part(pass: LoadPass, object: string, part: number, units: UnitSettler, fill?: BatchFill) {
    const { deps, session, spool, checkpoints } = this.#run;
    const key = { kind: 'load', pass, object, part } as const;
    const cp = checkpoints.get(key);
    if (cp?.phase === 'done') {
      const created = cp.cursor?.created ?? 0;
      units.restore({ object, pass, written: cp.recordsWritten, created, failed: cp.recordsFailed });
      return;
    }
    // An admin's cancel stops the session here, between Bulk jobs (sessions/session-cancel.ts).
    await throwIfCancelRequested(deps.store, session.id);
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const stream = map?.zuoraObject ?? object;
    const accountColumn = map === undefined ? undefined : accountReferenceColumn(map);
    const keyField = spool.header(object, pass, part)[0] ?? '';
    const screen = await this.#screen(pass === 'deferred' ? 'deferred' : 'upsert', object, part, units, fill);
    const changed = await this.#changed(pass, object, part, cp?.bulkJobId, screen);
    if (changed?.rows === 0) {
      const screened = await screen.outcome();
      await units.settle({
        ...this.#none(object, pass),
        failures: screened.held,
        resolved: screened.resolvable,
      });
      return void (await checkpoints.write(key, {
        phase: 'done',
        recordsWritten: 0,
        recordsFailed: screened.held.length,
      }));
    }
    await checkpoints.write(key, { phase: 'loading' });
    const outcome = await loadObject(deps.salesforce, {
      object,
      operation: 'upsert',
      keyField,
      // The part as spooled, screened as it streams (the part is read once and never rewritten: part-screen.ts),
      // read into buffers that are read into again once uploaded (part-reads.ts).
      csv: changed?.csv ?? (() => reusedBody(screen, spool.path(object, pass, part))),
      resumeJobId: cp?.bulkJobId,
      onJobCreated: (jobId) => checkpoints.write(key, { phase: 'loading', bulkJobId: jobId }),
      beforeClose: () => screen.beforeClose(),
      minPollMs: deps.minPollMs ?? 100,
      maxPollMs: deps.maxPollMs ?? 2_000,
    });
    const screened = await screen.outcome();
    const zuoraIds = map !== undefined && keyIsZuoraId(map, keyField);
    const failures = outcome.failures.map((f) => ({
      stream,
      salesforceObject: object,
      entityId: session.entityId,
      externalId: f.key,
      zuoraId: zuoraIds ? f.key : null,
      code: f.code,
      message: f.error,
      accountId: accountColumn === undefined ? null : (f.row[accountColumn] ?? null),
    }));
    const failedKeys = new Set(outcome.failures.map((f) => f.key));
    await units.settle({
      object,
      pass,
      written: outcome.succeeded,
      created: outcome.created,
      failures,
      resolved: screened.resolvable.filter((k) => !failedKeys.has(k)),
    });
    await checkpoints.write(key, {
      phase: 'done',
      recordsWritten: outcome.succeeded,
      recordsFailed: failures.length + screened.held.length,
      cursor: { created: outcome.created, jobs: outcome.jobs, ...borrowedOf(screen) },
    });
    this.#progress(object, pass, outcome.succeeded, outcome.failures.length);
  }

  /**
   * One read of the part at most (none on a first full sync), by its upload: rows waiting for a parent, open
   * failures. The held rows are stored before the job is closed; the part is only read (part-screen.ts). With
   * `fill`, a part that leaves rows out borrows as many of the last part's (batch-fill.ts).
   */
  async #screen(
    pass: 'upsert' | 'deferred',
    object: string,
    part: number,
    units: UnitSettler,
    fill?: BatchFill,
  ) {
    const { deps, session, spool } = this.#run;
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const target = {
      map,
      stream: map?.zuoraObject ?? object,
      entityId: session.entityId,
      failureObject: failureObjectOf(object, pass),
      pass,
      sessionId: session.id,
      parentSets: this.#run.parentSets,
    };
    const keep: KeepHeld = (held) => units.hold(object, pass, held);
    const screen = await PartScreen.open(deps.store, spool.path(object, pass, part), target, keep);
    return fill === undefined ? screen : filledPart(fill, part, screen, keep);
  }

  /** With SYNC_SKIP_UNCHANGED=on, a part not yet sent is cut to the records that change Salesforce. */
  async #changed(pass: LoadPass, object: string, part: number, jobId: string | undefined, screen: PartLoad) {
    if (this.#run.deps.skipUnchanged !== true || jobId !== undefined || pass === 'delete') return undefined;
    return changedPart(this.#run, object, pass, part, (await screen.outcome()).leftOut);
  }

  #none(object: string, pass: LoadPass): Omit<UnitResult, 'failures' | 'resolved'> {
    return { object, pass, written: 0, created: 0 };
  }

  async #delete(object: string, units: UnitSettler): Promise<void> {
    const { deps, session, spool, checkpoints } = this.#run;
    const key = { kind: 'load', pass: 'delete', object, part: 0 } as const;
    const cp = checkpoints.get(key);
    if (cp?.phase === 'done') {
      units.restore({
        object,
        pass: 'delete',
        written: cp.recordsWritten,
        created: 0,
        failed: cp.recordsFailed,
      });
      return;
    }
    const stream = this.#run.maps.find((m) => m.salesforceObject === object)?.zuoraObject ?? object;
    const outcome = await deleteSpooled(deps, spool, object, cp?.bulkJobId, (jobId) =>
      checkpoints.write(key, { phase: 'loading', bulkJobId: jobId }),
    );
    await units.settle({
      object,
      pass: 'delete',
      written: outcome.deleted,
      created: 0,
      failures: outcome.failures.map((f) => ({
        stream,
        salesforceObject: object,
        entityId: session.entityId,
        externalId: f.key,
        zuoraId: null,
        code: f.code,
        message: f.error,
      })),
      resolved: outcome.deletedKeys,
    });
    await checkpoints.write(key, {
      phase: 'done',
      recordsWritten: outcome.deleted,
      recordsFailed: outcome.failures.length,
    });
    this.#progress(object, 'delete', outcome.deleted, 0);
  }

  #progress(object: string, pass: LoadPass, records: number, failed: number): void {
    this.#run.deps.onProgress?.({ object, phase: pass === 'delete' ? 'deleted' : 'loaded', records, failed });
  }
}
