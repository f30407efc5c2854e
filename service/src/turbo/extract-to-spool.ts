// Extraction: one AQuA job reads every stream of the scope changed since the window start (plus the
// records whose last sync failed), maps each row and spools the mapped rows per Salesforce object.
// Files are parsed as they download and rows written as they are mapped, so memory stays bounded whatever
// the size of the tenant. Record-level problems (mapping errors) are collected as values, never thrown.
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import { recordMapperFor } from '../mapping/map-record.js';
import type { MappingContext, RecordMapper } from '../mapping/record-mapper.js';
import type { RecordError } from '../mapping/record-error.js';
import { openFailures, type FailedRecordInput } from '../store/failed-record-rows.js';
import { streamAquaFile, submitAquaJob, waitForAquaJob, type AquaQuery } from '../zuora/aqua-export.js';
import type { CsvSpool } from './csv-spool.js';
import type { SpoolWriter } from '../csv/spool-writer.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';
import {
  acceptsRecord,
  deletedColumn,
  streamQuery,
  type BackfillSpec,
  type StreamSpec,
} from '../mapping/stream-plan.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

export interface ExtractRequest {
  readonly sessionId: string;
  readonly scope: 'accounts' | 'catalog';
  readonly entityId: string;
  readonly since: Date;
  readonly streams: readonly StreamSpec[];
  readonly context: MappingContext;
  /** AQuA jobs submitted before a crash, reused instead of submitting others. */
  readonly aquaJobIds?: { readonly main?: string; readonly retry?: string };
  readonly onJobSubmitted: (kind: 'main' | 'retry', aquaJobId: string) => Promise<void>;
  /** A targeted backfill instead of the changes since `since`. */
  readonly backfill?: BackfillSpec;
}

export interface ExtractSummary {
  /** Records read per Salesforce object (the records its map took, deletions included). */
  readonly read: Record<string, number>;
  readonly skipped: Record<string, number>;
  readonly failures: FailedRecordInput[];
}

const retrySuffix = '__retry';
const retryName = /__retry\d+$/;
const maxWhereConditions = 190;
const maxAquaQueries = 50;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export async function extractToSpool(
  deps: SyncDeps,
  spool: CsvSpool,
  req: ExtractRequest,
): Promise<ExtractSummary> {
  const entityId = req.entityId === '' ? undefined : req.entityId;
  const backfill = req.backfill;
  // Changed and deleted rows: a stateful job (incrementalTime filters every query of a stateful job).
  // A backfill reads what it names as it is now: a stateless job, no deletions.
  const mainJobId =
    req.aquaJobIds?.main ??
    (await submitAquaJob(
      deps.zuora,
      backfill === undefined
        ? {
            name: `zuora-sync ${req.scope} ${req.sessionId}`,
            queries: req.streams.map((stream) => ({
              name: stream.zuoraObject,
              query: streamQuery(stream),
              deletedColumn,
            })),
            partner: 'zuora-salesforce-sync',
            project: `${req.scope}-${req.entityId === '' ? 'default' : req.entityId}`,
            incrementalTime: req.since,
            entityId,
          }
        : {
            name: `zuora-sync backfill ${req.sessionId}`,
            queries: req.streams.map((stream) => ({
              name: stream.zuoraObject,
              query: streamQuery(stream, undefined, backfill),
            })),
            entityId,
          },
    ));
  if (req.aquaJobIds?.main === undefined) await req.onJobSubmitted('main', mainJobId);

  // Records whose last sync failed are read again whatever their UpdatedDate: a stateless job by id.
  // ZOQL allows at most 200 conditions in a WHERE clause and AQuA 50 queries a job; any rest waits for
  // the next session. https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes
  let retryJobId = req.aquaJobIds?.retry;
  if (retryJobId === undefined && req.aquaJobIds?.main === undefined && backfill === undefined) {
    const retryQueries: AquaQuery[] = [];
    for (const stream of req.streams) {
      const retry = await openFailures(deps.store, stream.zuoraObject, req.entityId, [...retryableCodes]);
      const ids = [...new Set(retry.map((f) => f.zuoraId).filter((id): id is string => id !== null))];
      for (let i = 0; i < ids.length && retryQueries.length < maxAquaQueries; i += maxWhereConditions) {
        retryQueries.push({
          name: `${stream.zuoraObject}${retrySuffix}${String(i / maxWhereConditions)}`,
          query: streamQuery(stream, ids.slice(i, i + maxWhereConditions)),
        });
      }
    }
    if (retryQueries.length > 0) {
      retryJobId = await submitAquaJob(deps.zuora, {
        name: `zuora-sync ${req.scope} ${req.sessionId} retries`,
        queries: retryQueries,
        entityId,
      });
      await req.onJobSubmitted('retry', retryJobId);
    }
  }
  const poll = { entityId, minPollMs: deps.minPollMs ?? 100 };
  const batches = [
    ...(await waitForAquaJob(deps.zuora, mainJobId, poll)),
    ...(retryJobId === undefined ? [] : await waitForAquaJob(deps.zuora, retryJobId, poll)),
  ];

  const summary: ExtractSummary = { read: {}, skipped: {}, failures: [] };
  const byName = new Map(req.streams.map((s) => [s.zuoraObject, s]));
  // Retry batches are small (at most 50 queries of 190 ids): read first and indexed by id, so that a main
  // batch drops the ids it carries itself and only the rest are added. Main batches are never held whole.
  const retryRows = new Map<string, Map<string, ZuoraRow>>();
  for (const batch of batches) {
    if (!retryName.test(batch.name) || batch.fileId === undefined) continue;
    const streamName = batch.name.replace(retryName, '');
    const rows = retryRows.get(streamName) ?? new Map<string, ZuoraRow>();
    retryRows.set(streamName, rows);
    await eachAquaRow(deps, batch.fileId, entityId, (record) => rows.set(record.Id ?? '', record));
  }
  const finishStream = async (sink: StreamSink, streamName: string): Promise<void> => {
    for (const record of retryRows.get(streamName)?.values() ?? []) sink.add(record);
    retryRows.delete(streamName);
    await sink.finish();
    deps.onProgress?.({ object: streamName, phase: 'extracted', records: sink.records, failed: 0 });
  };
  for (const batch of batches) {
    const stream = byName.get(batch.name);
    if (stream === undefined || batch.fileId === undefined || retryName.test(batch.name)) continue;
    const sink = new StreamSink(stream, spool, req, summary);
    const retry = retryRows.get(batch.name);
    await eachAquaRow(deps, batch.fileId, entityId, (record) => {
      retry?.delete(record.Id ?? '');
      sink.add(record);
    });
    await finishStream(sink, batch.name);
  }
  for (const streamName of [...retryRows.keys()]) {
    const stream = byName.get(streamName);
    if (stream !== undefined) await finishStream(new StreamSink(stream, spool, req, summary), streamName);
  }
  return summary;
}

