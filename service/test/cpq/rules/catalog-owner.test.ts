import { describe, expect, it } from 'vitest';
import { isOwnProduct, unfinishedPlan, type FoundPlan } from '../../../src/cpq/rules/catalog-owner.js';
import { bundle, productSchedule } from './cpq-fixtures.js';

const product = '01t000000000005AAA';
const b = bundle({
  productSchedules: [
    productSchedule({ Id: '0sp000000000001AAA', ProductId: product }),
    productSchedule({ Id: '0sp000000000002AAA', ProductId: product }),
    productSchedule({ Id: '0sp000000000009AAA', ProductId: '01t000000000009AAA' }),
  ],
});
const plan = (id: string, ids: string[], charged = true): FoundPlan => ({
  id,
  externallyManagedPlanIds: ids,
  charged,
});

describe('whose catalog a product found by SKU is', () => {
  it('is the sync’s own when every rate plan carries an id of this Salesforce product', () => {
    expect(isOwnProduct(b, product, [plan('p1', ['0sp000000000001AAA'])])).toBe(true);
    expect(isOwnProduct(b, product, [plan('p1', [product]), plan('p2', ['x', '0sp000000000002AAA'])])).toBe(
      true,
    );
  });

  it('is kept in Zuora when a rate plan has no such id: none, another product’s, or a replaced schedule’s', () => {
    expect(isOwnProduct(b, product, [plan('p1', [])])).toBe(false);
    expect(isOwnProduct(b, product, [plan('p1', [product]), plan('p2', ['0sp000000000009AAA'])])).toBe(false);
    expect(isOwnProduct(b, product, [plan('p1', ['0sp000000000003AAA'])])).toBe(false);
  });

  it('finds a rate plan for the id left without its charge, not a finished one', () => {
    const plans = [plan('p1', ['0sp000000000001AAA']), plan('p2', ['0sp000000000002AAA'], false)];
    expect(unfinishedPlan(plans, '0sp000000000002AAA')).toBe('p2');
    expect(unfinishedPlan(plans, '0sp000000000001AAA')).toBeUndefined();
  });
});
