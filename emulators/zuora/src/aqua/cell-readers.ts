// The cells of an export's columns read straight from the table's columns, row by row, without building
// the records: an own field from its column, a joined field (`Account.CrmId` from InvoiceItem) by following
// the *Id fields through the joined tables' columns, as the column's getter follows them through records
// (field-paths.ts). A row reads as it is at download time, as its record would.
import type { FieldValue } from '../model/zuora-record.js';
import type { Column } from '../query/select-columns.js';
import type { JoinPath } from '../query/field-paths.js';
import type { RecordTable } from '../store/record-table.js';
import type { CellWriter } from '../store/columns.js';
import { KernelColumn } from './row-kernel.js';

type CellReader = (row: number) => string;

/** The row loop's columns (row-kernel.ts), with `has` and the checked writers for the rows it refuses. */
export interface KernelPlan {
  columns: KernelColumn[];
  has: (row: number) => boolean;
  checked: CellWriter[];
}

/**
 * The columns of the row loop (row-kernel.ts) and, for the rows whose shape lacks a field, a cell writer per
 * column checked per cell; undefined for an aggregate column.
 */
export function kernelPlan(
  table: RecordTable,
  columns: readonly Column[],
  cell: (v: FieldValue) => string,
): KernelPlan | undefined {
  const held: string[] = [];
  const kernel: KernelColumn[] = [];
  const checked: CellWriter[] = [];
  for (const c of columns) {
    const own = c.ownField;
    const join = c.field?.join;
    if (own !== undefined) {
      held.push(own);
      kernel.push(new KernelColumn(() => table.columnNamed(own), undefined, cell));
      checked.push(table.cellWriter(own, cell));
    } else if (join !== undefined) {
      const write = joinedWriter(table, join, cell);
      const first = join.hops[0]?.field;
      if (first !== undefined) held.push(first);
      const ref = (): ReturnType<RecordTable['columnNamed']> =>
        first === undefined ? undefined : table.columnNamed(first);
      kernel.push(new KernelColumn(undefined, { write, ref }, cell));
      checked.push(write);
    } else return undefined;
  }
  return { columns: kernel, has: table.shapeHolds(held), checked };
}

function joinedWriter(table: RecordTable, join: JoinPath, cell: (v: FieldValue) => string): CellWriter {
  const read = joinedReader(table, join, cell);
  // The reader hands back the same string while consecutive rows join the same value: encoded once.
  let last = '';
  let bytes = new Uint8Array(0);
  return (row, out) => {
    const text = read(row);
    if (text !== last) {
      last = text;
      bytes = Buffer.from(text, 'utf8');
    }
    out.bytes(bytes, 0, bytes.length);
  };
}

/** One reader per column; undefined when a column is neither an own nor a joined field (an aggregate). */
export function cellReaders(
  table: RecordTable,
  columns: readonly Column[],
  cell: (v: FieldValue) => string,
): CellReader[] | undefined {
  const readers: CellReader[] = [];
  for (const c of columns) {
    if (c.ownField !== undefined) readers.push(table.cellReader(c.ownField, cell));
    else if (c.field?.join !== undefined) readers.push(joinedReader(table, c.field.join, cell));
    else return undefined;
  }
  return readers;
}

function joinedReader(table: RecordTable, join: JoinPath, cell: (v: FieldValue) => string): CellReader {
  // Each hop follows an *Id field to the joined table's row (record-table.ts keeps the last id found:
  // consecutive rows mostly join the same record, an account's invoice items).
  const refs: ((row: number) => number | undefined)[] = [];
  let current = table;
  for (const hop of join.hops) {
    refs.push(current.referenceReader(hop.field, hop.table));
    current = hop.table;
  }
  const value = current.valueReader(join.field);
  const none = cell(null);
  let lastValue: FieldValue = null;
  let lastCell = none;
  return (row) => {
    let at: number | undefined = row;
    for (let i = 0; i < refs.length && at !== undefined; i += 1)
      at = (refs[i] as (row: number) => number | undefined)(at);
    if (at === undefined) return none;
    const v = value(at);
    if (v !== lastValue) {
      lastValue = v;
      lastCell = cell(v);
    }
    return lastCell;
  };
}
