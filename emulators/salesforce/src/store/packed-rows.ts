import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { BooleanColumn, DictionaryColumn, NumberColumn, type Column } from './columns.js';
import type { IdCodec } from './id-codec.js';
import { LookupIndex } from './lookup-index.js';
import { RowIds } from './row-ids.js';
import type { SfValue, StoredRecord } from './sf-error.js';
import { TextArena } from './text-arena.js';
import { valueCodecFor } from './value-codecs.js';

// The live records of one object, stored by column (columns.ts) with each record's free text packed
// into shared byte buffers (text-arena.ts): millions of records cost a few hundred bytes each and almost no
// garbage-collector work, where one object per record with ~40 properties cost over a kilobyte and
// a third of the emulator's time in GC. The API is the subset of Map<Id, record> the emulator uses;
// `get` and iteration hand out a fresh record (writing to it changes nothing: writes go through
// `set`). Rows keep insertion order, as a Map does, and deleted rows are never reused.

const textTypes = new Set(['string', 'textarea', 'email', 'phone', 'url']);

function columnFor(field: FieldDef): Column {
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return new NumberColumn();
    case 'boolean':
      return new BooleanColumn();
    default:
      return new DictionaryColumn(valueCodecFor(field));
  }
}

export class PackedRows implements Iterable<[string, StoredRecord]> {
  private readonly ids: RowIds;
  private readonly columnNames: string[] = [];
  private readonly columns: Column[] = [];
  private readonly textNames: string[] = [];
  private readonly texts: TextArena;
  /** Rows by value of the fields queries have filtered on (lookup-index.ts), built on first use. */
  private readonly lookups = new Map<string, { index: LookupIndex; column: Column }>();
  private readonly textScratch: SfValue[];

  constructor(
    def: ObjectDef,
    private readonly make: () => StoredRecord,
    codec: IdCodec,
  ) {
    this.ids = new RowIds(codec);
    for (const field of def.fields) {
      if (field.name === 'Id') continue;
      if (textTypes.has(field.type)) this.textNames.push(field.name);
      else {
        this.columnNames.push(field.name);
        this.columns.push(columnFor(field));
      }
    }
    this.texts = new TextArena(this.textNames.length);
    this.textScratch = new Array<SfValue>(this.textNames.length).fill(null);
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.rowOf(id) >= 0;
  }

  get(id: string): StoredRecord | undefined {
    const row = this.ids.rowOf(id);
    return row < 0 ? undefined : this.read(id, row);
  }

  set(id: string, record: StoredRecord): this {
    const fresh = this.lookups.size > 0 && this.ids.rowOf(id) < 0;
    const row = this.ids.claim(id);
    // Before the cells change: an update that keeps an indexed value adds nothing.
    for (const { index, column } of this.lookups.values()) {
      const value = record[index.field] ?? null;
      if (fresh || column.get(row) !== value) index.add(value, row);
    }
    const { columns, columnNames, textNames } = this;
    for (let i = 0; i < columns.length; i += 1)
      (columns[i] as Column).set(row, record[columnNames[i] as string] ?? null);
    if (textNames.length > 0) {
      // One scratch array: the arena copies the values out (or slices them into its side map).
      const values = this.textScratch;
      for (let i = 0; i < textNames.length; i += 1) values[i] = record[textNames[i] as string] ?? null;
      this.texts.set(row, values);
    }
    return this;
  }

  /**
   * Rows that may hold one of `values` (as text) in `field`, or null when the field is not indexable (text
   * fields live in the arena). The Id field: the rows of those Ids. A superset: read rows are checked by
   * the caller. Builds the field's index on first use from the column alone.
   */
  rowsWith(field: string, values: Iterable<string>): number[] | null {
    if (field === 'Id') {
      const rows: number[] = [];
      for (const id of values) {
        const row = this.ids.rowOf(id);
        if (row >= 0) rows.push(row);
      }
      return rows;
    }
    let lookup = this.lookups.get(field);
    if (lookup === undefined) {
      const column = this.columns[this.columnNames.indexOf(field)];
      if (column === undefined) return null;
      const index = new LookupIndex(field);
      for (let row = 0; row < this.ids.rows; row += 1)
        if (this.ids.idOf(row) !== null) index.add(column.get(row), row);
      lookup = { index, column };
      this.lookups.set(field, lookup);
    }
    return lookup.index.rows(values);
  }

  /** The live Ids of `rows`. */
  idsOf(rows: readonly number[]): string[] {
    const out: string[] = [];
    for (const row of rows) {
      const id = this.ids.idOf(row);
      if (id !== null) out.push(id);
    }
    return out;
  }

  /** The live records of `rows` in row (insertion) order, each once: what values() yields of them. */
  readRows(rows: readonly number[]): StoredRecord[] {
    const sorted = Int32Array.from(rows).sort();
    const out: StoredRecord[] = [];
    for (let i = 0; i < sorted.length; i += 1) {
      const row = sorted[i] as number;
      if (i > 0 && sorted[i - 1] === row) continue;
      const id = this.ids.idOf(row);
      if (id !== null) out.push(this.read(id, row));
    }
    return out;
  }

