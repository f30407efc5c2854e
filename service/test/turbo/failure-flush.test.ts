// A stream's mapping failures are stored a batch at a time while it is routed, not held until it ends (issue
// 19: memory flat in the tenant's size): the batches are stored in order, in the background, and `drain`
// waits for them and throws the first error.
import { describe, expect, it, vi } from 'vitest';
import type { FailedRecordInput } from '../../src/store/failed-record-rows.js';
import { FailureFlush, failureBatch } from '../../src/turbo/failure-flush.js';

const failure = (n: number): FailedRecordInput => ({
  stream: 'InvoiceItem',
  salesforceObject: 'InvoiceItem__c',
  entityId: '',
  externalId: `II-${String(n)}`,
  zuoraId: null,
  code: 'INVALID_FIELD',
  message: 'bad',
});

class Source {
  failures: FailedRecordInput[] = [];
  takeFailures(): FailedRecordInput[] {
    const taken = this.failures;
    this.failures = [];
    return taken;
  }
}

describe('FailureFlush', () => {
  it('stores the failures of a stream in batches as they come, never holding more than a batch', async () => {
    const source = new Source();
    const stored: string[][] = [];
    const flush = new FailureFlush(source, async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      stored.push(batch.map((f) => f.externalId));
    });
    let most = 0;
    for (let n = 0; n < failureBatch * 3 + 10; n += 1) {
      source.failures.push(failure(n));
      most = Math.max(most, source.failures.length);
      flush.check();
    }
    expect(most).toBe(failureBatch);
    await flush.drain();
    // Three full batches, in order; the last 10 stay for whoever takes the rest (release, the stage's end).
    expect(stored.map((b) => b.length)).toEqual([failureBatch, failureBatch, failureBatch]);
    expect(stored.flat()).toEqual(Array.from({ length: failureBatch * 3 }, (_, n) => `II-${String(n)}`));
    expect(source.failures).toHaveLength(10);
  });

  it('throws the first error at drain, and stores nothing after it', async () => {
    const source = new Source();
    let calls = 0;
    const flush = new FailureFlush(source, () => {
      calls += 1;
      return Promise.reject(new Error(`store down ${String(calls)}`));
    });
    for (let n = 0; n < failureBatch * 2; n += 1) {
      source.failures.push(failure(n));
      flush.check();
    }
    await expect(flush.drain()).rejects.toThrow('store down 1');
    expect(calls).toBe(1);
  });

  it('settles: the batches started, then the failures still held, all stored in order', async () => {
    const source = new Source();
    const store = vi.fn((_batch: readonly FailedRecordInput[]) => Promise.resolve());
    const flush = new FailureFlush(source, store);
    for (let n = 0; n < failureBatch + 10; n += 1) {
      source.failures.push(failure(n));
      flush.check();
    }
    await flush.settle();
    const stored = store.mock.calls.map(([batch]) => batch.map((f) => f.externalId));
    expect(stored.map((b) => b.length)).toEqual([failureBatch, 10]);
    expect(stored.flat()).toEqual(Array.from({ length: failureBatch + 10 }, (_, n) => `II-${String(n)}`));
    expect(source.failures).toHaveLength(0);
  });

  it('settle throws the error a batch met and stores nothing more', async () => {
    const source = new Source();
    const store = vi.fn(() => Promise.reject(new Error('store down')));
    const flush = new FailureFlush(source, store);
    source.failures.push(...Array.from({ length: failureBatch + 5 }, (_, n) => failure(n)));
    flush.check();
    await expect(flush.settle()).rejects.toThrow('store down');
    expect(store).toHaveBeenCalledTimes(1);
    expect(source.failures).toHaveLength(0);
  });
});
