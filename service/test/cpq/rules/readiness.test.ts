import { describe, expect, it } from 'vitest';
import { byStartDate, readiness, type ReadinessContext } from '../../../src/cpq/rules/readiness.js';
import { bundle, item, order } from './cpq-fixtures.js';

const none: ReadinessContext = { revisedOrders: [], unsyncedAmendments: [] };
const amendment = bundle({
  order: order({
    Id: '801000000000002AAA',
    OrderNumber: '00000102',
    Type: 'Amendment',
    EffectiveDate: '2026-04-01',
  }),
  items: [
    item({
      Id: '802000000000021AAA',
      Quantity: 2,
      SBQQ__ContractAction__c: 'Quantity Increase',
      SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
    }),
  ],
});
const initial = {
  orderId: '801000000000001AAA',
  orderNumber: '00000101',
  effectiveDate: '2026-01-01',
  itemIds: ['802000000000001AAA'],
};

describe('readiness gate', () => {
  it('is Ready for a contracted new order', () => {
    expect(readiness(bundle(), none)).toEqual({ state: 'Ready' });
  });

  it('waits (not fails) while a subscription product has no SBQQ__Subscription__c, with CPQ-E003 explained', () => {
    const r = readiness(bundle({ items: [item({ SBQQ__Subscription__c: null })] }), none);
    expect(r.state).toBe('Waiting');
    if (r.state !== 'Waiting') return;
    expect(r.error).toMatchObject({
      code: 'CPQ-E003',
      waiting: true,
      record: { object: 'OrderItem', id: '802000000000001AAA' },
    });
    expect(r.error.message).toContain('No matching Subscription for OrderItem/OrderProduct.');
    expect(r.error.fix).toContain('contract it');
  });

  it('fails CPQ-E003 once contracting has been awaited longer than allowed', () => {
    const b = bundle({ items: [item({ SBQQ__Subscription__c: null })] });
    const wait = { since: '2026-01-02T00:00:00Z', maxMs: 3_600_000 };
    expect(readiness(b, { ...none, contractingWait: { ...wait, now: '2026-01-02T00:30:00Z' } }).state).toBe(
      'Waiting',
    );
    expect(readiness(b, { ...none, contractingWait: { ...wait, now: '2026-01-02T02:00:00Z' } }).state).toBe(
      'Failed',
    );
  });

  it('waits for activation', () => {
    const r = readiness(bundle({ order: order({ StatusCode: 'Draft' }) }), none);
    expect(r.state === 'Waiting' && r.error.code).toBe('CPQ-W003');
  });

  it('holds an amendment until the order it amends is synced, then lets it go', () => {
    const before = readiness(amendment, { ...none, revisedOrders: [{ ...initial, synced: false }] });
    expect(before.state === 'Waiting' && before.error.code).toBe('CPQ-W001');
    const unknown = readiness(amendment, none);
    expect(unknown.state === 'Waiting' && unknown.error.code).toBe('CPQ-W001');
    expect(readiness(amendment, { ...none, revisedOrders: [{ ...initial, synced: true }] })).toEqual({
      state: 'Ready',
    });
  });

  it('sends amendments of one contract in start-date order', () => {
    const earlier = { orderId: '801000000000003AAA', orderNumber: '00000103', effectiveDate: '2026-03-01' };
    const self = { orderId: amendment.order.Id, orderNumber: '00000102', effectiveDate: '2026-04-01' };
    const ctx = { revisedOrders: [{ ...initial, synced: true }], unsyncedAmendments: [self, earlier] };
    const r = readiness(amendment, ctx);
    expect(r.state === 'Waiting' && [r.error.code, r.error.record?.id]).toEqual([
      'CPQ-W002',
      earlier.orderId,
    ]);
    const later = { ...earlier, effectiveDate: '2026-05-01' };
    expect(readiness(amendment, { ...ctx, unsyncedAmendments: [self, later] })).toEqual({ state: 'Ready' });
  });

  it('orders by effective date, then order number', () => {
    const refs = [
      { orderId: 'c', orderNumber: '3', effectiveDate: '2026-02-01' },
      { orderId: 'b', orderNumber: '2', effectiveDate: '2026-01-01' },
      { orderId: 'a', orderNumber: '1', effectiveDate: '2026-02-01' },
    ];
    expect([...refs].sort(byStartDate).map((r) => r.orderId)).toEqual(['b', 'a', 'c']);
  });
});
