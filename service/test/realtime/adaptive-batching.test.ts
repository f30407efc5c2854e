// When waiting changes become a batch (realtime/adaptive-batching.ts): the Zuora settings first (event
// threshold, maximum wait), then adaptive batching: a change alone goes once its quiet period passed, a stream
// of changes is cut by the latency budget minus what batches take, and batches of an entity keep their
// minimum interval whatever the rate. Pure decisions on given clocks: no timers.
import { describe, expect, it } from 'vitest';
import { decideBatch, nextBatchMs, type BatchRules } from '../../src/realtime/adaptive-batching.js';
import type { PendingSummary } from '../../src/realtime/change-event-rows.js';

const t0 = Date.parse('2026-12-06T00:00:00Z');
const adaptive = { quietMs: 150, latencyBudgetMs: 1_800, minIntervalMs: 1_000 };
const rules: BatchRules = { eventThreshold: 1, maxWaitMs: 60_000, maxBatchEvents: 2_000, adaptive };

/** `waiting` changes, the oldest received `oldestAgo` ms before t0 and the newest `newestAgo` ms before. */
const pending = (waiting: number, oldestAgo: number, newestAgo: number): PendingSummary => ({
  entityId: '',
  waiting,
  pending: waiting,
  oldestReceivedAt: new Date(t0 - oldestAgo),
  newestReceivedAt: new Date(t0 - newestAgo),
  oldestOccurredAt: new Date(t0 - oldestAgo),
});
const clock = (lastStartAgo: number | undefined, batchMs = 400) => ({
  now: t0,
  lastStart: lastStartAgo === undefined ? undefined : t0 - lastStartAgo,
  batchMs,
});

describe('adaptive batching decisions', () => {
  it('syncs a change alone once nothing else arrived for the quiet period', () => {
    expect(decideBatch(pending(1, 50, 50), rules, clock(undefined))).toEqual({ fire: false, recheckMs: 100 });
    expect(decideBatch(pending(1, 150, 150), rules, clock(5_000))).toEqual({ fire: true, why: 'quiet' });
  });

  it('keeps coalescing while changes arrive, and cuts by the latency budget minus the batch time', () => {
    // The newest arrived 20 ms ago: not quiet; the oldest waited 1 s of its 1.8 - 0.4 = 1.4 s.
    expect(decideBatch(pending(50, 1_000, 20), rules, clock(3_000))).toEqual({ fire: false, recheckMs: 130 });
    expect(decideBatch(pending(70, 1_400, 20), rules, clock(3_000))).toEqual({
      fire: true,
      why: 'latency budget',
    });
    // Slower batches lately: the cut comes earlier.
    expect(decideBatch(pending(60, 1_000, 20), rules, clock(3_000, 900))).toEqual({
      fire: true,
      why: 'latency budget',
    });
  });

  it('keeps the minimum interval between batches, whatever the rate', () => {
    expect(decideBatch(pending(70, 1_400, 20), rules, clock(600))).toEqual({ fire: false, recheckMs: 400 });
    expect(decideBatch(pending(1, 300, 300), rules, clock(900))).toEqual({ fire: false, recheckMs: 100 });
    // Even past a maximum wait shorter than the interval (1 s here, 1.25 s between batches): the interval
    // bounds the calls a minute; a full batch still goes at once.
    const short = { ...rules, maxWaitMs: 1_000, adaptive: { ...adaptive, minIntervalMs: 1_250 } };
    expect(decideBatch(pending(50, 1_100, 20), short, clock(1_050))).toEqual({ fire: false, recheckMs: 200 });
    expect(decideBatch(pending(60, 1_300, 20), short, clock(1_250))).toEqual({ fire: true, why: 'max wait' });
    expect(decideBatch(pending(2_000, 1_100, 0), short, clock(10))).toEqual({ fire: true, why: 'full' });
  });

  it('lets a change alone go sooner after the previous batch than a stream (aloneIntervalMs)', () => {
    const alone = { ...rules, adaptive: { ...adaptive, minIntervalMs: 1_250, aloneIntervalMs: 500 } };
    expect(decideBatch(pending(1, 150, 150), alone, clock(600))).toEqual({ fire: true, why: 'quiet' });
    expect(decideBatch(pending(1, 150, 150), alone, clock(400))).toEqual({ fire: false, recheckMs: 100 });
    expect(decideBatch(pending(2, 150, 150), alone, clock(600))).toEqual({ fire: false, recheckMs: 650 });
  });

  it('keeps the Zuora settings: the threshold, the maximum wait, and a full batch at once', () => {
    const ten = { ...rules, eventThreshold: 10 };
    expect(decideBatch(pending(9, 5_000, 5_000), ten, clock(undefined))).toEqual({
      fire: false,
      recheckMs: 55_000,
    });
    expect(decideBatch(pending(9, 60_000, 5_000), ten, clock(5_000))).toEqual({
      fire: true,
      why: 'max wait',
    });
    expect(decideBatch(pending(2_000, 10, 0), rules, clock(10))).toEqual({ fire: true, why: 'full' });
    expect(decideBatch(pending(0, 0, 0), rules, clock(undefined))).toEqual({
      fire: false,
      recheckMs: undefined,
    });
  });

  it('fires at the threshold without adaptive batching', () => {
    const plain = { eventThreshold: 1, maxWaitMs: 60_000, maxBatchEvents: 2_000 };
    expect(decideBatch(pending(1, 0, 0), plain, clock(0))).toEqual({ fire: true, why: 'threshold' });
  });

  it('averages batch times so recent batches weigh most', () => {
    expect(nextBatchMs(500, 1_500)).toBe(800);
    expect(nextBatchMs(800, 800)).toBe(800);
  });
});
