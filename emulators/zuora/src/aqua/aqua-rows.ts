// The rows of one AQuA batch. A plain query (no aggregate, order by or limit) keeps only the row numbers
// of the records it selects and builds each record again while the file is downloaded, so an export of
// millions of records never holds them; the rows read as they are at download time, as when the batch
// held the stored records themselves. Other queries need every row at once to sort or group them.
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { matchesEvery, type CompiledQuery } from '../query/compile-query.js';
import { runQuery } from '../query/run-query.js';
import type { Column, Row } from '../query/select-columns.js';
import type { RowFormatter } from './row-formatter.js';
import type { TenantStore } from '../store/tenant-store.js';
import { writeLines, type ByteChunks } from './byte-chunks.js';
import { cellReaders, kernelPlan } from './cell-readers.js';
import { writeKernelRows } from './row-kernel.js';

export interface RowsChangedSince {
  /** Every row (a full load). */
  full: boolean;
  /** Rows written after this change sequence (stateful incremental load). */
  since: number;
  /** Rows updated at or after this time in ms (incrementalTime), when given. */
  incrementalFrom: number | undefined;
}

export interface SelectedRows {
  count: number;
  /** The CSV lines of the rows, without line ends. */
  lines(format: RowFormatter, columns: readonly Column[], cell: (v: FieldValue) => string): Iterable<string>;
  /** The same lines as bytes, each after `prefix` and ending in a line end, into `out`: a chunk when full. */
  write(
    out: ByteChunks,
    prefix: string,
    format: RowFormatter,
    columns: readonly Column[],
    cell: (v: FieldValue) => string,
  ): Generator<Buffer>;
}

function* formatted(rows: Iterable<Row>, format: RowFormatter): Generator<string> {
  for (const row of rows) yield format(row);
}

export function selectRows(
  store: TenantStore,
  query: CompiledQuery,
  entityId: string | null,
  changes: RowsChangedSince,
): SelectedRows {
  const { full, since, incrementalFrom } = changes;
  const table = store.table(query.object);
  if (query.grouping === null && query.order.length === 0 && query.limit === null) {
    const selected: number[] = [];
    const every = query.matches === matchesEvery;
    // An incremental load reads each row's UpdatedDate from its column and builds only the changed records.
    // Each distinct UpdatedDate is parsed once (the column interns them).
    const updated =
      full || incrementalFrom === undefined
        ? undefined
        : table.fieldMapper('UpdatedDate', (v) => Date.parse(String(v)) >= incrementalFrom);
    for (const row of table.rowsOf(entityId)) {
      if (!full && incrementalFrom === undefined && table.seqAt(row) <= since) continue;
      if (updated !== undefined && !updated(row)) continue;
      // Every row of a full load, or changed by its UpdatedDate column: no record to build for the filter.
      if (every && (full || updated !== undefined)) {
        selected.push(row);
        continue;
      }
      const record = table.recordAt(row);
      const changed =
        full || incrementalFrom === undefined || Date.parse(record.UpdatedDate) >= incrementalFrom;
      if (changed && query.matches(record)) selected.push(row);
    }
    function* lines(
      format: RowFormatter,
      columns: readonly Column[],
      cell: (v: FieldValue) => string,
    ): Generator<string> {
      // Own and joined fields: cells straight from the columns, without building the records.
      const readers = cellReaders(table, columns, cell);
      if (readers === undefined) {
        for (const row of selected) yield format(table.recordAt(row));
        return;
      }
      const parts = new Array<string>(readers.length);
      for (const row of selected) {
        for (let i = 0; i < readers.length; i += 1) parts[i] = (readers[i] as (row: number) => string)(row);
        yield parts.join(',');
      }
    }
    return {
      count: selected.length,
      lines,
      *write(out, prefix, format, columns, cell) {
        const plan = kernelPlan(table, columns, cell);
        if (plan === undefined) {
          yield* writeLines(out, prefix, lines(format, columns, cell));
          return;
        }
        const { columns: kernel, has, checked } = plan;
        yield* writeKernelRows(out, selected, Buffer.from(prefix, 'utf8'), kernel, has, checked);
      },
    };
  }
  function* candidates(): Generator<ZRecord> {
    for (const stored of store.scan(query.object, entityId)) {
      const changed =
        full ||
        (incrementalFrom !== undefined
          ? Date.parse(stored.record.UpdatedDate) >= incrementalFrom
          : stored.seq > since);
      if (changed) yield stored.record;
    }
  }
  const rows = [...runQuery(query, candidates())];
  return {
    count: rows.length,
    lines: (format) => formatted(rows, format),
    write: (out, prefix, format) => writeLines(out, prefix, formatted(rows, format)),
  };
}
