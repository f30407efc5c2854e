// A full S sync killed with SIGKILL at several points (during extraction, early and late in loading), then
// restarted, ends with exactly what a clean run ends with: the same Salesforce records and values, no
// duplicates, and the same session counts, Sync_History__c figures and printed summary (counts come from the
// stored outcomes, not from a tally the kills cut short). Both scopes, on both stores: PostgreSQL
// (DATABASE_URL) and PGlite on disk under DATA_DIR. The emulators live in this test process; the sync runs as a
// child process. Kill points are conditions seen in the emulators, never times.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import type { ObjectCounts } from '../../src/sessions/session-counts.js';
import { findSession, insertSession, type SyncSession } from '../../src/sessions/session-rows.js';
import { renderSessionSummary } from '../../src/sessions/session-summary.js';
import { PgliteStore } from '../../src/store/pglite-store.js';
import type { Store } from '../../src/store/store.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { killLeftoverCli, runCli, type CliRun } from '../support/cli-process.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { storeKinds } from '../support/stores.js';
import { until } from '../support/wait-for.js';

const size = 'S';
type Scope = 'accounts' | 'catalog';
const startSync = (h: SyncHarness, scope: Scope, dataDir: string, args: string[]): CliRun =>
  runCli(h, ['sync', '--scope', scope, ...args], {
    dataDir,
    apiToken: 'crash-test-token-0123456789abcdef',
    databaseUrl: h.storeFixture.databaseUrl,
  });

afterAll(killLeftoverCli);

/** The upsert key of each Salesforce record, and its values minus what differs between two orgs. */
function snapshot(h: SyncHarness, scope: Scope): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const map of mapsInScope(scope)) {
    const key = map.stableExternalId?.salesforce ?? map.externalId.salesforce;
    const rows = new Map<string, string>();
    for (const r of h.salesforce.records(map.salesforceObject)) {
      const values = Object.entries(r)
        .filter(
          ([f]) =>
            !/^(Id|CreatedDate|LastModifiedDate|SystemModstamp|CreatedById|LastModifiedById|OwnerId)$/.test(
              f,
            ),
        )
        .filter(([, v]) => !(typeof v === 'string' && /^[a-zA-Z0-9]{18}$/.test(v) && /^(00|a0)/.test(v)))
        .sort(([a], [b]) => a.localeCompare(b));
      const k = String(r[key]);
      expect(rows.has(k), `${map.salesforceObject} ${k} is duplicated`).toBe(false);
      rows.set(k, JSON.stringify(values));
    }
    out.set(map.salesforceObject, rows);
  }
  return out;
}

/** Per object: read, written, failed, deleted (created differs by design: a re-sent job updates). */
function countsOf(session: SyncSession): Record<string, Omit<ObjectCounts, 'created'>> {
  return Object.fromEntries(
    Object.entries(session.counts.objects ?? {}).map(([o, c]) => [
      o,
      { read: c.read, written: c.written, failed: c.failed, deleted: c.deleted },
    ]),
  );
}

/** The figures of the session's Sync_History__c record that a crash must not change. */
function historyOf(h: SyncHarness): unknown[] {
  return h.salesforce
    .records('Sync_History__c')
    .filter((r) => r.Sync_Type__c === 'Manual')
    .map((r) => ({
      status: r.Status__c,
      processed: r.Records_Processed__c,
      succeeded: r.Records_Succeeded__c,
      failed: r.Records_Failed__c,
      failureLogLines: typeof r.Failure_Log__c === 'string' ? r.Failure_Log__c.split('\n').length : 0,
    }));
}

/** The summary's total line without the created column: read, written, deleted, failed. */
function totals(summary: string): string {
  const m = /^total\s+(\d+)\s+(\d+)\s+\d+\s+(\d+)\s+(\d+)$/m.exec(summary);
  if (m === null) throw new Error(`no total line in the summary:\n${summary}`);
  return `read ${m[1]} written ${m[2]} deleted ${m[3]} failed ${m[4]}`;
}

interface KillPoint {
  readonly name: string;
  /** Called as the run starts (before `reached` is first asked). */
  readonly start?: (h: SyncHarness) => void;
  readonly reached: (h: SyncHarness) => boolean;
  /** Called once the run was killed. */
  readonly end?: (h: SyncHarness) => void;
}

const aquaSubmits = (h: SyncHarness) => h.zuora.stats().byRoute['POST /v1/batch-query/'] ?? 0;
/** AQuA requests of any kind: a resumed session may poll the job its killed run submitted, not submit one. */
const aquaRequests = (h: SyncHarness) =>
  ['POST /v1/batch-query/', 'GET /v1/batch-query/jobs/:id', 'GET /v1/file/:fileId'].reduce(
    (n, route) => n + (h.zuora.stats().byRoute[route] ?? 0),
    0,
  );
const catalogRecords = (h: SyncHarness) =>
  mapsInScope('catalog').reduce((n, m) => n + (h.salesforce.stats().records[m.salesforceObject] ?? 0), 0);

