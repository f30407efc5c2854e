import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { PreparedRecord } from '../store/prepared-record.js';
import type { SfError, SfValue, WriteResult } from '../store/sf-error.js';
import { CellEnds } from './cell-ends.js';
import { CoerceCache } from './coerce-cache.js';
import { CsvError, CsvReader } from './csv-reader.js';
import { fitsColumnPath, runColumnBatch } from './fast-ingest.js';
import { resolveColumns } from './ingest-columns.js';
import type { IngestJob } from './ingest-job.js';

// Runs an ingest job in internal batches of 10,000 records, each counted against the daily Bulk
// batch allocation (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_understanding_bulk2_ingest.htm).
// CSV semantics: an empty value leaves the field unchanged, `#N/A` sets it to null
// (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm).
// Failed rows report `sf__Error` as `STATUS_CODE:message:field,field --`.

export const BATCH_SIZE = 10_000;

export function formatBulkError(e: SfError): string {
  return `${e.statusCode}:${e.message}:${e.fields.length > 0 ? `${e.fields.join(',')} ` : ''}--`;
}

/** The sf__Id of a processed row (a record number is a generated Id of the job's object). */
export function resultIdOf(ctx: EmulatorContext, job: IngestJob, row: number): string {
  const id = job.resultIds[row] ?? '';
  return typeof id === 'number' ? ctx.store.table(job.def).codec.idOf(id) : id;
}

/** Parses the upload and resolves the header; returns the failure message or null. */
export function openUpload(ctx: EmulatorContext, job: IngestJob): string | null {
  const reader = new CsvReader(job.data ?? '', job.delimiter);
  try {
    const header = reader.readRow();
    if (!header || header.fields.every((f) => f === '')) return 'InvalidBatch : No data uploaded';
    const columns = resolveColumns(ctx.schema, job.def, header.fields);
    if (typeof columns === 'string') return columns;
    const names = columns.map((c) => c.field.name);
    if (job.operation === 'update' || job.operation === 'delete' || job.operation === 'hardDelete') {
      if (!names.includes('Id')) return 'InvalidBatch : Field name not found : Id';
    }
    if (
      job.operation === 'upsert' &&
      !names.some((n) => n.toLowerCase() === job.externalIdFieldName?.toLowerCase())
    ) {
      return `InvalidBatch : Field name not found : ${job.externalIdFieldName ?? ''}`;
    }
    job.columns = columns;
    job.header = job.data?.slice(header.start, header.end) ?? '';
    const sink =
      job.operation === 'insert' || job.operation === 'upsert' ? new CellEnds(columns.length) : null;
    job.cellEnds = sink;
    for (let row = reader.scanRow(sink, 0); row; row = reader.scanRow(sink, job.rowStarts.length)) {
      if (row.end === row.start) continue;
      if (row.count !== columns.length) {
        return `InvalidBatch : Wrong number of columns on line ${reader.line - 1}: expected ${columns.length}, found ${row.count}`;
      }
      job.rowStarts.push(row.start);
      job.rowEnds.push(row.end);
    }
    return null;
  } catch (error) {
    if (error instanceof CsvError) return `InvalidBatch : ${error.message}`;
    throw error;
  }
}

function prepareRow(
  job: IngestJob,
  fields: string[],
  cache: CoerceCache,
): { prepared: PreparedRecord; id: string | null; key: SfValue } {
  const prepared: PreparedRecord = { fields: [], values: [], refs: [], errors: [] };
  let id: string | null = null;
  let key: SfValue = null;
  const extName = job.externalIdFieldName?.toLowerCase();
  const columns = job.columns ?? [];
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i]!;
    const raw = fields[i] ?? '';
    if (column.kind === 'field' && column.field.name === 'Id') {
      if (raw !== '') id = raw;
      if (extName === 'id') key = raw === '' ? null : raw;
      continue;
    }
    if (raw === '') continue;
    if (column.kind === 'ref') {
      prepared.refs.push({
        field: column.field,
        target: column.target,
        extField: column.extField,
        value: raw === '#N/A' ? null : raw,
      });
      continue;
    }
    const coerced = raw === '#N/A' ? ({ ok: true, value: null } as const) : cache.coerce(column.field, raw);
    if (coerced.ok) {
      prepared.fields.push(column.field);
      prepared.values.push(coerced.value);
      if (column.field.name.toLowerCase() === extName) key = coerced.value;
    } else prepared.errors.push(coerced.error);
  }
  return { prepared, id, key };
}

const fail = (statusCode: string, message: string, fieldNames: string[] = []): WriteResult => ({
  ok: false,
  errors: [{ statusCode, message, fields: fieldNames }],
});

