import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { ParentRef, PreparedRecord } from './prepared-record.js';
import type { RecordStore } from './record-store.js';
import { sfError, type SfError } from './sf-error.js';

// Lower-cased names, computed once per definition: the check below runs per lookup of every record.
const targetNames = new WeakMap<FieldDef, Set<string>>();
const lowerNames = new WeakMap<ObjectDef, string>();

/** Whether a lookup field may point to `target` (object names compare case-insensitively). */
export function pointsTo(field: FieldDef, target: ObjectDef): boolean {
  let names = targetNames.get(field);
  if (names === undefined) {
    names = new Set(field.referenceTo.map((t) => t.toLowerCase()));
    targetNames.set(field, names);
  }
  let name = lowerNames.get(target);
  if (name === undefined) {
    name = target.name.toLowerCase();
    lowerNames.set(target, name);
  }
  return names.has(name);
}

/** The error of a parent given by external ID that matched `hits` records (not one). */
export function unmatchedParent(ref: Omit<ParentRef, 'field'>, hits: number): SfError {
  // Wording as returned for an unmatched relationship external ID (Bulk/REST upsert with
  // `Parent__r.Ext__c`): https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
  const what = hits === 0 ? 'not found' : 'matched more than one record';
  return sfError(
    'INVALID_FIELD',
    `Foreign key external ID: ${String(ref.value)} ${what} for field ${ref.extField.name} in entity ${ref.target.name}`,
  );
}

/** The error of a lookup to `id` (not null), or null when it points to a live record of a type it may. */
export function lookupError(store: RecordStore, field: FieldDef, id: string): SfError | null {
  const target = store.schema.byKeyPrefix.get(id.slice(0, 3));
  if (!target || !pointsTo(field, target)) {
    return sfError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [
      field.name,
    ]);
  }
  if (store.table(target).live.has(id)) return null;
  return store.table(target).deleted.has(id)
    ? sfError('ENTITY_IS_DELETED', 'entity is deleted', [field.name])
    : sfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
}

/**
 * Resolves parent references given by external ID into `prepared` (in place: a prepared record is
 * used once) and checks every lookup's target; returns the record errors.
 */
export function resolveReferences(store: RecordStore, prepared: PreparedRecord): SfError[] {
  const errors = prepared.errors;
  for (const ref of prepared.refs) {
    const hits = store.findByExternalId(ref.target, ref.extField, ref.value);
    if (hits.length === 1) {
      prepared.fields.push(ref.field);
      prepared.values.push(hits[0] as string);
    } else errors.push(unmatchedParent(ref, hits.length));
  }
  prepared.refs = [];
  const { fields, values } = prepared;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as FieldDef;
    const value = values[i] ?? null;
    if (field.type !== 'reference' || value === null) continue;
    const error = lookupError(store, field, String(value));
    if (error) errors.push(error);
  }
  return errors;
}
