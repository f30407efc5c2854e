// Check (c): permission sets reference only fields and objects that exist, and every non-required custom
// field is covered where it must be.

import path from 'node:path';
import { parseMetadata, text } from './metadata-files.js';
import type { ObjectIndex } from './object-index.js';

export interface FieldPermission {
  field: string;
  readable: boolean;
  editable: boolean;
}

export interface ParsedPermissionSet {
  name: string;
  fields: Map<string, FieldPermission>;
  objects: Set<string>;
  classes: Set<string>;
}

/** Objects every org the base package deploys to has. */
export const STANDARD_OBJECTS: ReadonlySet<string> = new Set(['Account', 'Product2']);
/** Objects every org force-app-cpq deploys to has: standard ones with Orders, and Salesforce CPQ's subscription. */
export const CPQ_ORG_OBJECTS: ReadonlySet<string> = new Set([
  ...STANDARD_OBJECTS,
  'Contact',
  'Contract',
  'Order',
  'SBQQ__Subscription__c',
]);

export function readPermissionSet(file: string): ParsedPermissionSet {
  const root = parseMetadata(file);
  const fields = new Map<string, FieldPermission>();
  for (const entry of (root['fieldPermissions'] ?? []) as Array<Record<string, unknown[]>>) {
    const field = text(entry, 'field') ?? '';
    fields.set(field, {
      field,
      readable: text(entry, 'readable') === 'true',
      editable: text(entry, 'editable') === 'true',
    });
  }
  const objects = new Set(
    ((root['objectPermissions'] ?? []) as Array<Record<string, unknown[]>>).map(
      (entry) => text(entry, 'object') ?? '',
    ),
  );
  const classes = new Set(
    ((root['classAccesses'] ?? []) as Array<Record<string, unknown[]>>).map(
      (entry) => text(entry, 'apexClass') ?? '',
    ),
  );
  return { name: path.basename(file).replace(/\.permissionset-meta\.xml$/, ''), fields, objects, classes };
}

/**
 * Field and object references that point at nothing in the package directory (or, for objects, in
 * `orgObjects`, what the target org has anyway), or at a field that cannot carry FLS.
 */
export function findDanglingReferences(
  set: ParsedPermissionSet,
  index: ObjectIndex,
  orgObjects: ReadonlySet<string> = STANDARD_OBJECTS,
): string[] {
  const problems: string[] = [];
  for (const reference of set.fields.keys()) {
    const [objectName = '', fieldName = ''] = reference.split('.');
    const field = index.get(objectName)?.fields.get(fieldName);
    if (!field) problems.push(`${set.name}: field ${reference} does not exist in force-app`);
    else if (field.required)
      problems.push(
        `${set.name}: field ${reference} is required/master-detail and cannot carry field permissions`,
      );
  }
  for (const objectName of set.objects) {
    if (!orgObjects.has(objectName) && !index.get(objectName)?.hasObjectFile) {
      problems.push(`${set.name}: object ${objectName} does not exist in force-app`);
    }
  }
  return problems;
}

/**
 * Non-required custom fields without access. Custom metadata types and platform events are left out: their
 * fields carry no field-level security.
 */
export function findUncoveredFields(
  set: ParsedPermissionSet,
  index: ObjectIndex,
  level: 'read' | 'edit',
): string[] {
  const missing: string[] = [];
  for (const [objectName, object] of index) {
    if (objectName.endsWith('__mdt') || objectName.endsWith('__e')) continue;
    for (const [fieldName, field] of object.fields) {
      if (field.required) continue;
      const permission = set.fields.get(`${objectName}.${fieldName}`);
      const ok = permission?.readable === true && (level === 'read' || permission.editable);
      if (!ok) missing.push(`${objectName}.${fieldName}`);
    }
  }
  return missing;
}
