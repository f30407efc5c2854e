// Check (d): `sf project convert source` turns force-app, and force-app with force-app-cpq, into Metadata API
// packages (a packaging smoke test; it does not validate metadata, see reference/tooling-notes.md §1). Runs
// the project's sf CLI with a throwaway HOME so no user config or telemetry is touched.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';

const run = promisify(execFile);

describe('sf project convert source', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'sf-convert-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const convert = async (sourceDirs: readonly string[], output: string): Promise<void> => {
    const sf = path.join(REPO_ROOT, 'node_modules', '.bin', 'sf');
    const { stdout } = await run(
      sf,
      [
        'project',
        'convert',
        'source',
        ...sourceDirs.flatMap((dir) => ['--source-dir', dir]),
        '--output-dir',
        output,
        '--json',
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          HOME: path.join(scratch, 'home'),
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          // The name oclif's update hook reads: without it `sf update --autoupdate` is spawned and left running.
          SF_DISABLE_AUTOUPDATE: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
        },
        timeout: 110_000,
      },
    );
    expect((JSON.parse(stdout) as { status: number }).status).toBe(0);
  };

  it('converts force-app and lists the package objects, permission sets and credentials', async () => {
    const output = path.join(scratch, 'mdapi');
    await convert(['force-app'], output);
    const manifest = readFileSync(path.join(output, 'package.xml'), 'utf8');
    for (const member of [
      'CustomerAccount__c',
      'Sync_History__c',
      'Zuora_Sync_Integration',
      'ZuoraSyncService',
      'Sync_Setting.Default',
      'Product2.ZuoraId__c',
    ]) {
      expect(manifest).toContain(`<members>${member}</members>`);
    }
    const billingAccount = readFileSync(path.join(output, 'objects', 'CustomerAccount__c.object'), 'utf8');
    expect(billingAccount).toContain('<fullName>Last_Sync_Status__c</fullName>');
  }, 120_000);

  it('converts force-app with force-app-cpq: the CPQ fields, sync object, permission sets and actions', async () => {
    const output = path.join(scratch, 'mdapi-cpq');
    await convert(['force-app', 'force-app-cpq'], output);
    const manifest = readFileSync(path.join(output, 'package.xml'), 'utf8');
    for (const member of [
      'CPQ_Order_Sync__c',
      'Order.Zuora_Sync_Status__c',
      'SBQQ__Subscription__c.Zuora_Subscription_Number__c',
      'Account.Zuora_Account_Number__c',
      'Zuora_Sync_CPQ_Integration',
      'Order.Send_to_Zuora',
      'CustomerAccount__c',
    ]) {
      expect(manifest).toContain(`<members>${member}</members>`);
    }
  }, 120_000);
});
