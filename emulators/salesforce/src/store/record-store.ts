import { makeSalesforceId } from '../../../shared/salesforce-id.js';
import type { FieldDef, ObjectDef, Schema } from '../schema/schema-types.js';
import { formatDateTime } from './coerce-value.js';
import { ObjectTable } from './object-table.js';
import type { PreparedRecord } from './prepared-record.js';
import { sfError, type SfError, type SfValue, type StoredRecord, type WriteResult } from './sf-error.js';
import { resolveReferences } from './resolve-references.js';
import type { StoreAutomation } from './store-automation.js';
import { WriteCounters } from './write-counters.js';

// In-memory org data: one table per object, indexed on Id and unique/external-ID fields.
// Writes return results as values (the REST "SaveResult" shape); an undo journal gives
// allOrNone transactions. Error wordings: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm

// One error names every refused field, as an org answers (e.g. "Unable to create/update fields:
// LastModifiedDate, IsDeleted, ..., CreatedDate. Please check ...", seen in
// https://github.com/SalesforceCommerceCloud/b2c-crm-sync/issues/272).
export const notWritable = (names: string[]): SfError =>
  sfError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    names,
  );

export const requiredMissing = (names: string[]): SfError =>
  sfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);

export const duplicateValue = (field: FieldDef, otherId: string): SfError =>
  sfError(
    'DUPLICATE_VALUE',
    `duplicate value found: ${field.name} duplicates value on record with id: ${otherId}`,
  );

export type UpsertResult = WriteResult | { ok: false; multiple: string[] };

export class RecordStore {
  private readonly tables = new Map<string, ObjectTable>();
  private journal: Array<() => void> = [];
  private depth = 0;
  private clockMs = 0;
  private clockText = '';
  /** Child reference fields with cascade delete, by parent object name. */
  private readonly cascadeChildren = new Map<string, Array<{ def: ObjectDef; field: FieldDef }>>();
  /** Platform automation (derived fields, CPQ triggers), set by the emulator context. */
  automation: StoreAutomation | null = null;
  /** The org's clock (audit fields, delete times); generated scenarios and tests move it. */
  clock: () => number = Date.now;
  /** Records created, updated and deleted per object, and the calls that wrote them. */
  readonly writes = new WriteCounters();

  constructor(
    readonly schema: Schema,
    private readonly actingUserId: () => string,
  ) {
    for (const def of schema.objects) {
      this.tables.set(def.name, new ObjectTable(def));
      for (const field of def.fields) {
        if (field.type !== 'reference' || !field.cascadeDelete) continue;
        for (const target of field.referenceTo) {
          const parent = schema.byLower.get(target.toLowerCase());
          if (!parent) continue;
          const list = this.cascadeChildren.get(parent.name) ?? [];
          list.push({ def, field });
          this.cascadeChildren.set(parent.name, list);
        }
      }
    }
  }

  table(def: ObjectDef): ObjectTable {
    const t = this.tables.get(def.name);
    if (!t) throw new Error(`no table for ${def.name}`);
    return t;
  }

  /** Shares one timestamp string per millisecond: cheaper for bulk loads. */
  now(): string {
    const ms = this.clock();
    if (ms !== this.clockMs) {
      this.clockMs = ms;
      this.clockText = formatDateTime(ms);
    }
    return this.clockText;
  }

  get(def: ObjectDef, id: string): StoredRecord | undefined {
    return this.table(def).live.get(id);
  }

  /** Finds a live or deleted record by Id through its key prefix. */
  locate(id: string): { def: ObjectDef; record: StoredRecord; deleted: boolean } | undefined {
    const def = this.schema.byKeyPrefix.get(id.slice(0, 3));
    if (!def) return undefined;
    const t = this.table(def);
    const live = t.live.get(id);
    if (live) return { def, record: live, deleted: false };
    const gone = t.deleted.get(id);
    return gone ? { def, record: gone, deleted: true } : undefined;
  }

