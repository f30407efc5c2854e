import { describe, expect, it } from 'vitest';
import { objectMaps } from '../../src/mapping/object-maps.js';
import type { SalesforceField, SalesforceSchema } from '../../src/mapping/salesforce-schema.js';
import { checkMapsAgainstSchema, formatSchemaIssues } from '../../src/mapping/schema-check.js';
import { forceAppSchema } from './force-app-objects.js';

/** The package schema with one object's fields edited. */
function edited(object: string, edit: (fields: Map<string, SalesforceField>) => void): SalesforceSchema {
  const fields = new Map(forceAppSchema.get(object)?.fields);
  edit(fields);
  return new Map(forceAppSchema).set(object, { name: object, fields });
}

describe('checkMapsAgainstSchema', () => {
  it('names a missing object, a missing field, a wrong type, a key that is not an External ID and a wrong lookup', () => {
    const withoutObject = new Map(forceAppSchema);
    withoutObject.delete('RefundPart__c');
    expect(formatSchemaIssues(checkMapsAgainstSchema(withoutObject, objectMaps))).toBe(
      'RefundPart__c.*: missing object (RefundPart__c is not in the schema) [RefundPart:RefundPart__c]',
    );

    const broken = edited('CustomerAccount__c', (fields) => {
      fields.delete('AccountNumber__c');
      fields.set('AutoPay__c', { name: 'AutoPay__c', type: 'Formula' });
      fields.set('External_Id__c', { name: 'External_Id__c', type: 'Text', length: 32 });
      fields.set('Account__c', { name: 'Account__c', type: 'Lookup', referenceTo: 'Contact' });
    });
    const issues = checkMapsAgainstSchema(broken, objectMaps);
    const own = issues
      .filter((i) => i.object === 'CustomerAccount__c')
      .map((i) => `${i.field}: ${i.problem}`);
    expect(own).toEqual([
      'External_Id__c: not an external id',
      'AccountNumber__c: missing field',
      'AutoPay__c: incompatible type',
      'Account__c: wrong lookup',
      'Parent__c: not an external id',
    ]);
    // Children reference the billing account by its key, which is no longer an External ID.
    const children = issues.filter((i) => i.object !== 'CustomerAccount__c');
    expect(children.length).toBeGreaterThan(5);
    for (const i of children)
      expect(i.detail).toBe('CustomerAccount__c.External_Id__c must be an External ID field');
  });

  it('finds nothing to report in the package as generated', () => {
    expect(formatSchemaIssues(checkMapsAgainstSchema(forceAppSchema, objectMaps))).toBe('');
  });
});
