// Rows of one table by the text of one field's value (String(value), so null reads 'null'), in row order.
// A table builds one on the first look-up by that field and adds every row it writes afterwards. Entries
// are only ever added: a rewrite that changes the value, or a removal, leaves the old entry behind, so a
// reader checks each row (alive, value still the same) before it answers, and the index only has to hold
// every row that may match, never only those that do.

export class ValueIndex {
  private readonly byValue = new Map<string, number[]>();

  /** Rows that held `value` when written, ascending. */
  rows(value: string): readonly number[] {
    return this.byValue.get(value) ?? [];
  }

  add(value: string, row: number): void {
    const rows = this.byValue.get(value);
    if (rows === undefined) {
      this.byValue.set(value, [row]);
      return;
    }
    const last = rows[rows.length - 1] as number;
    if (row > last) {
      rows.push(row);
      return;
    }
    // A rewrite of an earlier row: keep the list ascending and without repeats.
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((rows[mid] as number) < row) lo = mid + 1;
      else hi = mid;
    }
    if (rows[lo] !== row) rows.splice(lo, 0, row);
  }
}
