// One stream's Zuora records through the record rules and the stream's maps, for either engine: deletions
// and records left out are reported at once; a record to take is mapped by each map that accepts it (the
// newest version only, where versions share a key) and handed to the engine's sink as a typed row. Turbo
// Sync's sink spools rows to disk, the API-based engine's keeps them for its Composite calls.
import type { ObjectMap } from './field-map.js';
import { recordMapperFor } from './map-record.js';
import type { RecordError } from './record-error.js';
import type { LineBuilder } from './compiled-line.js';
import type { BytesBuilder } from './compiled-bytes.js';
import { lineOut, type LineFields, type LineOut } from '../csv/line-fields.js';
import type { MappingContext, RecordMapper, Row } from './record-mapper.js';
import { failedParent, parentsOfRow } from './parent-rules.js';
import {
  acceptsRecord,
  deletedColumn,
  deleteKeyOf,
  dispositionOf,
  NewestPerKey,
  RemovedRecords,
  takesEveryRecord,
  upsertKeyPath,
  versionOwnedObjects,
  type OwnerPaths,
  type ZuoraRow,
} from './record-rules.js';

/** Room for one map's line on the byte path; a longer line takes the string way (compiled-bytes.ts). */
const lineBytes = 1 << 16;

/** Whether the bytes from `from` to before `to` are `true` (an AQuA deleted row). */
function isTrue(b: Uint8Array, from: number, to: number): boolean {
  return (
    to - from === 4 && b[from] === 116 && b[from + 1] === 114 && b[from + 2] === 117 && b[from + 3] === 101
  );
}

export interface RoutedMap {
  readonly map: ObjectMap;
  readonly mapper: RecordMapper;
  /** The Zuora path of the value the map's records are keyed on. */
  readonly keyPath: string;
}

export interface RouteSink {
  upsert(route: RoutedMap, key: string, row: Row, deferred: Row | null, record: ZuoraRow): void;
  delete(route: RoutedMap, key: string, record: ZuoraRow): void;
  failed(route: RoutedMap, key: string, errors: readonly RecordError[], record: ZuoraRow): void;
  /** Left out: its billing account has no CRM Account ID. */
  skipped(record: ZuoraRow, routes: readonly RoutedMap[]): void;
}

export interface RoutedStream {
  readonly zuoraObject: string;
  readonly maps: readonly ObjectMap[];
  readonly owner: OwnerPaths | undefined;
}

export class StreamRouter {
  readonly routes: readonly RoutedMap[];
  /**
   * Whether every record must be offered before any is taken: a map keys several versions on one value,
   * and only the newest is known once the stream has been read.
   */
  readonly twoPasses: boolean;
  readonly #owner: OwnerPaths | undefined;
  readonly #sink: RouteSink;
  readonly #removed: RemovedRecords;
  readonly #newest: readonly (NewestPerKey | undefined)[];
  /** Records read per route (counted per row: an array, not a map, on the hot path). */
  readonly #read: number[];

  /** `removed` is shared by the routers of one run, so a cancelled account's records follow it. */
  constructor(
    stream: RoutedStream,
    context: MappingContext,
    sink: RouteSink,
    removed: RemovedRecords = new RemovedRecords(),
  ) {
    this.#owner = stream.owner;
    this.#sink = sink;
    this.#removed = removed;
    this.routes = stream.maps.map((map) => {
      const mapper = recordMapperFor(map, context);
      return { map, mapper, keyPath: upsertKeyPath(map, mapper.upsertKey) };
    });
    this.#newest = this.routes.map((r) => (r.keyPath === 'Id' ? undefined : new NewestPerKey()));
    this.twoPasses = this.#newest.some((n) => n !== undefined);
    this.#read = this.routes.map(() => 0);
  }

