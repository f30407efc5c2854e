// Which open failures the next session reads again (store/failed-record-rows.ts `openFailures`): transient
// errors always, rows held back for a parent once that parent's failure is resolved, data errors never; every
// stream of a session in one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '../../src/sessions/session-rows.js';
import { openFailures, recordFailures, resolveFailures } from '../../src/store/failed-record-rows.js';
import { migrate } from '../../src/store/migrate.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const rule = { retryableCodes: ['UNABLE_TO_LOCK_ROW'], waitingCode: 'PARENT_FAILED' };
const failure = (stream: string, object: string, key: string, code: string, fields?: string[]) => ({
  stream,
  salesforceObject: object,
  entityId: '',
  externalId: key,
  zuoraId: key,
  code,
  message: code,
  ...(fields === undefined ? {} : { fields }),
});

describe.each(storeKinds)('open failures read again (%s)', (kind) => {
  let fx: StoreFixture;
  let sessionId: string;
  beforeAll(async () => {
    fx = await openTestStore(kind);
    await migrate(fx.store);
    sessionId = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' })).id;
    await recordFailures(fx.store, sessionId, [
      failure('Invoice', 'ZInvoice__c', 'inv-bad', 'INVALID_CROSS_REFERENCE_KEY'),
      failure('Invoice', 'ZInvoice__c', 'inv-locked', 'UNABLE_TO_LOCK_ROW'),
      failure('InvoiceItem', 'InvoiceItem__c', 'item-waits', 'PARENT_FAILED', ['ZInvoice__c:inv-bad']),
      failure('InvoiceItem', 'InvoiceItem__c', 'item-free', 'PARENT_FAILED', ['ZInvoice__c:inv-fixed']),
      // Same key under another object: only the named object's failure holds the row back.
      failure('InvoiceItem', 'InvoiceItem__c', 'item-other', 'PARENT_FAILED', ['ZInvoice__c:acc-bad']),
      failure('Account', 'CustomerAccount__c', 'acc-bad', 'INVALID_FIELD'),
      failure('Invoice', 'ZInvoice__c', 'inv-fixed', 'INVALID_FIELD'),
      // A key holding a colon: the object name ends at the first one.
      failure('InvoiceItem', 'InvoiceItem__c', 'item-colon', 'PARENT_FAILED', ['ZInvoice__c:inv:2']),
      failure('Invoice', 'ZInvoice__c', 'inv:2', 'INVALID_FIELD'),
    ]);
    await resolveFailures(fx.store, sessionId, 'ZInvoice__c', '', ['inv-fixed']);
  });
  afterAll(async () => {
    await fx.dispose();
  });

  const keys = async (streams: string[]) =>
    (await openFailures(fx.store, streams, '', rule)).map((f) => `${f.stream}/${f.externalId}`);

  it('answers transient errors and rows whose parent synced since, never data errors', async () => {
    expect(await keys(['Invoice', 'InvoiceItem', 'Account'])).toEqual([
      'Invoice/inv-locked',
      'InvoiceItem/item-free',
      'InvoiceItem/item-other',
    ]);
  });

  it('answers only the streams asked for', async () => {
    expect(await keys(['InvoiceItem'])).toEqual(['InvoiceItem/item-free', 'InvoiceItem/item-other']);
    expect(await keys([])).toEqual([]);
  });

  it('reads a waiting row again once its parent resolves', async () => {
    await resolveFailures(fx.store, sessionId, 'ZInvoice__c', '', ['inv:2']);
    expect(await keys(['InvoiceItem'])).toContain('InvoiceItem/item-colon');
  });
});
