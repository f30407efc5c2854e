import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../src/index.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startFixtureEmulator,
} from './helpers.js';

// The Bulk column path (src/bulk/fast-ingest.ts) against the row path (process-ingest.ts) on the same
// uploads: every result file, job count, stored record and write counter must be the same. The row
// path is forced on one emulator by the lock-row fault at the smallest ratio above 0 (a lock happens
// only when Math.random() returns exactly 0).

const CLOCK = Date.parse('2026-03-01T12:00:00.000Z');
let columns: SalesforceEmulator;
let rows: SalesforceEmulator;

async function token(emulator: SalesforceEmulator): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'password',
    client_id: DEFAULT_CLIENT_ID,
    client_secret: DEFAULT_CLIENT_SECRET,
    username: DEFAULT_USERNAME,
    password: DEFAULT_PASSWORD,
  });
  const res = await fetch(`${emulator.url}/services/oauth2/token`, { method: 'POST', body });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function runJob(emulator: SalesforceEmulator, job: Record<string, unknown>, csv: string) {
  const auth = { authorization: `Bearer ${await token(emulator)}` };
  const base = `${emulator.url}/services/data/v62.0/jobs/ingest`;
  const json = { ...auth, 'content-type': 'application/json' };
  const created = await fetch(base, { method: 'POST', headers: json, body: JSON.stringify(job) });
  const { id } = (await created.json()) as { id: string };
  await fetch(`${base}/${id}/batches`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: csv,
  });
  await fetch(`${base}/${id}`, {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify({ state: 'UploadComplete' }),
  });
  let info: Record<string, unknown> = {};
  do {
    await new Promise((r) => setTimeout(r, 10));
    info = (await (await fetch(`${base}/${id}`, { headers: auth })).json()) as Record<string, unknown>;
  } while (info.state !== 'JobComplete' && info.state !== 'Failed');
  const text = async (kind: string) => (await fetch(`${base}/${id}/${kind}`, { headers: auth })).text();
  return {
    state: info.state,
    processed: info.numberRecordsProcessed,
    failed: info.numberRecordsFailed,
    errorMessage: info.errorMessage,
    successful: await text('successfulResults'),
    failedResults: await text('failedResults'),
    unprocessed: await text('unprocessedrecords'),
  };
}

/** A CustomerAccount__c upsert job on both emulators: the same results and records; answers the column path's. */
async function upsertOnBothPaths(csv: string) {
  const job = { object: 'CustomerAccount__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' };
  const viaColumns = await runJob(columns, job, csv);
  const viaRows = await runJob(rows, job, csv);
  expect(viaColumns).toEqual(viaRows);
  expect(columns.records('CustomerAccount__c')).toEqual(rows.records('CustomerAccount__c'));
  return viaColumns;
}

function seed(emulator: SalesforceEmulator): void {
  emulator.insertRecords('Account', [
    { Name: 'One', Zuora_Customer_Number__c: 'C-1' },
    { Name: 'Two', Zuora_Customer_Number__c: 'C-2' },
    { Name: 'Dup a', Zuora_Customer_Number__c: 'C-DUP' },
    { Name: 'Dup b', Zuora_Customer_Number__c: 'C-DUP' },
  ]);
  emulator.insertRecords('Sync_History__c', [{ Session_Id__c: 'S-1' }]);
  emulator.insertRecords('CustomerAccount__c', [
    { Name: 'Seeded', AccountNumber__c: 'A-S', External_Id__c: 'Z-SEED', Status__c: 'Active' },
  ]);
}

beforeAll(async () => {
  columns = await startFixtureEmulator({ clock: () => CLOCK });
  rows = await startFixtureEmulator({ clock: () => CLOCK });
  rows.faults.set({ lockRowRatio: Number.MIN_VALUE });
  seed(columns);
  seed(rows);
});
afterAll(async () => {
  await columns.close();
  await rows.close();
});

