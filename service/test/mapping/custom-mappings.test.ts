import { describe, expect, it } from 'vitest';
import { CustomMappingRegistry } from '../../src/mapping/custom-mapping-registry.js';
import { parseCustomMappings } from '../../src/mapping/custom-mappings.js';
import { schemaFromDescribe } from '../../src/mapping/describe-schema.js';
import { mapRecord } from '../../src/mapping/map-record.js';
import { forceAppSchema } from './force-app-objects.js';

// The org has two admin-created fields on the billing account (as a describe() would return them).
const described = schemaFromDescribe([
  {
    name: 'CustomerAccount__c',
    fields: [
      {
        name: 'Region__c',
        type: 'picklist',
        length: 255,
        restrictedPicklist: true,
        picklistValues: [
          { value: 'EMEA', active: true },
          { value: 'AMER', active: true },
          { value: 'APAC', active: false },
        ],
      },
      { name: 'Renewal_Date__c', type: 'date' },
      { name: 'Formula__c', type: 'string', calculated: true, length: 255 },
    ],
  },
]);
const schema = new Map(forceAppSchema);
const base = forceAppSchema.get('CustomerAccount__c');
if (base) {
  schema.set('CustomerAccount__c', {
    name: 'CustomerAccount__c',
    fields: new Map([...base.fields, ...(described.get('CustomerAccount__c')?.fields ?? new Map())]),
  });
}

const region = {
  zuoraObject: 'Account',
  zuoraField: 'Region__c',
  salesforceObject: 'CustomerAccount__c',
  salesforceField: 'Region__c',
};

describe('custom field mappings', () => {
  it('accepts an entry for an existing field and maps it', () => {
    const registry = new CustomMappingRegistry(schema);
    const result = registry.add(
      JSON.stringify({
        mappings: [region, { ...region, zuoraField: 'RenewalDate__c', salesforceField: 'Renewal_Date__c' }],
      }),
    );
    expect(result).toEqual({ ok: true, mappings: expect.any(Array) as unknown });
    const map = registry.maps().find((m) => m.name === 'Account:CustomerAccount__c');
    if (!map) throw new Error('no account map');
    const record = {
      Id: '2c92c0f8000000000000000000000001',
      CrmId: '001000000000001',
      Region__c: 'EMEA',
      RenewalDate__c: '2025-06-30',
    };
    const mapped = mapRecord(map, record, { schema });
    expect(mapped.ok && mapped.row).toMatchObject({ Region__c: 'EMEA', Renewal_Date__c: '2025-06-30' });
    const inactive = mapRecord(map, { ...record, Region__c: 'APAC' }, { schema });
    expect(!inactive.ok && inactive.error.code).toBe('INVALID_PICKLIST_VALUE');
  });

  it('refuses a Salesforce field that does not exist in the schema, by name', () => {
    const result = parseCustomMappings([{ ...region, salesforceField: 'Territory__c' }], schema);
    expect(result).toEqual({
      ok: false,
      errors: [
        'Account.Region__c -> CustomerAccount__c.Territory__c: the Salesforce field CustomerAccount__c.Territory__c does not exist in the schema; create it first',
      ],
    });
  });

  it('refuses unknown pairs, unwritable fields, mismatched transforms and fields already mapped', () => {
    const result = parseCustomMappings(
      [
        { ...region, zuoraObject: 'Invoice' },
        { ...region, salesforceField: 'Formula__c' },
        { ...region, transform: 'boolean' },
        { ...region, salesforceField: 'AccountNumber__c' },
      ],
      schema,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toContain(
      'Turbo Sync has no Invoice -> CustomerAccount__c pair (Invoice syncs to ZInvoice__c)',
    );
    expect(errors[1]).toContain('is a Formula field, which a sync cannot write');
    expect(errors[2]).toContain('transform boolean cannot write a Picklist field');
    expect(errors[3]).toContain('already written by the Account:CustomerAccount__c map');
  });

  it('refuses malformed JSON and entries that fail the schema, with the path', () => {
    const notJson = parseCustomMappings('{"mappings": [', schema);
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^custom mappings are not valid JSON/);
    const missing = parseCustomMappings({ mappings: [{ ...region, salesforceField: undefined }] }, schema);
    expect(!missing.ok && missing.errors.join('\n')).toContain('mappings.0.salesforceField');
    const badTransform = parseCustomMappings([{ ...region, transform: 'uppercase' }], schema);
    expect(badTransform.ok).toBe(false);
  });

  it('adds all of a document or nothing', () => {
    const registry = new CustomMappingRegistry(schema);
    const result = registry.add([region, { ...region, salesforceField: 'Nope__c' }]);
    expect(result.ok).toBe(false);
    expect(registry.list()).toEqual([]);
    expect(registry.add([region]).ok).toBe(true);
    expect(registry.add([region]).ok).toBe(false);
    expect(registry.list()).toHaveLength(1);
  });
});
