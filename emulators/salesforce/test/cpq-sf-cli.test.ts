import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

// The CPQ data read with the Salesforce CLI (a second, unmodified client), as an admin checks an org:
// `sf data query` with relationship fields and StatusCode filters, `sf sobject describe`. The CLI runs
// asynchronously with its updater and telemetry off (no `sf update` child is left behind); execFile's
// timeout kills it if it hangs.

const run = promisify(execFile);
const binDir = fileURLToPath(new URL('../../../node_modules/.bin', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sf-cpq-cli-home-'));
let emulator: SalesforceEmulator;

async function sf(args: string[], extraEnv: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const { stdout } = await run(join(binDir, 'sf'), [...args, '--json'], {
    env: sfCliEnv(home, binDir, extraEnv),
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  emulator = await startFixtureEmulator({
    cpqScenario: { seed: 9, size: 'XS' },
    cpqContractingDelayMs: 600_000,
  });
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
  await sf(
    ['org', 'login', 'access-token', '--instance-url', emulator.url, '--no-prompt', '--alias', 'cpq'],
    { SF_ACCESS_TOKEN: token },
  );
}, 180_000);
afterAll(async () => {
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
});

describe('sf CLI reads the CPQ data model', () => {
  it('queries activated orders with their account, and subscriptions with their contract', async () => {
    const orders = await sf([
      'data',
      'query',
      '-o',
      'cpq',
      '--query',
      "SELECT OrderNumber, StatusCode, Type, Account.Name FROM Order WHERE StatusCode = 'Activated' AND Type IN ('New', 'Amendment') ORDER BY OrderNumber LIMIT 5",
    ]);
    const result = orders.result as { totalSize: number; records: Array<Record<string, unknown>> };
    expect(orders.status).toBe(0);
    expect(result.totalSize).toBe(5);
    for (const r of result.records) {
      expect(r).toMatchObject({ StatusCode: 'Activated', OrderNumber: expect.stringMatching(/^\d{8}$/) });
      expect((r.Account as { Name: string }).Name).toMatch(/\d{4}$/);
    }
    const subs = await sf([
      'data',
      'query',
      '-o',
      'cpq',
      '--query',
      'SELECT Name, SBQQ__Quantity__c, SBQQ__Contract__r.ContractNumber, SBQQ__OrderProduct__r.SBQQ__ContractAction__c FROM SBQQ__Subscription__c WHERE SBQQ__RevisedSubscription__c != null LIMIT 3',
    ]);
    const subRecords = (subs.result as { records: Array<Record<string, unknown>> }).records;
    expect(subRecords.length).toBeGreaterThan(0);
    for (const s of subRecords) {
      expect(s.Name).toMatch(/^SUB-\d{7}$/);
      expect((s.SBQQ__Contract__r as { ContractNumber: string }).ContractNumber).toMatch(/^\d{8}$/);
      expect(['Quantity Increase', 'Quantity Decrease', 'Cancel']).toContain(
        (s.SBQQ__OrderProduct__r as { SBQQ__ContractAction__c: string }).SBQQ__ContractAction__c,
      );
    }
  }, 120_000);

  it('describes Order with its CPQ fields and child relationships', async () => {
    const describe = await sf(['sobject', 'describe', '-o', 'cpq', '--sobject', 'Order']);
    const result = describe.result as {
      fields: Array<{ name: string; type: string }>;
      childRelationships: Array<{ relationshipName: string | null }>;
    };
    expect(result.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['OrderNumber', 'StatusCode', 'SBQQ__Contracted__c', 'SBQQ__Quote__c']),
    );
    expect(result.childRelationships.map((r) => r.relationshipName)).toContain('OrderItems');
  }, 120_000);
});
