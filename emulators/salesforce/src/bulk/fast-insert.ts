import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { ObjectTable } from '../store/object-table.js';
import type { PackedRows } from '../store/packed-rows.js';
import { duplicateValue, notWritable, requiredMissing, type RecordStore } from '../store/record-store.js';
import type { UniqueIndex } from '../store/unique-index.js';
import { unmatchedParent } from '../store/resolve-references.js';
import type { SfError, SfValue, WriteResult } from '../store/sf-error.js';
import { BatchLookups } from './batch-lookups.js';
import { EMPTY, KEY, RANGE, REF, VALUE, type CellPlan } from './cell-plan.js';
import type { CsvCells } from './csv-cells.js';
import type { IngestColumn } from './ingest-columns.js';

// RecordStore.insert for one row of a Bulk upload read by the column path (fast-ingest.ts), writing
// the cells straight into the table's columns and text arena: no record object, no prepared record,
// no string per free-text cell. Same checks in the same order, with the same errors: parents by
// external ID, lookups, read-only fields, required fields, unique values. Only for objects without
// automation (the store's hooks do nothing for them) and auto-number fields (fast-ingest.ts).

/** Record numbers the Id codec spells (id-codec.ts: below 2^30), with room for the Ids seeds took. */
const CODEC_NUMBERS = 2 ** 29;

/** Where a field's value of a row comes from: an upload column, a resolved parent, or its default. */
interface Source {
  field: FieldDef;
  column: number;
  fallback: SfValue;
}

export class FastInsert {
  private readonly table: ObjectTable;
  private readonly live: PackedRows;
  /** Per upload column: the packed column (>= 0) or text position (-1 - position) its field is stored in. */
  private readonly slot: number[];
  /** Where the required fields' and the indexed fields' (table.indexes order) values come from. */
  private readonly required: Source[];
  private readonly indexed: Source[];
  private created = 0;
  /** Packed columns of non-text fields with a default, written when the upload leaves them empty. */
  private readonly defaults: Array<{ column: number; slot: number; value: SfValue }>;
  private readonly textDefaults: Array<string | null>;
  private readonly audit: number[];
  private readonly isDeleted: number;
  private readonly owner: number;
  private readonly anyTextDefault: boolean;
  private readonly anyReadOnly: boolean;
  private readonly anyNotUpdateable: boolean;
  private readonly ownerSource: Source | null;
  private readonly lookups: BatchLookups;
  private readonly sources: Array<string | null>;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Per upload column of a parent by external ID: the Id checkRow found, or null. */
  readonly resolved: Array<string | null>;
  /** The current chunk's audit stamp and acting user (stampChunk). */
  now = '';
  user = '';
  /** Rows [runStart, runEnd) created without their audit cells yet (flushStamps). */
  private runStart = -1;
  private runEnd = -1;
  /** Upload columns of parents by external ID, and of lookups given as Ids. */
  private readonly refColumns: number[];
  private readonly lookupColumns: number[];

  constructor(
    private readonly store: RecordStore,
    private readonly def: ObjectDef,
    private readonly columns: IngestColumn[],
    private readonly plans: CellPlan[],
    /** The upsert's external ID field: a row reaches insert only when no record holds its key. */
    private readonly upsertKey: FieldDef | null,
    /** The upload when its characters are all U+0001-U+007F (text-packing.ts plainText), else null. */
    readonly plain: string | null = null,
  ) {
    const table = store.table(def);
    this.table = table;
    this.live = table.live;
    const live = table.live;
    const slotOf = (name: string) => {
      const column = live.columnIndex(name);
      return column >= 0 ? column : -1 - live.textIndex(name);
    };
    this.slot = columns.map((c) => slotOf(c.field.name));
    const columnOf = (f: FieldDef) => columns.findIndex((c) => c.field === f);
    const source = (field: FieldDef): Source => ({
      field,
      column: columnOf(field),
      fallback: field.defaultValue,
    });
    this.required = table.requiredFields.map(source);
    this.indexed = table.indexes.map((index) => source(index.field));
    const owner = def.fieldsByLower.get('ownerid');
    this.ownerSource = owner ? source(owner) : null;
    this.defaults = [];
    this.textDefaults = [];
    for (const field of def.fields) {
      if (field.name === 'Id') continue;
      const slot = slotOf(field.name);
      if (slot < 0) this.textDefaults[-1 - slot] = (field.defaultValue ?? null) as string | null;
      else if (field.defaultValue !== null && field.defaultValue !== undefined)
        this.defaults.push({ column: columnOf(field), slot, value: field.defaultValue });
    }
    const n = this.textDefaults.length;
    this.sources = new Array<string | null>(n).fill(null);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    // As RecordStore.insert sets them on an audited object (fields it lacks are not stored).
    const audit = ['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById'];
    this.audit = table.audited ? audit.map((name) => live.columnIndex(name)) : [];
    this.isDeleted = table.audited ? live.columnIndex('IsDeleted') : -1;
    this.owner = table.audited && table.owned ? live.columnIndex('OwnerId') : -1;
    this.anyTextDefault = this.textDefaults.some((t) => t !== null);
    this.anyReadOnly = columns.some((c) => !c.field.createable);
    this.anyNotUpdateable = columns.some((c) => !c.field.updateable);
    this.lookups = new BatchLookups(store, def, columns);
    this.resolved = new Array<string | null>(columns.length).fill(null);
    const all = columns.map((_, c) => c);
    this.refColumns = all.filter((c) => plans[c]?.kind === REF);
    this.lookupColumns = all.filter((c) => plans[c]?.kind !== REF && columns[c]?.field.type === 'reference');
  }

