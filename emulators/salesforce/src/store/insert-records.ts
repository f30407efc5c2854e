import type { Schema } from '../schema/schema-types.js';
import { normalizeId } from '../../../shared/salesforce-id.js';
import { prepareJsonRecord } from './prepare-json-record.js';
import type { RecordStore } from './record-store.js';

/**
 * Inserts records with the same validation as the REST API; throws naming the record and the
 * error when one is refused (for seeds and the in-process API, where bad data is a caller bug).
 * Ids are assigned by the store (deterministic per object: 1, 2, 3...); an `Id` in the input is ignored.
 */
export function insertRecords(
  schema: Schema,
  store: RecordStore,
  objectName: string,
  records: Record<string, unknown>[],
): string[] {
  const def = schema.byLower.get(objectName.toLowerCase());
  if (!def) throw new Error(`insertRecords: unknown object ${objectName}`);
  return records.map((record, i) => {
    const { Id: presetId, ...rest } = record;
    const result = store.insert(
      def,
      prepareJsonRecord(schema, def, rest),
      typeof presetId === 'string' ? normalizeId(presetId) : undefined,
    );
    if (!result.ok) {
      const detail = result.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ');
      throw new Error(`insertRecords: ${objectName} record ${i} refused: ${detail}`);
    }
    return result.id;
  });
}