type ZuoraRow = Record<string, string>;

/** Each row of an AQuA file as it downloads (parsed by a quote-aware scanner): a file is never held whole. */
async function eachAquaRow(
  deps: SyncDeps,
  fileId: string,
  entityId: string | undefined,
  onRow: (row: ZuoraRow) => void,
): Promise<void> {
  let header: string[] | undefined;
  await scanCsvRecords(await streamAquaFile(deps.zuora, fileId, entityId), Number.POSITIVE_INFINITY, (f) => {
    if (header === undefined) {
      header = f;
      return;
    }
    const row: ZuoraRow = {};
    for (let i = 0; i < header.length; i += 1) row[header[i] as string] = f[i] ?? '';
    onRow(row);
  });
}

interface MapSink {
  readonly map: StreamSpec['maps'][number];
  readonly mapper: RecordMapper;
  /** The field a record is keyed on in Salesforce: the Zuora id, or a shared key (subscription number). */
  readonly keyPath: string;
  /** For a shared key, the newest record per key (its id and UpdatedDate): the one version sent. */
  readonly newest: Map<string, { id: string; updated: string }> | undefined;
  read: number;
  upsert: SpoolWriter | undefined;
  deferred: SpoolWriter | undefined;
  deletes: SpoolWriter | undefined;
}

/**
 * One stream's rows, one at a time: deletions and eligibility first, then each map's row to its spool
 * writer. When a map keys several records on one value (subscription versions share a subscription
 * number; a Bulk job must not carry one key twice) only the newest is sent: the rows are staged on disk
 * as JSON lines while the newest per key is tracked, then replayed once the stream is complete.
 */
class StreamSink {
  records = 0;
  readonly #stream: StreamSpec;
  readonly #spool: CsvSpool;
  readonly #req: ExtractRequest;
  readonly #summary: ExtractSummary;
  readonly #maps: MapSink[];
  readonly #staging: { path: string; fd: number; pending: string } | undefined;

