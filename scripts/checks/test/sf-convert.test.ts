// Check (d): `sf project convert source` turns force-app into a Metadata API package (a packaging smoke
// test; it does not validate metadata, see reference/tooling-notes.md §1). Runs the project's sf CLI with a
// throwaway HOME so no user config or telemetry is touched.

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

  it('converts force-app and lists the package objects, permission sets and credentials', async () => {
    const output = path.join(scratch, 'mdapi');
    const sf = path.join(REPO_ROOT, 'node_modules', '.bin', 'sf');
    const { stdout } = await run(
      sf,
      ['project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', output, '--json'],
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
});
