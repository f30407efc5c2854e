// A spool part is screened in one pass before it loads: rows whose parent failed are held back (the part
// rewritten without them) and the keys carrying an open failure of their own are noted for resolution.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(screened).toEqual({ held: [], resolvable: [] });
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
    const kept = [rows[0], rows[2], rows[3]].join('\n');
    expect(readFileSync(file, 'utf8')).toBe(`${header}\n${kept}\n`);
    // Screening again removes nothing more.
    const again = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      '',
      'InvoiceItem__c',
    );
    expect(again.held).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(`${header}\n${kept}\n`);
  });
});
