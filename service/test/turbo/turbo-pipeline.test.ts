// Turbo Sync as a pipeline, end to end through both emulators: on a full sync past the small-session limit,
// objects start loading while later streams are still being extracted, each only after its own parents have
// loaded (no group barriers), and what each object counts as written is in Salesforce. The test holds the
// download of a late export file until billing accounts are in Salesforce: a sync that loads only after
// extracting everything never gets there and the test fails on the wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParents } from '../../src/mapping/load-order.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import { planStreams } from '../../src/mapping/stream-plan.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import type { ProgressEvent } from '../../src/sessions/sync-deps.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { until } from '../support/wait-for.js';

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
    // The export files download in stream order, one per stream: the one before last waits until
    // CustomerAccount__c (of the first stream) has loaded, past the small-session limit by then.
    const streams = planStreams('accounts', objectMaps).length;
    const zuora = h.deps.zuora;
    const download = zuora.requestStream.bind(zuora);
    let files = 0;
    zuora.requestStream = async (method, path, options) => {
      if (path.startsWith('/v1/files/')) {
        files += 1;
        if (files === streams - 1)
          await until(
            'billing accounts loaded while the last streams wait to be extracted',
            () => h.salesforce.records('CustomerAccount__c').length,
            (n) => n > 0,
            240_000,
          );
      }
      return download(method, path, options);
    };
    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const done = await runTurboSession({ ...h.deps, onProgress: (e) => events.push(e) }, session.id);
    expect(done.error).toBeUndefined();
    const extracted = events.filter((e) => e.phase === 'extracted');
    const loaded = events.filter((e) => e.phase === 'loaded');
    expect(extracted.length).toBeGreaterThan(5);
    expect(files).toBeGreaterThanOrEqual(streams - 1);
    const firstLoad = events.findIndex((e) => e.phase === 'loaded');
    const lastExtract = events.findLastIndex((e) => e.phase === 'extracted');
    expect(firstLoad).toBeGreaterThanOrEqual(0);
    expect(firstLoad, 'a load started before the last stream was extracted').toBeLessThan(lastExtract);
    // Every object starts loading after each of its parents has loaded (first event of each: a multi-part
    // object reports each part, and the deferred references pass reports the object again).
    const position = new Map<string, number>();
    loaded.forEach((e, i) => {
      if (!position.has(e.object)) position.set(e.object, i);
    });
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
