// Turns the rows read from Zuora into the writes an API-based sync makes, through the record rules and maps
// every engine uses (mapping/record-router.ts): deletions and cancelled accounts, records left out for lack of
// a CRM Account ID (reported as Zuora 360's DACO-02), the newest version per key, each map's typed rows.
// Record problems become failed outcomes, never throws.
import type { RecordError } from '../mapping/record-error.js';
import type { MappingContext } from '../mapping/record-mapper.js';
import { StreamRouter, type RouteSink, type RoutedMap } from '../mapping/record-router.js';
import { objectMaps } from '../mapping/object-maps.js';
import { RemovedRecords, type ZuoraRow } from '../mapping/record-rules.js';
import type { RecordOutcome } from './api-sync-types.js';
import type { PreparedDelete, PreparedObject } from './composite-writer.js';
import type { ReadRows } from './read-zuora.js';

export interface PreparedWrites {
  readonly objects: Map<string, PreparedObject>;
  /** Records that failed before any write (mapping errors, no CRM Account ID). */
  readonly outcomes: RecordOutcome[];
  /** Records read per Salesforce object (taken by a map, deletions included). */
  readonly read: Map<string, number>;
  /** Zuora ids that came back, per Zuora object. */
  readonly seen: Map<string, Set<string>>;
}

/** Zuora 360's code for a billing account without a (valid) CRM Account ID: never retried automatically. */
export const missingCrmIdCode = 'DACO-02';

export function isoOrNull(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function codeOf(error: RecordError): string {
  return error.code === 'MISSING_CRM_ID' || error.code === 'INVALID_CRM_ID' ? missingCrmIdCode : error.code;
}

export interface PrepareOptions {
  readonly context: MappingContext;
  /** Report accounts (or, for `records`, any record) left out for lack of a CRM Account ID. */
  readonly reportMissingCrmId: 'accounts' | 'all';
}

export function prepareWrites(reads: readonly ReadRows[], options: PrepareOptions): PreparedWrites {
  const prepared: PreparedWrites = { objects: new Map(), outcomes: [], read: new Map(), seen: new Map() };
  // Rows of one stream may come from several queries (id chunks): merged, each record once.
  const byStream = new Map<string, { read: ReadRows['query']; rows: ZuoraRow[] }>();
  for (const r of reads) {
    const name = r.query.stream.zuoraObject;
    const entry = byStream.get(name) ?? { read: r.query, rows: [] };
    const ids = prepared.seen.get(name) ?? new Set<string>();
    prepared.seen.set(name, ids);
    for (const row of r.rows) {
      if (ids.has(row.Id ?? '')) continue;
      ids.add(row.Id ?? '');
      entry.rows.push(row);
    }
    byStream.set(name, entry);
  }
  // Parents first (the maps' order), so the records of a cancelled account follow it.
  const removed = new RemovedRecords();
  const order = (name: string) => objectMaps.findIndex((m) => m.zuoraObject === name);
  const streams = [...byStream.values()].sort(
    (a, b) => order(a.read.stream.zuoraObject) - order(b.read.stream.zuoraObject),
  );
  for (const { read, rows } of streams) {
    const router = new StreamRouter(read.stream, options.context, sinkFor(prepared, read, options), removed);
    const taken = rows.filter((row) => router.offer(row));
    for (const row of taken) router.take(row);
    for (const [object, n] of router.read) prepared.read.set(object, (prepared.read.get(object) ?? 0) + n);
  }
  return prepared;
}

function sinkFor(prepared: PreparedWrites, read: ReadRows['query'], options: PrepareOptions): RouteSink {
  const name = read.stream.zuoraObject;
  const base = (record: ZuoraRow, key: string): PreparedDelete => {
    const owner = read.ownerPath === undefined ? '' : (record[read.ownerPath] ?? '');
    const zuoraId = record.Id === undefined || record.Id === '' ? null : record.Id;
    return {
      key,
      zuoraId,
      ownerZuoraId: owner === '' ? null : owner,
      zuoraUpdatedAt: isoOrNull(record.UpdatedDate),
    };
  };
  const target = (route: RoutedMap): PreparedObject => {
    const object = route.map.salesforceObject;
    const found = prepared.objects.get(object);
    if (found !== undefined) return found;
    const created: PreparedObject = {
      zuoraObject: name,
      map: route.map,
      object,
      keyField: route.mapper.upsertKey,
      upserts: [],
      deferred: [],
      deletes: [],
    };
    prepared.objects.set(object, created);
    return created;
  };
  const failed = (route: RoutedMap, r: PreparedDelete, code: string, message: string) =>
    prepared.outcomes.push({
      zuoraObject: name,
      salesforceObject: route.map.salesforceObject,
      zuoraId: r.zuoraId,
      externalId: r.key === '' ? (r.zuoraId ?? '') : r.key,
      salesforceId: null,
      operation: 'upsert',
      success: false,
      errorCode: code,
      errorMessage: message,
      zuoraUpdatedAt: r.zuoraUpdatedAt,
      committedAt: null,
      ownerZuoraId: r.ownerZuoraId,
    });
  return {
    upsert(route, key, row, deferred, record) {
      const t = target(route);
      t.upserts.push({ ...base(record, key), row });
      if (deferred !== null) t.deferred.push({ ...base(record, key), row: deferred });
    },
    delete(route, key, record) {
      const t = target(route);
      if (!t.deletes.some((d) => d.key === key)) t.deletes.push(base(record, key));
    },
    failed(route, key, errors, record) {
      const first = errors[0];
      const message = errors.map((e) => e.message).join('; ');
      failed(route, base(record, key), first === undefined ? 'UNKNOWN_ERROR' : codeOf(first), message);
    },
    skipped(record, routes) {
      if (name !== 'Account' && options.reportMissingCrmId !== 'all') return;
      const id = record.Id ?? '';
      const message =
        name === 'Account'
          ? `The Zuora account ${id} has no CRM Account ID: only billing accounts linked to a Salesforce Account are synced.`
          : `${name} ${id} belongs to a Zuora account with no CRM Account ID: only billing accounts linked to a Salesforce Account are synced.`;
      for (const route of routes) {
        const object = route.map.salesforceObject;
        prepared.read.set(object, (prepared.read.get(object) ?? 0) + 1);
        failed(route, base(record, id), missingCrmIdCode, message);
      }
    },
  };
}
