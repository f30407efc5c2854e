import { describe, expect, it } from 'vitest';
import { ref, type ObjectMap } from '../../src/mapping/field-map.js';
import { deferredObjects, loadOrder } from '../../src/mapping/load-order.js';
import { objectMaps } from '../../src/mapping/object-maps.js';

describe('loadOrder', () => {
  for (const scope of ['accounts', 'catalog'] as const) {
    it(`puts every ${scope} parent in an earlier group than its children`, () => {
      const groups = loadOrder({ scope });
      const groupOf = new Map(groups.flatMap((g, i) => g.map((o) => [o, i] as const)));
      const maps = objectMaps.filter((m) => m.scope === scope);
      expect([...groupOf.keys()].sort()).toEqual(maps.map((m) => m.salesforceObject).sort());
      for (const m of maps) {
        for (const r of m.references.filter(
          (x) => !x.deferred && groupOf.has(x.target) && x.target !== m.salesforceObject,
        )) {
          expect(groupOf.get(r.target), `${r.target} before ${m.salesforceObject}`).toBeLessThan(
            groupOf.get(m.salesforceObject) as number,
          );
        }
      }
    });
  }

  it('starts accounts with the objects that reference nothing and catalog with products', () => {
    expect(loadOrder({ scope: 'accounts' })[0]).toEqual(['PaymentTerm__c', 'UnitOfMeasure__c']);
    expect(loadOrder({ scope: 'accounts' })[1]).toEqual(['CustomerAccount__c']);
    expect(loadOrder({ scope: 'catalog' })[0]).toEqual([
      'Product2',
      'Product__c',
      'ZFeature__c',
      'ZUnitOfMeasure__c',
    ]);
  });

  it('leaves deferred references to a second pass', () => {
    expect(deferredObjects({ scope: 'accounts' })).toEqual(['CustomerAccount__c']);
    expect(deferredObjects({ scope: 'catalog' })).toEqual([]);
  });

  it('names the objects of a reference cycle', () => {
    const pair = (object: string, target: string): ObjectMap => ({
      name: `X:${object}`,
      zuoraObject: 'X',
      salesforceObject: object,
      scope: 'accounts',
      source: 'test',
      externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
      fields: [],
      references: [ref('ParentId', `${target.replace(/__c$/, '')}__r`, target)],
    });
    expect(() => loadOrder({ maps: [pair('A__c', 'B__c'), pair('B__c', 'A__c')] })).toThrow(
      'reference cycle among A__c, B__c',
    );
  });
});
