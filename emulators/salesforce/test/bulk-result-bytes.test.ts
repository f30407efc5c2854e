// Result files of Bulk API 2.0 ingest jobs whose upload is all ASCII (src/bulk/result-csv.ts): the upload
// goes to disk as received when it is uploaded, and the answers are cut from its bytes; they read
// exactly as the answers made from the text (bulk-result-files.test.ts covers an upload beyond ASCII).
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { login, raw, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
});
afterAll(() => emulator.close());

const api = '/services/data/v62.0/jobs/ingest';

async function upload(body: Record<string, unknown>, csv: string): Promise<string> {
  const created = await raw(emulator, conn, 'POST', api, JSON.stringify(body));
  const id = (created.json as { id: string }).id;
  expect((await raw(emulator, conn, 'PUT', `${api}/${id}/batches`, csv, 'text/csv')).status).toBe(201);
  return id;
}

async function finish(id: string): Promise<void> {
  await raw(emulator, conn, 'PATCH', `${api}/${id}`, JSON.stringify({ state: 'UploadComplete' }));
  for (let i = 0; i < 500; i += 1) {
    const info = (await raw(emulator, conn, 'GET', `${api}/${id}`)).json as { state: string };
    if (info.state === 'JobComplete' || info.state === 'Failed') return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const results = async (id: string, kind: string) =>
  (await raw(emulator, conn, 'GET', `${api}/${id}/${kind}`)).text;

/** The file under a results directory of this machine's temp dir that holds exactly `csv`. */
function fileHolding(csv: string): string | undefined {
  for (const dir of readdirSync(tmpdir()).filter((d) => d.startsWith('sf-emulator-results-'))) {
    for (const name of existsSync(join(tmpdir(), dir)) ? readdirSync(join(tmpdir(), dir)) : []) {
      const path = join(tmpdir(), dir, name);
      if (existsSync(path) && readFileSync(path, 'utf8') === csv) return path;
    }
  }
  return undefined;
}

describe('Bulk API 2.0 result files of an ASCII upload', () => {
  it('keep the upload on disk from its upload and answer from its bytes as from its text', async () => {
    const marker = randomUUID().slice(0, 8);
    const header = 'External_Id__c;Name;AccountNumber__c';
    const lines = [
      `E-1-${marker};Plain;A-1`,
      `E-2-${marker};"Quoted; ""two""\r\nlines";A-2`,
      `E-1-${marker};Repeated key;A-3`,
      `E-4-${marker};No number;`,
      `E-5-${marker};Last;A-5`,
    ];
    const csv = `${[header, ...lines].join('\r\n')}\r\n`;
    const body = {
      object: 'CustomerAccount__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      columnDelimiter: 'SEMICOLON',
      lineEnding: 'CRLF',
    };
    const id = await upload(body, csv);
    // On disk as soon as it is uploaded, byte for byte.
    const path = fileHolding(csv);
    expect(path).toBeDefined();
    await finish(id);
    const success = await results(id, 'successfulResults');
    const ids = [...success.matchAll(/^"([A-Za-z0-9]{18})";"true";/gm)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    expect(success).toBe(
      [
        `"sf__Id";"sf__Created";${header}`,
        `"${ids[0]}";"true";${lines[0]}`,
        `"${ids[1]}";"true";${lines[1]}`,
        `"${ids[2]}";"true";${lines[4]}`,
        '',
      ].join('\r\n'),
    );
    expect(await results(id, 'failedResults')).toBe(
      [
        `"sf__Id";"sf__Error";${header}`,
        `;"DUPLICATE_EXTERNAL_ID:Duplicate external id specified: E-1-${marker}:External_Id__c --";${lines[2]}`,
        `;"REQUIRED_FIELD_MISSING:Required fields are missing: [AccountNumber__c]:AccountNumber__c --";${lines[3]}`,
        '',
      ].join('\r\n'),
    );
    expect(await results(id, 'unprocessedrecords')).toBe(`${header}\r\n`);
    expect(await results(id, 'successfulResults')).toBe(success);

    // Updated and created rows, no failure, comma and LF.
    const again = `External_Id__c,Name,AccountNumber__c\nE-1-${marker},Renamed,\nE-6-${marker},"Six, new",A-6\n`;
    const second = await upload({ ...body, columnDelimiter: 'COMMA', lineEnding: 'LF' }, again);
    await finish(second);
    const secondRows = (await results(second, 'successfulResults')).split('\n');
    expect(secondRows.slice(0, 2)).toEqual([
      '"sf__Id","sf__Created",External_Id__c,Name,AccountNumber__c',
      `"${ids[0]}","false",E-1-${marker},Renamed,`,
    ]);
    expect(secondRows[2]).toMatch(new RegExp(`^"[A-Za-z0-9]{18}","true",E-6-${marker},"Six, new",A-6$`));
    expect(secondRows[3]).toBe('');
    expect(await results(second, 'failedResults')).toBe(
      '"sf__Id","sf__Error",External_Id__c,Name,AccountNumber__c\n',
    );

    // An upload aborted before it was read: all of it is unprocessed, as uploaded.
    const aborted = await upload(
      { ...body, columnDelimiter: 'COMMA', lineEnding: 'LF' },
      `${again}E-7,Seven,A-7\n`,
    );
    await raw(emulator, conn, 'PATCH', `${api}/${aborted}`, JSON.stringify({ state: 'Aborted' }));
    expect(await results(aborted, 'unprocessedrecords')).toBe(`${again}E-7,Seven,A-7\n`);

    expect((await raw(emulator, conn, 'DELETE', `${api}/${id}`)).status).toBe(204);
    expect(existsSync(path as string)).toBe(false);
  });
});
