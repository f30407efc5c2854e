import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { ObjectTable } from '../store/object-table.js';
import type { PackedRows } from '../store/packed-rows.js';
import { duplicateValue, requiredMissing, type RecordStore } from '../store/record-store.js';
import type { SfValue, WriteResult } from '../store/sf-error.js';
import type { UniqueIndex } from '../store/unique-index.js';
import { EMPTY, RANGE, REF, type CellPlan } from './cell-plan.js';
import type { CsvCells } from './csv-cells.js';
import type { FastInsert } from './fast-insert.js';
import type { IngestColumn } from './ingest-columns.js';

// RecordStore.update for an upsert row of the Bulk column path (fast-ingest.ts) that matched one
// record: the given cells are written into the record's row (text from the upload's ranges, the
// other text kept as the row holds it), with no record read, copied and written back whole. Same
// checks in the same order, with the same errors: parents by external ID, lookups, read-only fields
// (FastInsert.checkRow), required fields, unique values; then LastModifiedDate, SystemModstamp and
// LastModifiedById move, and the unique/external-ID indexes follow changed values. Only for objects
// without automation (the store's hooks do nothing for them), as FastInsert.

/** A field the update checks or indexes: its upload column (or -1) and where its row holds it. */
interface Place {
  field: FieldDef;
  column: number;
  /** The packed column (>= 0), or the text position (-1 - position). */
  slot: number;
}

/** FastUpdate.update's answer for a record updated: `{ ok: true, id, created: false }`, its Id spelled from its number. */
export const UPDATED = true;