const acct = (emulator: SalesforceEmulator, name: string) =>
  String(emulator.records('Account').find((r) => r.Name === name)?.Id);

/** Uploads that go through every check of the insert and upsert paths. */
function uploads(emulator: SalesforceEmulator): Array<{ job: Record<string, unknown>; csv: string }> {
  const one = acct(emulator, 'One');
  const seeded = String(emulator.records('CustomerAccount__c')[0]?.Id);
  const owner = String(emulator.records('User')[0]?.Id);
  const upsert = { object: 'CustomerAccount__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' };
  const head =
    'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c,Status__c,Channels__c,Balance__c,Discount__c,Bill_Cycle_Day__c,Auto_Pay__c,Activated_On__c,Last_Synced_At__c,Notes__c,Bill_To_Email__c,Phone__c,Portal__c,OwnerId,Last_Sync_History__r.Session_Id__c';
  const upsertRows = [
    'Z-1,"Acme, ""EU""",A-1,C-1,Active,Email;Web,10.5,5,1,true,2024-02-29,2025-01-01T10:00:00.000Z,"two\nlines",a@b.co,+1 555,https://x.io,,S-1',
    'Z-2,Numbers,A-2,C-2,Canceled,,1e3,+5,007,yes,2024-01-01T10:00:00Z,2025-01-01,,,,,,',
    'Z-3,More numbers,A-3,,,,-0,.5,3.7,NO,,2025-01-01T10:00:00+0200,,,,,,',
    'Z-4,Too many digits,A-4,,,,12345678901234567,,,,,,,,,,,',
    'Z-5,Day out of range,A-5,,,,,,100,,,,,,,,,',
    'Z-6,Bad values,A-6,,Paused,Fax,lots,x,1.,2,2024-02-30,bad,,not-an-email,,,abc,',
    'Z-7,Parents,A-7,C-404,,,,,,,,,,,,,,S-404',
    'Z-8,Ambiguous parent,A-8,C-DUP,,,,,,,,,,,,,,',
    'Z-9,No number,,,,,,,,,,,,,,,,',
    'Z-10,Too long,A-1234567890,,,,,,,,,,,,,,,',
    'z-1,Duplicate key in another case,A-11,,,,,,,,,,,,,,,',
    ',No key,A-12,,,,,,,,,,,,,,,',
    '#N/A,Null key,A-13,,,,,,,,,,,,,,,',
    'z-seed,Seed renamed,#N/A,,#N/A,,,,,,,,#N/A,,,,,',
    `Z-14,Owner given,A-14,,,,,,,,,,,,,,${owner},`,
    `Z-15,Owner of the wrong type,A-15,,,,,,,,,,,,,,${one},`,
    `Z-16,Owner deleted or unknown,A-16,,,,,,,,,,,,,,005000000000000AAA,`,
    'Z-17,Text 日本 beyond Latin-1 ✓,A-17,,,,,,,,,,"quote "" and , comma",,,,,',
    'Z-18,\u0001,A-18,,,,,,,,,,\u0001,,,,,',
    'Z-19,"",A-19,,,,,,,,,,,,,,,',
    'Z-21,Null parent,A-21,#N/A,,,,,,,,,,,,,,',
  ];
  const plainInsert = [
    'Name,AccountNumber__c,External_Id__c,Account__c,Auto_Pay__c',
    `Direct parent,A-30,Z-30,${one},1`,
    `Parent of the wrong type,A-31,Z-31,${seeded},0`,
    'Duplicate of a stored key,A-32,Z-1,,',
    'No key at all,A-33,,,',
    'Malformed parent Id,A-34,Z-34,001xyz,',
  ];
  return [
    { job: upsert, csv: `${[head, ...upsertRows].join('\n')}\n` },
    // The same keys again: updates (the row path's update), new rows, duplicates across batches.
    { job: upsert, csv: `${[head, ...upsertRows.slice(0, 12).reverse()].join('\n')}\n` },
    { job: { object: 'CustomerAccount__c', operation: 'insert' }, csv: `${plainInsert.join('\n')}\n` },
    {
      job: {
        object: 'CustomerAccount__c',
        operation: 'insert',
        columnDelimiter: 'SEMICOLON',
        lineEnding: 'CRLF',
      },
      csv: 'Name;AccountNumber__c;Balance_Label__c\r\nRead-only given;A-40;x\r\nRead-only empty;A-41;\r\n',
    },
    { job: upsert, csv: 'External_Id__c,Name\nZ-50,"unterminated\n' },
    {
      job: upsert,
      csv: 'External_Id__c,Name,AccountNumber__c\nZ-52,Stored before the bad row,A-52\nZ-51,"closed"x,A-51\n',
    },
  ];
}

