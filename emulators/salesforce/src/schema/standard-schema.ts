import { indexObject, makeField, type FieldDef, type FieldType, type ObjectDef } from './schema-types.js';
import { standardObjectSpecs, type StandardObjectSpec } from './standard-objects.js';
import { systemFields } from './system-fields.js';

const numericTypes = new Set<FieldType>(['double', 'currency', 'percent', 'int']);

/** Parses one field spec string of standard-objects.ts into a field definition. */
export function parseFieldSpec(spec: string, picklists: Record<string, string[]> = {}): FieldDef {
  const [name, typeSpec, ...flags] = spec.split(' ');
  if (!name || !typeSpec) throw new Error(`bad field spec: ${spec}`);
  const [type, size] = typeSpec.split(':') as [FieldType, string | undefined];
  const [a, b] = (size ?? '').split(',').map(Number);
  const reference = flags.find((f) => f.startsWith('->'));
  const [target, relationshipName, childRelationshipName] = reference ? reference.slice(2).split('/') : [];
  const readOnly = flags.includes('r');
  const masterDetail = flags.includes('*');
  return makeField({
    name,
    label:
      name
        .replace(/__c$/, '')
        .replace(/^SBQQ__/, '')
        .replace(/Id$/, (m) => (reference ? '' : m)) || name,
    type,
    length: numericTypes.has(type) || type === 'boolean' || type.startsWith('date') ? 0 : (a ?? 0),
    precision: numericTypes.has(type) ? (a ?? 18) : 0,
    scale: numericTypes.has(type) ? (b ?? 0) : 0,
    required: flags.includes('!') && !readOnly,
    unique: flags.includes('u'),
    externalId: flags.includes('x'),
    referenceTo: target ? [target] : [],
    relationshipName: relationshipName ?? null,
    childRelationshipName: childRelationshipName ?? null,
    cascadeDelete: masterDetail,
    createable: !readOnly,
    updateable: !readOnly && !masterDetail,
    picklistValues: picklists[name] ?? [],
    restrictedPicklist: (picklists[name]?.length ?? 0) > 0,
    defaultValue: type === 'boolean' ? false : null,
    custom: name.endsWith('__c'),
  });
}

export function buildStandardObject(spec: StandardObjectSpec): ObjectDef {
  const own = [...(spec.nameField ? [spec.nameField] : []), ...spec.fields].map((s) =>
    parseFieldSpec(s, spec.picklists),
  );
  return indexObject({
    name: spec.name,
    label: spec.label,
    labelPlural: `${spec.label}s`,
    keyPrefix: spec.keyPrefix,
    custom: spec.name.endsWith('__c'),
    isEvent: false,
    isMetadataType: false,
    fields: [...systemFields({ owner: spec.owner }), ...own],
  });
}

export function standardObjects(): ObjectDef[] {
  return standardObjectSpecs.map(buildStandardObject);
}
