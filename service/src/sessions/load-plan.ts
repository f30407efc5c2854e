// The load plan every engine runs: upserts in dependency order (parents before children), then the deferred
// references (self references, account <-> default payment method) once every record exists, then deletions
// children first. Each unit of work (an object's records in one pass) ends by recording its failures,
// resolving the earlier failures of the records it loaded, and counting. Turbo Sync drives the plan through
// Bulk API 2.0 jobs; the API-based engine (and small Turbo sessions) through Composite calls.
import { recordFailures, resolveFailures, type FailedRecordInput } from '../store/failed-record-rows.js';
import type { Store } from '../store/store.js';
import type { LoadPass } from './checkpoints.js';
import type { CountsBook } from './session-counts.js';

export type { LoadPass } from './checkpoints.js';
export const loadPasses: readonly LoadPass[] = ['upsert', 'deferred', 'delete'];

/**
 * Where a unit's failures are kept: a failed deferred reference leaves the record itself in place, so it is
 * kept (and counted) under its own label and never holds back the record's children.
 */
export function failureObjectOf(object: string, pass: LoadPass): string {
  return pass === 'deferred' ? `${object} (deferred references)` : object;
}

/** What a writer reports when a unit ends. */
export interface UnitResult {
  readonly object: string;
  readonly pass: LoadPass;
  /** Records upserted, or deleted. */
  readonly written: number;
  readonly created: number;
  /** Records refused by Salesforce, and records held back (their parent failed). */
  readonly failures: readonly FailedRecordInput[];
  /** Keys of records that loaded now: their earlier failures are resolved. */
  readonly resolved: readonly string[];
}

/** A unit that ended before a crash, read back from its checkpoint: its failures are stored already. */
export type RestoredUnit = Omit<UnitResult, 'failures' | 'resolved'> & { readonly failed: number };

export interface UnitSettler {
  settle(unit: UnitResult): Promise<void>;
  /** Rows taken out of a unit before it loads (their parent failed): stored and counted at once. */
  hold(object: string, pass: LoadPass, held: readonly FailedRecordInput[]): Promise<void>;
  restore(unit: RestoredUnit): void;
}

/** The objects an object of a pass must wait for: parents for upserts, children for deletions. */
export type WaitsFor = (object: string) => readonly string[];

export interface LoadWriter {
  /**
   * Loads one pass over `groups`; every unit ends through `units`. A writer that runs objects side by side
   * starts each once the objects `waitsFor` names are done; one that does not takes the groups in order.
   */
  load(
    pass: LoadPass,
    groups: readonly (readonly string[])[],
    units: UnitSettler,
    waitsFor: WaitsFor,
  ): Promise<void>;
}

export interface LoadTarget {
  readonly store: Store;
  readonly sessionId: string;
  readonly entityId: string;
  readonly counts: CountsBook;
  /** A dry run: failures are counted and kept in `unstored`, never stored (they would hold back real runs). */
  readonly dryRun?: boolean;
}

export class LoadPlan implements UnitSettler {
  readonly #target: LoadTarget;
  readonly #order: readonly (readonly string[])[];
  readonly #deferred: ReadonlySet<string>;
  readonly #parents: ReadonlyMap<string, ReadonlySet<string>>;
  /** A dry run's failures before any load (mapping errors). */
  readonly unstored: FailedRecordInput[] = [];

  /**
   * `order`: groups of objects in dependency order; `deferred`: the objects with deferred references;
   * `parents`: the objects each one references (mapping/load-order.ts `loadParents`). Without them every
   * object waits for the whole group before its own, as if the groups were barriers.
   */
  constructor(
    target: LoadTarget,
    order: readonly (readonly string[])[],
    deferred: readonly string[],
    parents?: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    this.#target = target;
    this.#order = order;
    this.#deferred = new Set(deferred);
    this.#parents =
      parents ??
      new Map(order.flatMap((group, i) => group.map((o) => [o, new Set(order.slice(0, i).flat())])));
  }

  /** The groups a pass loads, in order: parents first, deletions children first. */
  groups(pass: LoadPass): (readonly string[])[] {
    if (pass === 'upsert') return [...this.#order];
    if (pass === 'delete') return [...this.#order].reverse();
    return [this.#order.flat().filter((o) => this.#deferred.has(o))];
  }

  /**
   * What an object waits for in a pass: its parents' upserts, its children's deletions (a parent deleted
   * first would take them with it or be refused); deferred references wait for nothing but the upserts.
   */
  waitsFor(pass: LoadPass): WaitsFor {
    if (pass === 'deferred') return () => [];
    if (pass === 'upsert') return (object) => [...(this.#parents.get(object) ?? [])];
    const children = new Map<string, string[]>();
    for (const [child, parents] of this.#parents)
      for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), child]);
    return (object) => children.get(object) ?? [];
  }

  async runPass(writer: LoadWriter, pass: LoadPass): Promise<void> {
    await writer.load(pass, this.groups(pass), this, this.waitsFor(pass));
  }

  async run(writer: LoadWriter): Promise<void> {
    for (const pass of loadPasses) await this.runPass(writer, pass);
  }

  /** Failures that ended records before any load (mapping errors, records left out): stored and counted. */
  async settleRead(failures: readonly FailedRecordInput[]): Promise<void> {
    const { store, sessionId, counts, dryRun } = this.#target;
    if (dryRun === true) this.unstored.push(...failures);
    else await recordFailures(store, sessionId, failures);
    for (const f of failures) counts.of(f.salesforceObject).failed += 1;
  }

  async hold(object: string, pass: LoadPass, held: readonly FailedRecordInput[]): Promise<void> {
    const label = failureObjectOf(object, pass);
    await recordFailures(
      this.#target.store,
      this.#target.sessionId,
      held.map((f) => ({ ...f, salesforceObject: label })),
    );
    this.#target.counts.of(label).failed += held.length;
  }

  async settle(unit: UnitResult): Promise<void> {
    const { store, sessionId, entityId } = this.#target;
    const label = failureObjectOf(unit.object, unit.pass);
    await recordFailures(
      store,
      sessionId,
      unit.failures.map((f) => ({ ...f, salesforceObject: label })),
    );
    await resolveFailures(store, sessionId, label, entityId, unit.resolved);
    this.restore({ ...unit, failed: unit.failures.length });
  }

  restore(unit: RestoredUnit): void {
    if (unit.pass !== 'upsert' && unit.written === 0 && unit.failed === 0) return;
    const c = this.#target.counts.of(failureObjectOf(unit.object, unit.pass));
    c.failed += unit.failed;
    if (unit.pass === 'delete') c.deleted += unit.written;
    if (unit.pass !== 'upsert') return;
    c.written += unit.written;
    c.created += unit.created;
  }
}