/**
 * A catalog session is small: it loads in a few Composite calls, too fast to catch by watching. Once its
 * extraction began, Salesforce answers each call 3 s late, so the run is killed after its first objects were
 * written with the next call held (the condition is a written record; the delay only keeps the window open).
 */
function inCompositeLoad(): KillPoint {
  let submits = 0;
  let records = 0;
  let slowed = false;
  return {
    name: 'in the Composite load',
    start: (h) => {
      submits = aquaRequests(h);
      records = catalogRecords(h);
      slowed = false;
    },
    reached: (h) => {
      if (!slowed && aquaRequests(h) > submits) {
        h.salesforce.faults.set({ latencyMs: 3_000 });
        slowed = true;
      }
      return slowed && catalogRecords(h) > records;
    },
    end: (h) => h.salesforce.faults.clear(),
  };
}

const killPoints: Record<Scope, readonly KillPoint[]> = {
  accounts: [
    { name: 'during extraction', reached: (h) => aquaSubmits(h) >= 1 },
    { name: 'early in loading', reached: (h) => h.salesforce.stats().ingestJobs >= 4 },
    { name: 'late in loading', reached: (h) => h.salesforce.stats().ingestJobs >= 16 },
  ],
  catalog: [{ name: 'during extraction', reached: (h) => aquaSubmits(h) >= 1 }, inCompositeLoad()],
};

describe.each(['accounts', 'catalog'] as const)('Turbo Sync crash and resume (%s)', (scope) => {
  let clean: SyncHarness;
  let cleanSession: SyncSession;
  let cleanSummary: string;

  beforeAll(async () => {
    clean = await startSyncHarness({ size, store: 'pglite' });
    const s = await insertSession(clean.store, { scope, trigger: 'manual', mode: 'full' });
    cleanSession = await runTurboSession(clean.deps, s.id);
    cleanSummary = await renderSessionSummary(clean.store, cleanSession);
  }, 900_000);
  afterAll(async () => {
    await clean.close();
  });

  describe.each(storeKinds)('on %s', (kind) => {
    let crashed: SyncHarness;
    let dataDir: string;
    beforeAll(async () => {
      crashed = await startSyncHarness({ size, store: kind });
      dataDir = mkdtempSync(join(tmpdir(), 'zsync-crash-'));
    }, 900_000);
    afterAll(async () => {
      killLeftoverCli();
      await crashed.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** The store the child wrote: the shared PostgreSQL schema, or the PGlite under DATA_DIR once it exited. */
    const childStore = async (): Promise<{ store: Store; close: () => Promise<void> }> => {
      if (kind === 'postgres') return { store: crashed.store, close: () => Promise.resolve() };
      const store = await PgliteStore.open(dataDir);
      return { store, close: () => store.close() };
    };

    it('is killed at several points and ends with the data, counts and history of a clean run', async () => {
      let first = true;
      for (const point of killPoints[scope]) {
        point.start?.(crashed);
        const run = startSync(crashed, scope, dataDir, first ? ['--full'] : []);
        first = false;
        await until(
          `the kill point "${point.name}" (${scope}, ${kind})`,
          () => point.reached(crashed) || run.child.exitCode !== null,
          (ok) => ok,
          600_000,
          25,
        );
        expect(run.child.exitCode, `${point.name}: the sync ended before it was killed`).toBeNull();
        run.child.kill('SIGKILL');
        const result = await run.done;
        point.end?.(crashed);
        expect(result.code, `${point.name}: ${result.out}`).toBeNull();
      }
      const jobsBeforeFinal = crashed.salesforce.stats().ingestJobs;
      const result = await startSync(crashed, scope, dataDir, []).done;
      expect(result.code, result.out).toBe(0);
      expect(result.out).toMatch(new RegExp(`resuming ${scope} session`));

      const { store, close } = await childStore();
      try {
        const ids = await store.query<{ id: string }>('SELECT id FROM sync_sessions');
        expect(ids).toHaveLength(1);
        const session = await findSession(store, ids[0]?.id ?? '');
        expect(session?.state).toBe(cleanSession.state);
        expect(countsOf(session as SyncSession)).toEqual(countsOf(cleanSession));
      } finally {
        await close();
      }
      expect(totals(result.out)).toBe(totals(cleanSummary));
      expect(historyOf(crashed)).toEqual(historyOf(clean));
      // At most one job per object (and per pass) is sent again after each kill.
      const objects = mapsInScope(scope).length;
      expect(crashed.salesforce.stats().ingestJobs - jobsBeforeFinal).toBeLessThanOrEqual(objects * 3);

      const want = snapshot(clean, scope);
      const got = snapshot(crashed, scope);
      for (const [object, rows] of want) {
        const mine = got.get(object) ?? new Map<string, string>();
        expect(mine.size, object).toBe(rows.size);
        for (const [k, v] of rows) expect(mine.get(k), `${object} ${k}`).toBe(v);
      }
    }, 1_800_000);
  });
});
