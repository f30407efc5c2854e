import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startFixtureEmulator,
} from './helpers.js';

// The Bulk column path against the row path (forced by the lock-row fault at the smallest ratio, as in
// bulk-column-path.test.ts). Parents by external ID are found in the parent's index from the cell's
// characters (batch-lookups.ts parentKey, unique-index.ts findRange): keys in another case, hex keys in
// upper case, quoted keys, keys beyond ASCII and keys several records hold, cached and not. A repeated
// cell (dates, picklists, Ids) takes the value of the same text on the row before (cell-plan.ts).

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

async function runJob(emulator: SalesforceEmulator, csv: string) {
  const job = { object: 'CustomerAccount__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' };
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
    successful: await text('successfulResults'),
    failed: await text('failedResults'),
  };
}

const parents = [
  { Name: 'Mixed case', Zuora_Customer_Number__c: 'Mixed-Case-1' },
  { Name: 'Hex', Zuora_Customer_Number__c: '37b89332000a0000000200000000000f' },
  { Name: 'Umlaut', Zuora_Customer_Number__c: 'Über-1' },
  { Name: 'Twice a', Zuora_Customer_Number__c: 'Twice' },
  { Name: 'Twice b', Zuora_Customer_Number__c: 'twice' },
  { Name: 'Comma', Zuora_Customer_Number__c: 'A,B' },
];

beforeAll(async () => {
  columns = await startFixtureEmulator({ clock: () => CLOCK });
  rows = await startFixtureEmulator({ clock: () => CLOCK });
  rows.faults.set({ lockRowRatio: Number.MIN_VALUE });
  for (const emulator of [columns, rows]) {
    emulator.insertRecords('Account', parents);
    // Keys each held by one record only: a key not in the index is missing without a second look.
    emulator.insertRecords('Sync_History__c', [{ Session_Id__c: 'S-1' }, { Session_Id__c: 'S-2' }]);
  }
});
afterAll(async () => {
  await columns.close();
  await rows.close();
});

describe('Bulk API 2.0 column path: parents by the characters of their external ID', () => {
  it('links and fails each key as the row path does', async () => {
    const keys = [
      'mixed-case-1',
      'MIXED-CASE-1',
      '37B89332000A0000000200000000000F',
      '37b89332000a0000000200000000000f',
      '37b89332000a0000000200000000000e',
      'über-1',
      'ÜBER-1',
      'Über-1',
      'TWICE',
      '"A,B"',
      '"a,b"',
      'Mixed-Case-2',
      ' Mixed-Case-1',
    ];
    // Twice over 2,100 rows: the batch's cache of parents fills and is dropped on the way.
    const lines: string[] = [];
    const sessions = ['S-1', 's-2', 'S-3', 'ß-1', '#N/A', ''];
    for (let i = 0; i < 2_100; i += 1)
      lines.push(
        `K-${i},Row ${i},N-${i},${keys[i % keys.length] ?? ''},${sessions[i % sessions.length] ?? ''}`,
      );
    for (let i = 0; i < 2_100; i += 1) lines.push(`L-${i},Row ${i},N-${i},,S-${i}`);
    const head =
      'External_Id__c,Name,AccountNumber__c,Account__r.Zuora_Customer_Number__c,Last_Sync_History__r.Session_Id__c';
    const csv = `${head}\n${lines.join('\n')}\n`;
    const viaColumns = await runJob(columns, csv);
    expect(viaColumns).toEqual(await runJob(rows, csv));
    expect(columns.records('CustomerAccount__c')).toEqual(rows.records('CustomerAccount__c'));
    const id = (name: string) => String(columns.records('Account').find((r) => r.Name === name)?.Id);
    const linked = new Map(
      columns.records('CustomerAccount__c').map((r) => [r.External_Id__c, r.Account__c]),
    );
    // The first row of each key whose session reference holds (S-1, s-2 or empty; #N/A fails as null).
    const rowOf = (k: number) => {
      for (let i = k; ; i += keys.length) if ([0, 1, 5].includes(i % sessions.length)) return `K-${i}`;
    };
    expect([0, 1, 2, 3, 5, 6, 7, 9, 10].map((k) => linked.get(rowOf(k)))).toEqual([
      id('Mixed case'),
      id('Mixed case'),
      id('Hex'),
      id('Hex'),
      id('Umlaut'),
      id('Umlaut'),
      id('Umlaut'),
      id('Comma'),
      id('Comma'),
    ]);
    expect(viaColumns.failed).toContain('Foreign key external ID: TWICE matched more than one record');
    expect(viaColumns.failed).toContain(
      'Foreign key external ID: 37b89332000a0000000200000000000e not found',
    );
    expect(viaColumns.failed).toContain('Foreign key external ID:  Mixed-Case-1 not found');
    const session = (name: string) =>
      String(columns.records('Sync_History__c').find((r) => r.Session_Id__c === name)?.Id);
    const history = new Map(
      columns.records('CustomerAccount__c').map((r) => [r.External_Id__c, r.Last_Sync_History__c]),
    );
    expect(history.get('L-1')).toBe(session('S-1'));
    expect(history.get('L-2')).toBe(session('S-2'));
    expect(viaColumns.failed).toContain('Foreign key external ID: S-3 not found');
    expect(viaColumns.failed).toContain('Foreign key external ID: ß-1 not found');
  });
});

describe('Bulk API 2.0 column path: cells that repeat the row before', () => {
  it('reads each as the row path does, valid or not, quoted or not', async () => {
    const owner = String(columns.records('User')[0]?.Id);
    const cells = [
      ['Active', '2024-01-07', '2025-01-01T10:00:00.000Z', 'true', owner],
      ['Active', '2024-01-07', '2025-01-01T10:00:00.000Z', 'true', owner],
      ['"Active"', '"2024-01-07"', '2025-01-01T10:00:00.000Z', 'TRUE', owner],
      ['Paused', '2024-01-17', '2025-01-01T10:00:00.000Z', 'yes', owner],
      ['Paused', '2024-01-17', '2025-01-01T11:00:00.000Z', 'yes', owner.toLowerCase()],
      ['Canceled', '2024-02-30', '2025-01-01T11:00:00.000Z', '1', owner.toLowerCase()],
      ['Canceled', '2024-02-30', 'bad', '1', ''],
      ['Canceled', '#N/A', 'bad', '#N/A', ''],
      ['Canceled', '', '2025-01-01T10:00:00Z', '', '#N/A'],
      ['Canceled', '2024-01-07', '2025-01-01T10:00:00Z', 'false', owner],
    ];
    const lines = cells.map((row, i) => `R-${i},Repeat ${i},N-${i},${row.join(',')}`);
    const head =
      'External_Id__c,Name,AccountNumber__c,Status__c,Activated_On__c,Last_Synced_At__c,Auto_Pay__c,OwnerId';
    const csv = `${head}\n${[...lines, ...lines.map((l) => l.replace('R-', 'Q-'))].join('\n')}\n`;
    const viaColumns = await runJob(columns, csv);
    expect(viaColumns).toEqual(await runJob(rows, csv));
    expect(columns.records('CustomerAccount__c')).toEqual(rows.records('CustomerAccount__c'));
    expect(viaColumns.failed.split('\n').filter((l) => l.includes(',R-')).length).toBeGreaterThan(2);
    expect(viaColumns.successful.split('\n').filter((l) => l.includes(',R-')).length).toBeGreaterThan(2);
  });
});
