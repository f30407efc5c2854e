// The zuora-sync command as a user runs it: a child process, its output and its exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const dataDir = mkdtempSync(join(tmpdir(), 'zsync-cli-'));
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(ZUORA_|SF_|API_TOKEN|DATABASE_URL|PORT)/.test(k)),
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function zuoraSync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...cleanEnv, DATA_DIR: dataDir, ...env }, cwd: dataDir },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
      },
    );
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('zuora-sync CLI', () => {
  it('prints help with its commands', async () => {
    const r = await zuoraSync(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['migrate', 'doctor', 'serve']) expect(r.stdout).toContain(command);
  });

  it('exits 2 with one line per bad setting and no stack trace', async () => {
    const r = await zuoraSync(['migrate'], {
      PORT: 'abc',
      DATABASE_URL: 'not a url',
      ZUORA_CLIENT_ID: 'only-the-id',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}PORT: expected a whole number/m);
    expect(r.stderr).toMatch(/^ {2}DATABASE_URL: expected a PostgreSQL URL/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const partial = await zuoraSync(['serve'], { ZUORA_CLIENT_ID: 'only-the-id' });
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/ZUORA_CLIENT_SECRET: missing/);
    expect(partial.stderr).toMatch(/ZUORA_BASE_URL: missing/);
    expect(partial.stderr).toMatch(/API_TOKEN: missing/);
    expect(partial.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await zuoraSync(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it('migrates the embedded store, then finds it current', async () => {
    expect((await zuoraSync(['migrate'])).stdout).toMatch(/applied 001_initial/);
    expect((await zuoraSync(['migrate'])).stdout).toMatch(/store is current/);
  }, 300_000);

  it('sync runs a session against the embedded emulators and prints its summary', async () => {
    const r = await zuoraSync(['sync', '--scope', 'accounts'], { EMULATOR_SIZE: 'XS', LOG_LEVEL: 'silent' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/embedded Zuora emulator into the embedded Salesforce emulator/);
    expect(r.stdout).toMatch(/accounts full \(manual\) -> finished_with_errors/);
    expect(r.stdout).toMatch(/^CustomerAccount__c +\d+ +\d+ +\d+ +0 +\d+$/m);
    expect(r.stdout).toMatch(/Salesforce API calls \d+, Bulk batches \d+, Zuora calls \d+/);
    const bad = await zuoraSync(['sync', '--full', '--incremental']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--full and --incremental exclude each other/);
  }, 120_000);

  it('cleanup --dry-run reports and deletes nothing; without --yes or --dry-run it refuses', async () => {
    const env = { EMULATOR_SIZE: 'XS', LOG_LEVEL: 'silent' };
    const text = await zuoraSync(['cleanup', '--scope', 'catalog', '--dry-run'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/catalog full \(cleanup\) -> finished/);
    expect(text.stdout).toMatch(/dry run: nothing was written to Salesforce and the watermark did not move/);
    expect(text.stdout).toMatch(/Salesforce API calls for the comparison: \d+/);
    const json = await zuoraSync(['cleanup', '--scope', 'catalog', '--dry-run', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { sessions: { state: string; counts: { dryRun?: unknown } }[] };
    expect(out.sessions[0]?.state).toBe('finished');
    expect(out.sessions[0]?.counts.dryRun).toMatchObject({ objects: {}, file: null });
    const refused = await zuoraSync(['cleanup', '--scope', 'catalog']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --yes to confirm \(or --dry-run/);
  }, 300_000);

  it('doctor reports each problem on its own line and exits 1', async () => {
    const r = await zuoraSync(['doctor'], {
      API_TOKEN: 'y'.repeat(32),
      ZUORA_BASE_URL: 'http://127.0.0.1:9',
      ZUORA_CLIENT_ID: 'id',
      ZUORA_CLIENT_SECRET: 'super-secret-value',
      SF_LOGIN_URL: 'http://127.0.0.1:9',
      SF_CLIENT_ID: 'id',
      SF_CLIENT_SECRET: 'another-secret-value',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok {3}config/m);
    expect(r.stdout).toMatch(/^ok {3}store/m);
    expect(r.stdout).toMatch(/^FAIL zuora +Zuora is unreachable at http:\/\/127\.0\.0\.1:9/m);
    expect(r.stdout).toMatch(/^FAIL salesforce +Salesforce is unreachable at http:\/\/127\.0\.0\.1:9/m);
    expect(r.stdout + r.stderr).not.toMatch(/super-secret-value|another-secret-value/);
  });

  it('doctor with bad configuration lists each problem and exits 1', async () => {
    const r = await zuoraSync(['doctor'], { PORT: '70000' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL config +PORT: expected a whole number from 0 to 65535 \(got "70000"\)/m);
  });

  it('backfill refuses a malformed account id with exit 2, naming it', async () => {
    const r = await zuoraSync(['backfill', '--account', "x' or Id != '"], { EMULATOR_SIZE: 'XS' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("x' or Id != '");
    expect(r.stderr).toMatch(/--account: .*expected a Zuora id of 32 letters or digits/);
    expect(r.stdout).not.toMatch(/finished/);
  });

  it('refuses DATABASE_URL with the embedded emulators instead of ignoring it', async () => {
    for (const command of [['sync'], ['serve']]) {
      const r = await zuoraSync(command, {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        EMULATOR_SIZE: 'XS',
      });
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/DATABASE_URL: .*embedded emulators/);
    }
  });
});