describe('Bulk API 2.0 column path', () => {
  it('gives the row path results, records and write counts on every kind of row', async () => {
    const a = uploads(columns);
    const b = uploads(rows);
    expect(a.map((u) => u.csv)).toEqual(b.map((u) => u.csv));
    const results = [];
    for (let i = 0; i < a.length; i += 1) {
      const viaColumns = await runJob(columns, a[i]!.job, a[i]!.csv);
      const viaRows = await runJob(rows, b[i]!.job, b[i]!.csv);
      expect(viaColumns, `upload ${i}`).toEqual(viaRows);
      results.push(viaColumns);
    }
    expect(columns.records('CustomerAccount__c')).toEqual(rows.records('CustomerAccount__c'));
    expect(columns.writes()).toEqual(rows.writes());
    // The uploads reach what they are meant to: new rows, updates, failures of each kind.
    const lines = (text: string, marker: string) => text.split('\n').filter((l) => l.includes(marker)).length;
    expect(results.map((r) => r.state)).toEqual([
      'JobComplete',
      'JobComplete',
      'JobComplete',
      'JobComplete',
      'Failed',
      'Failed',
    ]);
    expect(lines(results[0]!.successful, '"true"')).toBeGreaterThan(5);
    expect(lines(results[1]!.successful, '"false"')).toBeGreaterThan(2);
    expect(results[0]!.failed).toBeGreaterThan(10);
    expect(results[2]!.failed).toBeGreaterThan(2);
    expect(columns.writes().CustomerAccount__c?.updated).toBeGreaterThan(2);
  });
});

describe('Bulk API 2.0 column path: repeated keys and e-mail cells', () => {
  it('gives the row path results for a key repeated after a failed, created or updated row, and odd e-mails', async () => {
    const head = 'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c,Bill_To_Email__c';
    const csv = [
      head,
      'K-1,Parent missing,A-1,C-404,',
      'k-1,Same key after a failed row,A-2,,',
      'K-2,Created,A-3,,',
      'K-2,Same key after a created row,A-4,,',
      'z-seed,Seeded record updated,A-5,,',
      'Z-SEED,Same key after an updated row,A-6,,',
      'K-3,Bad e-mail first,A-7,,not-an-email',
      'K-3,Same key after a coercion error,A-8,,',
      ...[
        'a@b.c',
        'a@.bc',
        'a@b.',
        'a@bc',
        '@b.c',
        'a@@b.c',
        'a@b.c.d',
        'a.b@c',
        'ä@b.c',
        'a@b\u00a0.c',
        'a@b\u2028.c',
        '"quoted@example.com"',
        '"a b@c.d"',
      ].map((email, i) => `E-${i},E-mail ${i},B-${i},,${email}`),
    ].join('\n');
    const viaColumns = await upsertOnBothPaths(`${csv}\n`);
    // Each kind of row is reached: duplicates after failed, created and updated rows, valid and invalid e-mails.
    expect(viaColumns.failedResults.match(/DUPLICATE_EXTERNAL_ID/g)?.length).toBe(3);
    expect(viaColumns.failedResults.match(/INVALID_EMAIL_ADDRESS/g)?.length).toBeGreaterThan(5);
    expect(viaColumns.successful.split('\n').filter((l) => l.includes('E-mail')).length).toBeGreaterThan(2);
  });
});

