// One stream's Zuora records through the record rules and the stream's maps, for either engine: deletions
// and records left out are reported at once; a record to take is mapped by each map that accepts it (the
// newest version only, where versions share a key) and handed to the engine's sink as a typed row. Turbo
// Sync's sink spools rows to disk, the API-based engine's keeps them for its Composite calls.
import type { ObjectMap } from './field-map.js';
import { recordMapperFor } from './map-record.js';
import type { RecordError } from './record-error.js';
import type { MappingContext, RecordMapper, Row } from './record-mapper.js';
import {
  acceptsRecord,
  deleteKeyOf,
  dispositionOf,
  NewestPerKey,
  upsertKeyPath,
  type OwnerPaths,
  type ZuoraRow,
} from './record-rules.js';

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
  readonly #newest: readonly (NewestPerKey | undefined)[];
  readonly #read = new Map<string, number>();

  constructor(stream: RoutedStream, context: MappingContext, sink: RouteSink) {
    this.#owner = stream.owner;
    this.#sink = sink;
    this.routes = stream.maps.map((map) => {
      const mapper = recordMapperFor(map, context);
      return { map, mapper, keyPath: upsertKeyPath(map, mapper.upsertKey) };
    });
    this.#newest = this.routes.map((r) => (r.keyPath === 'Id' ? undefined : new NewestPerKey()));
    this.twoPasses = this.#newest.some((n) => n !== undefined);
  }

  /** Records read per Salesforce object: those its map took (mapped or failed) and deletions. */
  get read(): ReadonlyMap<string, number> {
    return this.#read;
  }

  /** Routes a deletion or a record left out now; answers true for a record to take (see `twoPasses`). */
  offer(record: ZuoraRow): boolean {
    const disposition = dispositionOf(this.#owner, record);
    if (disposition.kind === 'skip') {
      this.#sink.skipped(record, this.routes);
      return false;
    }
    if (disposition.kind === 'delete') {
      for (const route of this.routes) {
        this.#count(route);
        const key = deleteKeyOf(route.map, route.mapper.upsertKey, record, disposition.reason);
        if (key !== undefined) this.#sink.delete(route, key, record);
      }
      return false;
    }
    this.routes.forEach((route, i) => {
      if (acceptsRecord(route.map, record)) this.#newest[i]?.offer(record[route.keyPath] ?? '', record);
    });
    return true;
  }

  /** Maps a record `offer` answered true for, with every map that takes it. */
  take(record: ZuoraRow): void {
    this.routes.forEach((route, i) => {
      if (!acceptsRecord(route.map, record)) return;
      const key = record[route.keyPath] ?? '';
      if (this.#newest[i]?.isNewest(key, record) === false) return;
      this.#count(route);
      const result = route.mapper.mapRecord(record);
      if (result.ok) this.#sink.upsert(route, key, result.row, result.deferred, record);
      else this.#sink.failed(route, key, result.errors, record);
    });
  }

  #count(route: RoutedMap): void {
    const object = route.map.salesforceObject;
    this.#read.set(object, (this.#read.get(object) ?? 0) + 1);
  }
}
