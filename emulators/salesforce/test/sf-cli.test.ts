import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startFixtureEmulator,
} from './helpers.js';
import { sfCliEnv } from '../../shared/sf-cli-env.js';

// The Salesforce CLI from devDependencies as a second client. It runs asynchronously (execFile) so
// the in-process emulator keeps serving while the CLI waits on it. Every run disables the updater
// and telemetry, and the last test checks that no process started with this HOME is left running.
// sObject Tree import/export: https://developer.salesforce.com/docs/atlas.en-us.sfdx_cli_reference.meta/sfdx_cli_reference/cli_reference_data_commands_unified.htm

const run = promisify(execFile);
const binDir = fileURLToPath(new URL('../../../node_modules/.bin', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sf-cli-home-'));
let emulator: SalesforceEmulator;

async function sf(args: string[], extraEnv: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const { stdout } = await run(join(binDir, 'sf'), [...args, '--json'], {
    cwd: home,
    env: sfCliEnv(home, binDir, extraEnv),
    timeout: 120_000,
  }).catch((error: { stdout?: string }) => {
    // A failing command exits non-zero with its JSON error on stdout.
    if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('{'))
      return { stdout: error.stdout };
    throw error;
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Processes still running with this test's HOME in their environment (the CLI's own children). */
function leftovers(): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`HOME=${home}`))
        found.push(Number(pid));
    } catch {
      // another user's process or one that just ended
    }
  }
  return found;
}

beforeAll(async () => {
  emulator = await startFixtureEmulator();
});
afterAll(async () => {
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
});

describe('sf CLI against the emulator', () => {
  it('logs in with an access token, queries, and bulk-upserts a CSV file', async () => {
    const token = await fetch(`${emulator.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: DEFAULT_CLIENT_ID,
        client_secret: DEFAULT_CLIENT_SECRET,
        username: DEFAULT_USERNAME,
        password: DEFAULT_PASSWORD,
      }),
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);

    const login = await sf(
      ['org', 'login', 'access-token', '--instance-url', emulator.url, '--no-prompt', '--alias', 'emu'],
      { SF_ACCESS_TOKEN: token },
    );
    expect(login).toMatchObject({
      status: 0,
      result: { username: DEFAULT_USERNAME, orgId: '00D8d0000000001EAA' },
    });

    const csv = join(home, 'accounts.csv');
    writeFileSync(csv, 'External_Id__c,Name,AccountNumber__c\nCLI-1,From the CLI,A-1\nCLI-2,Second,A-2\n');
    const upsert = await sf([
      'data',
      'upsert',
      'bulk',
      '-o',
      'emu',
      '--file',
      csv,
      '--sobject',
      'CustomerAccount__c',
      '--external-id',
      'External_Id__c',
      '--wait',
      '10',
    ]);
    expect(upsert).toMatchObject({
      status: 0,
      result: { jobInfo: { state: 'JobComplete', numberRecordsProcessed: 2, numberRecordsFailed: 0 } },
    });
    expect(
      emulator
        .records('CustomerAccount__c')
        .map((r) => r.External_Id__c)
        .sort(),
    ).toEqual(['CLI-1', 'CLI-2']);

    const query = await sf([
      'data',
      'query',
      '-o',
      'emu',
      '--query',
      "SELECT Name FROM CustomerAccount__c WHERE External_Id__c = 'CLI-1'",
    ]);
    expect(query).toMatchObject({
      status: 0,
      result: { totalSize: 1, records: [expect.objectContaining({ Name: 'From the CLI' })] },
    });
  }, 240_000);

  it('imports an sObject tree and exports it again with its child relationship', async () => {
    const file = join(home, 'tree.json');
    writeFileSync(
      file,
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Account', referenceId: 'AccountRef1' },
            Name: 'Tree Imported',
            Contacts: {
              records: [
                { attributes: { type: 'Contact', referenceId: 'ContactRef1' }, LastName: 'First' },
                { attributes: { type: 'Contact', referenceId: 'ContactRef2' }, LastName: 'Second' },
              ],
            },
          },
        ],
      }),
    );
    const imported = await sf(['data', 'import', 'tree', '-o', 'emu', '--files', file]);
    expect(imported).toMatchObject({ status: 0 });
    expect((imported.result as Array<{ refId: string }>).map((r) => r.refId).sort()).toEqual([
      'AccountRef1',
      'ContactRef1',
      'ContactRef2',
    ]);
    const out = join(home, 'export');
    const exported = await sf([
      'data',
      'export',
      'tree',
      '-o',
      'emu',
      '--output-dir',
      out,
      '--query',
      "SELECT Id, Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name = 'Tree Imported'",
    ]);
    expect(exported).toMatchObject({ status: 0 });
    const written = JSON.parse(readFileSync(join(out, 'Account-Contact.json'), 'utf8')) as {
      records: Array<{ Name: string; Contacts: { records: Array<{ LastName: string }> } }>;
    };
    expect(written.records[0]?.Name).toBe('Tree Imported');
    expect(written.records[0]?.Contacts.records.map((c) => c.LastName)).toEqual(['First', 'Second']);
  }, 240_000);

  it('runs an aggregate query, and fails on the Tooling API as an org fails on a resource it lacks', async () => {
    const aggregate = await sf([
      'data',
      'query',
      '-o',
      'emu',
      '--query',
      'SELECT Name, COUNT(Id) n FROM Account GROUP BY Name HAVING COUNT(Id) > 0 ORDER BY Name',
    ]);
    expect(aggregate).toMatchObject({
      status: 0,
      result: { records: expect.arrayContaining([expect.objectContaining({ Name: 'Tree Imported', n: 1 })]) },
    });
    const tooling = await sf([
      'data',
      'query',
      '-o',
      'emu',
      '--use-tooling-api',
      '--query',
      'SELECT Id FROM ApexClass',
    ]);
    expect(tooling.status).not.toBe(0);
    expect(JSON.stringify(tooling)).toContain('NOT_FOUND');
  }, 240_000);

  it('leaves no sf process running', async () => {
    const deadline = Date.now() + 30_000;
    while (leftovers().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(
      leftovers().map(
        (pid) => `${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ')}`,
      ),
    ).toEqual([]);
  }, 180_000);
});
