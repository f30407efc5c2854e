// The live data of the emulated tenant: one table per Zuora object, every write stamped with
// UpdatedDate and a change sequence, deletions remembered (AQuA exports deleted rows, callouts
// announce them). Listeners hear every change after it is applied. Tables are columnar (record-table.ts)
// so the L tenant (about 14 million records) fits in memory.
import { objectFields, objectNames, type ObjectName } from '../model/object-definitions.js';
import type { DeletedRecord, FieldValue, ZRecord } from '../model/zuora-record.js';
import { runtimeId } from '../model/zuora-id.js';
import type { GeneratedTenant, BillingEntity } from '../tenant/generate-tenant.js';
import { dateTimeOf } from '../tenant/dates.js';
import { RecordTable, type StoredRecord } from './record-table.js';

export type { StoredRecord } from './record-table.js';

export type ChangeAction = 'created' | 'updated' | 'deleted';

export interface RecordChange {
  object: ObjectName;
  action: ChangeAction;
  record: ZRecord;
  entityId: string;
  seq: number;
  changedFields: string[];
}

export type ChangeListener = (change: RecordChange) => void;

export class TenantStore {
  readonly tables = new Map<ObjectName, RecordTable>();
  readonly deleted = new Map<ObjectName, DeletedRecord[]>();
  private readonly accountNumbers = new Map<string, string>();
  private readonly listeners: ChangeListener[] = [];
  private sequence = 0;
  private idCounter = 0;
  entities: readonly BillingEntity[] = [];
  idPrefix = '00000000';

  constructor(readonly now: () => Date) {
    for (const name of objectNames) {
      this.tables.set(name, new RecordTable());
      this.deleted.set(name, []);
    }
  }

  /** Replaces all data with a generated tenant. */
  load(tenant: GeneratedTenant): void {
    for (const name of objectNames) this.tables.set(name, new RecordTable());
    for (const d of this.deleted.values()) d.length = 0;
    this.accountNumbers.clear();
    this.entities = tenant.entities;
    this.idPrefix = tenant.idPrefix;
    this.sequence = 0;
    this.idCounter = 0;
    const put = (object: ObjectName, record: ZRecord, entityId: string): void => {
      this.table(object).put(record, entityId, 0);
      if (object === 'Account') this.accountNumbers.set(String(record.AccountNumber), record.Id);
    };
    // Same order as tenant.records(), without its per-record wrapper objects.
    for (const r of tenant.referenceData) put(r.object, r.record, this.defaultEntityId);
    for (const c of tenant.catalogs) for (const r of c.records) put(r.object, r.record, c.entityId);
    for (const bundle of tenant.accounts())
      for (const r of bundle.records) put(r.object, r.record, bundle.entityId);
  }

  get currentSequence(): number {
    return this.sequence;
  }

  get defaultEntityId(): string {
    return this.entities[0]?.id ?? '';
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Listens until the returned function is called. */
  capture(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  table(object: ObjectName): RecordTable {
    const t = this.tables.get(object);
    if (t === undefined) throw new Error(`no table for ${object}`);
    return t;
  }

  get(object: ObjectName, id: string): StoredRecord | undefined {
    return this.table(object).get(id);
  }

  /** An account by Zuora id or account number (v1 "account-key"). */
  findAccount(key: string): StoredRecord | undefined {
    return this.get('Account', key) ?? this.get('Account', this.accountNumbers.get(key) ?? '');
  }

  count(object: ObjectName): number {
    return this.table(object).size;
  }

  newId(object: ObjectName): string {
    this.idCounter += 1;
    return runtimeId(this.idPrefix, object, this.idCounter);
  }

  /** Creates a record; fields not given are null, as Zuora returns unset fields. */
  insert(object: ObjectName, fields: Record<string, FieldValue>, entityId: string, id?: string): ZRecord {
    const stamp = dateTimeOf(this.now());
    const record = { Id: id ?? this.newId(object), CreatedDate: stamp, UpdatedDate: stamp } as ZRecord;
    for (const f of objectFields[object]) if (!(f in record)) record[f] = fields[f] ?? null;
    record.CreatedById ??= 'api-user';
    record.UpdatedById ??= 'api-user';
    this.sequence += 1;
    this.table(object).putHeld(record, entityId, this.sequence);
    if (object === 'Account') this.accountNumbers.set(String(record.AccountNumber), record.Id);
    this.emit({
      object,
      action: 'created',
      record,
      entityId,
      seq: this.sequence,
      changedFields: Object.keys(fields),
    });
    return record;
  }

  update(object: ObjectName, id: string, patch: Record<string, FieldValue>): ZRecord | undefined {
    const stored = this.get(object, id);
    if (stored === undefined) return undefined;
    const changed = Object.keys(patch).filter((f) => stored.record[f] !== patch[f]);
    Object.assign(stored.record, patch);
    stored.record.UpdatedDate = dateTimeOf(this.now());
    this.sequence += 1;
    stored.seq = this.sequence;
    this.table(object).rewrite(id, stored);
    if (object === 'Account') this.accountNumbers.set(String(stored.record.AccountNumber), id);
    this.emit({
      object,
      action: 'updated',
      record: stored.record,
      entityId: stored.entityId,
      seq: this.sequence,
      changedFields: changed,
    });
    return stored.record;
  }

  delete(object: ObjectName, id: string): boolean {
    const stored = this.table(object).remove(id);
    if (stored === undefined) return false;
    this.sequence += 1;
    const deletedAt = dateTimeOf(this.now());
    this.deleted
      .get(object)
      ?.push({ object, record: stored.record, entityId: stored.entityId, seq: this.sequence, deletedAt });
    this.emit({
      object,
      action: 'deleted',
      record: stored.record,
      entityId: stored.entityId,
      seq: this.sequence,
      changedFields: [],
    });
    return true;
  }

  deletedSince(object: ObjectName, seq: number): DeletedRecord[] {
    return (this.deleted.get(object) ?? []).filter((d) => d.seq > seq);
  }

  /** Records of an object whose entity is in scope, in insertion order. */
  *scan(object: ObjectName, entityId: string | null): Generator<StoredRecord> {
    yield* this.table(object).values(entityId);
  }

  private emit(change: RecordChange): void {
    for (const l of this.listeners) l(change);
  }
}
