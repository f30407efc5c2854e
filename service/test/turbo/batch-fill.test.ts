// An object's Bulk jobs stay at the floor of ceil(rows sent / 10,000) batches when its parts leave rows out for
// a failed parent: each part before the last borrows as many of the last part's rows as it left out. And a
// session that stops mid-object (a job that fails to close, or whose results are never read) and is resumed
// sends every row exactly once and holds every held row once; so does one whose checkpoint write of a lent span
// stores it but reports an error (its answer lost), and the open failures of the lent rows' keys are resolved.
import { writeFileSync } from 'node:fs';
import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionCheckpoints } from '../../src/sessions/checkpoints.js';
import { insertSession, type SyncSession } from '../../src/sessions/session-rows.js';
import { recordFailures } from '../../src/store/failed-record-rows.js';
import type { Store } from '../../src/store/store.js';
import { BatchFill } from '../../src/turbo/batch-fill.js';
import { openTurboRun, type TurboRun } from '../../src/turbo/turbo-run.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { TurboWriter } from '../../src/turbo/turbo-writer.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const object = 'InvoiceItem__c';
const header = 'External_Id__c,Name,Charge_Name__c,Invoice__r.External_Id__c';
/** Rows per part and which of them wait for the failed invoice: parts cut at 10,000 rows, the last 10,150. */
const parts = [
  { rows: 10_000, held: (i: number) => i % 100 === 99 },
  { rows: 10_000, held: (i: number) => i % 100 === 99 },
  { rows: 10_150, held: (i: number) => i % 203 === 202 },
];
const heldCount = parts.reduce(
  (n, p) => n + Array.from({ length: p.rows }, (_, i) => i).filter(p.held).length,
  0,
);
const total = parts.reduce((n, p) => n + p.rows, 0);
const sent = total - heldCount;

type Step = 'close' | 'check';

/** `conn` whose Bulk job call `step` of the job `which` answers fails once, as a session that stops there. */
function stoppingAt(
  conn: jsforce.Connection,
  step: Step,
  which: () => string | undefined,
): jsforce.Connection {
  let stopped = false;
  const job = <T extends object>(real: T & { id?: string }): T =>
    new Proxy(real, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (!stopped && prop === step && target.id !== undefined && target.id === which()) {
            stopped = true;
            throw Object.assign(new Error(`the session stops at ${step}`), { statusCode: 400 });
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const bulk2 = new Proxy(conn.bulk2, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop !== 'createJob' && prop !== 'job')
        return typeof value === 'function' ? ((value as () => unknown).bind(target) as unknown) : value;
      return (...args: unknown[]) => job((value as (...a: unknown[]) => object).apply(target, args));
    },
  });
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === 'bulk2') return bulk2;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/**
 * `store` whose first checkpoint write of a lent span fails: `after` storing it (its answer is lost) or `before`.
 * `status` 400: that part's load stops there, not retried, while the other parts go on.
 */
