import type { EmulatorContext } from '../emulator-context.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { PreparedRecord } from '../store/prepared-record.js';
import { plainText } from '../store/text-packing.js';
import type { Entry } from '../store/unique-index.js';
import type { SfValue, WriteResult } from '../store/sf-error.js';
import { BatchKeys } from './batch-keys.js';
import { EMPTY, KEY, planCells, RANGE, readCells, VALUE, type CellPlan } from './cell-plan.js';
import { CsvCells } from './csv-cells.js';
import { FastInsert } from './fast-insert.js';
import { FastUpdate, UPDATED } from './fast-update.js';
import type { IngestColumn } from './ingest-columns.js';
import type { IngestJob } from './ingest-job.js';

// The Bulk column path: insert and upsert rows are read cell by cell from the upload (cell-plan.ts)
// and new records written straight into the table (fast-insert.ts), with no per-record objects. An
// upsert that matches one record writes the given cells into its row (fast-update.ts). Jobs the
// path does not cover go the row path (process-ingest.ts): update and delete operations, an Id column,
// objects with automation or auto-number fields, and the lock-row fault (random per row).

const AUDIT = [
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'CreatedById',
  'LastModifiedById',
  'IsDeleted',
];

export function fitsColumnPath(ctx: EmulatorContext, job: IngestJob): boolean {
  if (job.operation !== 'insert' && job.operation !== 'upsert') return false;
  if (ctx.faults.lockRowRatio > 0 || job.columns === null) return false;
  const store = ctx.store;
  if (store.automation === null || store.automation.watches(job.def)) return false;
  const table = store.table(job.def);
  if (table.autoNumberFields.length > 0) return false;
  if (AUDIT.some((name) => job.def.fieldsByLower.has(name.toLowerCase()) && table.live.columnIndex(name) < 0))
    return false;
  return job.columns.every((c) => c.field.name !== 'Id');
}

/** The row's given values as the row path prepares them (an upsert that updates). */
function prepared(
  columns: IngestColumn[],
  cells: CsvCells,
  states: Uint8Array,
  values: SfValue[],
): PreparedRecord {
  const out: PreparedRecord = { fields: [], values: [], refs: [], errors: [] };
  for (let c = 0; c < columns.length; c += 1) {
    const column = columns[c] as IngestColumn;
    const state = states[c];
    if (state === EMPTY) continue;
    const value = state === RANGE || state === KEY ? cells.value(c) : (values[c] ?? null);
    if (column.kind === 'ref')
      out.refs.push({ field: column.field, target: column.target, extField: column.extField, value });
    else {
      out.fields.push(column.field);
      out.values.push(value);
    }
  }
  return out;
}

/**
 * What each job keeps over its batches. `plans`: its cell plans, whose caches hold coerced values (a function
 * of the field and the text alone); a column found to repeat too little to cache stays uncached. `plain`: its
 * upload when its characters are all U+0001-U+007F (its text then is copied unchecked), else null.
 */
const jobPlans = new WeakMap<IngestJob, { plans: CellPlan[]; plain: string | null }>();

/** An ended job's plans go: their caches hold cells cut from its upload, and an ended job is kept (for its
 * result files) long after its upload has gone to disk, so they would keep the whole upload in memory. */
export function releaseCellPlans(job: IngestJob): void {
  jobPlans.delete(job);
}

/** Rows Salesforce saves in one transaction (FastInsert.stampChunk). */
const CHUNK_ROWS = 200;

const fail = (statusCode: string, message: string, fields: string[]): WriteResult => ({
  ok: false,
  errors: [{ statusCode, message, fields }],
});