export class FastUpdate {
  private readonly table: ObjectTable;
  private readonly live: PackedRows;
  private readonly slot: number[];
  private readonly required: Place[];
  /** table.indexes but the upsert key's (the row matched its record by it: it holds no other). */
  private readonly indexes: Array<Place & { index: UniqueIndex }>;
  /** LastModifiedDate, SystemModstamp, LastModifiedById columns (-1: the object lacks the field). */
  private readonly audit: number[];
  private readonly sources: Array<string | null>;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly keep: Uint8Array;
  /** Fields of the object the column path cannot place (none but Id): then RecordStore.update does all. */
  private readonly usable: boolean;
  private updated = 0;
  /** Rows [runStart, runEnd) updated without their audit cells yet (flushStamps). */
  private runStart = -1;
  private runEnd = -1;
  /** The current row's text as stored, read once when a check needs a text field it was not given. */
  private texts: SfValue[] | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly def: ObjectDef,
    private readonly columns: IngestColumn[],
    private readonly plans: CellPlan[],
    private readonly inserter: FastInsert,
    upsertKey: FieldDef,
  ) {
    const table = store.table(def);
    this.table = table;
    const live = table.live;
    this.live = live;
    const slotOf = (name: string) => {
      const column = live.columnIndex(name);
      return column >= 0 ? column : -1 - live.textIndex(name);
    };
    const place = (field: FieldDef): Place => ({
      field,
      column: columns.findIndex((c) => c.field === field),
      slot: slotOf(field.name),
    });
    this.slot = columns.map((c) => slotOf(c.field.name));
    this.required = table.requiredFields.map(place);
    this.indexes = table.indexes
      .filter((index) => index.field !== upsertKey)
      .map((index) => ({ ...place(index.field), index }));
    const placed = (f: FieldDef) => f.name !== 'Id';
    this.usable = table.requiredFields.every(placed) && table.indexes.every((i) => placed(i.field));
    const audit = ['LastModifiedDate', 'SystemModstamp', 'LastModifiedById'];
    this.audit = table.audited ? audit.map((name) => live.columnIndex(name)) : [];
    const n = def.fields.filter((f) => f.name !== 'Id' && slotOf(f.name) < 0).length;
    this.sources = new Array<string | null>(n).fill(null);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.keep = new Uint8Array(n);
  }

  /**
   * Updates record number `n` from the row read into `states`/`values` (cells without errors), as
   * RecordStore.update would (UPDATED when it did); null when the record has no row of its own number (RecordStore.update
   * then does it).
   */
  update(
    n: number,
    cells: CsvCells,
    states: Uint8Array,
    values: SfValue[],
  ): WriteResult | typeof UPDATED | null {
    const row = this.usable ? this.live.rowOfRecord(n) : -1;
    if (row < 0) return null;
    this.texts = null;
    const errors = this.inserter.checkRow(cells, states, values, true);
    if (errors !== null) return { ok: false, errors };
    let missing: string[] | null = null;
    for (const { field, column, slot } of this.required) {
      if (column >= 0 && states[column] === RANGE) continue;
      const value = this.valueOf(column, slot, row, cells, states, values);
      if (value === null || value === '' || value === undefined) (missing ??= []).push(field.name);
    }
    if (missing !== null) return { ok: false, errors: [requiredMissing(missing)] };
    // The Id's text only when an index needs it: the result is the record number (runColumnBatch).
    const id = this.indexes.length === 0 ? '' : this.table.codec.idOf(n);
    for (const { field, column, slot, index } of this.indexes) {
      if (!field.unique) continue;
      const other = index.other(this.valueOf(column, slot, row, cells, states, values), id);
      if (other !== undefined) return { ok: false, errors: [duplicateValue(field, other)] };
    }
    // RecordStore.replace: an index whose field's value changed drops the old key and takes the new.
    for (const { column, slot, index } of this.indexes) {
      if (column < 0 || !this.given(column, states)) continue;
      const from = this.stored(slot, row);
      const to = this.valueOf(column, slot, row, cells, states, values);
      if (from === to) continue;
      index.remove(from, id);
      index.add(to, id);
    }
    this.write(row, cells, states, values);
    this.updated += 1;
    return UPDATED;
  }

  /**
   * Moves LastModifiedDate, SystemModstamp and LastModifiedById of the rows updated since the last flush to the
   * chunk's stamp and user (FastInsert.stampChunk), before the next chunk reads the clock. Nothing reads an
   * updated row's audit cells before then: a row updates its own record only (a key seen twice in a batch
   * fails), and a write the column path hands to the store flushes first (fast-ingest.ts).
   */
  flushStamps(): void {
    const { runStart, runEnd, live } = this;
    if (runStart === runEnd) return;
    this.runStart = -1;
    this.runEnd = -1;
    const { now, user } = this.inserter;
    for (let i = 0; i < 3; i += 1) {
      const column = this.audit[i] as number;
      if (column < 0) continue;
      const value = i < 2 ? now : user;
      if (!live.anyLookup) live.fillCells(column, runStart, runEnd, value);
      else for (let row = runStart; row < runEnd; row += 1) this.put(column, row, value);
    }
  }

  /** Counts the records updated since the last flush (one counter update per batch); flushes the stamps. */
  flushCounts(): void {
    this.flushStamps();
    if (this.updated > 0) this.store.writes.count(this.def.name, 'updated', this.updated);
    this.updated = 0;
  }

  private given(c: number, states: Uint8Array): boolean {
    return (this.plans[c] as CellPlan).kind === REF
      ? this.inserter.resolved[c] !== null
      : states[c] !== EMPTY;
  }

  /** The field's value after the update: the row's cell when given, else the record's. */
  private valueOf(
    c: number,
    slot: number,
    row: number,
    cells: CsvCells,
    states: Uint8Array,
    values: SfValue[],
  ): SfValue {
    if (c < 0 || !this.given(c, states)) return this.stored(slot, row);
    if ((this.plans[c] as CellPlan).kind === REF) return this.inserter.resolved[c] ?? null;
    return states[c] === RANGE ? cells.value(c) : (values[c] ?? null);
  }

  /** The record's stored value of a field. */
  private stored(slot: number, row: number): SfValue {
    if (slot >= 0) return this.live.cell(slot, row);
    this.texts ??= this.live.textsOf(row);
    return this.texts[-1 - slot] ?? null;
  }

  /**
   * A cell written only when it changes (as PackedRows.set: a query's lookup index learns changes); without a
   * lookup index, written as it comes (writing a cell's own value again leaves it as it was).
   */
  private put(column: number, row: number, value: SfValue): void {
    const live = this.live;
    if (!live.anyLookup || !Object.is(live.cell(column, row), value)) live.setCell(column, row, value);
  }

  private write(row: number, cells: CsvCells, states: Uint8Array, values: SfValue[]): void {
    const { slot, sources, starts, ends, keep } = this;
    keep.fill(1);
    let anyText = false;
    for (let c = 0; c < slot.length; c += 1) {
      if (!this.given(c, states)) continue;
      const isRef = (this.plans[c] as CellPlan).kind === REF;
      const value = isRef ? this.inserter.resolved[c] : values[c];
      const at = slot[c] as number;
      if (at >= 0) {
        this.put(at, row, value ?? null);
        continue;
      }
      anyText = true;
      const t = -1 - at;
      keep[t] = 0;
      if (states[c] === RANGE) {
        sources[t] = cells.source(c);
        starts[t] = cells.starts[c] as number;
        ends[t] = cells.ends[c] as number;
      } else {
        const text = value === null || value === undefined ? null : String(value);
        sources[t] = text;
        starts[t] = 0;
        ends[t] = text === null ? 0 : text.length;
      }
    }
    if (this.audit.length > 0) {
      // The chunk's stamp is written into a run of consecutive rows together (flushStamps).
      if (row !== this.runEnd) {
        this.flushStamps();
        this.runStart = row;
      }
      this.runEnd = row + 1;
    }
    if (anyText) this.live.textArena.updateRanges(row, sources, starts, ends, keep, this.inserter.plain);
    this.texts = null;
  }
}
