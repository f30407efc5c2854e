// Turbo Sync as a pipeline, end to end through both emulators: on a full sync past the small-session limit,
// objects start loading while later streams are still being extracted, each only after its own parents have
// loaded (no group barriers), and what each object counts as written is in Salesforce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParents } from '../../src/mapping/load-order.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import type { ProgressEvent } from '../../src/sessions/sync-deps.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

describe('Turbo Sync pipeline', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('loads objects while extraction goes on, each after its own parents, and lands what it counts', async () => {
    const events: ProgressEvent[] = [];
    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const done = await runTurboSession({ ...h.deps, onProgress: (e) => events.push(e) }, session.id);
    expect(done.error).toBeUndefined();
    const extracted = events.filter((e) => e.phase === 'extracted');
    const loaded = events.filter((e) => e.phase === 'loaded');
    expect(extracted.length).toBeGreaterThan(5);
    // The tenant's first stream (billing accounts) completes CustomerAccount__c long before the last stream.
    const firstLoad = events.findIndex((e) => e.phase === 'loaded');
    const lastExtract = events.findLastIndex((e) => e.phase === 'extracted');
    expect(firstLoad).toBeGreaterThanOrEqual(0);
    expect(firstLoad, 'a load started before the last stream was extracted').toBeLessThan(lastExtract);
    // Every object loads after each of its parents has.
    const position = new Map(loaded.map((e, i) => [e.object, i]));
    for (const [object, parents] of loadParents({ scope: 'accounts' })) {
      const at = position.get(object);
      if (at === undefined) continue;
      for (const p of parents) {
        const parentAt = position.get(p);
        if (parentAt !== undefined) expect(parentAt, `${p} before ${object}`).toBeLessThan(at);
      }
    }
    // Each object's records are in Salesforce as counted, once.
    const counts = done.counts.objects ?? {};
    for (const e of loaded) {
      const c = counts[e.object] as { written: number } | undefined;
      expect(h.salesforce.records(e.object).length, e.object).toBe(c?.written);
    }
  }, 300_000);
});
