// Result files of ended Bulk API 2.0 ingest jobs, kept with the upload on disk (src/bulk/result-files.ts,
// job-results.ts): the answers read as the upload and the results make them, the upload sits in a
// private directory (0700, file 0600) and is removed with its job, and with the emulator.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

async function runJob(body: Record<string, unknown>, csv: string): Promise<string> {
  const created = await raw(emulator, conn, 'POST', api, JSON.stringify(body));
  const id = (created.json as { id: string }).id;
  expect((await raw(emulator, conn, 'PUT', `${api}/${id}/batches`, csv, 'text/csv')).status).toBe(201);
  await raw(emulator, conn, 'PATCH', `${api}/${id}`, JSON.stringify({ state: 'UploadComplete' }));
  for (let i = 0; i < 500; i += 1) {
    const info = (await raw(emulator, conn, 'GET', `${api}/${id}`)).json as { state: string };
    if (info.state === 'JobComplete' || info.state === 'Failed') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return id;
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

describe('Bulk API 2.0 result files on disk', () => {
  it('answer from the upload on disk, private, and go with the job and the emulator', async () => {
    const marker = randomUUID();
    const hexId = '37b89332000a0000000200000000000f';
    const lines = [
      `"Zoë, ${marker}";A-1;${hexId}`,
      `Plain;A-2;Z-2`,
      `Too long;A-3;${'x'.repeat(33)}`,
      `"Quoted ""name""";A-4;Z-4`,
    ];
    const header = 'Name;AccountNumber__c;External_Id__c';
    const csv = `${[header, ...lines].join('\r\n')}\r\n`;
    const id = await runJob(
      { object: 'CustomerAccount__c', operation: 'insert', columnDelimiter: 'SEMICOLON', lineEnding: 'CRLF' },
      csv,
    );
    const success = await results(id, 'successfulResults');
    const rows = success.split('\r\n');
    expect(rows[0]).toBe(`"sf__Id";"sf__Created";${header}`);
    const ids = rows.slice(1, 4).map((row) => row.slice(1, 19));
    expect(rows.slice(1)).toEqual([
      `"${ids[0]}";"true";${lines[0]}`,
      `"${ids[1]}";"true";${lines[1]}`,
      `"${ids[2]}";"true";${lines[3]}`,
      '',
    ]);
    const failed = await results(id, 'failedResults');
    expect(failed.split('\r\n')[0]).toBe(`"sf__Id";"sf__Error";${header}`);
    expect(failed.split('\r\n')[1]).toMatch(new RegExp(`^;"STRING_TOO_LONG:.*";Too long;A-3;x{33}$`));
    expect(await results(id, 'unprocessedrecords')).toBe(`${header}\r\n`);
    // The same answers again: nothing is consumed by reading.
    expect(await results(id, 'successfulResults')).toBe(success);

    const path = fileHolding(csv);
    expect(path).toBeDefined();
    expect(statSync(path as string).mode & 0o777).toBe(0o600);
    expect(statSync(join(path as string, '..')).mode & 0o777).toBe(0o700);

    // An update names its records by Id: the results spell the same Ids back.
    const updateCsv = `Id,Name\n${ids[0]},Renamed ${marker}\n${ids[1]},"Two, renamed"\n`;
    const update = await runJob({ object: 'CustomerAccount__c', operation: 'update' }, updateCsv);
    expect(await results(update, 'successfulResults')).toBe(
      `"sf__Id","sf__Created",Id,Name\n"${ids[0]}","false",${ids[0]},Renamed ${marker}\n"${ids[1]}","false",${ids[1]},"Two, renamed"\n`,
    );
    const updatePath = fileHolding(updateCsv);
    expect(updatePath).toBeDefined();

    expect((await raw(emulator, conn, 'DELETE', `${api}/${id}`)).status).toBe(204);
    expect(existsSync(path as string)).toBe(false);
    expect(existsSync(updatePath as string)).toBe(true);
    await emulator.close();
    expect(existsSync(join(updatePath as string, '..'))).toBe(false);
  });
});