describe('Bulk API 2.0 column path: parents by external ID deleted or missing', () => {
  it('fails a reference to a deleted or missing parent as before, and links a live one on every row', async () => {
    for (const emulator of [columns, rows]) {
      const [live, gone] = emulator.insertRecords('Account', [
        { Name: 'Live parent', Zuora_Customer_Number__c: 'C-LIVE' },
        { Name: 'Deleted parent', Zuora_Customer_Number__c: 'C-GONE' },
      ]);
      expect(live).toBeTruthy();
      const res = await fetch(`${emulator.url}/services/data/v62.0/sobjects/Account/${String(gone)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${await token(emulator)}` },
      });
      expect(res.status).toBe(204);
    }
    const csv = [
      'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c',
      'P-1,Live parent,A-1,C-LIVE',
      'P-2,Deleted parent,A-2,C-GONE',
      'P-3,Live parent again,A-3,c-live',
      'P-4,Missing parent,A-4,C-NONE',
      'P-5,Deleted parent again,A-5,C-GONE',
      'P-6,Live parent a third time,A-6,C-LIVE',
    ].join('\n');
    const viaColumns = await upsertOnBothPaths(`${csv}\n`);
    // Salesforce's error for an unmatched relationship external ID (resolve-references.ts).
    const failed = viaColumns.failedResults.split('\n').filter((l) => l.includes('Foreign key'));
    expect(failed.map((l) => l.split(',')[1])).toEqual([
      '"INVALID_FIELD:Foreign key external ID: C-GONE not found for field Zuora_Customer_Number__c in entity Account:--"',
      '"INVALID_FIELD:Foreign key external ID: C-NONE not found for field Zuora_Customer_Number__c in entity Account:--"',
      '"INVALID_FIELD:Foreign key external ID: C-GONE not found for field Zuora_Customer_Number__c in entity Account:--"',
    ]);
    const liveId = acct(columns, 'Live parent');
    const linked = columns
      .records('CustomerAccount__c')
      .filter((r) => String(r.External_Id__c).startsWith('P-'));
    expect(linked.map((r) => [r.External_Id__c, r.Account__c])).toEqual([
      ['P-1', liveId],
      ['P-3', liveId],
      ['P-6', liveId],
    ]);
  });
});

describe('Bulk API 2.0 column path: mostly distinct parents', () => {
  it('links each of thousands of parents by external ID as the row path does', async () => {
    const parents = Array.from({ length: 2_500 }, (_, i) => ({
      Name: `P ${i}`,
      Zuora_Customer_Number__c: `D-${i}`,
    }));
    for (const emulator of [columns, rows]) emulator.insertRecords('Account', parents);
    // Past 2,048 distinct parents the batch stops caching them (batch-lookups.ts); some are missing.
    const lines = Array.from({ length: 2_600 }, (_, i) => `M-${i},Many ${i},N-${i},D-${i}`);
    const viaColumns = await upsertOnBothPaths(
      `External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c\n${lines.join('\n')}\n`,
    );
    expect(viaColumns.failedResults.match(/Foreign key external ID/g)?.length).toBe(100);
    const linked = columns.records('CustomerAccount__c').filter((r) => r.External_Id__c === 'M-2400');
    expect(linked[0]?.Account__c).toBe(acct(columns, 'P 2400'));
  });
});