function losingWrite(store: Store, when: 'after' | 'before', status?: number): Store {
  let lost = false;
  const query = async (sql: string, params?: readonly unknown[]): Promise<unknown[]> => {
    const lending =
      !lost && sql.includes('INSERT INTO session_checkpoints') && String(params?.[3]).includes('"borrowed"');
    if (!lending) return store.query(sql, params);
    lost = true;
    if (when === 'after') await store.query(sql, params);
    throw Object.assign(new Error(`the checkpoint write failed ${when} storing`), { statusCode: status });
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'query') return query;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

describe('Bulk jobs of an object whose parts leave rows out', () => {
  let h: SyncHarness;
  let okInvoice = '';
  let failedInvoice = '';
  let n = 0;
  beforeAll(async () => {
    h = await startSyncHarness();
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, s.id);
    const invoices = h.salesforce.records('ZInvoice__c').map((r) => String(r.External_Id__c));
    okInvoice = invoices[0] ?? '';
    failedInvoice = invoices[1] ?? '';
    const earlier = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await recordFailures(h.store, earlier.id, [
      {
        stream: 'Invoice',
        salesforceObject: 'ZInvoice__c',
        entityId: '',
        externalId: failedInvoice,
        zuoraId: failedInvoice,
        code: 'INVALID_CROSS_REFERENCE_KEY',
        message: 'bad',
      },
    ]);
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });

  /** A session whose spool holds the object's three parts (keys `<prefix>-<part>-<row>`). */
  async function spooled(): Promise<{ session: SyncSession; prefix: string; kept: Set<string> }> {
    n += 1;
    const prefix = `bf${String(n)}`;
    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const run = await openTurboRun(h.deps, session);
    const kept = new Set<string>();
    parts.forEach((p, part) => {
      const lines = [header];
      for (let i = 0; i < p.rows; i += 1) {
        const key = `${prefix}-${String(part)}-${String(i)}`;
        if (!p.held(i)) kept.add(key);
        const invoice = p.held(i) ? failedInvoice : okInvoice;
        lines.push(`${key},${key},"item ${String(i)}, part ${String(part)}",${invoice}`);
      }
      writeFileSync(run.spool.path(object, 'upsert', part), `${lines.join('\n')}\n`, { mode: 0o600 });
    });
    return { session, prefix, kept };
  }

  const load = (run: TurboRun) => {
    run.gates.openAll();
    return new TurboWriter(run).load('upsert', [[object]], run.plan, () => []);
  };
  /** A copy: the emulator's entry is its live counter. */
  const bulk = () => ({ bulkBatches: 0, bulkRecords: 0, ...h.salesforce.stats().bulkByObject[object] });

  /** Each kept row is in Salesforce, no held row is, and the held rows are stored once each. */
  async function expectExactlyOnce(session: SyncSession, prefix: string, kept: Set<string>): Promise<void> {
    const mine = h.salesforce
      .records(object)
      .map((r) => String(r.External_Id__c))
      .filter((k) => k.startsWith(`${prefix}-`));
    expect(new Set(mine).size).toBe(mine.length);
    expect(mine.length).toBe(kept.size);
    for (const key of mine) expect(kept.has(key), key).toBe(true);
    const held = await h.store.query<{ rows: string | number; keys: string | number }>(
      `SELECT count(*) AS rows, count(DISTINCT external_id) AS keys FROM failed_records
        WHERE session_id = $1 AND salesforce_object = $2 AND error_code = 'PARENT_FAILED'`,
      [session.id, object],
    );
    expect(held.map((r) => [Number(r.rows), Number(r.keys)])).toEqual([[heldCount, heldCount]]);
  }

  it('sends whole batches from every part but the last: ceil(rows sent / 10,000) batches', async () => {
    const { session, prefix, kept } = await spooled();
    const before = bulk();
    await load(await openTurboRun(h.deps, session));
    // Without borrowing: 1 + 1 + 2 batches (each of the first two parts ends part-full).
    expect(bulk().bulkRecords - before.bulkRecords).toBe(sent);
    expect(bulk().bulkBatches - before.bulkBatches).toBe(Math.ceil(sent / 10_000));
    await expectExactlyOnce(session, prefix, kept);
  }, 300_000);

  const stops: readonly { step: Step; part: number }[] = [
    { step: 'close', part: 0 },
    { step: 'check', part: 0 },
    { step: 'close', part: 2 },
    { step: 'check', part: 2 },
  ];
  it.each(stops)(
    'stopped at $step of part $part and resumed, sends each row once',
    async ({ step, part }) => {
      const { session, prefix, kept } = await spooled();
      const before = bulk();
      const jobOf = () => run.checkpoints.get({ kind: 'load', pass: 'upsert', object, part })?.bulkJobId;
      const run = await openTurboRun(
        { ...h.deps, salesforce: stoppingAt(h.deps.salesforce, step, jobOf) },
        session,
      );
      await expect(load(run)).rejects.toThrow(/stops at/);
      await load(await openTurboRun(h.deps, session));
      // Rows of a job that never closed are never processed: what was processed is each sent row once.
      expect(bulk().bulkRecords - before.bulkRecords).toBe(sent);
      await expectExactlyOnce(session, prefix, kept);
    },
    300_000,
  );

  const lentTo = async (session: SyncSession, part: number) =>
    (await SessionCheckpoints.read(h.store, session.id)).get({ kind: 'load', pass: 'upsert', object, part })
      ?.cursor?.borrowed;

  it("a span whose write reports an error stays its part's; the last part leaves it out as the store says", async () => {
    for (const when of ['after', 'before'] as const) {
      const { session } = await spooled();
      const run = await openTurboRun({ ...h.deps, store: losingWrite(h.deps.store, when) }, session);
      const fill = BatchFill.of(run, object, 'upsert', [0, 1, 2]);
      if (fill === undefined) throw new Error('three parts are filled');
      const first = fill.lend(0, 100);
      await expect(first).rejects.toThrow(/failed/);
      const stored = await lentTo(session, 0);
      expect(stored === undefined).toBe(when === 'before');
      // Part 1 borrows the rows after it: a resumed session would find the span in part 0's checkpoint.
      const other = await fill.lend(1, 100);
      expect(other?.span.from).toBe(101);
      // Part 0's load ends without writing it again: the last part reads the store.
      const cut = fill.cut();
      fill.release(0);
      expect(await cut).toEqual(stored === undefined ? [other?.span] : [stored, other?.span]);
    }
  }, 300_000);

  it('a part whose span write reported an error writes the same span again before it sends it', async () => {
    const { session } = await spooled();
    const run = await openTurboRun({ ...h.deps, store: losingWrite(h.deps.store, 'after') }, session);
    const fill = BatchFill.of(run, object, 'upsert', [0, 1, 2]);
    if (fill === undefined) throw new Error('three parts are filled');
    await expect(fill.lend(0, 100)).rejects.toThrow(/failed/);
    const cut = fill.cut();
    await fill.lend(1, 0);
    const again = await fill.lend(0, 100);
    expect(again?.span).toEqual(await lentTo(session, 0));
    expect(await cut).toEqual([again?.span]);
  }, 300_000);

  it('a span stored though its write reported an error, then a stop: resumed, sends each row once and resolves the lent keys', async () => {
    const { session, prefix, kept } = await spooled();
    // Open failures of the keys at the head of the last part: the rows lent.
    const lentKeys = Array.from({ length: 250 }, (_, i) => `${prefix}-2-${String(i)}`).filter((k) =>
      kept.has(k),
    );
    const earlier = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await recordFailures(
      h.store,
      earlier.id,
      lentKeys.map((externalId) => ({
        stream: 'InvoiceItem',
        salesforceObject: object,
        entityId: '',
        externalId,
        zuoraId: null,
        code: 'UNABLE_TO_LOCK_ROW',
        message: 'locked',
      })),
    );
    const before = bulk();
    // The part whose write failed stops (400: not retried); the other goes on and borrows.
    // (The write is made while the body streams: the upload is aborted, bulk-upsert.ts's BulkUploadError.)
    const lossy = { ...h.deps, store: losingWrite(h.deps.store, 'after', 400) };
    await expect(load(await openTurboRun(lossy, session))).rejects.toThrow(/failed after storing/);
    await load(await openTurboRun(h.deps, session));
    expect(bulk().bulkRecords - before.bulkRecords).toBe(sent);
    await expectExactlyOnce(session, prefix, kept);
    const open = await h.store.query<{ external_id: string }>(
      `SELECT external_id FROM failed_records
        WHERE salesforce_object = $1 AND external_id = ANY($2::text[]) AND resolved_at IS NULL`,
      [object, lentKeys],
    );
    expect(open).toEqual([]);
  }, 300_000);
});