function writeRow(
  ctx: EmulatorContext,
  job: IngestJob,
  extField: FieldDef | null,
  fields: string[],
  seen: Set<string>,
  cache: CoerceCache,
): WriteResult {
  const { prepared, id, key } = prepareRow(job, fields, cache);
  const store = ctx.store;
  const def = job.def;
  if (ctx.faults.lockRowRatio > 0 && Math.random() < ctx.faults.lockRowRatio) {
    return fail('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records');
  }
  switch (job.operation) {
    case 'insert':
      if (id) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
      if (prepared.errors.length > 0) return { ok: false, errors: prepared.errors };
      return store.insert(def, prepared);
    case 'update':
      if (!id || !isSalesforceId(id))
        return fail('MALFORMED_ID', `Id: id value of incorrect type: ${id ?? ''}`, ['Id']);
      if (prepared.errors.length > 0) return { ok: false, errors: prepared.errors };
      return store.update(def, normalizeId(id), prepared);
    case 'upsert': {
      if (!extField) return fail('INVALID_FIELD', 'external ID field missing');
      if (prepared.errors.length > 0) return { ok: false, errors: prepared.errors };
      if (key === null) {
        if (extField.name === 'Id') return store.insert(def, prepared);
        return fail('MISSING_ARGUMENT', `${extField.name} not specified`, [extField.name]);
      }
      const keyText = String(key).toLowerCase();
      if (seen.has(keyText))
        return fail('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(key)}`, [
          extField.name,
        ]);
      seen.add(keyText);
      const result = store.upsert(
        def,
        extField,
        extField.name === 'Id' ? normalizeId(String(key)) : key,
        prepared,
      );
      if (!result.ok && 'multiple' in result) {
        return fail(
          'DUPLICATE_EXTERNAL_ID',
          `${extField.name}: more than one record found for external id field: ${result.multiple.join(', ')}`,
          [extField.name],
        );
      }
      return result;
    }
    case 'delete':
    case 'hardDelete':
      if (!id || !isSalesforceId(id))
        return fail('MALFORMED_ID', `Id: id value of incorrect type: ${id ?? ''}`, ['Id']);
      return store.delete(def, [normalizeId(id)], job.operation === 'hardDelete')[0] as WriteResult;
  }
}

/** Processes rows [from, to) of the job; returns the next row index. */
export function processBatch(ctx: EmulatorContext, job: IngestJob, from: number, to: number): number {
  const extField = job.externalIdFieldName
    ? (job.def.fieldsByLower.get(job.externalIdFieldName.toLowerCase()) ?? null)
    : null;
  const reader = new CsvReader(job.data ?? '', job.delimiter);
  const seen = new Set<string>();
  const cache = new CoerceCache();
  // One batch per started 10,000 records of the job, however the worker slices them.
  const batches = Math.ceil(to / BATCH_SIZE) - Math.ceil(from / BATCH_SIZE);
  ctx.usage.countBatches(batches);
  ctx.usage.countObject(job.def.name, 0, batches, to - from);
  const record = (row: number, result: WriteResult | number, fields: string[] | null) => {
    job.processedCount += 1;
    ctx.usage.bulkRecords += 1;
    if (typeof result === 'number') {
      // A generated Id's record number: created (n), or updated (~n) by the column path.
      job.resultIds.push(result >= 0 ? result : ~result);
      job.resultCreated.push(result >= 0);
    } else if (result.ok) {
      job.resultIds.push(result.id);
      job.resultCreated.push(result.created);
    } else {
      job.failedCount += 1;
      const id =
        fields !== null &&
        (job.operation === 'update' || job.operation === 'delete' || job.operation === 'hardDelete')
          ? (fields[(job.columns ?? []).findIndex((c) => c.field.name === 'Id')] ?? '')
          : '';
      job.resultIds.push(id);
      job.resultCreated.push(false);
      job.resultErrors.set(row, result.errors.map(formatBulkError).join(';'));
    }
  };
  ctx.store.untracked(() => {
    if (fitsColumnPath(ctx, job)) {
      // Insert and upsert jobs (no Id column): the failed row's sf__Id is empty, as below.
      runColumnBatch(ctx, job, from, to, (row, result) => record(row, result, null));
      return;
    }
    for (let row = from; row < to; row += 1) {
      const fields = reader.readRowAt(job.rowStarts[row] as number);
      record(row, writeRow(ctx, job, extField, fields, seen, cache), fields);
    }
  });
  job.unprocessedFrom = to;
  if (to >= job.rowStarts.length) job.cellEnds = null;
  return to;
}
