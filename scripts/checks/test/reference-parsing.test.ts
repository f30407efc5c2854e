import { describe, expect, it } from 'vitest';
import { isLegalCustomName, toPackageName } from '../reference/api-names.js';
import { fieldsByObject, parseMappingTables } from '../reference/mapping-tables.js';
import { loadMappingTables } from '../reference/load-reference.js';
import { parseSchemaTypes } from '../reference/schema-types.js';

describe('the prefix-dropping rule', () => {
  it('drops the Zuora and zqu namespaces whatever their case, and keeps standard names', () => {
    expect(toPackageName('Zuora__CustomerAccount__c')).toBe('CustomerAccount__c');
    expect(toPackageName('zqu__ProductRatePlan__c')).toBe('ProductRatePlan__c');
    expect(toPackageName('zuora__ApplyDiscountTo__c')).toBe('ApplyDiscountTo__c');
    expect(toPackageName('Zqu__ZProduct__c')).toBe('ZProduct__c');
    expect(toPackageName('Name')).toBe('Name');
    expect(toPackageName('')).toBeNull();
  });

  it('strips annotations and stray spaces and applies the documented corrections', () => {
    expect(toPackageName('Zuora__External_Id__c (External ID)')).toBe('External_Id__c');
    expect(toPackageName('zqu__ EffectiveStartDate__c')).toBe('EffectiveStartDate__c');
    expect(toPackageName('Zuora__Invoice__Balance__Amount__c')).toBe('Invoice_Balance_Amount__c');
    expect(toPackageName('zqu__SyncStatus__chi')).toBe('SyncStatus__c');
  });

  it('yields only legal custom names for every documented field', () => {
    const illegal = [...fieldsByObject(loadMappingTables())]
      .flatMap(([object, fields]) => [...fields.keys()].map((field) => `${object}.${field}`))
      .filter((name) => !name.endsWith('.Name') && !isLegalCustomName(name.split('.')[1] ?? ''));
    expect(illegal).toEqual([]);
  });
});

describe('parseMappingTables', () => {
  const markdown = [
    '#### Credit Memo: Zuora__CreditMemo__c (Account)',
    'Source: https://example.invalid/credit-memo',
    '',
    '| Zuora field | Salesforce field | Note |',
    '|---|---|---|',
    '| Credit Memo Number | `Name` |  |',
    '| External Id | `Zuora__External_Id__c (External ID)` | key |',
    '| Currency | `` | CurrencyIsoCode |',
    '## Next part',
    '| Stray | `Zuora__NotInATable__c` |',
  ].join('\n');

  it('reads the heading, source and rows of each table, and nothing outside tables', () => {
    const [table, ...rest] = parseMappingTables(markdown);
    expect(rest).toEqual([]);
    expect(table?.objectName).toBe('CreditMemo__c');
    expect(table?.zuoraObject).toBe('Credit Memo');
    expect(table?.source).toBe('https://example.invalid/credit-memo');
    expect(table?.rows.map((row) => [row.apiName, row.externalId])).toEqual([
      ['Name', false],
      ['External_Id__c', true],
      [null, false],
    ]);
  });

  it('finds every table of the vendored references', () => {
    const objects = new Set(loadMappingTables().map((table) => table.objectName));
    expect(objects.size).toBe(33);
    for (const name of [
      'CustomerAccount__c',
      'SubscriptionChargeTierHistory__c',
      'Product2',
      'ProductRatePlanChargeTier__c',
    ]) {
      expect(objects).toContain(name);
    }
  });
});

describe('parseSchemaTypes', () => {
  it('reads field types and relationship targets without prefixes', () => {
    const schema = parseSchemaTypes(
      '- **Zuora__Refund__c** — `Zuora__Amount__c` (Double), `Zuora__Payment__c` (String), `Zuora__Payment__r` (→Zuora__Payment__c), `Zuora__Refunds__r` (child rel.)',
    );
    expect(schema.get('Refund__c')?.get('Amount__c')).toEqual({ type: 'Double' });
    expect(schema.get('Refund__c')?.get('Payment__c')).toEqual({ type: 'String', referenceTo: 'Payment__c' });
    expect(schema.get('Refund__c')?.has('Refunds__c')).toBe(false);
  });
});
