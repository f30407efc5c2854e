import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadForceAppSchema, parseFieldMeta } from '../../src/mapping/force-app-schema.js';

const meta = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>`;

describe('force-app field metadata', () => {
  it('reads text length and external ids', () => {
    expect(
      parseFieldMeta(
        meta(
          '<fullName>External_Id__c</fullName><externalId>true</externalId><length>32</length><type>Text</type>',
        ),
        'x',
      ),
    ).toEqual({ name: 'External_Id__c', type: 'Text', length: 32, externalId: true });
  });
  it('reads number precision/scale, lookups and restricted picklists', () => {
    expect(
      parseFieldMeta(
        meta('<fullName>Balance__c</fullName><precision>18</precision><scale>2</scale><type>Currency</type>'),
        'x',
      ),
    ).toEqual({
      name: 'Balance__c',
      type: 'Currency',
      precision: 18,
      scale: 2,
    });
    expect(
      parseFieldMeta(
        meta('<fullName>Account__c</fullName><referenceTo>Account</referenceTo><type>Lookup</type>'),
        'x',
      ),
    ).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Account',
    });
    const picklist = parseFieldMeta(
      meta(
        '<fullName>Status__c</fullName><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition>' +
          '<value><fullName>Synced</fullName><default>false</default><label>Synced</label></value>' +
          '<value><fullName>Failed</fullName><default>false</default><label>Failed</label></value>' +
          '</valueSetDefinition></valueSet>',
      ),
      'x',
    );
    expect(picklist).toEqual({
      name: 'Status__c',
      type: 'Picklist',
      length: 255,
      picklistValues: ['Synced', 'Failed'],
    });
    expect(
      parseFieldMeta(meta('<fullName>F__c</fullName><formula>1+1</formula><type>Number</type>'), 'x').type,
    ).toBe('Formula');
  });
  it('reads object folders, the Name field type, and tolerates a missing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'objects-'));
    mkdirSync(join(dir, 'Thing__c', 'fields'), { recursive: true });
    writeFileSync(
      join(dir, 'Thing__c', 'Thing__c.object-meta.xml'),
      '<CustomObject><nameField><label>Thing</label><type>AutoNumber</type></nameField></CustomObject>',
    );
    writeFileSync(
      join(dir, 'Thing__c', 'fields', 'A__c.field-meta.xml'),
      meta('<fullName>A__c</fullName><type>Date</type>'),
    );
    const schema = loadForceAppSchema(dir);
    expect(schema.get('Thing__c')?.fields.get('Name')?.type).toBe('AutoNumber');
    expect(schema.get('Thing__c')?.fields.get('A__c')?.type).toBe('Date');
    expect(loadForceAppSchema(join(dir, 'nowhere')).size).toBe(0);
  });
});
