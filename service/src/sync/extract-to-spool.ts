// Extraction: one AQuA job reads every stream of the scope changed since the window start (plus the
// records whose last sync failed), maps each row and spools the mapped rows per Salesforce object.
// Record-level problems (mapping errors) are collected as values, never thrown.
import { parse } from 'csv-parse/sync';
import { recordMapperFor } from '../mapping/map-record.js';
import type { MappingContext, RecordMapper } from '../mapping/record-mapper.js';
import type { RecordError } from '../mapping/record-error.js';
import type { Row } from '../mapping/record-mapper.js';
import { openFailures, type FailedRecordInput } from '../store/failed-record-rows.js';
import { downloadAquaFile, submitAquaJob, waitForAquaJob, type AquaQuery } from '../zuora/aqua-export.js';
import type { CsvSpool } from './csv-spool.js';
import { retryableCodes } from './load-object.js';
import {
  acceptsRecord,
  deletedColumn,
  streamQuery,
  type BackfillSpec,
  type StreamSpec,
} from './stream-plan.js';
import type { SyncDeps } from './sync-deps.js';

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
  readonly spooledKeys: Map<string, Set<string>>;
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

  const summary: ExtractSummary = { read: {}, spooledKeys: new Map(), skipped: {}, failures: [] };
  const byName = new Map(req.streams.map((s) => [s.zuoraObject, s]));
  const seen = new Map<string, Set<string>>();
  // Main batches first, so a retry batch only adds records the main batch did not already carry.
  const ordered = [...batches].sort(
    (a, b) => Number(retryName.test(a.name)) - Number(retryName.test(b.name)),
  );
  for (const batch of ordered) {
    const streamName = batch.name.replace(retryName, '');
    const stream = byName.get(streamName);
    if (stream === undefined || batch.fileId === undefined) continue;
    const csv = await downloadAquaFile(deps.zuora, batch.fileId, entityId);
    const records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true });
    const ids = seen.get(streamName) ?? new Set<string>();
    seen.set(streamName, ids);
    const fresh = records.filter((r) => {
      const id = r.Id ?? '';
      if (ids.has(id)) return false;
      ids.add(id);
      return true;
    });
    spoolStream(stream, fresh, spool, req, summary);
    deps.onProgress?.({ object: streamName, phase: 'extracted', records: fresh.length, failed: 0 });
  }
  return summary;
}

function spoolStream(
  stream: StreamSpec,
  records: readonly Record<string, string>[],
  spool: CsvSpool,
  req: ExtractRequest,
  summary: ExtractSummary,
): void {
  const name = stream.zuoraObject;
  const live: Record<string, string>[] = [];
  const deletedIds: string[] = [];
  for (const r of records) {
    const cancelledAccount = name === 'Account' && r.Status === 'Canceled';
    if (r[deletedColumn] === 'true' || cancelledAccount) {
      deletedIds.push(r.Id ?? '');
      continue;
    }
    // Only billing accounts with a CRM Account ID, and their related records, are synced (seed 000).
    if (stream.crmIdPath !== undefined && isBlank(r[stream.crmIdPath])) {
      summary.skipped[name] = (summary.skipped[name] ?? 0) + 1;
      continue;
    }
    live.push(r);
  }
  // Newest first, so that when several versions share an upsert key (a subscription number) the newest
  // is the one sent: a Bulk job must not carry one key twice.
  live.sort((a, b) => (b.UpdatedDate ?? '').localeCompare(a.UpdatedDate ?? ''));

  for (const map of stream.maps) {
    const spooled = summary.spooledKeys.get(map.salesforceObject) ?? new Set<string>();
    summary.spooledKeys.set(map.salesforceObject, spooled);
    let read = deletedIds.length;
    const mapper: RecordMapper = recordMapperFor(map, req.context);
    const keyPath =
      mapper.upsertKey === map.externalId.salesforce
        ? map.externalId.zuora
        : (map.stableExternalId?.zuora ?? 'Id');
    const rows: Row[] = [];
    const deferred: Row[] = [];
    for (const record of live) {
      if (!acceptsRecord(map, record)) continue;
      const key = record[keyPath] ?? '';
      if (key !== '' && spooled.has(key)) continue;
      spooled.add(key);
      read += 1;
      const result = mapper.mapRecord(record);
      if (result.ok) {
        rows.push(result.row);
        if (result.deferred !== null) deferred.push(result.deferred);
      } else {
        summary.failures.push(
          failureOf(name, map.salesforceObject, req.entityId, record[keyPath] ?? '', record, result.error),
        );
      }
    }
    summary.read[map.salesforceObject] = (summary.read[map.salesforceObject] ?? 0) + read;
    spool.append(map.salesforceObject, 'upsert', mapper.columns, rows);
    spool.append(map.salesforceObject, 'deferred', mapper.deferredColumns, deferred);
    // A deleted subscription version does not delete the record kept per subscription number.
    if (mapper.upsertKey === map.externalId.salesforce && deletedIds.length > 0) {
      spool.append(
        map.salesforceObject,
        'delete',
        [mapper.upsertKey],
        deletedIds.map((id) => ({ [mapper.upsertKey]: id })),
      );
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