describe('Bulk API 2.0 column path: upserts that update', () => {
  // Own pair of emulators on a clock the test moves: an update's LastModifiedDate is a later one.
  let now = CLOCK;
  let colEm: SalesforceEmulator;
  let rowEm: SalesforceEmulator;
  const upsert = { object: 'CustomerAccount__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' };

  beforeAll(async () => {
    colEm = await startFixtureEmulator({ clock: () => now });
    rowEm = await startFixtureEmulator({ clock: () => now });
    rowEm.faults.set({ lockRowRatio: Number.MIN_VALUE });
    for (const emulator of [colEm, rowEm]) {
      emulator.insertRecords('Account', [
        { Name: 'One', Zuora_Customer_Number__c: 'C-1' },
        { Name: 'Two', Zuora_Customer_Number__c: 'C-2' },
      ]);
      emulator.insertRecords('Sync_History__c', [{ Session_Id__c: 'S-1' }, { Session_Id__c: 'S-2' }]);
    }
  });
  afterAll(async () => {
    await colEm.close();
    await rowEm.close();
  });

  /** The job on both emulators: the same results, records and write counts; answers the column path's. */
  async function both(job: Record<string, unknown>, csv: string) {
    const viaColumns = await runJob(colEm, job, csv);
    const viaRows = await runJob(rowEm, job, csv);
    expect(viaColumns).toEqual(viaRows);
    expect(colEm.records('CustomerAccount__c')).toEqual(rowEm.records('CustomerAccount__c'));
    expect(colEm.writes()).toEqual(rowEm.writes());
    return viaColumns;
  }

  async function query(emulator: SalesforceEmulator, soql: string): Promise<unknown[]> {
    const res = await fetch(`${emulator.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
      headers: { authorization: `Bearer ${await token(emulator)}` },
    });
    return ((await res.json()) as { records: unknown[] }).records;
  }

  const byKey = (emulator: SalesforceEmulator, key: string) =>
    emulator.records('CustomerAccount__c').find((r) => r.External_Id__c === key) as Record<string, unknown>;

  it('gives the row path results, records, indexes and write counts, and moves LastModifiedDate', async () => {
    const owner = String(colEm.records('User')[0]?.Id);
    const head =
      'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c,Status__c,Channels__c,Balance__c,Discount__c,Bill_Cycle_Day__c,Auto_Pay__c,Activated_On__c,Last_Synced_At__c,Notes__c,Bill_To_Email__c,Phone__c,Portal__c,OwnerId,Last_Sync_History__r.Session_Id__c,Balance_Label__c';
    const first = Array.from(
      { length: 9 },
      (_, i) =>
        `U-${i + 1},Customer ${i + 1},A-${i + 1},C-1,Active,Email,${i}.5,5,${i + 1},true,2024-01-0${i + 1},2025-01-01T10:00:00.000Z,"note ${i + 1}",u${i + 1}@example.com,+1 555 000${i},https://example.com/${i + 1},,S-1,`,
    );
    await both(upsert, `${[head, ...first].join('\n')}\n`);
    // Queries filtering on a field build its row index (lookup-index.ts), which the updates then keep.
    for (const emulator of [colEm, rowEm]) {
      expect(await query(emulator, "SELECT Id FROM CustomerAccount__c WHERE Status__c = 'Canceled'")).toEqual(
        [],
      );
      expect(
        await query(emulator, 'SELECT Id FROM CustomerAccount__c WHERE Bill_Cycle_Day__c = 3'),
      ).toHaveLength(1);
    }
    const created = byKey(colEm, 'U-1').CreatedDate;

    now = CLOCK + 60_000;
    const updates = [
      // Every kind of field changed, the parent by external ID and the owner too; longer text.
      `U-1,Customer one renamed at length,B-1,C-2,Canceled,Email;Web,99.25,7,28,false,2023-12-31,2025-06-01T08:30:00.000Z,"two\nlines of notes",new1@example.com,+44 20 0000,https://example.org/one,${owner},S-2,`,
      // #N/A clears fields; empty cells leave them; the key in another case matches.
      'u-2,,,,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,#N/A,,,',
      'U-3,C3,,,,,,,,,,,,,,,,,',
      'U-4,Customer 四,,,,,,,,,,,Übernächste ✓,,,,,,',
      'U-5,Required cleared,#N/A,,,,,,,,,,,,,,,,',
      'U-6,Parent missing,,C-404,,,,,,,,,,,,,,S-404,',
      'U-7,Read-only given,,,,,,,,,,,,,,,,,x',
      'U-1,The same key again,,,,,,,,,,,,,,,,,',
      'U-8,Bad values,,,Paused,,lots,,,maybe,2024-02-30,,,not-an-email,,,,,',
      'U-10,Created by the update job,A-10,C-1,Active,,,,,,,,,,,,,,',
      'u-10,Same key after a created row,A-11,,,,,,,,,,,,,,,,',
      'U-9,\u0001,,,,,,,,,,,\u0001,,,,,,',
      `U-3,Owner of the wrong type,,,,,,,,,,,,,,,${String(colEm.records('Account')[0]?.Id)},,`,
    ];
    const second = await both(upsert, `${[head, ...updates].join('\n')}\n`);
    expect(second.failedResults.match(/DUPLICATE_EXTERNAL_ID/g)?.length).toBe(3);
    for (const code of [
      'REQUIRED_FIELD_MISSING',
      'INVALID_FIELD:Foreign key',
      'INVALID_FIELD_FOR_INSERT_UPDATE',
    ])
      expect(second.failedResults).toContain(code);
    expect(colEm.writes().CustomerAccount__c?.updated).toBe(5);

    // Direct lookups: cleared, set, of the wrong type, unknown; text back to Latin-1.
    const one = String(colEm.records('Account').find((r) => r.Name === 'One')?.Id);
    const other = String(byKey(colEm, 'U-8').Id);
    const third = [
      'External_Id__c,Account__c,Notes__c,Name,OwnerId',
      'U-1,#N/A,,,',
      `U-2,${one},back,,`,
      `U-3,${other},,,`,
      'U-4,,plain,Customer 4,',
      'U-10,001000000000000AAA,,,',
      'U-9,,plain again,Plain,',
      'U-9,,,A duplicate,',
      `U-5,,,,${one}`,
    ];
    await both(upsert, `${third.join('\n')}\n`);
    expect(colEm.writes().CustomerAccount__c?.updated).toBe(9);

    const u1 = byKey(colEm, 'U-1');
    expect(u1.CreatedDate).toBe(created);
    expect(u1.LastModifiedDate).not.toBe(created);
    expect(u1.SystemModstamp).toBe(u1.LastModifiedDate);
    expect([u1.Name, u1.Status__c, u1.Account__c, u1.Notes__c]).toEqual([
      'Customer one renamed at length',
      'Canceled',
      null,
      'two\nlines of notes',
    ]);
    const u2 = byKey(colEm, 'U-2');
    expect([u2.External_Id__c, u2.Status__c, u2.Balance__c, u2.Notes__c, u2.Account__c]).toEqual([
      'U-2',
      null,
      null,
      'back',
      one,
    ]);
    expect([byKey(colEm, 'U-3').Name, byKey(colEm, 'U-3').Phone__c]).toEqual(['C3', '+1 555 0002']);
    expect([byKey(colEm, 'U-4').Name, byKey(colEm, 'U-4').Notes__c]).toEqual(['Customer 4', 'plain']);
    expect(byKey(colEm, 'U-6').LastModifiedDate).toBe(created);
    // The indexes follow: queries by the changed fields, and the key looked up by a later upsert.
    for (const soql of [
      "SELECT Id, Name FROM CustomerAccount__c WHERE Status__c = 'Canceled'",
      "SELECT Id, Name FROM CustomerAccount__c WHERE Status__c = 'Active' ORDER BY Name",
      'SELECT Id, Name FROM CustomerAccount__c WHERE Bill_Cycle_Day__c = 3',
      'SELECT Id, Name FROM CustomerAccount__c WHERE Bill_Cycle_Day__c = 28',
    ])
      expect(await query(colEm, soql), soql).toEqual(await query(rowEm, soql));
    expect(await query(colEm, "SELECT Name FROM CustomerAccount__c WHERE Status__c = 'Canceled'")).toEqual([
      expect.objectContaining({ Name: 'Customer one renamed at length' }),
    ]);
  });

  it('leaves objects with automation to their triggers (the row path)', async () => {
    const ids = [colEm, rowEm].map((emulator) =>
      String(
        emulator.insertRecords('Opportunity', [
          { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2026-06-30' },
        ])[0],
      ),
    );
    expect(ids[0]).toBe(ids[1]);
    const job = { object: 'Opportunity', operation: 'upsert', externalIdFieldName: 'Id' };
    const viaColumns = await runJob(colEm, job, `Id,StageName\n${ids[0]},Closed Won\n`);
    expect(viaColumns).toEqual(await runJob(rowEm, job, `Id,StageName\n${ids[0]},Closed Won\n`));
    expect(colEm.records('Opportunity')).toEqual(rowEm.records('Opportunity'));
    // Opportunity's rule (cpq/derived-field-rules.ts) derived IsWon and IsClosed from the new stage.
    expect(colEm.records('Opportunity')[0]).toMatchObject({
      StageName: 'Closed Won',
      IsWon: true,
      IsClosed: true,
    });
  });
});

