import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { rng } from './fuzz-inputs.js';
import { adversarialRequests, requestFor, type Attempt } from './fuzz-requests.js';
import { billingAccount, login, startFixtureEmulator } from './helpers.js';

// Fuzz: random and adversarial SOQL, SOSL, filters and bodies against every resource family. No
// answer may be a 5xx, no request may hang (a request spending over one second of CPU is a hang: CPU
// time, unlike wall time, does not grow when other processes load the machine), and the emulator must
// still serve afterwards. Bounded: a fixed number of requests, stopped early after 40 s of wall time.
// The seed is printed on failure; FUZZ_SEED reproduces a run.

const seed = Number(process.env.FUZZ_SEED ?? 20_261_123);
const maxRequests = 1_500;
const wallBudgetMs = 40_000;
const cpuLimitMs = 1_000;

let emulator: SalesforceEmulator;
let token = '';
let accountId = '';

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  token = (await login(emulator)).accessToken ?? '';
  [accountId] = emulator.insertRecords('Account', [{ Name: 'Acme', Zuora_Customer_Number__c: 'C-1' }]) as [
    string,
  ];
  emulator.insertRecords('Contact', [{ LastName: 'Runner', AccountId: accountId }]);
  emulator.insertRecords('CustomerAccount__c', [
    billingAccount(1, { Account__c: accountId }),
    billingAccount(2),
  ]);
});
afterAll(() => emulator.close());

const v = '/services/data/v62.0';

async function send(a: Attempt) {
  const cpu = process.cpuUsage();
  // A mutated path still has to be a URL the client can send.
  const path = `/${a.path.replace(/^\/+/, '')}`.replace(/[\s#]/g, '%20');
  const res = await fetch(`${emulator.url}${path}`, {
    method: a.method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-sfdc-session': token,
      'content-type': a.type ?? 'application/json',
      ...(a.headers ?? {}),
    },
    ...(a.body === undefined || a.method === 'GET' || a.method === 'HEAD' ? {} : { body: a.body }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const used = process.cpuUsage(cpu);
  return { status: res.status, text, cpuMs: (used.user + used.system) / 1000 };
}

describe('fuzz', () => {
  it('answers random and adversarial requests without a 5xx or a hang, and keeps serving', async () => {
    const r = rng(seed);
    const jobIds: string[] = [];
    const problems: string[] = [];
    const started = Date.now();
    const attempts = adversarialRequests();
    let sent = 0;
    let maxCpu = 0;
    const statuses = new Map<number, number>();
    while (sent < maxRequests && Date.now() - started < wallBudgetMs) {
      const attempt = attempts.shift() ?? requestFor(r, { accountId, jobIds });
      const res = await send(attempt);
      sent += 1;
      maxCpu = Math.max(maxCpu, res.cpuMs);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const id = /"id"\s*:\s*"(750\w+)"|<id>(750\w+)<\/id>/.exec(res.text);
      if (id) jobIds.push((id[1] ?? id[2]) as string);
      if (res.status >= 500 || res.cpuMs > cpuLimitMs)
        problems.push(
          `${attempt.method} ${attempt.path.slice(0, 300)} -> ${res.status} in ${Math.round(res.cpuMs)} ms CPU: ${res.text.slice(0, 300)}`,
        );
    }
    const alive = await send({ method: 'GET', path: `${v}/limits` });
    const byStatus = [...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
    console.log(
      `fuzz seed ${seed}: ${sent} requests (${byStatus}), max ${Math.round(maxCpu)} ms CPU per request`,
    );
    expect({ seed, problems }).toEqual({ seed, problems: [] });
    expect(sent).toBeGreaterThan(100);
    expect(alive.status).toBe(200);
  }, 180_000);
});
