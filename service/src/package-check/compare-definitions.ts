// Which of the package's objects, fields, relationship names and Apex already exist in an org with another
// definition: what a deployment would silently overwrite, or would fail on. Pure, so it is tested with plain data.
//  - object: exists with another label or another kind of name field, or without the package's key field (an
//    object of another application, whose records the sync would mix with Zuora's);
//  - field: exists with another type, size, reference, master-detail setting, or external id/unique flag;
//  - relationship: the parent already has a child relationship of that name, from another object or field;
//  - Apex class or trigger: exists, un-namespaced, with another body.
// Labels of fields, descriptions, help texts and fields the org added to an object are customisations the
// package leaves alone, so they are not reported.
import type { OrgDefinition, OrgField, OrgObject } from './org-definition.js';
import type { PackageDefinition, PackageField, PackageObject } from './package-definition.js';

export interface Collision {
  readonly kind: 'object' | 'field' | 'relationship' | 'apex class' | 'apex trigger';
  readonly name: string;
  readonly detail: string;
}

const sized = new Set(['string', 'textarea', 'encryptedstring']);
const numeric = new Set(['double', 'currency', 'percent', 'int']);

function shape(field: Pick<PackageField, 'type' | 'length' | 'precision' | 'scale' | 'referenceTo'>): string {
  if (sized.has(field.type)) return `${field.type}(${String(field.length)})`;
  if (numeric.has(field.type)) return `${field.type}(${String(field.precision)},${String(field.scale)})`;
  if (field.type === 'reference') return `reference to ${field.referenceTo ?? '?'}`;
  return field.type;
}

function orgShape(field: OrgField): string {
  return shape({ ...field, referenceTo: field.referenceTo.join('|') || null });
}

function fieldDifference(pkg: PackageField, org: OrgField): string | null {
  if (shape(pkg) !== orgShape(org)) return `exists as ${orgShape(org)}; the package defines ${shape(pkg)}`;
  if (pkg.type === 'reference' && pkg.masterDetail !== org.cascadeDelete) {
    const kind = (md: boolean) => (md ? 'master-detail' : 'lookup');
    return `exists as a ${kind(org.cascadeDelete)}; the package defines a ${kind(pkg.masterDetail)}`;
  }
  if (pkg.externalId !== org.externalId || (sized.has(pkg.type) && pkg.unique !== org.unique)) {
    const flags = (x: boolean, u: boolean) =>
      [x ? 'external id' : 'not external id', u ? 'unique' : 'not unique'].join(', ');
    return `exists as ${flags(org.externalId, org.unique)}; the package defines ${flags(pkg.externalId, pkg.unique)}`;
  }
  return null;
}

function objectCollisions(pkg: PackageObject, org: OrgObject): Collision[] {
  if (!pkg.defined) return [];
  const found: Collision[] = [];
  const named = (detail: string): Collision => ({ kind: 'object', name: pkg.name, detail });
  if (pkg.label !== null && pkg.label !== org.label)
    found.push(named(`exists with the label "${org.label}"; the package's is "${pkg.label}"`));
  const orgName = org.fields.find((f) => f.name === 'Name');
  if (orgName !== undefined && orgName.autoNumber !== pkg.autoNumberName) {
    const kind = (auto: boolean) => (auto ? 'an auto-number' : 'a text');
    found.push(
      named(`exists with ${kind(orgName.autoNumber)} Name; the package's is ${kind(pkg.autoNumberName)}`),
    );
  }
  if (pkg.keyField !== null && !org.fields.some((f) => f.name.toLowerCase() === pkg.keyField?.toLowerCase()))
    found.push(
      named(
        `exists without the package's key ${pkg.keyField}: it is another application's object, whose records the sync would mix with Zuora's`,
      ),
    );
  return found;
}

function relationshipCollisions(pkg: PackageDefinition, org: OrgDefinition): Collision[] {
  const found: Collision[] = [];
  for (const field of pkg.objects.flatMap((o) => o.fields)) {
    if (field.referenceTo === null || field.childRelationshipName === null) continue;
    const parent = org.objects.get(field.referenceTo.toLowerCase());
    const taken = parent?.childRelationships.find(
      (r) =>
        r.relationshipName?.toLowerCase() === field.childRelationshipName?.toLowerCase() &&
        !(
          r.childSObject.toLowerCase() === field.object.toLowerCase() &&
          r.field.toLowerCase() === field.name.toLowerCase()
        ),
    );
    if (parent === undefined || taken === undefined) continue;
    found.push({
      kind: 'relationship',
      name: `${parent.name}.${field.childRelationshipName}`,
      detail: `already used by ${taken.childSObject}.${taken.field}; the package's ${field.object}.${field.name} needs it`,
    });
  }
  return found;
}

const normalised = (body: string): string => body.replace(/\r\n/g, '\n').trim();

/** Every collision, one per object, field, relationship name or Apex class/trigger, in package order. */
export function findCollisions(pkg: PackageDefinition, org: OrgDefinition): Collision[] {
  const found: Collision[] = [];
  for (const object of pkg.objects) {
    const orgObject = org.objects.get(object.name.toLowerCase());
    if (orgObject === undefined) continue;
    found.push(...objectCollisions(object, orgObject));
    const orgFields = new Map(orgObject.fields.map((f) => [f.name.toLowerCase(), f]));
    for (const field of object.fields) {
      const orgField = orgFields.get(field.name.toLowerCase());
      const difference = orgField === undefined ? null : fieldDifference(field, orgField);
      if (difference !== null)
        found.push({ kind: 'field', name: `${object.name}.${field.name}`, detail: difference });
    }
  }
  found.push(...relationshipCollisions(pkg, org));
  for (const apex of pkg.apex) {
    const existing = org.apex.get(`${apex.kind}:${apex.name.toLowerCase()}`);
    if (existing === undefined || normalised(existing.Body ?? '') === normalised(apex.body)) continue;
    found.push({
      kind: apex.kind === 'class' ? 'apex class' : 'apex trigger',
      name: apex.name,
      detail: `exists with another body (${String((existing.Body ?? '').length)} characters); deploying would replace it`,
    });
  }
  return found;
}

export function formatCollision(collision: Collision): string {
  return `${collision.kind} ${collision.name}: ${collision.detail}`;
}
