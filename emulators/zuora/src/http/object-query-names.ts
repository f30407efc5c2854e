// Object Query paths and field names: plural kebab-case resources (/object-query/rate-plan-charges) and
// camelCase fields (accountNumber, crmId). https://developer.zuora.com/api-references/api/tag/Object-Queries
import { kebabName, objectFields, objectNames, type ObjectName } from '../model/object-definitions.js';

const byPath = new Map<string, ObjectName>();
for (const name of objectNames) {
  const k = kebabName(name);
  byPath.set(`${k}s`, name);
  byPath.set(k, name);
}
byPath.set('units-of-measure', 'UnitOfMeasure');

export function objectForPath(path: string): ObjectName | undefined {
  return byPath.get(path.toLowerCase());
}

export function camel(field: string): string {
  if (/^[A-Z0-9]+$/.test(field)) return field.toLowerCase();
  const m = /^([A-Z]+)([A-Z][a-z].*)$/.exec(field);
  if (m) return m[1]!.toLowerCase() + m[2];
  return field.charAt(0).toLowerCase() + field.slice(1);
}

const camelIndex = new Map(
  objectNames.map((o) => [o, new Map(objectFields[o].map((f) => [camel(f).toLowerCase(), f]))] as const),
);

/** The PascalCase field for a camelCase (case-insensitive) Object Query field. */
export function fieldForCamel(object: ObjectName, name: string): string | undefined {
  return camelIndex.get(object)?.get(name.toLowerCase());
}
