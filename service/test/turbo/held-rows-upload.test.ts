// A spool part with rows waiting for a failed parent loads without them: the held rows never reach Salesforce,
// they are stored as PARENT_FAILED failures, and the part itself is only read (same inode, size, modification
// time and bytes), so a resumed session finds it as it was written.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '../../src/sessions/session-rows.js';
import { recordFailures } from '../../src/store/failed-record-rows.js';
import { openTurboRun } from '../../src/turbo/turbo-run.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { TurboWriter } from '../../src/turbo/turbo-writer.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

describe('a spool part that holds rows back', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness();
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, s.id);
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });

  it('uploads every other row and leaves the part as written', async () => {
    const invoices = new Map(
      h.salesforce.records('ZInvoice__c').map((r) => [r.Id, String(r.External_Id__c)]),
    );
    const items = h.salesforce.records('InvoiceItem__c');
    const sent = items.find((r) => invoices.has(r.Invoice__c));
    const held = items.find((r) => invoices.has(r.Invoice__c) && r.Invoice__c !== sent?.Invoice__c);
    if (sent === undefined || held === undefined)
      throw new Error('the tenant has no two invoices with items');
    const heldInvoice = invoices.get(held.Invoice__c) ?? '';
    // The held row's invoice failed in an earlier session (its record is in Salesforce all the same, so the
    // row would load if it were sent).
    const earlier = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await recordFailures(h.store, earlier.id, [
      {
        stream: 'Invoice',
        salesforceObject: 'ZInvoice__c',
        entityId: '',
        externalId: heldInvoice,
        zuoraId: heldInvoice,
        code: 'INVALID_CROSS_REFERENCE_KEY',
        message: 'bad',
      },
    ]);

    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const run = await openTurboRun(h.deps, session);
    const file = run.spool.path('InvoiceItem__c', 'upsert', 0);
    const line = (r: typeof sent, name: string) =>
      `${String(r.External_Id__c)},"${name}, changed",${invoices.get(r.Invoice__c) ?? ''}`;
    const text = `External_Id__c,Charge_Name__c,Invoice__r.External_Id__c\n${line(held, 'held')}\n${line(sent, 'sent')}\n`;
    writeFileSync(file, text, { mode: 0o600 });
    const before = statSync(file);
    const bulkBefore = h.salesforce.stats().bulkRecords;

    run.gates.openAll();
    await new TurboWriter(run).load('upsert', [['InvoiceItem__c']], run.plan, () => []);

    expect(h.salesforce.stats().bulkRecords - bulkBefore).toBe(1);
    const byKey = new Map(h.salesforce.records('InvoiceItem__c').map((r) => [r.External_Id__c, r]));
    expect(byKey.get(sent.External_Id__c)?.Charge_Name__c).toBe('sent, changed');
    expect(byKey.get(held.External_Id__c)?.Charge_Name__c).toBe(held.Charge_Name__c);
    const failures = await h.store.query<{ external_id: string; error_code: string; session_id: string }>(
      `SELECT external_id, error_code, session_id FROM failed_records
        WHERE salesforce_object = 'InvoiceItem__c' AND resolved_at IS NULL`,
    );
    expect(failures).toContainEqual({
      external_id: String(held.External_Id__c),
      error_code: 'PARENT_FAILED',
      session_id: session.id,
    });
    const after = statSync(file);
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  }, 300_000);
});
