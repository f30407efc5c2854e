// The load plan's scheduler: a unit starts once the units it waits for are done, never held behind an
// unrelated one, with at most `limit` side by side; a failure stops new units and is thrown.
import { describe, expect, it } from 'vitest';
import { LoadPlan } from '../../src/sessions/load-plan.js';
import { CountsBook } from '../../src/sessions/session-counts.js';
import { runWhenReady } from '../../src/sessions/ready-order.js';
import type { Store } from '../../src/store/store.js';

/** A unit of work that ends when the test says so, recording when it started and ended. */
function gatedWork(log: string[]) {
  const gates = new Map<string, () => void>();
  const started = new Map<string, Promise<void>>();
  const signals = new Map<string, () => void>();
  const startedOf = (item: string) => {
    let p = started.get(item);
    if (p === undefined) {
      p = new Promise<void>((resolve) => signals.set(item, resolve));
      started.set(item, p);
    }
    return p;
  };
  const work = (item: string) =>
    new Promise<void>((resolve) => {
      log.push(`start ${item}`);
      void startedOf(item);
      signals.get(item)?.();
      gates.set(item, () => {
        log.push(`end ${item}`);
        resolve();
      });
    });
  const finish = async (item: string) => {
    await startedOf(item);
    gates.get(item)?.();
    await new Promise((r) => setImmediate(r));
  };
  return { work, finish, started: startedOf };
}

describe('runWhenReady', () => {
  it('starts a child as soon as its own parent is done, while an unrelated large object still runs', async () => {
    const log: string[] = [];
    const { work, finish } = gatedWork(log);
    // Group barriers would be [[Big, Parent], [Child]]: Child would wait for Big.
    const parents: Record<string, string[]> = { Big: [], Parent: [], Child: ['Parent'] };
    const done = runWhenReady(['Big', 'Parent', 'Child'], (o) => parents[o] ?? [], 3, work);
    await finish('Parent');
    await finish('Child');
    expect(log).toEqual(['start Big', 'start Parent', 'end Parent', 'start Child', 'end Child']);
    await finish('Big');
    await done;
  });

  it('never runs more than `limit` units at once and takes ready units in the order given', async () => {
    const log: string[] = [];
    const { work, finish } = gatedWork(log);
    const done = runWhenReady(['A', 'B', 'C', 'D'], () => [], 2, work);
    await finish('B');
    expect(log).toEqual(['start A', 'start B', 'end B', 'start C']);
    await finish('A');
    await finish('C');
    await finish('D');
    await done;
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start A', 'start B', 'start C', 'start D']);
  });

  it('after a failure starts nothing new, lets running units end, then throws that failure', async () => {
    const log: string[] = [];
    const { work, finish } = gatedWork(log);
    const parents: Record<string, string[]> = { Slow: [], Bad: [], Child: ['Bad'], Other: [] };
    const done = runWhenReady(
      ['Slow', 'Bad', 'Child', 'Other'],
      (o) => parents[o] ?? [],
      2,
      (o) => (o === 'Bad' ? Promise.reject(new Error('Bad failed')) : work(o)),
    );
    const outcome = done.then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );
    await finish('Slow');
    expect(await outcome).toBe('Bad failed');
    expect(log).toEqual(['start Slow', 'end Slow']);
  });

  it('names the units that wait on each other instead of hanging', async () => {
    const parents: Record<string, string[]> = { A: ['B'], B: ['A'], C: [] };
    await expect(
      runWhenReady(
        ['A', 'B', 'C'],
        (o) => parents[o] ?? [],
        3,
        async () => {},
      ),
    ).rejects.toThrow('units waiting on each other: A, B');
  });
});

describe('LoadPlan.waitsFor', () => {
  const target = { store: {} as Store, sessionId: 's', entityId: '', counts: new CountsBook() };
  const parents = new Map([
    ['Account__c', new Set<string>()],
    ['Invoice__c', new Set(['Account__c'])],
    ['Item__c', new Set(['Invoice__c', 'Account__c'])],
    ['Term__c', new Set<string>()],
  ]);
  const order = [['Account__c', 'Term__c'], ['Invoice__c'], ['Item__c']];

  it('upserts wait for their parents only, deletions for their children, deferred references for nothing', () => {
    const plan = new LoadPlan(target, order, ['Account__c'], parents);
    expect(plan.waitsFor('upsert')('Item__c')).toEqual(['Invoice__c', 'Account__c']);
    expect(plan.waitsFor('upsert')('Term__c')).toEqual([]);
    expect(plan.waitsFor('delete')('Account__c')).toEqual(['Invoice__c', 'Item__c']);
    expect(plan.waitsFor('delete')('Item__c')).toEqual([]);
    expect(plan.waitsFor('deferred')('Account__c')).toEqual([]);
  });

  it('without parents, every object waits for all the groups before its own (barriers)', () => {
    const plan = new LoadPlan(target, order, []);
    expect(plan.waitsFor('upsert')('Invoice__c')).toEqual(['Account__c', 'Term__c']);
    expect(plan.waitsFor('upsert')('Account__c')).toEqual([]);
    expect(plan.waitsFor('delete')('Term__c')).toEqual(['Invoice__c', 'Item__c']);
  });
});
