import type { SfValue } from './sf-error.js';

// Rows of a packed table by the text of one field's value (String(value); nulls are left out), for
// queries that filter on the field (soql/indexed-rows.ts). A table builds one on the first query by that
// field and adds every row it writes afterwards. Entries are only ever added: an update that changes
// the value, or a delete, leaves the old entry behind, so the index names every row that may hold a
// value and the caller checks each row it reads (the query's own WHERE does).

export class LookupIndex {
  private readonly byValue = new Map<string, number[]>();

  constructor(readonly field: string) {}

  add(value: SfValue, row: number): void {
    if (value === null) return;
    const key = String(value);
    const rows = this.byValue.get(key);
    if (rows === undefined) this.byValue.set(key, [row]);
    // An update of an older row to this value adds it out of order, a value changed and changed back
    // repeats it (readers sort and drop repeats).
    else if (rows[rows.length - 1] !== row) rows.push(row);
  }

  /** Bytes held, about: a Map entry and array per value, 8 bytes a row. */
  get bytes(): number {
    let sum = 0;
    for (const [key, rows] of this.byValue) sum += 100 + key.length + rows.length * 8;
    return sum;
  }

  /** Rows that held one of `values` when written (in no order, with repeats). */
  rows(values: Iterable<string>): number[] {
    const out: number[] = [];
    for (const v of values) for (const row of this.byValue.get(v) ?? []) out.push(row);
    return out;
  }
}
