import type { ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from './record-store.js';
import type { SfValue } from './sf-error.js';

/**
 * Stores a generated record as given, history included (CreatedDate, ActivatedDate, auto-numbers),
 * for seeded scenarios only: no validation and no automation, since the generator writes the state
 * an org would have reached. Auto-number counters move past loaded numbers so later API inserts
 * never repeat one.
 */
export function loadRecord(store: RecordStore, def: ObjectDef, values: Record<string, SfValue>): void {
  const table = store.table(def);
  const id = values.Id;
  if (typeof id !== 'string' || id.slice(0, 3) !== def.keyPrefix || table.live.has(id))
    throw new Error(`loadRecord: ${def.name} needs a fresh Id of its own key prefix, got ${String(id)}`);
  const record = table.blank();
  for (const [name, value] of Object.entries(values)) {
    if (!def.fieldsByLower.has(name.toLowerCase()))
      throw new Error(`loadRecord: no field ${name} on ${def.name}`);
    record[name] = value;
  }
  table.live.set(id, record);
  for (const index of table.indexes) index.add(record[index.field.name] ?? null, id);
  for (const f of table.autoNumberFields) {
    const n = Number(/(\d+)$/.exec(String(record[f.name] ?? ''))?.[1] ?? 0);
    if (n > table.autoNumber) table.autoNumber = n;
  }
}
