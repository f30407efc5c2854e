import { describe, expect, it } from 'vitest';
import { classifyItems } from '../../../src/cpq/rules/classify-items.js';
import { bundle, item, oneTimeItem, subscription, usageParts } from './cpq-fixtures.js';

describe('classify items (subscription vs order line item)', () => {
  it('puts a subscription product into its CPQ subscription and a one-time product into an order line item', () => {
    const r = classifyItems(bundle({ items: [item(), oneTimeItem()] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.subscriptions.map((g) => [g.subscription.Name, g.items.map((i) => i.Id)])).toEqual([
      ['SUB-0000001', ['802000000000001AAA']],
    ]);
    expect(r.value.lineItems.map((i) => i.Id)).toEqual(['802000000000009AAA']);
    expect(r.value.uncontracted).toEqual([]);
  });

  it('makes one Zuora subscription per CPQ subscription, grouping items that share one', () => {
    const second = subscription({ Id: 'a0x000000000002AAA', Name: 'SUB-0000002' });
    const items = [
      item(),
      item({ Id: '802000000000002AAA', SBQQ__Subscription__c: 'a0x000000000002AAA' }),
      item({ Id: '802000000000003AAA' }),
    ];
    const r = classifyItems(bundle({ items, subscriptions: [subscription(), second] }));
    expect(r.ok && r.value.subscriptions.map((g) => [g.subscription.Name, g.items.length])).toEqual([
      ['SUB-0000001', 2],
      ['SUB-0000002', 1],
    ]);
  });

  it('leaves a subscription product without its SBQQ__Subscription__c to the readiness gate', () => {
    const r = classifyItems(bundle({ items: [item({ SBQQ__Subscription__c: null })], subscriptions: [] }));
    expect(r.ok && r.value.uncontracted.map((i) => i.Id)).toEqual(['802000000000001AAA']);
  });

  it('keeps a usage product with a subscription as a subscription item', () => {
    const u = usageParts();
    const r = classifyItems(
      bundle({ ...u, items: [u.item], subscriptions: [u.subscription], products: [u.product] }),
    );
    expect(r.ok && r.value.subscriptions.map((g) => g.subscription.Name)).toEqual(['SUB-0000005']);
  });

  it('refuses usage on an order line item (CPQ-E010), naming the order product', () => {
    const u = usageParts();
    const usageOneTime = oneTimeItem({ Id: '802000000000005AAA', OrderItemNumber: '0000000005' });
    const r = classifyItems(bundle({ ...u, items: [usageOneTime], subscriptions: [] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CPQ-E010');
    expect(r.error.record).toEqual({
      object: 'OrderItem',
      id: '802000000000005AAA',
      field: 'SBQQ__Subscription__c',
    });
    expect(r.error.message).toContain('0000000005');
  });

  it('refuses a subscription the order product names but the bundle lacks (CPQ-E003)', () => {
    const r = classifyItems(bundle({ subscriptions: [] }));
    expect(!r.ok && r.error.code).toBe('CPQ-E003');
  });

  it('refuses a Do Not Contract subscription product (CPQ-E003) and a ramp segment (CPQ-E016)', () => {
    const dnc = item({ SBQQ__Subscription__c: null, SBQQ__ContractingMethod__c: 'Do Not Contract' });
    expect(((r) => !r.ok && r.error.code)(classifyItems(bundle({ items: [dnc] })))).toBe('CPQ-E003');
    const mdq = item({ SBQQ__SegmentKey__c: 'seg-1' });
    expect(((r) => !r.ok && r.error.code)(classifyItems(bundle({ items: [mdq] })))).toBe('CPQ-E016');
  });
});