  // --- direct writes (the Bulk column path, bulk/fast-insert.ts) -------------------------------

  /** A row for a new Id: every cell of a fresh row reads null until written. */
  claimRow(id: string): number {
    return this.ids.claim(id);
  }

  /** Whether the generated Id of record number `n` is live. */
  hasNumber(n: number): boolean {
    return this.ids.hasNumber(n);
  }

  /** A row for the new generated Id of record number `n`: every cell of a fresh row reads null until written. */
  claimNumber(n: number): number {
    return this.ids.claimNumber(n);
  }

  /** The column index of a non-text field, or -1 (text fields: textIndex). */
  columnIndex(name: string): number {
    return this.columnNames.indexOf(name);
  }

  /** The position of a free-text field in a row's text, or -1. */
  textIndex(name: string): number {
    return this.textNames.indexOf(name);
  }

  /** Whether a query built a lookup index on a field (setCell then tells it the values written). */
  get anyLookup(): boolean {
    return this.lookups.size > 0;
  }

  setCell(column: number, row: number, value: SfValue): void {
    const cells = this.columns[column] as Column;
    cells.set(row, value);
    // A query-built lookup index on this field learns the value (lookup-index.ts: entries only added).
    if (this.lookups.size > 0)
      for (const l of this.lookups.values()) if (l.column === cells) l.index.add(value, row);
  }

  /** `setCell` of one value into rows [from, to) (a chunk's audit stamps), as setting them in order does. */
  fillCells(column: number, from: number, to: number, value: SfValue): void {
    if (this.lookups.size > 0) for (let row = from; row < to; row += 1) this.setCell(column, row, value);
    else (this.columns[column] as Column).fill(from, to, value);
  }

  /**
   * The rows' free text, for the Bulk column path: a fresh row's text written from ranges of the upload
   * (TextArena.setRanges), an updated row's given positions rewritten from them (updateRanges).
   */
  get textArena(): TextArena {
    return this.texts;
  }

  /** The row of the generated Id of record number `n`, or -1 (an update by the Bulk column path). */
  rowOfRecord(n: number): number {
    return this.ids.rowOfRecord(n);
  }

  /** A cell of a non-text field (columnIndex). */
  cell(column: number, row: number): SfValue {
    return (this.columns[column] as Column).get(row);
  }

  /** The row's free-text values, by textIndex. */
  textsOf(row: number): SfValue[] {
    return this.texts.get(row);
  }

  delete(id: string): boolean {
    const row = this.ids.release(id);
    if (row < 0) return false;
    // The row's typed column cells stay (rows are never reused); its text is freed.
    this.texts.drop(row);
    return true;
  }

  private read(id: string, row: number): StoredRecord {
    const record = this.make();
    record.Id = id;
    const { columns, columnNames, textNames } = this;
    for (let i = 0; i < columns.length; i += 1)
      record[columnNames[i] as string] = (columns[i] as Column).get(row);
    if (textNames.length > 0) {
      const values = this.texts.get(row);
      for (let i = 0; i < textNames.length; i += 1) record[textNames[i] as string] = values[i] ?? null;
    }
    return record;
  }

  /** Rows appended while iterating are visited, as in a Map. */
  *values(): IterableIterator<StoredRecord> {
    for (let row = 0; row < this.ids.rows; row += 1) {
      const id = this.ids.idOf(row);
      if (id !== null) yield this.read(id, row);
    }
  }

  /**
   * Up to `limit` live records from row `from` on, in insertion order, and the row to read the next page from
   * (null when none is left): the admin API's paged read of a table too large for one JSON answer.
   */
  page(from: number, limit: number): { records: StoredRecord[]; next: number | null } {
    const records: StoredRecord[] = [];
    let row = Math.max(0, from);
    for (; row < this.ids.rows && records.length < limit; row += 1) {
      const id = this.ids.idOf(row);
      if (id !== null) records.push(this.read(id, row));
    }
    return { records, next: row < this.ids.rows ? row : null };
  }

  *keys(): IterableIterator<string> {
    for (let row = 0; row < this.ids.rows; row += 1) {
      const id = this.ids.idOf(row);
      if (id !== null) yield id;
    }
  }

  *entries(): IterableIterator<[string, StoredRecord]> {
    for (let row = 0; row < this.ids.rows; row += 1) {
      const id = this.ids.idOf(row);
      if (id !== null) yield [id, this.read(id, row)];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, StoredRecord]> {
    return this.entries();
  }

  /** Bytes held by the table's parts, about (memory-report.ts). */
  memory(): { ids: number; columns: number; text: number; lookups: number } {
    let columns = 0;
    for (const column of this.columns) columns += column.bytes;
    let lookups = 0;
    for (const { index } of this.lookups.values()) lookups += index.bytes;
    return { ids: this.ids.bytes, columns, text: this.texts.bytes, lookups };
  }

  /** Bytes of each non-text column, about, by field name. */
  columnBytes(): Record<string, number> {
    return Object.fromEntries(this.columns.map((column, i) => [this.columnNames[i] as string, column.bytes]));
  }

  clear(): void {
    this.lookups.clear();
    this.ids.clear();
    for (const column of this.columns) column.clear();
    this.texts.clear();
  }
}
