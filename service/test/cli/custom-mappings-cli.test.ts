// A custom field mapping the org cannot take stops the command at start with exit code 2 and one line per
// problem (no stack trace), before anything syncs; an unreadable file the same, before anything starts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const dir = mkdtempSync(join(tmpdir(), 'zsync-maps-cli-'));
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(ZUORA_|SF_|API_TOKEN|DATABASE_URL|PORT|CUSTOM_)/.test(k)),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zuoraSync(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...cleanEnv, DATA_DIR: dir, EMULATOR_SIZE: 'XS', LOG_LEVEL: 'silent', ...env }, cwd: dir },
      (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stderr }),
    );
  });
}

describe('custom field mappings on the command line', () => {
  it('exits 2 with one line per mapping the org cannot take', async () => {
    const file = join(dir, 'mappings.json');
    const entry = { zuoraObject: 'Invoice', zuoraField: 'InvoiceDate', salesforceObject: 'ZInvoice__c' };
    writeFileSync(
      file,
      JSON.stringify([
        { ...entry, salesforceField: 'Territory__c' },
        { ...entry, salesforceField: 'CreatedDate' },
      ]),
    );
    const r = await zuoraSync(['sync', '--scope', 'accounts'], { CUSTOM_FIELD_MAPPINGS_FILE: file });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('  CUSTOM_FIELD_MAPPINGS_FILE: '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ZInvoice__c\.Territory__c does not exist/);
    expect(lines[1]).toMatch(/ZInvoice__c\.CreatedDate is read-only/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('exits 2 naming a file it cannot read or parse', async () => {
    const missing = await zuoraSync(['migrate'], { CUSTOM_FIELD_MAPPINGS_FILE: join(dir, 'none.json') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/CUSTOM_FIELD_MAPPINGS_FILE: cannot read .*none\.json: ENOENT/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "mappings": [ ');
    const broken = await zuoraSync(['migrate'], { CUSTOM_FIELD_MAPPINGS_FILE: bad });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/CUSTOM_FIELD_MAPPINGS_FILE: .*bad\.json is not JSON/);
  }, 180_000);
});