  constructor(stream: StreamSpec, spool: CsvSpool, req: ExtractRequest, summary: ExtractSummary) {
    this.#stream = stream;
    this.#spool = spool;
    this.#req = req;
    this.#summary = summary;
    this.#maps = stream.maps.map((map) => {
      const mapper = recordMapperFor(map, req.context);
      const keyPath =
        mapper.upsertKey === map.externalId.salesforce
          ? map.externalId.zuora
          : (map.stableExternalId?.zuora ?? 'Id');
      return {
        map,
        mapper,
        keyPath,
        newest: keyPath === 'Id' ? undefined : new Map(),
        read: 0,
        upsert: undefined,
        deferred: undefined,
        deletes: undefined,
      };
    });
    if (this.#maps.some((m) => m.newest !== undefined)) {
      const path = join(spool.dir, `${stream.zuoraObject}.staging.jsonl`);
      this.#staging = { path, fd: openSync(path, 'w'), pending: '' };
    }
  }

  add(record: ZuoraRow): void {
    this.records += 1;
    const name = this.#stream.zuoraObject;
    const cancelledAccount = name === 'Account' && record.Status === 'Canceled';
    if (record[deletedColumn] === 'true' || cancelledAccount) {
      for (const m of this.#maps) {
        m.read += 1;
        // A deleted subscription version does not delete the record kept per subscription number.
        if (m.mapper.upsertKey !== m.map.externalId.salesforce) continue;
        m.deletes ??= this.#spool.writer(m.map.salesforceObject, 'delete', [m.mapper.upsertKey]);
        m.deletes.write({ [m.mapper.upsertKey]: record.Id ?? '' });
      }
      return;
    }
    // Only billing accounts with a CRM Account ID, and their related records, are synced (seed 000).
    if (this.#stream.crmIdPath !== undefined && isBlank(record[this.#stream.crmIdPath])) {
      this.#summary.skipped[name] = (this.#summary.skipped[name] ?? 0) + 1;
      return;
    }
    const staging = this.#staging;
    if (staging === undefined) {
      this.#route(record);
      return;
    }
    for (const m of this.#maps) {
      if (m.newest === undefined || !acceptsRecord(m.map, record)) continue;
      const key = record[m.keyPath] ?? '';
      const updated = record.UpdatedDate ?? '';
      const current = m.newest.get(key);
      if (key !== '' && (current === undefined || updated > current.updated))
        m.newest.set(key, { id: record.Id ?? '', updated });
    }
    staging.pending += `${JSON.stringify(record)}\n`;
    if (staging.pending.length > 1 << 20) {
      writeSync(staging.fd, staging.pending);
      staging.pending = '';
    }
  }

  async finish(): Promise<void> {
    const staging = this.#staging;
    if (staging !== undefined) {
      writeSync(staging.fd, staging.pending);
      closeSync(staging.fd);
      const lines = createInterface({ input: createReadStream(staging.path), crlfDelay: Infinity });
      for await (const line of lines) if (line !== '') this.#route(JSON.parse(line) as ZuoraRow);
      rmSync(staging.path, { force: true });
    }
    for (const m of this.#maps) {
      m.upsert?.close();
      m.deferred?.close();
      m.deletes?.close();
      const object = m.map.salesforceObject;
      this.#summary.read[object] = (this.#summary.read[object] ?? 0) + m.read;
    }
  }

  #route(record: ZuoraRow): void {
    for (const m of this.#maps) {
      if (!acceptsRecord(m.map, record)) continue;
      const key = record[m.keyPath] ?? '';
      if (m.newest !== undefined && key !== '' && m.newest.get(key)?.id !== (record.Id ?? '')) continue;
      m.read += 1;
      const result = m.mapper.mapRecord(record);
      if (result.ok) {
        m.upsert ??= this.#spool.writer(m.map.salesforceObject, 'upsert', m.mapper.columns);
        m.upsert.write(result.row);
        if (result.deferred !== null) {
          m.deferred ??= this.#spool.writer(m.map.salesforceObject, 'deferred', m.mapper.deferredColumns);
          m.deferred.write(result.deferred);
        }
      } else {
        this.#summary.failures.push(
          failureOf(
            this.#stream.zuoraObject,
            m.map.salesforceObject,
            this.#req.entityId,
            key,
            record,
            result.error,
          ),
        );
      }
    }
  }
}

function failureOf(
  stream: string,
  object: string,
  entityId: string,
  key: string,
  record: Record<string, string>,
  error: RecordError,
): FailedRecordInput {
  return {
    stream,
    salesforceObject: object,
    entityId,
    externalId: key === '' ? (record.Id ?? error.zuoraId ?? '') : key,
    zuoraId: record.Id ?? error.zuoraId,
    code: error.code,
    message: error.message,
    fields: [error.field],
  };
}
