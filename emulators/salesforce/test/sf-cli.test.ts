import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
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

// The Salesforce CLI from devDependencies as a second client. It runs asynchronously (execFile) so
// the in-process emulator keeps serving while the CLI waits on it.

const run = promisify(execFile);
const binDir = fileURLToPath(new URL('../../../node_modules/.bin', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sf-cli-home-'));
let emulator: SalesforceEmulator;

async function sf(args: string[], extraEnv: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const { stdout } = await run(join(binDir, 'sf'), [...args, '--json'], {
    env: {
      ...process.env,
      HOME: home,
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
      SF_DISABLE_TELEMETRY: 'true',
      SF_AUTOUPDATE_DISABLE: 'true',
      // The name oclif's update hook reads: without it `sf update --autoupdate` is spawned and left running.
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      ...extraEnv,
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
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
  }, 90_000);
});
