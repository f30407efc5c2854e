// The keys of versions left out are dropped once no stream still to be routed can ask about them.
import { describe, expect, it } from 'vitest';
import { RemovedRecords } from '../../src/mapping/record-rules.js';
import { releaseLeftOut } from '../../src/turbo/left-out-release.js';

function leftOut(): RemovedRecords {
  const removed = new RemovedRecords();
  removed.leaveOut('Subscription__c', 'sub-version-1');
  return removed;
}

describe('releaseLeftOut', () => {
  it('keeps the keys while a stream of versions own records is still to be routed', () => {
    const removed = leftOut();
    releaseLeftOut(removed, ['Invoice', 'RatePlanCharge'], false);
    expect(removed.isLeftOut('Subscription__c', 'sub-version-1')).toBe(true);
  });

  it('keeps them when cancelled accounts will be read again', () => {
    const removed = leftOut();
    releaseLeftOut(removed, ['Invoice'], true);
    expect(removed.isLeftOut('Subscription__c', 'sub-version-1')).toBe(true);
  });

  it('drops them, and takes no more, once none is left to route', () => {
    const removed = leftOut();
    releaseLeftOut(removed, ['Invoice', 'Payment'], false);
    expect(removed.noneLeftOut).toBe(true);
    expect(removed.isLeftOut('Subscription__c', 'sub-version-1')).toBe(false);
    removed.leaveOut('Subscription__c', 'sub-version-2');
    expect(removed.noneLeftOut).toBe(true);
  });
});