  findByExternalId(def: ObjectDef, field: FieldDef, value: SfValue): string[] {
    if (field.name === 'Id')
      return typeof value === 'string' && this.table(def).live.has(value) ? [value] : [];
    const index = this.table(def).indexByField.get(field.name);
    return index ? index.find(value) : [];
  }

  // --- transactions -------------------------------------------------------------------------

  /** Opens a (nestable) transaction; returns the savepoint to roll back to. */
  begin(): number {
    this.depth += 1;
    return this.journal.length;
  }

  commit(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.journal = [];
  }

  rollback(savepoint: number): void {
    while (this.journal.length > savepoint) this.journal.pop()?.();
    this.commit();
  }

  /** Runs writes outside any open transaction (Bulk jobs commit on their own). */
  untracked<T>(fn: () => T): T {
    const depth = this.depth;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.depth = depth;
    }
  }

  private remember(undo: () => void): void {
    if (this.depth > 0) this.journal.push(undo);
  }

  // --- writes ---------------------------------------------------------------------------------

  checkRequired(table: ObjectTable, record: StoredRecord): SfError | null {
    let missing: string[] | null = null;
    for (const f of table.requiredFields) {
      const v = record[f.name];
      if (v === null || v === '' || v === undefined) (missing ??= []).push(f.name);
    }
    return missing ? requiredMissing(missing) : null;
  }

  checkUnique(table: ObjectTable, record: StoredRecord, selfId: string | null): SfError | null {
    for (const index of table.indexes) {
      if (!index.field.unique) continue;
      const other = index.other(record[index.field.name] ?? null, selfId);
      if (other) return duplicateValue(index.field, other);
    }
    return null;
  }

  /** `presetId`: seeds only (deterministic data shared with the Zuora tenant), never from the API. */
  insert(def: ObjectDef, prepared: PreparedRecord, presetId?: string): WriteResult {
    const table = this.table(def);
    const errors = resolveReferences(this, prepared);
    const { fields, values } = prepared;
    // Plain loops: this runs once per record of every Bulk load.
    let givenId = false;
    let readOnly: FieldDef[] | null = null;
    for (let i = 0; i < fields.length; i += 1) {
      const f = fields[i] as FieldDef;
      if (f.name === 'Id') givenId = true;
      else if (!f.createable) (readOnly ??= []).push(f);
    }
    if (givenId)
      errors.push(sfError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']));
    if (readOnly !== null) errors.push(notWritable(readOnly.map((f) => f.name)));
    if (errors.length > 0) return { ok: false, errors };
    const record = table.blank();
    for (let i = 0; i < fields.length; i += 1) record[(fields[i] as FieldDef).name] = values[i] ?? null;
    const problem = this.checkRequired(table, record) ?? this.checkUnique(table, record, null);
    if (problem) return { ok: false, errors: [problem] };
    const refused = this.automation?.beforeSave(def, record, null);
    if (refused && refused.length > 0) return { ok: false, errors: refused };
    if (presetId !== undefined && (presetId.slice(0, 3) !== def.keyPrefix || table.live.has(presetId))) {
      return {
        ok: false,
        errors: [sfError('DUPLICATE_VALUE', `seed Id ${presetId} is taken or not a ${def.name} Id`, ['Id'])],
      };
    }
    const id = presetId ?? this.nextId(table);
    record.Id = id;
    if (table.audited) {
      const now = this.now();
      const user = this.userId();
      record.CreatedDate = now;
      record.LastModifiedDate = now;
      record.SystemModstamp = now;
      record.CreatedById = user;
      record.LastModifiedById = user;
      record.IsDeleted = false;
      if (table.owned && record.OwnerId === null) record.OwnerId = user;
    }
    for (const f of table.autoNumberFields) record[f.name] = this.nextAutoNumber(table, f);
    table.live.set(id, record);
    for (const index of table.indexes) index.add(record[index.field.name] ?? null, id);
    if (presetId === undefined) this.writes.count(def.name, 'created');
    if (this.depth > 0) {
      this.remember(() => {
        table.live.delete(id);
        for (const index of table.indexes) index.remove(record[index.field.name] ?? null, id);
        if (presetId === undefined) this.writes.uncount(def.name, 'created');
      });
    }
    this.automation?.afterSave(def, record, null);
    return { ok: true, id, created: true };
  }

  /** The acting user's Id (audit fields, default owner). */
  userId(): string {
    return this.actingUserId();
  }

  /** Takes the table's next generated Id; generated Ids skip the ones seeds took. */
  nextId(table: ObjectTable): string {
    let id = this.generatedId(table);
    while (table.live.has(id) || table.deleted.has(id)) {
      table.nextNumber += 1;
      id = this.generatedId(table);
    }
    table.nextNumber += 1;
    return id;
  }

  /**
   * nextId as a record number, for the Ids the codec spells (below 2^30): the row table is asked by
   * number and no Id is spelled unless a seed's Ids are in the way.
   */
  nextNumber(table: ObjectTable): number {
    const { codec, live, deleted } = table;
    for (;;) {
      const n = table.nextNumber;
      table.nextNumber += 1;
      if (!live.hasNumber(n) && (deleted.size === 0 || !deleted.has(codec.idOf(n)))) return n;
    }
  }

  /** The Id of the table's next record number (the codec spells it as makeSalesforceId does). */
  private generatedId(table: ObjectTable): string {
    const n = table.nextNumber;
    return n < 2 ** 30 ? table.codec.idOf(n) : makeSalesforceId(table.def.keyPrefix, n);
  }

  private nextAutoNumber(table: ObjectTable, field: FieldDef): string {
    table.autoNumber += 1;
    const format = field.displayFormat ?? '{0}';
    return format.replace(/\{(0+)\}/, (_, zeros: string) =>
      String(table.autoNumber).padStart(zeros.length, '0'),
    );
  }

  update(def: ObjectDef, id: string, prepared: PreparedRecord): WriteResult {
    const table = this.table(def);
    const current = table.live.get(id);
    if (!current) {
      return table.deleted.has(id)
        ? { ok: false, errors: [sfError('ENTITY_IS_DELETED', 'entity is deleted')] }
        : { ok: false, errors: [sfError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`)] };
    }
    const errors = resolveReferences(this, prepared);
    const { fields, values } = prepared;
    const readOnly = fields.filter((f) => !f.updateable && f.name !== 'Id');
    if (readOnly.length > 0) errors.push(notWritable(readOnly.map((f) => f.name)));
    if (errors.length > 0) return { ok: false, errors };
    const next = table.copy(current);
    for (let i = 0; i < fields.length; i += 1) {
      const name = (fields[i] as FieldDef).name;
      if (name !== 'Id') next[name] = values[i] ?? null;
    }
    const problem = this.checkRequired(table, next) ?? this.checkUnique(table, next, id);
    if (problem) return { ok: false, errors: [problem] };
    const refused = this.automation?.beforeSave(def, next, current);
    if (refused && refused.length > 0) return { ok: false, errors: refused };
    if (table.audited) {
      next.LastModifiedDate = this.now();
      next.SystemModstamp = next.LastModifiedDate;
      next.LastModifiedById = this.actingUserId();
    }
    this.replace(table, id, current, next);
    this.writes.count(def.name, 'updated');
    if (this.depth > 0)
      this.remember(() => {
        this.replace(table, id, next, current);
        this.writes.uncount(def.name, 'updated');
      });
    this.automation?.afterSave(def, next, current);
    return { ok: true, id, created: false };
  }

  /**
   * Sets fields the platform maintains itself (roll-up summaries, automation), journaled like any
   * write but without validation or automation. `touch` moves LastModifiedDate/SystemModstamp, as
   * a trigger's update does; roll-ups leave them (a roll-up change does not edit the parent).
   */
  patch(def: ObjectDef, id: string, values: Record<string, SfValue>, touch: boolean): void {
    const table = this.table(def);
    const current = table.live.get(id);
    if (!current) return;
    const next = table.copy(current);
    Object.assign(next, values);
    if (touch && table.audited) {
      next.LastModifiedDate = this.now();
      next.SystemModstamp = next.LastModifiedDate;
      next.LastModifiedById = this.actingUserId();
    }
    this.replace(table, id, current, next);
    if (this.depth > 0) this.remember(() => this.replace(table, id, next, current));
  }

  private replace(table: ObjectTable, id: string, from: StoredRecord, to: StoredRecord): void {
    for (const index of table.indexes) {
      const name = index.field.name;
      if (from[name] === to[name]) continue;
      index.remove(from[name] ?? null, id);
      index.add(to[name] ?? null, id);
    }
    table.live.set(id, to);
  }

  /** Upsert on `extField` (or Id): creates when nothing matches, updates one match, refuses several. */
  upsert(def: ObjectDef, extField: FieldDef, value: SfValue, prepared: PreparedRecord): UpsertResult {
    const hits = this.findByExternalId(def, extField, value);
    if (hits.length > 1) return { ok: false, multiple: hits };
    if (hits.length === 1) return this.update(def, hits[0] as string, prepared);
    if (extField.name === 'Id' && value !== null && value !== '') {
      return {
        ok: false,
        errors: [
          sfError(
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${String(value)}`,
          ),
        ],
      };
    }
    if (extField.name !== 'Id' && !prepared.fields.includes(extField)) {
      prepared.fields.push(extField);
      prepared.values.push(value);
    }
    return this.insert(def, prepared);
  }

  /** Soft-deletes records (to the recycle bin) and, through master-detail, their children. */
  delete(def: ObjectDef, ids: string[], hard = false): WriteResult[] {
    const table = this.table(def);
    const results: WriteResult[] = [];
    const removed: string[] = [];
    const removedRecords: StoredRecord[] = [];
    for (const id of ids) {
      const record = table.live.get(id);
      if (!record) {
        results.push({
          ok: false,
          errors: [
            table.deleted.has(id)
              ? sfError('ENTITY_IS_DELETED', 'entity is deleted')
              : sfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id'),
          ],
        });
        continue;
      }
      this.detach(table, id, record, hard);
      removed.push(id);
      removedRecords.push(record);
      results.push({ ok: true, id, created: false });
    }
    this.cascade(def, removed, hard);
    for (const record of removedRecords) this.automation?.afterDelete(def, record);
    return results;
  }

  private detach(table: ObjectTable, id: string, record: StoredRecord, hard: boolean): void {
    table.live.delete(id);
    for (const index of table.indexes) index.remove(record[index.field.name] ?? null, id);
    const gone = table.copy(record);
    gone.IsDeleted = true;
    // The delete time, which Get Deleted reports as deletedDate ("obtained using the SystemModstamp").
    if (table.audited) gone.SystemModstamp = this.now();
    if (!hard) table.deleted.set(id, gone);
    else table.lastPurgedMs = this.clock();
    this.writes.count(table.def.name, 'deleted');
    this.remember(() => {
      this.writes.uncount(table.def.name, 'deleted');
      table.deleted.delete(id);
      table.live.set(id, record);
      for (const index of table.indexes) index.add(record[index.field.name] ?? null, id);
    });
  }

  private cascade(parent: ObjectDef, parentIds: string[], hard: boolean): void {
    if (parentIds.length === 0) return;
    const set = new Set(parentIds);
    for (const { def, field } of this.cascadeChildren.get(parent.name) ?? []) {
      const table = this.table(def);
      const childIds: string[] = [];
      for (const [id, rec] of table.live) if (set.has(String(rec[field.name]))) childIds.push(id);
      const records = childIds.map((id) => table.live.get(id) as StoredRecord);
      childIds.forEach((id, i) => this.detach(table, id, records[i] as StoredRecord, hard));
      this.cascade(def, childIds, hard);
      for (const record of records) this.automation?.afterDelete(def, record);
    }
  }

  /** Drops every record (the admin `reset`). */
  clear(): void {
    for (const t of this.tables.values()) t.clear();
  }
}