/** Rows [from, to) of the job by the column path; `record` keeps each row's result. */
export function runColumnBatch(
  ctx: EmulatorContext,
  job: IngestJob,
  from: number,
  to: number,
  /** A number: the record number of a created record's generated Id, or ~n: record number n updated. */
  record: (row: number, result: WriteResult | number) => void,
): void {
  const columns = job.columns as IngestColumn[];
  const def = job.def;
  const store = ctx.store;
  const extField: FieldDef | null =
    job.operation === 'upsert'
      ? (def.fieldsByLower.get((job.externalIdFieldName ?? '').toLowerCase()) ?? null)
      : null;
  const extColumn = extField === null ? -1 : columns.findIndex((c) => c.field === extField);
  let kept = jobPlans.get(job);
  if (kept === undefined) {
    // An upload kept on disk as received was all ASCII (ingest-routes.ts).
    kept = { plans: planCells(columns, extField), plain: plainText(job.data ?? '', Boolean(job.uploadFile)) };
    jobPlans.set(job, kept);
  }
  const { plans, plain } = kept;
  const cells = new CsvCells(job.data ?? '', job.delimiter.charCodeAt(0), columns.length);
  const states = new Uint8Array(columns.length);
  const values = new Array<SfValue>(columns.length).fill(null);
  const inserter = new FastInsert(store, def, columns, plans, extField, plain);
  const updater = extField === null ? null : new FastUpdate(store, def, columns, plans, inserter, extField);
  const extIndex = extField === null ? undefined : store.table(def).indexByField.get(extField.name);
  // Keys are compared case-folded: a case-sensitive key (or no index) keeps a set of every key.
  const keys =
    extIndex !== undefined && extField !== null && !extField.caseSensitive
      ? new BatchKeys(store.table(def).nextNumber, to - from)
      : null;
  const seen = new Set<string>();
  // The row's key as given, case-folded, and as the index holds it (null: not cut from the upload yet).
  let text: string | null = null;
  let keyText = '';
  let indexKey = '';
  const keyStrings = (given: string) => {
    text = given;
    keyText = given.toLowerCase();
    // The index's own key (case-folded unless the field is case-sensitive), without a second lower-casing.
    indexKey = extField?.caseSensitive === true ? given : keyText;
  };
  // RecordStore.update of the row's record, once the rows written before have their audit cells (flushStamps).
  const storeUpdate = (id: string): WriteResult => {
    inserter.flushStamps();
    updater?.flushStamps();
    return store.update(def, id, prepared(columns, cells, states, values));
  };
  // A malformed row (CsvError) ends the batch; the records created before it still count.
  try {
    for (let row = from; row < to; row += 1) {
      if (row === from || row % CHUNK_ROWS === 0) {
        updater?.flushStamps();
        inserter.stampChunk();
      }
      cells.readAt(job.rowStarts[row] as number, row, job.cellEnds);
      const errors = readCells(plans, cells, states, values);
      if (errors !== null) {
        record(row, { ok: false, errors });
        continue;
      }
      if (extField === null) {
        record(row, inserter.insert(cells, states, values, null));
        continue;
      }
      // A free-text key read as a range of the upload (cell-plan.ts) is looked up from its characters: its
      // strings are cut only when the row needs them (an error, a key kept as a string by the batch).
      const ranged = extColumn >= 0 && states[extColumn] === RANGE;
      const key =
        !ranged && extColumn >= 0 && states[extColumn] === VALUE ? (values[extColumn] ?? null) : null;
      if (key === null && !ranged) {
        record(row, fail('MISSING_ARGUMENT', `${extField.name} not specified`, [extField.name]));
        continue;
      }
      let hit: Entry | undefined | null =
        ranged && keys !== null && extIndex !== undefined
          ? extIndex.lookupRange(
              cells.source(extColumn),
              cells.starts[extColumn] as number,
              cells.ends[extColumn] as number,
            )
          : null;
      text = null;
      if (hit === null) {
        keyStrings(ranged ? cells.value(extColumn) : String(key));
        hit = extIndex?.lookup(indexKey);
      } else if ((keys as BatchKeys).anyOther) keyStrings(cells.value(extColumn));
      if (keys === null ? seen.has(keyText) : keys.had(keyText, hit)) {
        const given = text ?? cells.value(extColumn);
        record(
          row,
          fail('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${given}`, [extField.name]),
        );
        continue;
      }
      if (keys === null) seen.add(keyText);
      let result: WriteResult | number;
      let updated = -1;
      if (extIndex !== undefined && hit === undefined && text === null)
        result = inserter.insert(cells, states, values, null, extColumn);
      else if (extIndex === undefined || hit === undefined)
        result = inserter.insert(cells, states, values, extIndex ? indexKey : null);
      else if (typeof hit === 'number') {
        // The one record holding the key, by its record number.
        const done =
          updater?.update(hit, cells, states, values) ?? storeUpdate(store.table(def).codec.idOf(hit));
        result = done === UPDATED ? ~hit : done;
        updated = hit;
      } else {
        const hits = extIndex.findKey(indexKey);
        if (hits.length > 1) {
          const message = `${extField.name}: more than one record found for external id field: ${hits.join(', ')}`;
          result = fail('DUPLICATE_EXTERNAL_ID', message, [extField.name]);
        } else if (hits.length === 1) {
          result = storeUpdate(hits[0] as string);
          if (typeof hit === 'number') updated = hit;
        } else result = inserter.insert(cells, states, values, null);
      }
      if (keys !== null) {
        if (typeof result === 'number' && result >= 0) keys.create(result);
        else if (updated >= 0) keys.update(updated);
        else {
          if (text === null) keyStrings(cells.value(extColumn));
          keys.other(keyText);
        }
      }
      record(row, result);
    }
  } finally {
    inserter.flushCounts();
    updater?.flushCounts();
    extIndex?.letGo();
  }
}
