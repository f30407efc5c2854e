import { customKeyPrefix, eventKeyPrefix } from './key-prefix.js';
import type { PackageMetadata, PackageObject } from './metadata-reader.js';
import { indexObject, makeField, type ObjectDef, type Schema } from './schema-types.js';
import { standardObjects } from './standard-schema.js';
import { systemFields } from './system-fields.js';

function eventFields() {
  // Platform event system fields: https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm
  const ro = { createable: false, updateable: false, custom: false };
  return [
    makeField({ name: 'ReplayId', type: 'string', length: 255, ...ro }),
    makeField({ name: 'EventUuid', type: 'string', length: 36, ...ro }),
    makeField({ name: 'CreatedDate', type: 'datetime', ...ro }),
    makeField({ name: 'CreatedById', type: 'reference', length: 18, referenceTo: ['User'], ...ro }),
  ];
}

function metadataTypeFields() {
  const ro = { createable: false, updateable: false, custom: false };
  return [
    makeField({ name: 'Id', type: 'id', length: 18, ...ro }),
    makeField({ name: 'DeveloperName', type: 'string', length: 40, ...ro }),
    makeField({ name: 'MasterLabel', type: 'string', length: 40, ...ro }),
    makeField({ name: 'Label', type: 'string', length: 40, ...ro }),
    makeField({ name: 'QualifiedApiName', type: 'string', length: 70, ...ro }),
    makeField({ name: 'NamespacePrefix', type: 'string', length: 15, ...ro }),
  ];
}

function packageObject(obj: PackageObject, keyPrefix: string): ObjectDef {
  const readOnly = obj.kind === 'metadataType';
  const own = readOnly ? obj.fields.map((f) => ({ ...f, createable: false, updateable: false })) : obj.fields;
  const base =
    obj.kind === 'event'
      ? eventFields()
      : obj.kind === 'metadataType'
        ? metadataTypeFields()
        : [...systemFields({ owner: obj.hasOwner }), ...(obj.nameField ? [obj.nameField] : [])];
  return indexObject({
    name: obj.name,
    label: obj.label,
    labelPlural: obj.labelPlural,
    keyPrefix,
    custom: true,
    isEvent: obj.kind === 'event',
    isMetadataType: obj.kind === 'metadataType',
    fields: [...base, ...own],
  });
}

/** The org schema: standard objects, extended and joined by the package's own objects. */
export function buildSchema(metadata: PackageMetadata): Schema {
  const byLower = new Map<string, ObjectDef>();
  for (const def of standardObjects()) byLower.set(def.name.toLowerCase(), def);
  const taken = new Set([...byLower.values()].map((d) => d.keyPrefix));
  const sorted = [...metadata.objects].sort((a, b) => a.name.localeCompare(b.name));
  for (const obj of sorted) {
    const existing = byLower.get(obj.name.toLowerCase());
    if (obj.kind === 'standardExtension' || existing) {
      if (!existing) continue; // a standard object the emulator does not model: nothing to extend
      const known = new Set(existing.fields.map((f) => f.name.toLowerCase()));
      const added = obj.fields.filter((f) => !known.has(f.name.toLowerCase()));
      byLower.set(
        existing.name.toLowerCase(),
        indexObject({ ...existing, fields: [...existing.fields, ...added] }),
      );
      continue;
    }
    // Orgs give custom objects `a..`, platform events `e..` and custom metadata types `m..` prefixes.
    const prefix =
      obj.kind === 'event'
        ? eventKeyPrefix(obj.name, taken)
        : obj.kind === 'metadataType'
          ? `m${customKeyPrefix(obj.name, taken).slice(1)}`
          : customKeyPrefix(obj.name, taken);
    taken.add(prefix);
    byLower.set(obj.name.toLowerCase(), packageObject(obj, prefix));
  }
  const objects = [...byLower.values()];
  return { objects, byLower, byKeyPrefix: new Map(objects.map((o) => [o.keyPrefix, o])) };
}
