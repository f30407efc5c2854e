import type { FieldDef, FieldType } from '../schema/schema-types.js';
import { coerceValue, type Coerced } from '../store/coerce-value.js';

// Bulk uploads repeat the same few values in most columns (picklists, dates, owners, parent Ids):
// each distinct text is coerced once per batch, which saves the regular expressions and Date work
// per row. Coercion depends on the field and the text only, so a cached result is the same result.

const repetitive = new Set<FieldType>([
  'boolean',
  'date',
  'datetime',
  'picklist',
  'multipicklist',
  'reference',
  'id',
]);
const MAX_ENTRIES = 4096;

export class CoerceCache {
  private readonly byField = new Map<FieldDef, Map<string, Coerced>>();

  coerce(field: FieldDef, raw: string): Coerced {
    if (!repetitive.has(field.type)) return coerceValue(field, raw, true);
    let cache = this.byField.get(field);
    if (!cache) this.byField.set(field, (cache = new Map<string, Coerced>()));
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = coerceValue(field, raw, true);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(raw, hit);
    }
    return hit;
  }
}
