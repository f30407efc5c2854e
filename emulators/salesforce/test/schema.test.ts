import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema/build-schema.js';
import { readPackageMetadata } from '../src/schema/metadata-reader.js';
import { DEFAULT_FORCE_APP_DIR } from '../src/emulator-options.js';
import { fixtureForceApp } from './helpers.js';

describe('schema from package metadata', () => {
  const schema = buildSchema(readPackageMetadata(fixtureForceApp));
  const ca = schema.byLower.get('customeraccount__c');

  it('maps every supported field type to its describe type', () => {
    const type = (name: string) => ca?.fieldsByLower.get(name.toLowerCase());
    expect(type('External_Id__c')).toMatchObject({
      type: 'string',
      length: 32,
      externalId: true,
      unique: true,
    });
    expect(type('Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
    });
    expect(type('Status__c')).toMatchObject({
      type: 'picklist',
      restrictedPicklist: true,
      picklistValues: ['Active', 'Canceled'],
    });
    expect(type('Region__c')).toMatchObject({ type: 'picklist', restrictedPicklist: false });
    expect(type('Channels__c')).toMatchObject({ type: 'multipicklist', restrictedPicklist: true });
    expect(type('Balance__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(type('Discount__c')).toMatchObject({ type: 'percent' });
    expect(type('Bill_Cycle_Day__c')).toMatchObject({ type: 'double', precision: 2, scale: 0 });
    expect(type('Auto_Pay__c')).toMatchObject({ type: 'boolean', defaultValue: false });
    expect(type('Activated_On__c')?.type).toBe('date');
    expect(type('Last_Synced_At__c')?.type).toBe('datetime');
    expect(type('Notes__c')).toMatchObject({ type: 'textarea', length: 255 });
    expect(type('Last_Sync_Error__c')).toMatchObject({ type: 'textarea', length: 32768 });
    expect(type('Summary__c')).toMatchObject({ type: 'textarea', htmlFormatted: true });
    expect(type('Bill_To_Email__c')?.type).toBe('email');
    expect(type('Phone__c')?.type).toBe('phone');
    expect(type('Portal__c')?.type).toBe('url');
    expect(type('Balance_Label__c')).toMatchObject({
      calculated: true,
      createable: false,
      updateable: false,
    });
    expect(type('AccountNumber__c')).toMatchObject({ required: true });
  });

  it('reads master-detail, auto-number names, platform events and standard-object extensions', () => {
    const child = schema.byLower.get('sync_record_error__c');
    expect(child?.fieldsByLower.get('sync_history__c')).toMatchObject({
      cascadeDelete: true,
      required: true,
    });
    expect(child?.fieldsByLower.has('ownerid')).toBe(false);
    expect(schema.byLower.get('sync_history__c')?.fieldsByLower.get('name')).toMatchObject({
      autoNumber: true,
      createable: false,
    });
    expect(schema.byLower.get('sync_event__e')).toMatchObject({ isEvent: true });
    expect(schema.byLower.get('account')?.fieldsByLower.has('zuora_customer_number__c')).toBe(true);
    expect(schema.byLower.get('account')?.keyPrefix).toBe('001');
    expect(schema.byLower.get('product2')?.keyPrefix).toBe('01t');
  });

  it('gives custom objects stable key prefixes', () => {
    const again = buildSchema(readPackageMetadata(fixtureForceApp));
    expect(again.byLower.get('customeraccount__c')?.keyPrefix).toBe(ca?.keyPrefix);
    expect(ca?.keyPrefix).toMatch(/^a[0-9A-Za-z]{2}$/);
  });

  it('follows changes to the package metadata', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-schema-'));
    try {
      cpSync(fixtureForceApp, dir, { recursive: true });
      writeFileSync(
        join(dir, 'main/default/objects/CustomerAccount__c/fields/Tier__c.field-meta.xml'),
        '<?xml version="1.0"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Tier__c</fullName><label>Tier</label><type>Text</type><length>5</length></CustomField>',
      );
      const changed = buildSchema(readPackageMetadata(dir));
      expect(changed.byLower.get('customeraccount__c')?.fieldsByLower.get('tier__c')).toMatchObject({
        length: 5,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file of an unsupported field type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-schema-'));
    try {
      cpSync(fixtureForceApp, dir, { recursive: true });
      const file = join(dir, 'main/default/objects/CustomerAccount__c/fields/Where__c.field-meta.xml');
      writeFileSync(file, '<CustomField><fullName>Where__c</fullName><type>Location</type></CustomField>');
      expect(() => readPackageMetadata(dir)).toThrow(
        /Where__c\.field-meta\.xml: field type Location is not supported/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the real package in force-app', () => {
    const real = buildSchema(readPackageMetadata(DEFAULT_FORCE_APP_DIR));
    // The package may be in progress; it must at least parse, and its objects must carry their fields.
    for (const def of real.objects) expect(def.fieldsByLower.size).toBeGreaterThan(0);
  });
});
