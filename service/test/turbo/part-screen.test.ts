// A spool part screened by its own upload: the body leaves out the rows held back as it streams the part (one
// read), the held rows are stored only once the body has been read whole (before the job is closed), a body
// sent again leaves out the same rows without judging them again, and a session resumed after the rows were
// stored sends the same body.
import { createReadStream, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceItemToInvoiceItem } from '../../src/mapping/maps/invoice-item-to-invoice-item.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { recordFailures, type FailedRecordInput } from '../../src/store/failed-record-rows.js';
import { migrate } from '../../src/store/migrate.js';
import { PartScreen } from '../../src/turbo/part-screen.js';
import { screenPart } from '../../src/turbo/screen-part.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

const header = 'External_Id__c,Name,Invoice__r.External_Id__c,Subscription__r.External_Id__c';
const rows = [
  'item1,"one, quoted ""x""",inv-ok,',
  'item2,two,inv-failed,',
  'item3,three,,',
  'item4,"multi\nline",inv-failed,',
  'item5,five,inv-ok,',
];
const part = `${header}\n${rows.join('\n')}\n`;
const sent = `${header}\n${[rows[0], rows[2], rows[4]].join('\n')}\n`;

describe('screening a spool part by its upload', () => {
  let fx: StoreFixture;
  let dir: string;
  let n = 0;
  beforeAll(async () => {
    fx = await openTestStore('pglite');
    await migrate(fx.store);
    dir = mkdtempSync(join(tmpdir(), 'part-screen-'));
  });
  afterAll(async () => {
    await fx.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A session whose invoice inv-failed failed, item3 with an open failure of its own, and its part. */
  async function setUp() {
    n += 1;
    const entityId = `e${String(n)}`;
    const sessionId = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' }))
      .id;
    const failure = (salesforceObject: string, externalId: string, code: string): FailedRecordInput => ({
      stream: 'x',
      salesforceObject,
      entityId,
      externalId,
      zuoraId: null,
      code,
      message: 'bad',
    });
    await recordFailures(fx.store, sessionId, [
      failure('ZInvoice__c', 'inv-failed', 'X'),
      failure('InvoiceItem__c', 'item3', 'UNABLE_TO_LOCK_ROW'),
    ]);
    const file = join(dir, `${entityId}.csv`);
    writeFileSync(file, part);
    const stored: string[][] = [];
    const target = {
      map: invoiceItemToInvoiceItem,
      stream: 'InvoiceItem',
      entityId,
      failureObject: 'InvoiceItem__c',
      pass: 'upsert' as const,
      sessionId,
    };
    const open = () =>
      PartScreen.open(fx.store, file, target, async (held) => {
        stored.push(held.map((f) => f.externalId));
        await recordFailures(fx.store, sessionId, held);
      });
    const held = () =>
      fx.store.query<{ external_id: string; attempts: number }>(
        `SELECT external_id, attempts FROM failed_records WHERE salesforce_object = 'InvoiceItem__c'
          AND entity_id = $1 AND error_code = 'PARENT_FAILED' AND resolved_at IS NULL ORDER BY external_id`,
        [entityId],
      );
    return { file, entityId, stored, open, held };
  }

  it('reads the part once, for the upload, and stores the held rows before the job is closed', async () => {
    const { file, entityId, stored, open, held } = await setUp();
    const screen = await open();
    let reads = 0;
    const body = await text(screen.body(() => ((reads += 1), createReadStream(file))));
    expect(body).toBe(sent);
    expect(stored).toEqual([]);
    // The part is not read again: what screening found is known from the upload alone.
    unlinkSync(file);
    await screen.beforeClose();
    expect(stored).toEqual([['item2', 'item4']]);
    const outcome = await screen.outcome();
    expect(reads).toBe(1);
    expect(outcome.leftOut).toEqual(new Set([2, 4]));
    expect(outcome.resolvable).toEqual(['item3']);
    expect(outcome.held.map((f) => [f.externalId, f.code, f.fields])).toEqual([
      ['item2', 'PARENT_FAILED', ['ZInvoice__c:inv-failed']],
      ['item4', 'PARENT_FAILED', ['ZInvoice__c:inv-failed']],
    ]);
    // The same as screening the part before the upload finds.
    writeFileSync(file, part);
    const before = await screenPart(
      fx.store,
      file,
      invoiceItemToInvoiceItem,
      'InvoiceItem',
      entityId,
      'InvoiceItem__c',
    );
    expect({ ...before, held: before.held.map((f) => f.message) }).toEqual({
      ...outcome,
      held: outcome.held.map((f) => f.message),
    });
    expect(await held()).toEqual([
      { external_id: 'item2', attempts: 1 },
      { external_id: 'item4', attempts: 1 },
    ]);
  });

  it('sends a body again without judging it again, and stores the held rows once', async () => {
    const { file, stored, open, held } = await setUp();
    const screen = await open();
    expect(await text(screen.body(() => createReadStream(file)))).toBe(sent);
    await screen.beforeClose();
    // A transport retry: the parent is resolved meanwhile, the body sent again is the same all the same.
    await fx.store.query(
      `UPDATE failed_records SET resolved_at = now() WHERE salesforce_object = 'ZInvoice__c'`,
    );
    expect(await text(screen.body(() => createReadStream(file)))).toBe(sent);
    await screen.beforeClose();
    expect(stored).toEqual([['item2', 'item4']]);
    expect((await held()).map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('refuses to close a job whose body was not read whole, and judges the next body afresh', async () => {
    const { file, stored, open } = await setUp();
    const screen = await open();
    const cut = screen.body(() => createReadStream(file, { highWaterMark: 16 }));
    for await (const _chunk of cut) break;
    await expect(screen.beforeClose()).rejects.toThrow(/read whole/);
    expect(stored).toEqual([]);
    expect(await text(screen.body(() => createReadStream(file)))).toBe(sent);
    await screen.beforeClose();
    expect(stored).toEqual([['item2', 'item4']]);
  });

  it('sends the same body once resumed after the held rows were stored, holding none again', async () => {
    const { file, stored, open, held } = await setUp();
    const first = await open();
    expect(await text(first.body(() => createReadStream(file)))).toBe(sent);
    await first.beforeClose();
    // Killed before the job was closed: the job is aborted and the part screened again by a new upload.
    await fx.store.query(
      `UPDATE failed_records SET resolved_at = now() WHERE salesforce_object = 'ZInvoice__c'`,
    );
    const resumed = await open();
    expect(await text(resumed.body(() => createReadStream(file)))).toBe(sent);
    await resumed.beforeClose();
    expect(stored).toEqual([['item2', 'item4']]);
    expect((await held()).map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('reads the part alone when no body was sent (a job resumed past its upload)', async () => {
    const { stored, open } = await setUp();
    const screen = await open();
    const outcome = await screen.outcome();
    expect(outcome.leftOut).toEqual(new Set([2, 4]));
    expect(stored).toEqual([['item2', 'item4']]);
  });
});
