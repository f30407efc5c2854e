import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { BooleanColumn, DictionaryColumn, NumberColumn, type Column } from './columns.js';
import type { IdCodec } from './id-codec.js';
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
    const row = this.ids.claim(id);
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

  setCell(column: number, row: number, value: SfValue): void {
    (this.columns[column] as Column).set(row, value);
  }

  /** Writes a fresh row's text from ranges of source strings (null source: a null value). */
  setTextRanges(row: number, sources: Array<string | null>, starts: Int32Array, ends: Int32Array): void {
    this.texts.setRanges(row, sources, starts, ends);
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

  clear(): void {
    this.ids.clear();
    for (const column of this.columns) column.clear();
    this.texts.clear();
  }
}