  /** Records read per Salesforce object: those its map took (mapped or failed) and deletions. */
  get read(): ReadonlyMap<string, number> {
    const read = new Map<string, number>();
    this.routes.forEach((route, i) => {
      const object = route.map.salesforceObject;
      read.set(object, (read.get(object) ?? 0) + (this.#read[i] ?? 0));
    });
    return read;
  }

  /** Routes a deletion or a record left out now; answers true for a record to take (see `twoPasses`). */
  offer(record: ZuoraRow): boolean {
    const disposition = dispositionOf(this.#owner, record);
    if (disposition.kind === 'skip') {
      this.#sink.skipped(record, this.routes);
      return false;
    }
    if (disposition.kind === 'delete') {
      for (let i = 0; i < this.routes.length; i += 1) {
        const route = this.routes[i] as RoutedMap;
        this.#read[i] = (this.#read[i] ?? 0) + 1;
        const key = deleteKeyOf(route.map, route.mapper.upsertKey, record, disposition.reason);
        if (key === undefined) continue;
        if (disposition.reason === 'cancelled-account') this.#removed.add(route.map.salesforceObject, key);
        this.#sink.delete(route, key, record);
      }
      return false;
    }
    for (let i = 0; i < this.routes.length; i += 1) {
      const route = this.routes[i] as RoutedMap;
      if (acceptsRecord(route.map, record)) this.#newest[i]?.offer(record[route.keyPath] ?? '', record);
    }
    return true;
  }

  #belongsToRemoved(route: RoutedMap, row: Row): boolean {
    if (this.#removed.empty) return false;
    const removed = this.#removed;
    return (
      failedParent(parentsOfRow(route.map, row), (target, key) => removed.has(target, key)) !== undefined
    );
  }

  #belongsToLeftOut(route: RoutedMap, row: Row): boolean {
    if (this.#removed.noneLeftOut || !versionOwnedObjects.has(route.map.zuoraObject)) return false;
    const removed = this.#removed;
    return (
      failedParent(parentsOfRow(route.map, row), (target, key) => removed.isLeftOut(target, key)) !==
      undefined
    );
  }

  /** A record of a cancelled account: deleted, and its own records after it. */
  #remove(route: RoutedMap, record: ZuoraRow): void {
    const key = deleteKeyOf(route.map, route.mapper.upsertKey, record, 'cancelled-account');
    if (key === undefined) return;
    this.#removed.add(route.map.salesforceObject, key);
    this.#sink.delete(route, key, record);
  }

  /** The fast path for a file with this header (Turbo Sync, issue 19; #fastFile): answers false for a
   * record that offer/take must route, undefined when no record of the file can go this way. */
  lines(
    header: readonly string[],
    write: (route: RoutedMap, line: string) => void,
  ): ((fields: readonly string[], clean: boolean) => boolean) | undefined {
    const file = this.#fastFile(header);
    const builders = file?.builders ?? [];
    const lines: string[] = [];
    if (file === undefined || builders.includes(undefined)) return undefined;
    const { deleted, crmId, open } = file;
    return (fields, clean) => {
      if (deleted !== -1 && fields[deleted] === 'true') return false;
      if (crmId !== -1 && (fields[crmId] ?? '') === '') return false;
      if (!open()) return false;
      for (let i = 0; i < builders.length; i += 1) {
        const line = (builders[i] as LineBuilder)(fields, clean);
        if (line === undefined) return false;
        lines[i] = line;
      }
      for (let i = 0; i < builders.length; i += 1) {
        this.#read[i] = (this.#read[i] ?? 0) + 1;
        write(this.routes[i] as RoutedMap, lines[i] as string);
      }
      return true;
    };
  }

  /** The fast path of `lines` for a clean ASCII line read as bytes (mapping/compiled-bytes.ts): each map's
   * line is written into a buffer of its own and handed to `write` with its length once every map has one.
   * With `skip`, a record offer would leave out (no CRM Account ID) is taken by calling it instead. */
  bytes(
    header: readonly string[],
    write: (route: RoutedMap, line: Buffer, length: number) => void,
    skip?: () => void,
  ): ((line: LineFields) => boolean) | undefined {
    const file = this.#fastFile(header);
    if (file === undefined) return undefined;
    const builders = this.routes.map((r) => r.mapper.bytesBuilder(header));
    if (builders.includes(undefined)) return undefined;
    const { deleted, crmId, open } = file;
    const outs = builders.map(() => lineOut(lineBytes));
    const lengths = builders.map(() => 0);
    return (line) => {
      const { bytes, starts, ends, count } = line;
      if (
        deleted !== -1 &&
        deleted < count &&
        isTrue(bytes, starts[deleted] as number, ends[deleted] as number)
      )
        return false;
      if (crmId !== -1 && (crmId >= count || starts[crmId] === ends[crmId])) {
        // Left out (no CRM Account ID: dispositionOf), told without the record by a sink that needs none.
        skip?.();
        return skip !== undefined;
      }
      if (!open()) return false;
      for (let i = 0; i < builders.length; i += 1) {
        const length = (builders[i] as BytesBuilder)(line, outs[i] as LineOut);
        if (length < 0) return false;
        lengths[i] = length;
      }
      for (let i = 0; i < builders.length; i += 1) {
        this.#read[i] = (this.#read[i] ?? 0) + 1;
        write(this.routes[i] as RoutedMap, (outs[i] as LineOut).bytes, lengths[i] as number);
      }
      return true;
    };
  }

  /**
   * What the fast paths (lines, bytes) of a file with this header check: a record that every map takes and
   * maps as it is goes from its CSV fields straight to each map's upsert line, with no record or row object;
   * the others (a deletion, a record left out, one that fails to map, one a removed record may take with it)
   * offer/take must route. Undefined when no record of the file can go this way: versions sharing a key, an
   * account's own status to read, a map that picks its records, a file without the CRM Account ID (every
   * record is left out: dispositionOf).
   */
  #fastFile(header: readonly string[]) {
    const owner = this.#owner;
    if (this.twoPasses || owner?.status !== undefined || header.includes('__proto__')) return undefined;
    if (!this.routes.every((r) => takesEveryRecord(r.map))) return undefined;
    const builders = this.routes.map((r) => r.mapper.lineBuilder(header));
    const deleted = header.lastIndexOf(deletedColumn);
    const crmId = owner === undefined ? -1 : header.lastIndexOf(owner.crmId);
    if (owner !== undefined && crmId === -1) return undefined;
    const versionOwned = this.routes.some((r) => versionOwnedObjects.has(r.map.zuoraObject));
    const removed = this.#removed;
    const open = () => removed.empty && (!versionOwned || removed.noneLeftOut);
    return { builders, deleted, crmId, open };
  }

  /** Maps a record `offer` answered true for, with every map that takes it. */
  take(record: ZuoraRow): void {
    for (let i = 0; i < this.routes.length; i += 1) {
      const route = this.routes[i] as RoutedMap;
      const key = record[route.keyPath] ?? '';
      if (!acceptsRecord(route.map, record)) {
        if (route.keyPath === 'Id' && key !== '') this.#removed.leaveOut(route.map.salesforceObject, key);
        continue;
      }
      if (this.#newest[i]?.isNewest(key, record) === false) continue;
      const result = route.mapper.mapRecord(record);
      if (result.ok && this.#belongsToLeftOut(route, result.row)) {
        // Its own records follow it (streams are read parents first).
        if (key !== '') this.#removed.leaveOut(route.map.salesforceObject, key);
        continue;
      }
      this.#read[i] = (this.#read[i] ?? 0) + 1;
      if (!result.ok) this.#sink.failed(route, key, result.errors, record);
      else if (this.#belongsToRemoved(route, result.row)) this.#remove(route, record);
      else this.#sink.upsert(route, key, result.row, result.deferred, record);
    }
  }
}
