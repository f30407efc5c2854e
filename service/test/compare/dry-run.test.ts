// A Turbo Sync dry run through both emulators: after a round of business changes it reports, per object, the
// records the real incremental run then creates, updates (the same fields, to the same values) and deletes;
// the Salesforce emulator's write counters show no write during the dry run and the watermark does not move.
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameValue } from '../../src/compare/field-values.js';
import { applyDemoChanges } from '../../src/embedded/demo-changes.js';
import { insertSession, type SessionScope, type SyncSession } from '../../src/sessions/session-rows.js';
import { readWatermark } from '../../src/store/watermark-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

interface Line {
  object: string;
  key: string;
  action: string;
  changes?: { field: string; old: unknown; new: unknown }[];
}

describe('Turbo Sync dry run', () => {
  let h: SyncHarness;
  const run = async (
    scope: SessionScope,
    dryRun: boolean,
    mode = 'incremental' as const,
  ): Promise<SyncSession> => {
    const s = await insertSession(h.store, {
      scope,
      trigger: 'manual',
      mode,
      params: dryRun ? { dryRun: true } : {},
    });
    // The real run writes only what changed, so Salesforce's write counters match the dry run's report.
    return runTurboSession({ ...h.deps, skipUnchanged: true }, s.id);
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
    const first = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, first.id);
  }, 180_000);
  afterAll(async () => {
    await h.close();
  });

  it('reports exactly what the real run then writes, and writes nothing itself', async () => {
    expect(applyDemoChanges(h.zuora).applied).toBeGreaterThan(5);
    const mark = await readWatermark(h.store, 'accounts', '');
    h.salesforce.resetWrites();
    const dry = await run('accounts', true);
    expect(dry.state).toBe('finished');
    expect(h.salesforce.writes()).toEqual({});
    expect((await readWatermark(h.store, 'accounts', ''))?.toISOString()).toBe(mark?.toISOString());
    const report = dry.counts.dryRun;
    if (report === undefined || report.file === null) throw new Error('no dry-run report');
    expect(statSync(report.file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(report.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const changed = Object.values(report.objects).reduce((n, c) => n + c.created + c.updated + c.deleted, 0);
    expect(changed).toBeGreaterThan(0);

    const real = await run('accounts', false);
    expect(real.state).toMatch(/^finished/);
    const writes = h.salesforce.writes();
    for (const [object, c] of Object.entries(report.objects)) {
      expect(writes[object]?.created ?? 0, `${object} created`).toBe(c.created);
      expect(writes[object]?.updated ?? 0, `${object} updated`).toBe(c.updated);
      expect(writes[object]?.deleted ?? 0, `${object} deleted`).toBe(c.deleted);
      expect(real.counts.objects?.[object]?.created ?? 0, `${object} created`).toBe(c.created);
      expect(real.counts.objects?.[object]?.deleted ?? 0, `${object} deleted`).toBe(c.deleted);
    }
    // Every update the dry run named is in Salesforce now, field by field.
    const schema = h.deps.schema;
    for (const line of lines.filter((l) => l.action === 'update')) {
      const keyField = line.object === 'Subscription__c' ? 'SubscriptionNumber__c' : 'External_Id__c';
      const record = h.salesforce.records(line.object).find((r) => r[keyField] === line.key);
      for (const change of line.changes ?? []) {
        if (change.field.includes('.')) continue;
        const field = schema.get(line.object)?.fields.get(change.field);
        const now = record?.[change.field];
        expect(
          sameValue(field, change.new as string, now),
          `${line.object} ${line.key} ${change.field}`,
        ).toBe(true);
      }
    }
  }, 240_000);

  it('with write-only-what-changed, an incremental sync with no real change makes no write call', async () => {
    h.salesforce.resetWrites();
    const session = await run('accounts', false);
    expect(session.state).toMatch(/^finished/);
    // The session's own Sync_History__c record is the one write.
    expect(Object.keys(h.salesforce.writes())).toEqual(['Sync_History__c']);
    const skipped = Object.values(session.counts.skippedUnchanged ?? {}).reduce((a, b) => a + b, 0);
    expect(skipped).toBeGreaterThan(0);
  }, 240_000);

  it('a full session (spooled, Bulk API path) reads every record and, unchanged, sends none of them', async () => {
    h.salesforce.resetWrites();
    const dry = await run('accounts', true, 'full' as 'incremental');
    const report = dry.counts.dryRun;
    const counts = Object.values(report?.objects ?? {});
    expect(counts.reduce((n, c) => n + c.unchanged, 0)).toBeGreaterThan(1_000);
    expect(counts.reduce((n, c) => n + c.created + c.updated + c.deleted, 0)).toBe(0);
    expect(h.salesforce.writes()).toEqual({});
    const real = await run('accounts', false, 'full' as 'incremental');
    expect(real.state).toMatch(/^finished/);
    // The session's own records: its history, and the errors of the tenant's seeded invalid rows.
    expect(Object.keys(h.salesforce.writes()).sort()).toEqual(['Sync_History__c', 'Sync_Record_Error__c']);
  }, 240_000);
});
