// `cleanup --dry-run` through both emulators: after a full catalog sync it lists, per object, exactly the
// records the real clean-up then deletes (counts, Ids, the full file), leaves hand-made records out, and the
// Salesforce emulator's write counters show no write while the watermark stays where it was.
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import { insertSession, type SyncSession } from '../../src/sessions/session-rows.js';
import { readWatermark } from '../../src/store/watermark-rows.js';
import { runSession } from '../../src/turbo/run-session.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

interface Line {
  object: string;
  key: string;
  action: string;
  salesforceId: string | null;
}

describe('sync clean-up dry run', () => {
  let h: SyncHarness;
  const cleanup = async (dryRun: boolean): Promise<SyncSession> => {
    const s = await insertSession(h.store, {
      scope: 'catalog',
      trigger: 'cleanup',
      mode: 'full',
      params: dryRun ? { dryRun: true } : {},
    });
    return runSession(h.deps, s.id);
  };
  /** Per object, the Ids of the records that carry the connector's key now. */
  const keyed = (): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const m of mapsInScope('catalog', h.deps.maps)) {
      const key = m.stableExternalId?.salesforce ?? m.externalId.salesforce;
      const ids = h.salesforce
        .records(m.salesforceObject)
        .filter((r) => r[key] !== null && r[key] !== undefined && r[key] !== '')
        .map((r) => String(r.Id));
      if (ids.length > 0) out.set(m.salesforceObject, new Set(ids));
    }
    return out;
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
    const first = await insertSession(h.store, { scope: 'catalog', trigger: 'manual', mode: 'full' });
    expect((await runTurboSession(h.deps, first.id)).state).toMatch(/^finished/);
  }, 180_000);
  afterAll(async () => {
    await h.close();
  });

  it('lists exactly what the real clean-up deletes, and writes nothing itself', async () => {
    const [handMade] = h.salesforce.insertRecords('Product2', [{ Name: 'Made by hand, no key' }]);
    const expected = keyed();
    expect(expected.size).toBeGreaterThan(1);
    const mark = await readWatermark(h.store, 'catalog', '');
    expect(mark).toBeDefined();
    h.salesforce.resetWrites();

    const dry = await cleanup(true);
    expect(dry.state).toBe('finished');
    expect(h.salesforce.writes()).toEqual({});
    expect((await readWatermark(h.store, 'catalog', ''))?.toISOString()).toBe(mark?.toISOString());
    const report = dry.counts.dryRun;
    if (report === undefined || report.file === null) throw new Error('no dry-run report');
    // One query job per object: create, a poll or more, one result page each (all under 10,000 records).
    expect(report.salesforceCalls).toBeGreaterThanOrEqual(3 * mapsInScope('catalog', h.deps.maps).length);
    expect(statSync(report.file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(report.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines.every((l) => l.action === 'delete')).toBe(true);
    expect(lines.some((l) => l.salesforceId === handMade)).toBe(false);
    for (const [object, ids] of expected) {
      expect(report.objects[object]?.deleted, object).toBe(ids.size);
      expect(new Set(lines.filter((l) => l.object === object).map((l) => l.salesforceId))).toEqual(ids);
      const sample = report.deletedSample?.[object] ?? [];
      expect(sample.length).toBe(Math.min(5, ids.size));
      for (const s of sample) expect(ids.has(s.salesforceId ?? '')).toBe(true);
    }

    const real = await cleanup(false);
    expect(real.state).toBe('finished');
    const writes = h.salesforce.writes();
    for (const [object, ids] of expected) expect(writes[object]?.deleted, object).toBe(ids.size);
    expect(h.salesforce.records('Product2').map((r) => r.Id)).toEqual([handMade]);
    expect(await readWatermark(h.store, 'catalog', '')).toBeUndefined();
  }, 240_000);
});
