// What a target org already has under the package's names, read through the REST API with jsforce: the
// global describe (which objects exist), the describe of each package object that exists and of each parent
// the package's relationships hang from, and the Apex classes and triggers named like the package's
// (ApexClass and ApexTrigger are queryable objects of every org:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_apexclass.htm).
// Every answer is parsed with zod before use.
import type jsforce from 'jsforce';
import { z } from 'zod';
import type { PackageDefinition } from './package-definition.js';

const globalDescribe = z.object({
  sobjects: z.array(z.object({ name: z.string(), label: z.string(), custom: z.boolean() })),
});

const fieldDescribe = z.object({
  name: z.string(),
  type: z.string(),
  length: z.number().default(0),
  precision: z.number().default(0),
  scale: z.number().default(0),
  externalId: z.boolean().default(false),
  unique: z.boolean().default(false),
  autoNumber: z.boolean().default(false),
  cascadeDelete: z.boolean().default(false),
  referenceTo: z.array(z.string()).default([]),
});

const objectDescribe = z.object({
  name: z.string(),
  label: z.string(),
  custom: z.boolean(),
  fields: z.array(fieldDescribe),
  childRelationships: z
    .array(z.object({ childSObject: z.string(), field: z.string(), relationshipName: z.string().nullable() }))
    .default([]),
});

const apexRecord = z.object({
  Name: z.string(),
  NamespacePrefix: z.string().nullable().optional(),
  Body: z.string().nullable().optional(),
});

export type OrgField = z.infer<typeof fieldDescribe>;
export type OrgObject = z.infer<typeof objectDescribe>;
export type OrgApex = z.infer<typeof apexRecord>;

export interface OrgDefinition {
  /** Describes by lower-cased object name, for the objects that exist. */
  readonly objects: ReadonlyMap<string, OrgObject>;
  /** Un-namespaced Apex classes and triggers named like the package's, by `class:name` / `trigger:name`. */
  readonly apex: ReadonlyMap<string, OrgApex>;
}

async function queryAll(conn: jsforce.Connection, soql: string): Promise<unknown[]> {
  let page = await conn.query(soql);
  const records: unknown[] = [...page.records];
  while (!page.done && page.nextRecordsUrl !== undefined) {
    page = await conn.queryMore(page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}

async function readApex(
  conn: jsforce.Connection,
  object: 'ApexClass' | 'ApexTrigger',
  names: readonly string[],
): Promise<OrgApex[]> {
  if (names.length === 0) return [];
  // Package Apex names are identifiers ([A-Za-z0-9_]), so they are safe inside the quoted IN list.
  const list = names.filter((n) => /^\w+$/.test(n)).map((n) => `'${n}'`);
  const records = await queryAll(
    conn,
    `SELECT Name, NamespacePrefix, Body FROM ${object} WHERE Name IN (${list.join(', ')})`,
  );
  return records.map((r) => apexRecord.parse(r)).filter((r) => (r.NamespacePrefix ?? '') === '');
}

export async function readOrgDefinition(
  conn: jsforce.Connection,
  pkg: PackageDefinition,
): Promise<OrgDefinition> {
  const existing = new Set(
    globalDescribe.parse(await conn.describeGlobal()).sobjects.map((o) => o.name.toLowerCase()),
  );
  const wanted = new Set<string>();
  for (const object of pkg.objects) {
    if (existing.has(object.name.toLowerCase())) wanted.add(object.name);
    for (const field of object.fields) {
      if (field.referenceTo !== null && existing.has(field.referenceTo.toLowerCase()))
        wanted.add(field.referenceTo);
    }
  }
  const objects = new Map<string, OrgObject>();
  for (const name of [...wanted].sort()) {
    const describe = objectDescribe.parse(await conn.describe(name));
    objects.set(describe.name.toLowerCase(), describe);
  }
  const apex = new Map<string, OrgApex>();
  for (const [kind, object] of [
    ['class', 'ApexClass'],
    ['trigger', 'ApexTrigger'],
  ] as const) {
    const names = pkg.apex.filter((a) => a.kind === kind).map((a) => a.name);
    for (const record of await readApex(conn, object, names))
      apex.set(`${kind}:${record.Name.toLowerCase()}`, record);
  }
  return { objects, apex };
}
