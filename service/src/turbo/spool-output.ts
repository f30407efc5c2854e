// Where Turbo Sync's routed records go: each object's rows to its spool parts (CSV on disk, so a session
// never holds an object in memory and a resumed session re-sends them without reading Zuora again), deletions
// to the delete spool, mapping failures to a list. While the session is small (at most `limit` records in
// all) its typed rows are kept as well, and load through Composite calls with no CSV read back.
import type { PreparedObject } from '../api-sync/composite-writer.js';
import type { RecordError } from '../mapping/record-error.js';
import type { Row } from '../mapping/record-mapper.js';
import type { RouteSink, RoutedMap } from '../mapping/record-router.js';
import type { ZuoraRow } from '../mapping/record-rules.js';
import type { SpoolWriter } from '../csv/spool-writer.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { CsvSpool, SpoolPass } from './csv-spool.js';
import { nullableCopy, ownCopy } from '../mapping/own-copy.js';

/** A small session's records per Salesforce object, as the Composite writer takes them. */
export type MemoryRows = ReadonlyMap<string, PreparedObject>;

export class SpoolOutput implements RouteSink {
  /** Mapping failures not yet taken to be stored (takeFailures): a tenant's are not held to the end. */
  failures: FailedRecordInput[] = [];
  /** Mapping failures so far per Salesforce object, taken or not. */
  readonly failureCounts: Record<string, number> = {};
  /** Records left out (no CRM Account ID) per stream. */
  readonly skippedByStream: Record<string, number> = {};
  readonly #spool: CsvSpool;
  readonly #entityId: string;
  readonly #limit: number;
  /** Each Salesforce object's writers (the follow-up of cancelled accounts appends to the same parts). */
  readonly #writers = new Map<string, Partial<Record<SpoolPass, SpoolWriter>>>();
  #memory: Map<string, PreparedObject> | undefined = new Map();
  #records = 0;

  constructor(spool: CsvSpool, entityId: string, limit: number) {
    this.#spool = spool;
    this.#entityId = entityId;
    this.#limit = limit;
  }

  upsert(route: RoutedMap, key: string, row: Row, deferred: Row | null, record: ZuoraRow): void {
    this.#writer(route, 'upsert', route.mapper.columns).write(row);
    if (deferred !== null) this.#writer(route, 'deferred', route.mapper.deferredColumns).write(deferred);
    const kept = this.#keep(route);
    if (kept === undefined) return;
    const base = { key, zuoraId: record.Id ?? null, ownerZuoraId: null, zuoraUpdatedAt: null };
    kept.upserts.push({ ...base, row });
    if (deferred !== null) kept.deferred.push({ ...base, row: deferred });
  }

  /** A record's upsert already encoded as a CSV line (StreamRouter.lines): only once the session is large,
   * where no typed row is kept. */
  upsertLine(route: RoutedMap, line: string): void {
    this.#writer(route, 'upsert', route.mapper.columns).writeLine(line);
    this.#keep(route);
  }

  /** upsertLine's line as UTF-8, its first `length` bytes (StreamRouter.bytes). */
  upsertBytes(route: RoutedMap, line: Buffer, length: number): void {
    this.#writer(route, 'upsert', route.mapper.columns).writeBytes(line, length);
    this.#keep(route);
  }

  delete(route: RoutedMap, key: string): void {
    const keyField = route.mapper.upsertKey;
    this.#writer(route, 'delete', [keyField]).write({ [keyField]: key });
    this.#keep(route);
  }

  failed(route: RoutedMap, key: string, errors: readonly RecordError[], record: ZuoraRow): void {
    const error = errors[0];
    if (error === undefined) return;
    const object = route.map.salesforceObject;
    this.failureCounts[object] = (this.failureCounts[object] ?? 0) + 1;
    this.failures.push({
      stream: route.map.zuoraObject,
      salesforceObject: route.map.salesforceObject,
      entityId: this.#entityId,
      // Held until stored (takeFailures): copied, so as not to hold the downloaded chunks (own-copy.ts).
      externalId: ownCopy(key === '' ? (record.Id ?? error.zuoraId ?? '') : key),
      zuoraId: nullableCopy(record.Id ?? error.zuoraId),
      code: error.code,
      message: ownCopy(error.message),
      fields: [error.field],
    });
    this.#keep(route);
  }

  skipped(record: ZuoraRow, routes: readonly RoutedMap[]): void {
    this.skippedIn(routes);
  }

  /** A record left out by the maps of `routes` (its stream's): only counted, so it needs no record. */
  skippedIn(routes: readonly RoutedMap[]): void {
    const stream = routes[0]?.map.zuoraObject ?? '';
    this.skippedByStream[stream] = (this.skippedByStream[stream] ?? 0) + 1;
  }

  /** The mapping failures not taken yet, handed over to be stored; they are no longer held here. */
  takeFailures(): FailedRecordInput[] {
    const taken = this.failures;
    this.failures = [];
    return taken;
  }

  /** Mapping failures so far, in all. */
  get failureTotal(): number {
    return Object.values(this.failureCounts).reduce((a, b) => a + b, 0);
  }

  /** Past the small-session limit: the rows load through Bulk jobs from the spool parts. */
  get large(): boolean {
    return this.#memory === undefined;
  }

  /** Closes the parts of objects that are complete (a later row would start a part after them). */
  closeObjects(objects: readonly string[]): void {
    for (const object of objects) {
      for (const writer of Object.values(this.#writers.get(object) ?? {})) writer.close();
      this.#writers.delete(object);
    }
  }

  /** Closes every spool part; answers the typed rows when the session stayed small. */
  close(): MemoryRows | undefined {
    for (const writers of this.#writers.values()) for (const writer of Object.values(writers)) writer.close();
    this.#writers.clear();
    return this.#memory;
  }

  #writer(route: RoutedMap, pass: SpoolPass, columns: readonly string[]): SpoolWriter {
    const object = route.map.salesforceObject;
    let writers = this.#writers.get(object);
    if (writers === undefined) {
      writers = {};
      this.#writers.set(object, writers);
    }
    return (writers[pass] ??= this.#spool.writer(object, pass, columns, route.mapper.plainColumns));
  }

  /** Counts a record towards the small-session limit; answers where to keep its typed rows, if anywhere. */
  #keep(route: RoutedMap): PreparedObject | undefined {
    this.#records += 1;
    if (this.#records > this.#limit) this.#memory = undefined;
    if (this.#memory === undefined) return undefined;
    const object = route.map.salesforceObject;
    let kept = this.#memory.get(object);
    if (kept === undefined) {
      kept = {
        zuoraObject: route.map.zuoraObject,
        map: route.map,
        object,
        keyField: route.mapper.upsertKey,
        upserts: [],
        deferred: [],
        deletes: [],
      };
      this.#memory.set(object, kept);
    }
    return kept;
  }
}
