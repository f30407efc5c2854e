// The collision rules on plain data, and the package as check-org reads it from force-app.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCollisions, formatCollision } from '../../src/package-check/compare-definitions.js';
import type { OrgDefinition, OrgField, OrgObject } from '../../src/package-check/org-definition.js';
import {
  readPackageDefinition,
  type PackageDefinition,
  type PackageField,
} from '../../src/package-check/package-definition.js';

const pkgField = (over: Partial<PackageField>): PackageField => ({
  object: 'Thing__c',
  name: 'Code__c',
  type: 'string',
  length: 32,
  precision: 0,
  scale: 0,
  externalId: false,
  unique: false,
  referenceTo: null,
  masterDetail: false,
  childRelationshipName: null,
  ...over,
});
const orgField = (over: Partial<OrgField>): OrgField => ({
  name: 'Code__c',
  type: 'string',
  length: 32,
  precision: 0,
  scale: 0,
  externalId: false,
  unique: false,
  autoNumber: false,
  cascadeDelete: false,
  referenceTo: [],
  ...over,
});
const pkgOf = (
  fields: PackageField[],
  over: Partial<PackageDefinition['objects'][number]> = {},
): PackageDefinition => ({
  objects: [
    {
      name: 'Thing__c',
      defined: true,
      label: 'Thing',
      autoNumberName: false,
      keyField: null,
      fields,
      ...over,
    },
  ],
  apex: [],
});
const orgOf = (
  fields: OrgField[],
  over: Partial<OrgObject> = {},
  extra: OrgObject[] = [],
): OrgDefinition => ({
  objects: new Map(
    [
      { name: 'Thing__c', label: 'Thing', custom: true, fields, childRelationships: [], ...over },
      ...extra,
    ].map((o) => [o.name.toLowerCase(), o]),
  ),
  apex: new Map(),
});
const lines = (pkg: PackageDefinition, org: OrgDefinition) => findCollisions(pkg, org).map(formatCollision);

describe('findCollisions', () => {
  it("finds nothing when the org has the package's own definitions, or nothing of it", () => {
    const field = pkgField({ externalId: true, unique: true });
    expect(lines(pkgOf([field]), orgOf([orgField({ externalId: true, unique: true })]))).toEqual([]);
    expect(lines(pkgOf([field]), { objects: new Map(), apex: new Map() })).toEqual([]);
  });

  it('tells another label, another name field and a missing key field apart', () => {
    const pkg = pkgOf([pkgField({ externalId: true, unique: true, name: 'External_Id__c' })], {
      keyField: 'External_Id__c',
      autoNumberName: true,
    });
    const org = orgOf([orgField({ name: 'Name', autoNumber: false })], { label: 'Widget' });
    expect(lines(pkg, org)).toEqual([
      'object Thing__c: exists with the label "Widget"; the package\'s is "Thing"',
      "object Thing__c: exists with a text Name; the package's is an auto-number",
      "object Thing__c: exists without the package's key External_Id__c: it is another application's object, whose records the sync would mix with Zuora's",
    ]);
  });

  it('compares type, size, reference, master-detail and the external id flags, not labels', () => {
    expect(lines(pkgOf([pkgField({})]), orgOf([orgField({ length: 255 })]))).toEqual([
      'field Thing__c.Code__c: exists as string(255); the package defines string(32)',
    ]);
    const lookup = pkgField({ type: 'reference', length: 18, referenceTo: 'Account' });
    expect(
      lines(pkgOf([lookup]), orgOf([orgField({ type: 'reference', referenceTo: ['Contact'] })])),
    ).toEqual([
      'field Thing__c.Code__c: exists as reference to Contact; the package defines reference to Account',
    ]);
    expect(
      lines(
        pkgOf([lookup]),
        orgOf([orgField({ type: 'reference', referenceTo: ['Account'], cascadeDelete: true })]),
      ),
    ).toEqual(['field Thing__c.Code__c: exists as a master-detail; the package defines a lookup']);
    expect(lines(pkgOf([pkgField({ externalId: true, unique: true })]), orgOf([orgField({})]))).toEqual([
      'field Thing__c.Code__c: exists as not external id, not unique; the package defines external id, unique',
    ]);
    const number = pkgField({ type: 'double', precision: 18, scale: 4, length: 0 });
    expect(
      lines(pkgOf([number]), orgOf([orgField({ type: 'double', precision: 18, scale: 4, length: 0 })])),
    ).toEqual([]);
  });

  it('finds a child relationship name another object took on the parent', () => {
    const lookup = pkgField({
      type: 'reference',
      length: 18,
      name: 'Account__c',
      referenceTo: 'Account',
      childRelationshipName: 'Things__r',
    });
    const account: OrgObject = {
      name: 'Account',
      label: 'Account',
      custom: false,
      fields: [],
      childRelationships: [
        { childSObject: 'Thing__c', field: 'Account__c', relationshipName: 'Things__r' },
        { childSObject: 'Other__c', field: 'Account__c', relationshipName: 'Things__r' },
      ],
    };
    expect(lines(pkgOf([lookup]), { objects: new Map([['account', account]]), apex: new Map() })).toEqual([
      "relationship Account.Things__r: already used by Other__c.Account__c; the package's Thing__c.Account__c needs it",
    ]);
  });

  it('reports an un-namespaced Apex class or trigger with another body only', () => {
    const pkg: PackageDefinition = {
      objects: [],
      apex: [
        { kind: 'class', name: 'Same', body: 'public class Same {}\n' },
        { kind: 'class', name: 'Other', body: 'public class Other {}' },
        { kind: 'trigger', name: 'T', body: 'trigger T on Account (before insert) {}' },
      ],
    };
    const org: OrgDefinition = {
      objects: new Map(),
      apex: new Map([
        ['class:same', { Name: 'Same', NamespacePrefix: null, Body: 'public class Same {}\r\n' }],
        ['class:other', { Name: 'Other', NamespacePrefix: null, Body: 'public class Other { Integer x; }' }],
        ['trigger:t', { Name: 'T', NamespacePrefix: null, Body: 'trigger T on Contact (before insert) {}' }],
      ]),
    };
    expect(lines(pkg, org)).toEqual([
      'apex class Other: exists with another body (33 characters); deploying would replace it',
      'apex trigger T: exists with another body (39 characters); deploying would replace it',
    ]);
  });
});

describe('readPackageDefinition', () => {
  it('reads the package objects, relationship names and Apex from force-app', () => {
    const pkg = readPackageDefinition(fileURLToPath(new URL('../../../force-app', import.meta.url)));
    const invoice = pkg.objects.find((o) => o.name === 'ZInvoice__c');
    expect(invoice?.keyField).toBe('External_Id__c');
    expect(invoice?.fields.find((f) => f.name === 'Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: 'Account',
      childRelationshipName: 'Invoices__r',
    });
    expect(pkg.objects.find((o) => o.name === 'Product2')?.defined).toBe(false);
    expect(pkg.apex.map((a) => `${a.kind}:${a.name}`)).toEqual(
      expect.arrayContaining([
        'class:OnDemandSyncManager',
        'class:SyncResult',
        'trigger:SyncAuditEventTrigger',
      ]),
    );
  });
});
