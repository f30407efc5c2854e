// The cells of an export's columns read straight from the table's columns, row by row, without building
// the records: an own field from its column, a joined field (`Account.CrmId` from InvoiceItem) by following
// the *Id fields through the joined tables' columns, as the column's getter follows them through records
// (field-paths.ts). A row reads as it is at download time, as its record would.
import type { FieldValue } from '../model/zuora-record.js';
import type { Column } from '../query/select-columns.js';
import type { JoinPath } from '../query/field-paths.js';
import type { RecordTable } from '../store/record-table.js';

type CellReader = (row: number) => string;

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
  const steps: { readonly id: (row: number) => FieldValue; readonly next: RecordTable }[] = [];
  let current = table;
  for (const hop of join.hops) {
    steps.push({ id: current.valueReader(hop.field), next: hop.table });
    current = hop.table;
  }
  const value = current.valueReader(join.field);
  const none = cell(null);
  // Consecutive rows mostly join the same record (an account's invoice items): its id and cell are kept.
  const last = steps.map(() => ({ id: '', row: -1 }));
  let lastValue: FieldValue = null;
  let lastCell = none;
  return (row) => {
    let at = row;
    for (let i = 0; i < steps.length; i += 1) {
      const step = steps[i] as (typeof steps)[number];
      const id = step.id(at);
      if (typeof id !== 'string') return none;
      const seen = last[i] as { id: string; row: number };
      if (id !== seen.id || !step.next.isLive(seen.row)) {
        const found = step.next.rowOf(id);
        if (found === undefined) return none;
        seen.id = id;
        seen.row = found;
      }
      at = seen.row;
    }
    const v = value(at);
    if (v !== lastValue) {
      lastValue = v;
      lastCell = cell(v);
    }
    return lastCell;
  };
}
