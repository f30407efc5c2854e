import { consumptionObjectSpecs } from './consumption-objects.js';
import { cpqObjectSpecs } from './cpq-objects.js';
import { orderObjectSpecs } from './order-objects.js';
import { indexObject, makeField, type FieldDef, type FieldType, type ObjectDef } from './schema-types.js';
import { standardObjectSpecs, type StandardObjectSpec } from './standard-objects.js';
import { systemFields } from './system-fields.js';
import { sharedValueSets } from './value-sets.js';

const numericTypes = new Set<FieldType>(['double', 'currency', 'percent', 'int']);

/** Every built-in object: the org's standard objects and the installed CPQ package's objects. */
export const builtInObjectSpecs: readonly StandardObjectSpec[] = [
  ...standardObjectSpecs,
  ...orderObjectSpecs,
  ...consumptionObjectSpecs,
  ...cpqObjectSpecs,
];

function defaultOf(type: FieldType, text: string | undefined): FieldDef['defaultValue'] {
  if (type === 'boolean') return text === 'true';
  if (text === undefined) return null;
  return numericTypes.has(type) ? Number(text) : text;
}

/**
 * Parses one field spec string (`Name type[:length|precision,scale] flags`) into a field definition.
 * Flags: `!` required, `u` unique, `x` external id, `r` read-only (set by the platform), `f` formula,
 * `U` update-only (not createable), `C` create-only (not updateable), `*` master-detail,
 * `->Target/Relationship[/ChildRelationship]` lookup, `#Format` auto-number, `=Value` default.
 */
export function parseFieldSpec(spec: string, picklists: Record<string, string[]> = {}): FieldDef {
  const [name, typeSpec, ...flags] = spec.split(' ');
  if (!name || !typeSpec) throw new Error(`bad field spec: ${spec}`);
  const [type, size] = typeSpec.split(':') as [FieldType, string | undefined];
  const [a, b] = (size ?? '').split(',').map(Number);
  const reference = flags.find((f) => f.startsWith('->'));
  const [target, relationshipName, childRelationshipName] = reference ? reference.slice(2).split('/') : [];
  const autoNumber = flags.find((f) => f.startsWith('#'))?.slice(1);
  const defaultText = flags.find((f) => f.startsWith('='))?.slice(1);
  const formula = flags.includes('f');
  const readOnly = flags.includes('r') || formula || autoNumber !== undefined || type === 'address';
  const masterDetail = flags.includes('*');
  const defaultValue = defaultOf(type, defaultText);
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
    required: flags.includes('!') && !readOnly && defaultValue === null,
    unique: flags.includes('u'),
    externalId: flags.includes('x'),
    referenceTo: target ? [target] : [],
    relationshipName: relationshipName ?? null,
    childRelationshipName: childRelationshipName ?? null,
    cascadeDelete: masterDetail,
    createable: !readOnly && !flags.includes('U'),
    updateable: !readOnly && !masterDetail && !flags.includes('C'),
    calculated: formula,
    autoNumber: autoNumber !== undefined,
    displayFormat: autoNumber ?? null,
    picklistValues: picklists[name] ?? [],
    restrictedPicklist: (picklists[name]?.length ?? 0) > 0,
    defaultValue,
    custom: name.endsWith('__c'),
  });
}

export function buildStandardObject(spec: StandardObjectSpec): ObjectDef {
  const picklists = { ...sharedValueSets, ...spec.picklists };
  const own = [...(spec.nameField ? [spec.nameField] : []), ...spec.fields].map((s) =>
    parseFieldSpec(s, picklists),
  );
  return indexObject({
    name: spec.name,
    label: spec.label,
    labelPlural: spec.labelPlural ?? `${spec.label}s`,
    keyPrefix: spec.keyPrefix,
    custom: spec.name.endsWith('__c'),
    isEvent: false,
    isMetadataType: false,
    fields: [...systemFields({ owner: spec.owner }), ...own],
  });
}

export function standardObjects(): ObjectDef[] {
  return builtInObjectSpecs.map(buildStandardObject);
}