  /**
   * The row's parents by external ID (into `resolved`), lookups and read-only fields, checked as
   * RecordStore.insert (or, `updating`, RecordStore.update) checks them; the errors, or null.
   */
  checkRow(cells: CsvCells, states: Uint8Array, values: SfValue[], updating: boolean): SfError[] | null {
    const { columns, resolved } = this;
    let errors: SfError[] | null = null;
    for (const c of this.refColumns) resolved[c] = null;
    for (const c of this.refColumns) {
      const state = states[c];
      if (state !== VALUE && state !== KEY) continue;
      // KEY: the external ID's characters in the cells; VALUE: #N/A (null).
      const hits =
        state === KEY
          ? this.lookups.parentKey(c, cells.source(c), cells.starts[c] as number, cells.ends[c] as number)
          : this.lookups.parent(c, null);
      if (hits.length === 1) resolved[c] = hits[0] as string;
      else {
        const { target, extField } = columns[c] as Extract<IngestColumn, { kind: 'ref' }>;
        const value = state === KEY ? cells.value(c) : null;
        (errors ??= []).push(unmatchedParent({ target, extField, value }, hits.length));
      }
    }
    // Lookups in the order the row path checks them: given ones, then parents found by external ID.
    for (const c of this.lookupColumns) {
      const id = states[c] === VALUE ? values[c] : null;
      if (id === null || id === undefined) continue;
      const error = this.lookups.check((columns[c] as IngestColumn).field, String(id));
      if (error) (errors ??= []).push(error);
    }
    for (const c of this.refColumns) {
      const id = resolved[c];
      if (id === null || id === undefined || (columns[c] as IngestColumn).field.type !== 'reference')
        continue;
      const error = this.lookups.checkFound(c, id);
      if (error) (errors ??= []).push(error);
    }
    if (updating ? this.anyNotUpdateable : this.anyReadOnly) {
      const readOnly: string[] = [];
      for (let pass = 0; pass < 2; pass += 1) {
        for (let c = 0; c < columns.length; c += 1) {
          const field = (columns[c] as IngestColumn).field;
          const isRef = (this.plans[c] as CellPlan).kind === REF;
          const given = isRef ? resolved[c] !== null : states[c] !== EMPTY;
          const writable = updating ? field.updateable || field.name === 'Id' : field.createable;
          if (given && !writable && isRef === (pass === 1)) readOnly.push(field.name);
        }
      }
      if (readOnly.length > 0) (errors ??= []).push(notWritable(readOnly));
    }
    return errors;
  }

  /**
   * Inserts the row read into `states`/`values` (cells without errors); a created record's generated Id
   * is answered as its record number (the table's codec spells it when results are read). `extKey`: the
   * upsert key's index key, which no record holds; `keyColumn` (>= 0, `extKey` null): the upload column whose
   * cell holds that key's text (unique-index.ts: lookupRange found no record holding it).
   */
  insert(
    cells: CsvCells,
    states: Uint8Array,
    values: SfValue[],
    extKey: string | null,
    keyColumn = -1,
  ): WriteResult | number {
    const errors = this.checkRow(cells, states, values, false);
    if (errors !== null) return { ok: false, errors };
    let missing: string[] | null = null;
    for (const { field, column, fallback } of this.required) {
      if (column >= 0 && states[column] === RANGE) continue;
      const value = this.valueOf(column, cells, states, values, fallback);
      if (value === null || value === '' || value === undefined) (missing ??= []).push(field.name);
    }
    if (missing !== null) return { ok: false, errors: [requiredMissing(missing)] };
    const { indexes, codec } = this.table;
    for (let i = 0; i < indexes.length; i += 1) {
      const index = indexes[i] as UniqueIndex;
      // The upsert looked its own key up already: no record holds it.
      if (!index.field.unique || index.field === this.upsertKey) continue;
      const { column, fallback } = this.indexed[i] as Source;
      const other = index.other(this.valueOf(column, cells, states, values, fallback), null);
      if (other !== undefined) return { ok: false, errors: [duplicateValue(index.field, other)] };
    }
    const table = this.table;
    if (table.nextNumber >= CODEC_NUMBERS) {
      const id = this.store.nextId(table);
      this.write(this.live.claimRow(id), cells, states, values);
      for (let i = 0; i < indexes.length; i += 1) {
        const { column, fallback } = this.indexed[i] as Source;
        (indexes[i] as UniqueIndex).add(this.valueOf(column, cells, states, values, fallback), id);
      }
      this.created += 1;
      return { ok: true, id, created: true };
    }
    const n = this.store.nextNumber(table);
    this.write(this.live.claimNumber(n), cells, states, values);
    for (let i = 0; i < indexes.length; i += 1) {
      const index = indexes[i] as UniqueIndex;
      const { column, fallback } = this.indexed[i] as Source;
      if (index.field === this.upsertKey && keyColumn >= 0) {
        const { starts, ends } = cells;
        const src = cells.source(keyColumn);
        if (!index.addNewRange(src, starts[keyColumn] as number, ends[keyColumn] as number, n))
          index.addNew(index.key(cells.value(keyColumn)) as string, n);
        continue;
      }
      if (index.field === this.upsertKey && extKey !== null) {
        index.addNew(extKey, n);
        continue;
      }
      const value = this.valueOf(column, cells, states, values, fallback);
      // Keys the unique check found free go in without a second look-up.
      const key = index.field.unique ? index.key(value) : null;
      if (key !== null) index.addNew(key, n);
      else index.add(value, codec.idOf(n));
    }
    this.created += 1;
    return n;
  }

