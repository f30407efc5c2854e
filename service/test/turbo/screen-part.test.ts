// A spool part is screened in one pass before it loads: rows whose parent failed are held back (left out of the
// upload, the part never rewritten) and the keys carrying an open failure of their own are noted for resolution.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStreamWithout } from '../../src/csv/copy-csv-stream.js';
import { invoiceItemToInvoiceItem } from '../../src/mapping/maps/invoice-item-to-invoice-item.js';
import { recordFailures } from '../../src/store/failed-record-rows.js';
import { migrate } from '../../src/store/migrate.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { screenPart } from '../../src/turbo/screen-part.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const header = 'External_Id__c,Name,Invoice__r.External_Id__c,Subscription__r.External_Id__c';
const rows = [
  'item1,"one, quoted ""x""",inv-ok,',
  'item2,two,inv-failed,',
  'item3,three,,',
  'item4,"multi\nline",inv-ok,',
];

describe.each(storeKinds)('screening a spool part (%s)', (kind) => {
  let fx: StoreFixture;
  let dir: string;
  let sessionId: string;
  beforeAll(async () => {
    fx = await openTestStore(kind);
    await migrate(fx.store);
    dir = mkdtempSync(join(tmpdir(), 'screen-'));
    sessionId = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' })).id;
  });
  afterAll(async () => {
    await fx.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a part untouched when nothing failed before', async () => {
    const file = join(dir, 'clean.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const screened = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      '',
      'InvoiceItem__c',
    );
    expect(screened).toEqual({ held: [], resolvable: [], leftOut: new Set() });
    expect(readFileSync(file, 'utf8')).toBe(`${header}\n${rows.join('\n')}\n`);
  });

  it('holds back the rows of a failed parent and notes the keys whose own failure can resolve', async () => {
    await recordFailures(fx.store, sessionId, [
      {
        stream: 'Invoice',
        salesforceObject: 'ZInvoice__c',
        entityId: '',
        externalId: 'inv-failed',
        zuoraId: null,
        code: 'X',
        message: 'bad',
      },
      {
        stream: 'InvoiceItem',
        salesforceObject: 'InvoiceItem__c',
        entityId: '',
        externalId: 'item3',
        zuoraId: null,
        code: 'UNABLE_TO_LOCK_ROW',
        message: 'lock',
      },
      {
        stream: 'InvoiceItem',
        salesforceObject: 'InvoiceItem__c',
        entityId: '',
        externalId: 'item2',
        zuoraId: null,
        code: 'UNABLE_TO_LOCK_ROW',
        message: 'lock',
      },
    ]);
    const file = join(dir, 'part.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const screened = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      '',
      'InvoiceItem__c',
    );
    expect(screened.held).toHaveLength(1);
    expect(screened.held[0]).toMatchObject({
      externalId: 'item2',
      code: 'PARENT_FAILED',
      fields: ['ZInvoice__c:inv-failed'],
    });
    expect(screened.held[0]?.message).toContain('ZInvoice__c inv-failed');
    // item2 is held, so only item3 can resolve once the part loads.
    expect(screened.resolvable).toEqual(['item3']);
    // The part stays as written; the upload leaves item2 (record 2) out, every other byte as it was.
    expect(screened.leftOut).toEqual(new Set([2]));
    expect(readFileSync(file, 'utf8')).toBe(`${header}\n${rows.join('\n')}\n`);
    const kept = [rows[0], rows[2], rows[3]].join('\n');
    expect(await text(csvStreamWithout(createReadStream(file), screened.leftOut))).toBe(
      `${header}\n${kept}\n`,
    );
    // Screening again (no session stored the held row) holds the same row back.
    const again = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      '',
      'InvoiceItem__c',
    );
    expect(again.held.map((f) => f.externalId)).toEqual(['item2']);
    expect(again.leftOut).toEqual(new Set([2]));
  });

  it('never rewrites the part, and a resumed session leaves out exactly the rows it stored as held', async () => {
    const resumed = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' }))
      .id;
    await recordFailures(fx.store, resumed, [
      {
        stream: 'Invoice',
        salesforceObject: 'ZInvoice__c',
        entityId: 'e2',
        externalId: 'inv-failed',
        zuoraId: null,
        code: 'X',
        message: 'bad',
      },
    ]);
    const file = join(dir, 'resume.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const before = statSync(file);
    const screen = () =>
      screenPart(
        fx.store,
        file,
        invoiceItemToInvoiceItem,
        'InvoiceItem',
        'e2',
        'InvoiceItem__c',
        'upsert',
        (held) => recordFailures(fx.store, resumed, held),
        resumed,
      );
    const first = await screen();
    expect(first.held.map((f) => f.externalId)).toEqual(['item2']);
    const body = await text(csvStreamWithout(createReadStream(file), first.leftOut));
    expect(body).not.toContain('item2');
    // The parent synced meanwhile (another session): the resumed session still leaves item2 out, as stored,
    // without storing it again (its attempts stay at one), and sends the same body.
    await fx.store.query(
      `UPDATE failed_records SET resolved_at = now() WHERE salesforce_object = 'ZInvoice__c' AND entity_id = 'e2'`,
    );
    const second = await screen();
    expect(second.held).toEqual([]);
    expect(second.leftOut).toEqual(first.leftOut);
    expect(await text(csvStreamWithout(createReadStream(file), second.leftOut))).toBe(body);
    const stored = await fx.store.query<{ external_id: string; attempts: number; error_code: string }>(
      `SELECT external_id, attempts, error_code FROM failed_records
        WHERE salesforce_object = 'InvoiceItem__c' AND entity_id = 'e2' AND resolved_at IS NULL`,
    );
    expect(stored).toEqual([{ external_id: 'item2', attempts: 1, error_code: 'PARENT_FAILED' }]);
    // The part was only read: same inode, size, modification time and bytes.
    const after = statSync(file);
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    expect(readFileSync(file, 'utf8')).toBe(`${header}\n${rows.join('\n')}\n`);
  });
  it('holds each row under its own failed parent when rows of one parent come together', async () => {
    const failed = (stream: string, salesforceObject: string, externalId: string) => ({
      stream,
      salesforceObject,
      entityId: 'e3',
      externalId,
      zuoraId: null,
      code: 'X',
      message: 'bad',
    });
    await recordFailures(fx.store, sessionId, [
      failed('Invoice', 'ZInvoice__c', 'inv-a'),
      failed('Invoice', 'ZInvoice__c', 'inv-b'),
      failed('Subscription', 'Subscription__c', 'inv-a'),
    ]);
    const file = join(dir, 'parents.csv');
    const parents = [
      'a1,x,inv-a,',
      'a2,x,inv-a,',
      'b1,x,inv-b,',
      'a3,x,inv-a,',
      's1,x,,inv-a',
      'ok,x,inv-c,',
    ];
    writeFileSync(file, `${header}\n${parents.join('\n')}\n`);
    const screened = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      'e3',
      'InvoiceItem__c',
    );
    expect(screened.held.map((f) => [f.externalId, f.fields])).toEqual([
      ['a1', ['ZInvoice__c:inv-a']],
      ['a2', ['ZInvoice__c:inv-a']],
      ['b1', ['ZInvoice__c:inv-b']],
      ['a3', ['ZInvoice__c:inv-a']],
      ['s1', ['Subscription__c:inv-a']],
    ]);
    expect(screened.held.map((f) => /its (\S+ \S+ \(\S+\))/.exec(f.message)?.[1])).toEqual([
      'ZInvoice__c inv-a (Invoice__r.External_Id__c)',
      'ZInvoice__c inv-a (Invoice__r.External_Id__c)',
      'ZInvoice__c inv-b (Invoice__r.External_Id__c)',
      'ZInvoice__c inv-a (Invoice__r.External_Id__c)',
      'Subscription__c inv-a (Subscription__r.External_Id__c)',
    ]);
    expect(screened.leftOut).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
