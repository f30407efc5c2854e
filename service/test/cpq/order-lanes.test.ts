// The lanes of a chunk (order-lanes.ts): orders sharing an account (order account, invoice or subscription
// owner, parent) or a lineage run in one lane in the chunk's order; the others side by side, never more
// lanes at once than the concurrency.
import { describe, expect, it } from 'vitest';
import { runLanes, serialized } from '../../src/cpq/lane-runner.js';
import { lanesOf } from '../../src/cpq/order-lanes.js';
import type { RevisedItem } from '../../src/cpq/read-bundles.js';
import { account, bundle, item, order } from './rules/cpq-fixtures.js';

const of = (id: string, accountId: string, extra: Parameters<typeof bundle>[0] = {}) =>
  bundle({ order: order({ Id: id, AccountId: accountId }), account: account({ Id: accountId }), ...extra });

describe('CPQ order lanes', () => {
  it('keeps orders of one account, owner, parent or lineage in one lane, in order', () => {
    const revised = new Map<string, RevisedItem>([
      [
        'item-a1',
        {
          orderId: 'o1',
          orderNumber: '1',
          effectiveDate: '2026-01-01',
          synced: false,
          itemNumber: '1',
          subscriptionNumber: null,
        },
      ],
    ]);
    const bundles = [
      of('o1', 'acc-a'),
      of('o2', 'acc-b'),
      of('o3', 'acc-c', { invoiceOwner: account({ Id: 'acc-b' }) }),
      of('o4', 'acc-d', { account: account({ Id: 'acc-d', ParentId: 'acc-e' }) }),
      of('o5', 'acc-e'),
      of('o6', 'acc-f', { items: [item({ Id: 'item-x', SBQQ__RevisedOrderProduct__c: 'item-a1' })] }),
      of('o7', 'acc-g'),
      of('o8', 'acc-h', { account: account({ Id: 'acc-h', ParentId: 'acc-i' }) }),
      of('o9', 'acc-j'),
    ];
    // acc-i's own parent is acc-j: a grandparent of o8's account, created first by its lane.
    const parents = new Map([['acc-i', account({ Id: 'acc-i', ParentId: 'acc-j' })]]);
    const lanes = lanesOf(bundles, revised, parents).map((lane) => lane.map((b) => b.order.Id));
    expect(lanes).toEqual([['o1', 'o6'], ['o2', 'o3'], ['o4', 'o5'], ['o7'], ['o8', 'o9']]);
  });

  it('runs at most `concurrency` lanes at once, each lane in turn, and serializes a lock', async () => {
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const lanes = [['a1', 'a2'], ['b1'], ['c1', 'c2'], ['d1']];
    await runLanes(lanes, 2, async (x) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(x);
      running -= 1;
    });
    expect(most).toBe(2);
    expect([...seen].sort()).toEqual(['a1', 'a2', 'b1', 'c1', 'c2', 'd1']);
    expect(seen.indexOf('a1')).toBeLessThan(seen.indexOf('a2'));
    const lock = serialized();
    let inside = 0;
    let overlap = false;
    await Promise.all(
      [1, 2, 3].map((n) =>
        lock(async () => {
          inside += 1;
          overlap ||= inside > 1;
          await new Promise((r) => setTimeout(r, 3));
          inside -= 1;
          return n;
        }),
      ),
    );
    expect(overlap).toBe(false);
  });
});
