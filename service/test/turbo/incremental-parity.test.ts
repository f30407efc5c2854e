// An incremental session after a bill run leaves Salesforce exactly as a full sync of the same tenant does
// (issue 19: the incremental end state equals a full sync's): every synced object compared record by record,
// lookups by the key of the record they point at, run-specific fields (Ids, audit dates) left out. The bill
// run covers every active account of the S tenant, past the small-session limit, so the session loads through
// Bulk jobs, objects starting while later streams are extracted; one billing account is cancelled too, so a
// follow-up job reads its records (deletions) after those loads started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBusinessEvent } from '../../../emulators/zuora/src/index.js';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import { insertSession, type SessionMode } from '../../src/sessions/session-rows.js';
import type { ProgressEvent } from '../../src/sessions/sync-deps.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { collectionsSessionLimit } from '../../src/turbo/turbo-writer.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { until } from '../support/wait-for.js';

const runSpecific = /^(Id|CreatedDate|LastModifiedDate|SystemModstamp|CreatedById|LastModifiedById|OwnerId)$/;

/** Every record of the accounts scope as `object key {fields}`, sorted; a lookup reads as its target's key. */
function orgState(h: SyncHarness): string[] {
  const objects = [...new Set(mapsInScope('accounts').map((m) => m.salesforceObject))];
  const keyOf = new Map<string, string>();
  const all = objects.flatMap((o) => h.salesforce.records(o).map((r) => ({ o, r })));
  for (const { o, r } of all) keyOf.set(String(r.Id), `${o}:${String(r.External_Id__c ?? r.Name)}`);
  return all
    .map(({ o, r }) => {
      const fields = Object.keys(r)
        .filter((f) => !runSpecific.test(f) && f !== 'attributes')
        .sort()
        .map((f) => `${f}=${JSON.stringify(keyOf.get(String(r[f])) ?? r[f] ?? null)}`);
      return `${o} ${fields.join(' ')}`;
    })
    .sort();
}

describe('incremental sync after a bill run', () => {
  let h: SyncHarness;
  const run = async (mode: SessionMode, onProgress?: (e: ProgressEvent) => void) => {
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode });
    return runTurboSession(onProgress === undefined ? h.deps : { ...h.deps, onProgress }, s.id);
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite', size: 'S' });
  }, 240_000);
  afterAll(async () => {
    await h.close();
  });

  it('ends with the state a full sync of the same tenant ends with', async () => {
    expect((await run('full')).state).toMatch(/^finished/);
    const active = [...h.zuora.tenant.table('Account').values()]
      .map((a) => a.record)
      .filter((a) => a.Status === 'Active');
    let billed = 0;
    for (const a of active) {
      const result = applyBusinessEvent(h.zuora.tenant, {
        type: 'bill-run',
        accountNumbers: [String(a.AccountNumber)],
      });
      if (result.ok) billed += 1;
    }
    expect(billed).toBeGreaterThan(0);
    const invoicesBefore = h.salesforce.records('ZInvoice__c').length;
    const synced = new Set(h.salesforce.records('CustomerAccount__c').map((r) => String(r.External_Id__c)));
    const cancelled = active.find((a) => synced.has(a.Id));
    h.zuora.tenant.update('Account', String(cancelled?.Id), { Status: 'Canceled' });

    // Once invoice items (past the small-session limit by then) are routed, the next export file downloads
    // only after an object has loaded: a session that loads only after extracting everything never gets there.
    const events: ProgressEvent[] = [];
    const zuora = h.deps.zuora;
    const download = zuora.requestStream.bind(zuora);
    zuora.requestStream = async (method, path, options) => {
      if (path.startsWith('/v1/files/') && events.some((e) => e.object === 'InvoiceItem'))
        await until(
          'an object loaded while later streams wait to be extracted',
          () => events.filter((e) => e.phase === 'loaded').length,
          (n) => n > 0,
          240_000,
        );
      return download(method, path, options);
    };
    const incremental = await run('incremental', (e) => events.push(e)).finally(() => {
      zuora.requestStream = download;
    });
    const firstLoad = events.findIndex((e) => e.phase === 'loaded');
    expect(firstLoad).toBeGreaterThanOrEqual(0);
    expect(firstLoad).toBeLessThan(events.findLastIndex((e) => e.phase === 'extracted'));
    expect(incremental.state).toMatch(/^finished/);
    const read = Object.values(incremental.counts.objects ?? {}).reduce((n, c) => n + (c.read ?? 0), 0);
    expect(read).toBeGreaterThan(collectionsSessionLimit);
    expect(h.salesforce.records('ZInvoice__c').length).toBeGreaterThan(invoicesBefore);
    const accounts = h.salesforce.records('CustomerAccount__c').map((r) => String(r.External_Id__c));
    expect(accounts).not.toContain(cancelled?.Id);
    const afterIncremental = orgState(h);
    expect(afterIncremental.length).toBeGreaterThan(1_000);

    expect((await run('full')).state).toMatch(/^finished/);
    expect(afterIncremental).toEqual(orgState(h));
  }, 600_000);
});
