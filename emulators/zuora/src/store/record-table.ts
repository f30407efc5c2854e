// One Zuora object's records as columns (columns.ts): a row per record in insertion order, its fields
// as cells, its key order as a shape shared by every row written with the same keys, its entity and
// change sequence in typed arrays. Records are objects again only while someone holds them: reading a
// row builds the record from its cells. A record handed out (get, scan, insert) stays the same object
// while anyone still holds it, and later writes update it in place, as when the store kept the objects
// themselves. Exports read rows without handing out records (rowsOf, recordAt).
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { columnFor, HexColumn, type CellWriter, type Column } from './columns.js';
import { IdIndex } from './id-index.js';
import { ValueIndex } from './value-index.js';

export interface StoredRecord {
  record: ZRecord;
  entityId: string;
  seq: number;
}

interface Shape {
  keys: string[];
  columns: Column[];
  /** Per key: whether its column still awaits its first value other than null. */
  undecided: boolean[];
  build: (c: Column[], row: number) => ZRecord;
}

const capacityFor = (length: number, row: number): number => {
  let n = Math.max(256, length);
  while (n <= row) n *= 2;
  return n;
};

function grown<T extends Uint8Array | Uint16Array | Int32Array>(a: T, row: number): T {
  if (row < a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(capacityFor(a.length, row));
  next.set(a);
  return next;
}

/** A record builder with one literal property per key, so every record of a shape shares a hidden class. */
function builder(keys: readonly string[]): Shape['build'] {
  const props = keys.map(
    (k, i) => `${k === '__proto__' ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}: c[${i}].get(row)`,
  );
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- field names are quoted; see above.
  return new Function('c', 'row', `return { ${props.join(', ')} };`) as Shape['build'];
}

export class RecordTable {
  private readonly ids = new HexColumn();
  private readonly columns = new Map<string, Column>([['Id', this.ids]]);
  /** Fields that have held a value other than null (until then a column's encoding is undecided). */
  private readonly decided = new Set<string>(['Id']);
  private readonly shapes: Shape[] = [];
  private readonly shapeCodes = new Map<string, number>();
  private lastShape = -1;
  private shapeOf = new Uint16Array(0);
  private readonly entities: string[] = [];
  private readonly entityCodes = new Map<string, number>();
  private entityOf = new Uint16Array(0);
  private seqOf = new Int32Array(0);
  private alive = new Uint8Array(0);
  private rows = 0;
  private live = 0;
  private readonly index = new IdIndex(() => this.ids);
  /** Records handed out, by row; entries whose record was collected are swept as the map grows. */
  private readonly held = new Map<number, WeakRef<StoredRecord>>();
  private sweepAt = 1024;
  /** Rows by one field's value, per field looked up with withValue (value-index.ts). */
  private readonly valueIndexes = new Map<string, ValueIndex>();

  /** Live records. */
  get size(): number {
    return this.live;
  }

  rowOf(id: string): number | undefined {
    return this.index.find(id);
  }

  /** The record with this Id, the same object as long as anyone holds it. */
  get(id: string): StoredRecord | undefined {
    const row = this.index.find(id);
    return row === undefined ? undefined : this.hold(row);
  }

  /** Writes a record: over the live row with its Id (keeping its place), else as a new last row. */
  put(record: ZRecord, entityId: string, seq: number): number {
    let row = this.index.find(record.Id);
    if (row === undefined) {
      row = this.rows;
      this.rows += 1;
      this.live += 1;
      this.alive = grown(this.alive, row);
      this.alive[row] = 1;
      this.write(row, record);
      this.index.add(record.Id, row);
    } else {
      this.held.delete(row);
      this.write(row, record);
    }
    this.entityOf = grown(this.entityOf, row);
    this.entityOf[row] = this.entityCode(entityId);
    this.seqOf = grown(this.seqOf, row);
    this.seqOf[row] = seq;
    return row;
  }

  /** Puts a record and holds it as the object the caller has. */
  putHeld(record: ZRecord, entityId: string, seq: number): StoredRecord {
    const row = this.put(record, entityId, seq);
    const stored = this.held.get(row)?.deref() ?? { record, entityId, seq };
    this.keep(row, stored);
    return stored;
  }

  /** Writes a held record's current fields and sequence back to its row. */
  rewrite(id: string, stored: StoredRecord): void {
    const row = this.index.find(id);
    if (row === undefined) return;
    this.write(row, stored.record);
    this.seqOf[row] = stored.seq;
  }

  remove(id: string): StoredRecord | undefined {
    const row = this.index.find(id);
    if (row === undefined) return undefined;
    const stored = this.hold(row);
    this.index.remove(id);
    this.alive[row] = 0;
    this.live -= 1;
    this.held.delete(row);
    return stored;
  }

  /** Live records in insertion order, of one entity or (null) all. */
  *values(entityId: string | null = null): Generator<StoredRecord> {
    for (const row of this.rowsOf(entityId)) yield this.hold(row);
  }

  /**
   * Live records whose `field` reads `value` as text (String of the field's value, so a missing field reads
   * 'undefined' and null 'null'), of one entity or (null) all, in insertion order: what a scan filtered on
   * the field returns, at the cost of the rows that match instead of the whole table.
   */
  withValue(field: string, value: string, entityId: string | null = null): StoredRecord[] {
    return this.withValues(field, [value], entityId);
  }

  /** withValue for any of several values: each matching record once, in insertion order. */
  withValues(field: string, values: readonly string[], entityId: string | null = null): StoredRecord[] {
    const index = this.valueIndex(field);
    const rows = values.length === 1 ? index.rows(values[0] as string) : values.flatMap((v) => index.rows(v));
    const sorted = values.length === 1 ? rows : Int32Array.from(rows).sort();
    const wanted = new Set(values);
    const out: StoredRecord[] = [];
    for (let i = 0; i < sorted.length; i += 1) {
      const row = sorted[i] as number;
      if (this.alive[row] !== 1 || (i > 0 && sorted[i - 1] === row)) continue;
      const stored = this.hold(row);
      if (wanted.has(String(stored.record[field])) && (entityId === null || stored.entityId === entityId))
        out.push(stored);
    }
    return out;
  }

  private valueIndex(field: string): ValueIndex {
    let index = this.valueIndexes.get(field);
    if (index === undefined) {
      index = new ValueIndex();
      for (let row = 0; row < this.rows; row += 1) {
        if (this.alive[row] !== 1) continue;
        const record = this.held.get(row)?.deref()?.record ?? this.recordAt(row);
        index.add(String(record[field]), row);
      }
      this.valueIndexes.set(field, index);
    }
    return index;
  }

  /** Live rows in insertion order, of one entity or (null) all. */
  *rowsOf(entityId: string | null): Generator<number> {
    const code = entityId === null ? -1 : this.entityCodes.get(entityId);
    if (code === undefined) return;
    for (let row = 0; row < this.rows; row += 1) {
      if (this.alive[row] === 1 && (code === -1 || this.entityOf[row] === code)) yield row;
    }
  }

  seqAt(row: number): number {
    return this.seqOf[row] ?? 0;
  }

  /** The row's current record, a new object (a row removed since still reads as it was). */
  recordAt(row: number): ZRecord {
    const shape = this.shapes[this.shapeOf[row] ?? 0] as Shape;
    return shape.build(shape.columns, row);
  }

  /**
   * A reader of `map` of one field's value straight from its column (each distinct value mapped once),
   * when every row has the field (otherwise undefined: a row without it reads null, which only its
   * record says).
   */
  fieldMapper<T>(field: string, map: (v: FieldValue) => T): ((row: number) => T) | undefined {
    const column = this.columns.get(field);
    if (column === undefined || !this.shapes.every((shape) => shape.keys.includes(field))) return undefined;
    return column.mapped(map);
  }

  /**
   * A reader of one field's value straight from its column for any row: a row written without the field
   * reads null, as its record would (`record[field] ?? null`).
   */
  valueReader(field: string): (row: number) => FieldValue {
    const column = this.columns.get(field);
    return this.withoutField(field, column && ((row: number) => column.get(row)), null);
  }

  /**
   * A reader of the live row in `target` whose Id is this row's `field` (undefined when it names none), as
   * `target.rowOf(valueReader(field)(row))` reads it. The last id found is kept as its packed words:
   * consecutive rows naming the same record (an account's invoice items) neither spell nor look it up again.
   */
  referenceReader(field: string, target: RecordTable): (row: number) => number | undefined {
    const value = this.valueReader(field);
    const column = this.columns.get(field);
    const hex = column instanceof HexColumn ? column : undefined;
    const own = this.withoutField(field, () => true, false);
    const last = new Uint32Array(4);
    let lastRow = -1;
    return (row) => {
      if (lastRow >= 0 && hex?.holds(row, last) === true && own(row) && target.isLive(lastRow))
        return lastRow;
      const id = value(row);
      const found = typeof id === 'string' ? target.rowOf(id) : undefined;
      const words = found === undefined ? undefined : hex?.wordsAt(row);
      if (words === undefined) lastRow = -1;
      else {
        last.set(words);
        lastRow = found as number;
      }
      return found;
    };
  }

  /** As `valueReader`, the value formatted by `cell` (each distinct value formatted once). */
  cellReader(field: string, cell: (v: FieldValue) => string): (row: number) => string {
    return this.withoutField(field, this.columns.get(field)?.reader(cell), cell(null));
  }

  /** As `cellReader`, writing the cell's bytes to a sink (columns.ts). */
  cellWriter(field: string, cell: (v: FieldValue) => string): CellWriter {
    const write = this.columns.get(field)?.writer(cell);
    const none = cell(null);
    const own = this.withoutField(field, write && (() => true), false);
    return (row, out) => {
      if (own(row)) (write as CellWriter)(row, out);
      else out.text(none);
    };
  }

  /** The column a field is stored in now (undefined while no row has had it): see row-kernel.ts. */
  columnNamed(field: string): Column | undefined {
    return this.columns.get(field);
  }

  /**
   * Whether a row's shape holds every one of the fields, each of which has a column (checked once per
   * shape): such a row reads each field from its column.
   */
  shapeHolds(fields: readonly string[]): (row: number) => boolean {
    const every: (boolean | undefined)[] = [];
    return (row) => {
      const code = this.shapeOf[row] ?? 0;
      return (every[code] ??=
        fields.every((field) => this.columns.has(field)) &&
        fields.every((field) => (this.shapes[code] as Shape).keys.includes(field)));
    };
  }

  /** Whether the row is live: a live row holds the record its Id finds (`rowOf`). */
  isLive(row: number): boolean {
    return this.alive[row] === 1;
  }

  /** `read` for rows whose shape has the field, `none` for the others (checked per shape, as rows are read). */
  private withoutField<T>(
    field: string,
    read: ((row: number) => T) | undefined,
    none: T,
  ): (row: number) => T {
    if (read === undefined) return () => none;
    const has: (boolean | undefined)[] = [];
    return (row) => {
      const code = this.shapeOf[row] ?? 0;
      const own = has[code] ?? (has[code] = (this.shapes[code] as Shape).keys.includes(field));
      return own ? read(row) : none;
    };
  }

  private read(row: number): StoredRecord {
    return {
      record: this.recordAt(row),
      entityId: this.entities[this.entityOf[row] ?? 0] ?? '',
      seq: this.seqAt(row),
    };
  }

  private hold(row: number): StoredRecord {
    const held = this.held.get(row)?.deref();
    if (held !== undefined) return held;
    const stored = this.read(row);
    this.keep(row, stored);
    return stored;
  }

  private keep(row: number, stored: StoredRecord): void {
    this.held.set(row, new WeakRef(stored));
    if (this.held.size < this.sweepAt) return;
    for (const [r, ref] of this.held) if (ref.deref() === undefined) this.held.delete(r);
    this.sweepAt = Math.max(1024, this.held.size * 2);
  }

  private write(row: number, record: ZRecord): void {
    const keys = Object.keys(record);
    const shape = this.shapeFor(keys);
    this.shapeOf = grown(this.shapeOf, row);
    this.shapeOf[row] = shape;
    const { columns, undecided } = this.shapes[shape] as Shape;
    for (let i = 0; i < keys.length; i += 1) {
      const value = record[keys[i] as string] ?? null;
      if (value !== null && undecided[i] === true) this.decide(keys[i] as string, value);
      (columns[i] as Column).set(row, value);
    }
    if (this.valueIndexes.size === 0) return;
    for (const [field, index] of this.valueIndexes) index.add(String(record[field]), row);
  }

  /** A field's first value other than null picks its column's encoding; until then it held only nulls. */
  private decide(key: string, value: FieldValue): void {
    this.decided.add(key);
    const column = columnFor(value);
    this.columns.set(key, column);
    for (const shape of this.shapes) {
      const i = shape.keys.indexOf(key);
      if (i < 0) continue;
      shape.columns[i] = column;
      shape.undecided[i] = false;
    }
  }

  private shapeFor(keys: string[]): number {
    const last = this.shapes[this.lastShape];
    if (last !== undefined && last.keys.length === keys.length && last.keys.every((k, i) => k === keys[i]))
      return this.lastShape;
    const signature = keys.join('\u0000');
    let code = this.shapeCodes.get(signature);
    if (code === undefined) {
      code = this.shapes.length;
      const columns = keys.map((k) => this.columnOf(k));
      const undecided = keys.map((k) => !this.decided.has(k));
      this.shapes.push({ keys, columns, undecided, build: builder(keys) });
      this.shapeCodes.set(signature, code);
    }
    this.lastShape = code;
    return code;
  }

  private columnOf(key: string): Column {
    let column = this.columns.get(key);
    if (column === undefined) {
      column = columnFor(null);
      this.columns.set(key, column);
    }
    return column;
  }

  private entityCode(entityId: string): number {
    let code = this.entityCodes.get(entityId);
    if (code === undefined) {
      code = this.entities.length;
      this.entities.push(entityId);
      this.entityCodes.set(entityId, code);
    }
    return code;
  }
}
