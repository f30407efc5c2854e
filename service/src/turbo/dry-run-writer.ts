// The load plan's writer of a dry run: every pass reads what it would send (the spool parts, or a small
// session's typed rows) and compares it with Salesforce's current values instead of writing (compare/), so a
// dry run takes the exact path of the real session up to the write (rows waiting for a failed parent are
// held back as the real writer holds them). It reads by external id, 300 keys a query, and counts its calls.
import { DiffBuilder } from '../compare/compare-rows.js';
import { columnsOf } from '../compare/field-changes.js';
import { keysPerQuery, readCurrentValues } from '../compare/current-values.js';
import type { ObjectDiff } from '../compare/diff-types.js';
import { failureObjectOf, type LoadPass, type LoadWriter } from '../sessions/load-plan.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import { passRows } from './desired-rows.js';
import { screenPart } from './screen-part.js';
import { DriftSource } from './drift-source.js';
import type { TurboRun } from './turbo-run.js';

export class DryRunWriter implements LoadWriter {
  /** Salesforce API calls the comparison made. */
  calls = 0;
  readonly #run: TurboRun;
  readonly #builders = new Map<string, DiffBuilder>();

  /** A drift check's reader (whole objects by Bulk query, orphans, checksums); undefined for a dry run. */
  readonly drift: DriftSource | undefined;

  constructor(run: TurboRun) {
    this.#run = run;
    this.drift = run.session.params.drift === true ? new DriftSource(run) : undefined;
  }

  async load(pass: LoadPass, groups: readonly (readonly string[])[]): Promise<void> {
    for (const object of groups.flat()) await this.#object(pass, object);
  }

  /** Each object's comparison, the records that failed before any write (mapping errors) included. */
  async diffs(failures: readonly FailedRecordInput[]): Promise<ObjectDiff[]> {
    for (const f of failures) {
      this.#builder(f.salesforceObject, '').fail({ key: f.externalId, code: f.code, message: f.message });
      this.drift?.known(f.salesforceObject, f.externalId);
    }
    if (this.drift !== undefined) await this.#orphans(this.drift);
    return [...this.#builders.values()].map((b) => b.build());
  }

  /** A drift check: every object of the scope read whole; what Salesforce holds beyond Zuora is extra. */
  async #orphans(drift: DriftSource): Promise<void> {
    const { spool } = this.#run;
    const objects = this.#run.backfill?.objects;
    for (const map of this.#run.maps) {
      const object = map.salesforceObject;
      if (objects !== undefined && !objects.includes(object) && !objects.includes(map.zuoraObject)) continue;
      const keyField = spool.has(object, 'upsert')
        ? (spool.header(object, 'upsert', 0)[0] ?? '')
        : map.externalId.salesforce;
      const current = await drift.read(object, keyField);
      this.calls += current.calls;
      this.#builder(object, keyField).delete(drift.orphans(object), current.records);
    }
  }

  async #object(pass: LoadPass, object: string): Promise<void> {
    const { spool, deps, session } = this.#run;
    if (!spool.has(object, pass)) return;
    const builder = this.#builder(object, spool.header(object, pass, 0)[0] ?? '');
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    for (const part of spool.parts(object, pass)) {
      const keyField = spool.header(object, pass, part)[0] ?? '';
      // As the real writer does: rows waiting for a parent whose last sync failed are held back, not sent.
      let leftOut: ReadonlySet<number> | undefined;
      if (pass !== 'delete') {
        const file = spool.path(object, pass, part);
        const stream = map?.zuoraObject ?? object;
        const label = failureObjectOf(object, pass);
        const screened = await screenPart(deps.store, file, map, stream, session.entityId, label, pass);
        for (const f of screened.held) {
          builder.fail({ key: f.externalId, code: f.code, message: f.message });
          this.drift?.known(object, f.externalId);
        }
        leftOut = screened.leftOut;
      }
      for await (const rows of passRows(spool, object, pass, keysPerQuery, part, leftOut)) {
        const columns = pass === 'delete' ? [] : columnsOf(rows, keyField);
        const keys = rows.map((r) => r.key);
        const current =
          this.drift === undefined
            ? await readCurrentValues(deps.salesforce, object, keyField, columns, keys)
            : await this.drift.read(object, keyField);
        this.calls += current.calls;
        if (pass === 'delete')
          for (const k of builder.delete(keys, current.records)) this.drift?.known(object, k);
        else {
          const changing = builder.add(rows, current.records);
          if (pass === 'upsert') this.drift?.note(object, rows, changing);
        }
      }
    }
  }

  #builder(object: string, keyField: string): DiffBuilder {
    let builder = this.#builders.get(object);
    if (builder === undefined) {
      builder = new DiffBuilder(this.#run.deps.schema, object, keyField);
      this.#builders.set(object, builder);
    }
    return builder;
  }
}
