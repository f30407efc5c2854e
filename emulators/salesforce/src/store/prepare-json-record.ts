import type { ObjectDef, Schema } from '../schema/schema-types.js';
import { coerceValue } from './coerce-value.js';
import type { ParentRef, PreparedRecord } from './prepared-record.js';
import { RequestError, type SfValue } from './sf-error.js';

// Turns a REST JSON record into prepared values. Unknown fields and values JSON cannot map to the
// field's type reject the whole request, as the REST API does while deserializing
// (`INVALID_FIELD` "No such column 'X' on sobject of type Y"; `JSON_PARSER_ERROR`).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm

export function noSuchColumn(def: ObjectDef, name: string): RequestError {
  return new RequestError('INVALID_FIELD', `No such column '${name}' on sobject of type ${def.name}`);
}

export function prepareJsonRecord(
  schema: Schema,
  def: ObjectDef,
  body: Record<string, unknown>,
): PreparedRecord {
  const prepared: PreparedRecord = { fields: [], values: [], refs: [], errors: [] };
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const lower = key.toLowerCase();
    const field = def.fieldsByLower.get(lower);
    if (field) {
      const coerced = coerceValue(field, raw, false);
      if (coerced.ok) {
        prepared.fields.push(field);
        prepared.values.push(coerced.value);
      } else if (coerced.javaType) {
        throw new RequestError(
          'JSON_PARSER_ERROR',
          `Cannot deserialize instance of ${coerced.javaType} from VALUE_STRING value ${String(raw)} or request may be missing a required field`,
        );
      } else prepared.errors.push(coerced.error);
      continue;
    }
    const refField = def.relationshipsByLower.get(lower);
    if (!refField || raw === null || typeof raw !== 'object' || Array.isArray(raw))
      throw noSuchColumn(def, key);
    prepared.refs.push(parentRef(schema, def, refField.name, refField, raw as Record<string, unknown>));
  }
  return prepared;
}

function parentRef(
  schema: Schema,
  def: ObjectDef,
  key: string,
  field: NonNullable<ReturnType<ObjectDef['relationshipsByLower']['get']>>,
  raw: Record<string, unknown>,
): ParentRef {
  const target = schema.byLower.get((field.referenceTo[0] ?? '').toLowerCase());
  if (!target) throw noSuchColumn(def, key);
  const entries = Object.entries(raw).filter(([k]) => k !== 'attributes');
  const [extName, value] = entries[0] ?? [];
  const extField = extName === undefined ? undefined : target.fieldsByLower.get(extName.toLowerCase());
  if (
    entries.length !== 1 ||
    !extField ||
    !(extField.externalId || extField.name === 'Id' || extField.unique)
  ) {
    throw new RequestError(
      'INVALID_FIELD',
      `The value provided for foreign key reference ${field.relationshipName} is not a nested SObject with exactly one external ID field of ${target.name}`,
    );
  }
  return { field, target, extField, value: (value ?? null) as SfValue };
}
