import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { prepareJsonRecord } from '../store/prepare-json-record.js';
import type { RecordStore } from '../store/record-store.js';
import type { CpqRuntime } from './cpq-runtime.js';
import { sfError, type SfError, type SfValue, type StoredRecord } from '../store/sf-error.js';

// Small reads and writes CPQ automation and the sales-user actions make on the store.

/** A refusal of a sales-user action or a platform write, carrying Salesforce record errors. */
export class CpqRefusal extends Error {
  constructor(readonly errors: SfError[]) {
    super(errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '));
  }
}

export const refuse = (statusCode: string, message: string, fields: string[] = []): CpqRefusal =>
  new CpqRefusal([sfError(statusCode, message, fields)]);

export function getRecord(
  store: RecordStore,
  def: ObjectDef,
  id: SfValue | undefined,
): StoredRecord | undefined {
  return typeof id === 'string' ? store.table(def).live.get(id) : undefined;
}

/** The record or a refusal naming the field that pointed at it. */
export function mustGet(
  store: RecordStore,
  def: ObjectDef,
  id: SfValue | undefined,
  field: string,
): StoredRecord {
  const rec = getRecord(store, def, id);
  if (!rec)
    throw refuse('INVALID_CROSS_REFERENCE_KEY', `${field}: no ${def.name} with id ${String(id)}`, [field]);
  return rec;
}

/** Live children of a parent through one lookup: indexed for CPQ's hot lookups, else a scan. */
export function childrenOf(rt: CpqRuntime, def: ObjectDef, field: string, parentId: string): StoredRecord[] {
  const indexed = rt.children.children(def, field, parentId);
  if (indexed) return indexed;
  const out: StoredRecord[] = [];
  for (const rec of rt.store.table(def).live.values()) if (rec[field] === parentId) out.push(rec);
  return out;
}

export const text = (rec: StoredRecord | null | undefined, field: string): string | null => {
  const v = rec?.[field];
  return v === null || v === undefined ? null : String(v);
};

export const num = (rec: StoredRecord | null | undefined, field: string): number => {
  const v = rec?.[field];
  return typeof v === 'number' ? v : 0;
};

/** Inserts through the API's validation and automation, as the platform user; refuses on error. */
export function platformInsert(
  store: RecordStore,
  def: ObjectDef,
  body: Record<string, unknown>,
  presetId?: string,
): string {
  const values = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const result = store.insert(def, prepareJsonRecord(store.schema, def, values), presetId);
  if (!result.ok)
    throw new CpqRefusal(result.errors.map((e) => ({ ...e, message: `${def.name}: ${e.message}` })));
  return result.id;
}

/** Updates through validation and automation; refuses on error. */
export function platformUpdate(
  store: RecordStore,
  def: ObjectDef,
  id: string,
  body: Record<string, unknown>,
): void {
  const result = store.update(def, id, prepareJsonRecord(store.schema, def, body));
  if (!result.ok)
    throw new CpqRefusal(result.errors.map((e) => ({ ...e, message: `${def.name}: ${e.message}` })));
}

export const fieldOf = (def: ObjectDef, name: string): FieldDef => {
  const f = def.fieldsByLower.get(name.toLowerCase());
  if (!f) throw new Error(`${def.name}.${name} is not in the schema`);
  return f;
};

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Runs `fn` as one transaction: every write rolls back if it throws (as a failed Apex transaction). */
export function atomically<T>(store: RecordStore, fn: () => T): T {
  const savepoint = store.begin();
  try {
    const result = fn();
    store.commit();
    return result;
  } catch (error) {
    store.rollback(savepoint);
    throw error;
  }
}
