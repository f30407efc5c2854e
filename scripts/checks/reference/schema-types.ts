// Parses docs/reference/zuora360-schema-types.md: "- **Zuora__Payment__c** — `Zuora__Amount__c` (Double), ..."
// into object -> field -> WSDL type, names already without the namespace prefix.

import { toPackageName } from './api-names.js';

export type WsdlType = 'String' | 'Double' | 'Boolean' | 'Date' | 'Calendar';
export interface SchemaField {
  type: WsdlType;
  /** Parent object of a relationship (`Zuora__Account__r` (→Account)), without prefix. */
  referenceTo?: string;
}

const OBJECT_LINE = /^- \*\*([A-Za-z0-9_]+)\*\* — (.*)$/;
const FIELD = /`([A-Za-z0-9_]+)` \(([^)]+)\)/g;

export function parseSchemaTypes(markdown: string): Map<string, Map<string, SchemaField>> {
  const result = new Map<string, Map<string, SchemaField>>();
  for (const line of markdown.split(/\r?\n/)) {
    const match = OBJECT_LINE.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const objectName = toPackageName(match[1]);
    if (!objectName) continue;
    const fields = new Map<string, SchemaField>();
    const relationships = new Map<string, string>();
    for (const [, rawName = '', rawType = ''] of match[2].matchAll(FIELD)) {
      if (rawName.endsWith('__r')) {
        const target = /^→(.+)$/.exec(rawType)?.[1];
        const targetName = target ? toPackageName(target) : null;
        if (targetName) relationships.set(rawName.replace(/__r$/, '__c'), targetName);
        continue;
      }
      const name = toPackageName(rawName);
      if (name && isWsdlType(rawType)) fields.set(name, { type: rawType });
    }
    for (const [rawField, target] of relationships) {
      const name = toPackageName(rawField);
      const field = name ? fields.get(name) : undefined;
      if (name && field) fields.set(name, { ...field, referenceTo: target });
    }
    // The WSDL capitalises object names (Zqu__ProductRatePlan__c); keep this package's spelling.
    result.set(objectName, fields);
  }
  return result;
}

function isWsdlType(value: string): value is WsdlType {
  return ['String', 'Double', 'Boolean', 'Date', 'Calendar'].includes(value);
}