  /**
   * Reads the clock and the acting user for the rows of the next chunk. Salesforce saves a Bulk job's records in
   * chunks of 200, one transaction each ("Batches are processed in chunks ... the chunk size is 200 records",
   * Batch processing time:
   * https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-bulkapi.html).
   * The emulator gives a chunk's records one audit stamp, as one transaction's DML; that page does not say how
   * Salesforce stamps them, and no client may rely on stamps differing within a chunk.
   */
  stampChunk(): void {
    this.flushStamps();
    this.now = this.store.now();
    this.user = this.store.userId();
  }

  /**
   * Writes the audit fields (as RecordStore.insert sets them) of the rows created since the last flush: the
   * chunk's stamp and user, IsDeleted false. Nothing reads a created row's audit cells before its chunk ends
   * (checks read indexes and Ids); a write the column path hands to the store flushes first (fast-ingest.ts).
   */
  flushStamps(): void {
    const { runStart, runEnd, live, now, user } = this;
    if (runStart === runEnd) return;
    this.runStart = -1;
    this.runEnd = -1;
    for (let i = 0; i < 5; i += 1) {
      const column = this.audit[i] as number;
      if (column >= 0) live.fillCells(column, runStart, runEnd, i < 3 ? now : user);
    }
    if (this.isDeleted >= 0) live.fillCells(this.isDeleted, runStart, runEnd, false);
  }

  /** Counts the records created since the last flush (one counter update per batch); flushes the stamps. */
  flushCounts(): void {
    this.flushStamps();
    if (this.created > 0) this.store.writes.count(this.def.name, 'created', this.created);
    this.created = 0;
  }

  private valueOf(
    c: number,
    cells: CsvCells,
    states: Uint8Array,
    values: SfValue[],
    fallback: SfValue,
  ): SfValue {
    if (c < 0) return fallback;
    if ((this.plans[c] as CellPlan).kind === REF) return this.resolved[c] ?? fallback;
    const state = states[c];
    if (state === EMPTY) return fallback;
    return state === RANGE ? cells.value(c) : (values[c] ?? null);
  }

  private write(row: number, cells: CsvCells, states: Uint8Array, values: SfValue[]): void {
    const { live, slot, sources, starts, ends, textDefaults } = this;
    for (let t = 0; t < textDefaults.length; t += 1) {
      const text = textDefaults[t] ?? null;
      sources[t] = text;
      starts[t] = 0;
      ends[t] = text === null ? 0 : text.length;
    }
    for (const d of this.defaults)
      if (d.column < 0 || states[d.column] === EMPTY) live.setCell(d.slot, row, d.value);
    let anyText = this.anyTextDefault;
    for (let c = 0; c < slot.length; c += 1) {
      const state = states[c];
      const isRef = (this.plans[c] as CellPlan).kind === REF;
      if (isRef ? this.resolved[c] === null : state === EMPTY) continue;
      const value = isRef ? this.resolved[c] : values[c];
      const at = slot[c] as number;
      if (at >= 0) {
        live.setCell(at, row, value ?? null);
        continue;
      }
      anyText = true;
      const t = -1 - at;
      if (state === RANGE) {
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
      // The chunk's stamp is written into its rows together (flushStamps): created rows are appended, a run.
      if (row !== this.runEnd) {
        this.flushStamps();
        this.runStart = row;
      }
      this.runEnd = row + 1;
    }
    const owner = this.ownerSource;
    if (this.owner >= 0 && owner !== null) {
      const given = this.valueOf(owner.column, cells, states, values, owner.fallback);
      if (given === null) live.setCell(this.owner, row, this.user);
    }
    if (anyText) live.textArena.setRanges(row, sources, starts, ends, this.plain);
  }
}
