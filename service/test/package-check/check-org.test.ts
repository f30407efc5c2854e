// `zuora-sync package check-org` as an admin runs it before installing into a live org: a child process
// logging in to the Salesforce emulator, first an org holding colliding metadata (another application's
// Payment__c, a field of another type, a child relationship name taken on Account, an Apex class of the same
// name), then a clean org. One line per collision and exit 1; exit 0 when nothing collides.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../../emulators/salesforce/src/index.js';
import { testToken } from '../support/service-fixture.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const dataDir = mkdtempSync(join(tmpdir(), 'zsync-check-org-'));
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(ZUORA_|SF_|API_TOKEN|ON_DEMAND_API_TOKEN|DATABASE_URL|PORT)/.test(k),
  ),
);

function checkOrg(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, 'package', 'check-org'],
      {
        env: { ...cleanEnv, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
        cwd: dataDir,
        timeout: 110_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

const orgEnv = (emulator: SalesforceEmulator) => ({
  SF_LOGIN_URL: emulator.url,
  SF_CLIENT_ID: DEFAULT_CLIENT_ID,
  SF_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
  SF_USERNAME: DEFAULT_USERNAME,
  SF_PASSWORD: DEFAULT_PASSWORD,
  API_TOKEN: testToken,
});

let planted: SalesforceEmulator;
let clean: SalesforceEmulator;

beforeAll(async () => {
  planted = await startSalesforceEmulator({
    orgMetadata: {
      objects: [
        {
          name: 'Payment__c',
          label: 'Payment',
          fields: [
            { name: 'Amount__c', type: 'double', precision: 16, scale: 2 },
            { name: 'Card_Ref__c', type: 'string', length: 40 },
          ],
        },
        {
          name: 'Legacy_Invoice__c',
          label: 'Legacy Invoice',
          fields: [
            {
              name: 'Account__c',
              type: 'reference',
              referenceTo: 'Account',
              childRelationshipName: 'Invoices__r',
            },
          ],
        },
      ],
      fields: [
        { object: 'Product2', name: 'ZuoraId__c', type: 'string', length: 18 },
        { object: 'CustomerAccount__c', name: 'Balance__c', type: 'string', length: 255 },
      ],
      apexClasses: [
        { name: 'SyncResult', body: 'public class SyncResult { public Boolean ok; }' },
        {
          name: 'OnDemandSyncManager',
          body: 'global class OnDemandSyncManager {}',
          namespacePrefix: 'Zuora',
        },
      ],
    },
  });
  clean = await startSalesforceEmulator();
}, 180_000);
afterAll(async () => {
  await planted.close();
  await clean.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('zuora-sync package check-org', () => {
  it('names every colliding object, field, relationship and Apex class, one line each, and exits 1', async () => {
    const run = await checkOrg(orgEnv(planted));
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const collisions = lines.slice(0, -1);
    expect(collisions).toEqual([
      expect.stringMatching(
        /^field CustomerAccount__c\.Balance__c: exists as string\(255\); the package defines double\(18,4\)$/,
      ),
      expect.stringMatching(/^object Payment__c: exists without the package's key External_Id__c/),
      expect.stringMatching(
        /^field Payment__c\.Amount__c: exists as double\(16,2\); the package defines double\(18,4\)$/,
      ),
      expect.stringMatching(
        /^field Product2\.ZuoraId__c: exists as string\(18\); the package defines string\(32\)$/,
      ),
      expect.stringMatching(
        /^relationship Account\.Invoices__r: already used by Legacy_Invoice__c\.Account__c; the package's ZInvoice__c\.Account__c needs it$/,
      ),
      expect.stringMatching(/^apex class SyncResult: exists with another body/),
    ]);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^check-org: 6 collision\\(s\\) in ${planted.url.replace(/[.]/g, '\\.')} \\(\\d+ objects, \\d+ fields, \\d+ Apex classes and triggers checked\\)$`,
      ),
    );
  }, 120_000);

  it('exits 0 on an org where nothing collides', async () => {
    const run = await checkOrg(orgEnv(clean));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^check-org: no collisions in /m);
  }, 120_000);

  it('exits 2 and says what to set when no org is configured', async () => {
    const run = await checkOrg({});
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/check-org needs the target org: set SF_LOGIN_URL/);
  }, 120_000);
});
