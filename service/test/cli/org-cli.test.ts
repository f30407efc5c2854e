// The command line of issue 16 (compat part): MAPPING_PROFILE is validated at start (exit 2, one line naming the
// setting), and `zuora-sync org confirm --dry-run --json` reports the org Salesforce is, the CRM Account Ids it
// lacks, and confirms nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORG_ID } from '../../../emulators/salesforce/src/index.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const dir = mkdtempSync(join(tmpdir(), 'zsync-org-cli-'));
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(ZUORA_|SF_|API_TOKEN|DATABASE_URL|PORT|CUSTOM_|MAPPING_)/.test(k),
  ),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zuoraSync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...cleanEnv, DATA_DIR: dir, EMULATOR_SIZE: 'XS', LOG_LEVEL: 'silent', ...env }, cwd: dir },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

describe('zuora-sync and the compat settings', () => {
  it('exits 2 naming MAPPING_PROFILE when it is not a profile', async () => {
    const r = await zuoraSync(['migrate'], { MAPPING_PROFILE: 'zuora360' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MAPPING_PROFILE: expected one of default, ZUORA360_COMPAT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);

  it('org confirm --dry-run reports the org and the CRM Account Ids it lacks, confirming nothing', async () => {
    const r = await zuoraSync(['org', 'confirm', '--dry-run', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Record<string, unknown>;
    expect(report).toMatchObject({ currentOrgId: ORG_ID, changed: false, confirmed: false });
    expect(Number(report.crmIdsChecked)).toBeGreaterThan(0);
    expect(report.missingCrmAccounts).toEqual([]);
  }, 300_000);
});
