import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { login, raw, startFixtureEmulator } from './helpers.js';

// The upsert key of the Bulk column path is read as a range of the upload and found in the external-ID
// index from its characters (src/bulk/fast-ingest.ts): every kind of key cell must give what the row path
// (process-ingest.ts, forced by the lock-row fault at the smallest ratio above 0) gives.

const CLOCK = Date.parse('2026-03-01T12:00:00.000Z');
const sides: Array<{ emulator: SalesforceEmulator; conn: jsforce.Connection }> = [];

/** Runs an upsert job of `csv` on one emulator: its info and result files. */
async function upsert(side: { emulator: SalesforceEmulator; conn: jsforce.Connection }, csv: string) {
  const call = (method: string, path: string, body?: string, type?: string) =>
    raw(side.emulator, side.conn, method, `/services/data/v62.0/jobs/ingest${path}`, body, type);
  const job = { object: 'CustomerAccount__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' };
  const { id } = (await call('POST', '', JSON.stringify(job))).json as { id: string };
  await call('PUT', `/${id}/batches`, csv, 'text/csv');
  await call('PATCH', `/${id}`, JSON.stringify({ state: 'UploadComplete' }));
  let info: Record<string, unknown>;
  do {
    await new Promise((r) => setTimeout(r, 10));
    info = (await call('GET', `/${id}`)).json as Record<string, unknown>;
  } while (info.state !== 'JobComplete' && info.state !== 'Failed');
  const files = await Promise.all(
    ['successfulResults', 'failedResults', 'unprocessedrecords'].map(
      async (k) => (await call('GET', `/${id}/${k}`)).text,
    ),
  );
  return {
    state: info.state,
    processed: info.numberRecordsProcessed,
    failed: info.numberRecordsFailed,
    files,
  };
}

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    const emulator = await startFixtureEmulator({ clock: () => CLOCK });
    emulator.insertRecords('CustomerAccount__c', [
      { Name: 'Seeded', AccountNumber__c: 'A', External_Id__c: 'Seed-Ä' },
    ]);
    sides.push({ emulator, conn: await login(emulator) });
  }
  (sides[1] as { emulator: SalesforceEmulator }).emulator.faults.set({ lockRowRatio: Number.MIN_VALUE });
});
afterAll(async () => {
  for (const { emulator } of sides) await emulator.close();
});

describe('Bulk API 2.0 column path: upsert keys read from the upload', () => {
  it('gives the row path results and records for quoted, non-ASCII, too long, #N/A and repeated keys', async () => {
    const csv = [
      'External_Id__c,Name,AccountNumber__c',
      'K-1,Created,A',
      'k-1,Same key lower-cased,A',
      '"K-2",Quoted key,A',
      '"k-2",Quoted key again,A',
      'seed-ä,Non-ASCII key of a seeded record,A',
      'SEED-Ä,Non-ASCII key again,A',
      `${'L'.repeat(40)},Key too long,A`,
      '#N/A,Key set to null,A',
      '8a8aa1b2c3d4e5f60718293a4b5c6d7e,Zuora Id key,A',
      '8A8AA1B2C3D4E5F60718293A4B5C6D7F,Upper-case hex key,A',
      '8a8aa1b2c3d4e5f60718293a4b5c6d7F,Same key mixed case,A',
      ',No key,A',
      'K-3,Created after the others,A',
      'K-1,Same key later,A',
    ].join('\n');
    const [viaColumns, viaRows] = await Promise.all(sides.map((side) => upsert(side, `${csv}\n`)));
    expect(viaColumns).toEqual(viaRows);
    const records = sides.map(({ emulator }) => emulator.records('CustomerAccount__c'));
    expect(records[0]).toEqual(records[1]);
    // The second run updates every key the first created: by index hits, looked up from the characters.
    const [again, againRows] = await Promise.all(sides.map((side) => upsert(side, `${csv}\n`)));
    expect(again).toEqual(againRows);
    expect(sides[0]?.emulator.records('CustomerAccount__c')).toEqual(
      sides[1]?.emulator.records('CustomerAccount__c'),
    );
    // Then a key only the index's map can hold (beyond Latin-1): keys are looked up by their strings.
    const cyrillic =
      'External_Id__c,Name,AccountNumber__c\nКлюч-1,Cyrillic key,A\nK-1,Known key,A\n8a8aa1b2c3d4e5f60718293a4b5c6d7e,Known hex key,A\n8a8aa1b2c3d4e5f60718293a4b5c6d7f,Known folded hex key,A\nключ-1,Again,A\n';
    for (let run = 0; run < 2; run += 1) {
      const [last, lastRows] = await Promise.all(sides.map((side) => upsert(side, cyrillic)));
      expect(last).toEqual(lastRows);
    }
    expect(sides[0]?.emulator.records('CustomerAccount__c')).toEqual(
      sides[1]?.emulator.records('CustomerAccount__c'),
    );
    expect(viaColumns?.state).toBe('JobComplete');
    expect(viaColumns?.files[1]?.match(/DUPLICATE_EXTERNAL_ID/g)?.length).toBe(5);
    expect(viaColumns?.files[1]).toContain('STRING_TOO_LONG');
  });
});