describe('Bulk API 2.0 column path: updates of other unique and external-ID fields', () => {
  // An object of its own with two more indexed fields besides the upsert key: Code__c (unique,
  // required) and Ref__c (external ID, not unique).
  let dir = '';
  let colEm: SalesforceEmulator;
  let rowEm: SalesforceEmulator;
  const field = (name: string, extra: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label><type>Text</type><length>20</length>${extra}</CustomField>\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-item-'));
    const objects = join(dir, 'main', 'default', 'objects', 'Item__c');
    mkdirSync(join(objects, 'fields'), { recursive: true });
    writeFileSync(
      join(objects, 'Item__c.object-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Item</label><pluralLabel>Items</pluralLabel><nameField><label>Item Name</label><type>Text</type></nameField><sharingModel>ReadWrite</sharingModel></CustomObject>\n',
    );
    const fields: Array<[string, string]> = [
      ['Key__c', '<externalId>true</externalId><unique>true</unique>'],
      ['Code__c', '<externalId>true</externalId><unique>true</unique><required>true</required>'],
      ['Ref__c', '<externalId>true</externalId>'],
    ];
    for (const [name, extra] of fields)
      writeFileSync(join(objects, 'fields', `${name}.field-meta.xml`), field(name, extra));
    colEm = await startSalesforceEmulator({ forceAppDir: dir, clock: () => CLOCK });
    rowEm = await startSalesforceEmulator({ forceAppDir: dir, clock: () => CLOCK });
    rowEm.faults.set({ lockRowRatio: Number.MIN_VALUE });
  });
  afterAll(async () => {
    await colEm.close();
    await rowEm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function both(key: string, csv: string) {
    const job = { object: 'Item__c', operation: 'upsert', externalIdFieldName: key };
    const viaColumns = await runJob(colEm, job, csv);
    expect(viaColumns).toEqual(await runJob(rowEm, job, csv));
    expect(colEm.records('Item__c')).toEqual(rowEm.records('Item__c'));
    expect(colEm.writes()).toEqual(rowEm.writes());
    return viaColumns;
  }

  it('moves the index entries of changed values and refuses a value another record holds', async () => {
    await both('Key__c', 'Key__c,Name,Code__c,Ref__c\nK-1,One,C-1,R-1\nK-2,Two,C-2,R-1\nK-3,Three,C-3,R-3\n');
    const updated = await both(
      'Key__c',
      [
        'Key__c,Name,Code__c,Ref__c',
        'K-1,Code changed,C-10,R-2',
        'K-2,Code of another record,C-3,',
        'K-3,Code in another case,c-3,#N/A',
        'K-2,Code cleared (a duplicate key),#N/A,',
        'k-2,Only the name,,',
      ].join('\n'),
    );
    expect(updated.failedResults).toContain(
      'DUPLICATE_VALUE:duplicate value found: Code__c duplicates value',
    );
    const cleared = await both('Key__c', 'Key__c,Code__c\nK-2,#N/A\n');
    expect(cleared.failedResults).toContain('REQUIRED_FIELD_MISSING');
    // Upserts by the changed fields find the records by their new values only.
    const byCode = await both(
      'Code__c',
      'Code__c,Name\nC-10,Found by the new code\nC-1,The old code is free\nC-3,Found\n',
    );
    expect(byCode.successful.match(/"false"/g)?.length).toBe(2);
    expect(byCode.successful.match(/"true"/g)?.length).toBe(1);
    const byRef = await both('Ref__c', 'Ref__c,Name\nR-1,Only K-2 holds R-1 now\nR-2,Only K-1\nR-3,Nobody\n');
    expect(byRef.successful.match(/"false"/g)?.length).toBe(2);
    expect(byRef.failedResults).toContain('REQUIRED_FIELD_MISSING');
    // k-2 repeats the key of a failed row; upserts by Code__c and Ref__c wrote their keys back.
    expect(colEm.records('Item__c').map((r) => [r.Key__c, r.Code__c, r.Ref__c])).toEqual([
      ['K-1', 'C-10', 'R-2'],
      ['K-2', 'C-2', 'R-1'],
      ['K-3', 'C-3', null],
      [null, 'C-1', null],
    ]);
  });
});

describe('Bulk API 2.0 column path: audit stamps', () => {
  it('gives the records of one chunk of 200 one stamp, read from the clock once a chunk', async () => {
    // A clock that moves on every read: a chunk's records share a stamp, a later chunk's is later.
    let now = CLOCK;
    const emulator = await startFixtureEmulator({ clock: () => (now += 1000) });
    try {
      const upsert = {
        object: 'CustomerAccount__c',
        operation: 'upsert',
        externalIdFieldName: 'External_Id__c',
      };
      const csv = (name: string) =>
        ['External_Id__c,Name,AccountNumber__c']
          .concat(Array.from({ length: 450 }, (_, i) => `S-${i},${name} ${i},A-${i}`))
          .join('\n');
      const stamps = (field: string) => {
        const byKey = new Map(
          emulator.records('CustomerAccount__c').map((r) => [r.External_Id__c, r[field]]),
        );
        return Array.from({ length: 450 }, (_, i) => String(byKey.get(`S-${i}`)));
      };
      const chunks = (values: string[]) => [values.slice(0, 200), values.slice(200, 400), values.slice(400)];
      expect((await runJob(emulator, upsert, csv('Created'))).failed).toBe(0);
      const created = stamps('CreatedDate');
      for (const chunk of chunks(created)) expect(new Set(chunk).size).toBe(1);
      const [first, second, third] = chunks(created).map((chunk) => Date.parse(chunk[0] as string));
      expect(first).toBeLessThan(second as number);
      expect(second).toBeLessThan(third as number);
      expect(stamps('SystemModstamp')).toEqual(created);
      expect((await runJob(emulator, upsert, csv('Updated'))).failed).toBe(0);
      const modified = stamps('LastModifiedDate');
      for (const chunk of chunks(modified)) expect(new Set(chunk).size).toBe(1);
      expect(new Set(modified).size).toBe(3);
      expect(Date.parse(modified[0] as string)).toBeGreaterThan(Date.parse(created[449] as string));
      expect(stamps('SystemModstamp')).toEqual(modified);
      expect(stamps('CreatedDate')).toEqual(created);
    } finally {
      await emulator.close();
    }
  });
});
