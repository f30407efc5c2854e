import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import {
  adversarialSoql,
  billionLaughs,
  csv,
  mutate,
  nestedTree,
  pick,
  record,
  rng,
  sosl,
  soql,
  type Rng,
} from './fuzz-inputs.js';
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

interface Attempt {
  method: string;
  path: string;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
}

const v = '/services/data/v62.0';
const enc = encodeURIComponent;

function requestFor(r: Rng, jobIds: string[]): Attempt {
  const json = (body: unknown) => (r() < 0.1 ? mutate(r, JSON.stringify(body)) : JSON.stringify(body));
  switch (Math.floor(r() * 16)) {
    case 0:
      return {
        method: 'GET',
        path: `${v}/${pick(r, ['query', 'queryAll'])}?q=${enc(soql(r))}${r() < 0.2 ? '&columns=true' : ''}`,
      };
    case 1:
      return { method: 'GET', path: `${v}/search?q=${enc(sosl(r))}` };
    case 2:
      return {
        method: 'GET',
        path: `${v}/parameterizedSearch?q=${enc(pick(r, ['acme', 'a', '', '{x}']))}&sobject=${pick(r, ['Account', 'Nope'])}&Account.where=${enc(mutate(r, "Name != 'x'"))}&Account.limit=${pick(r, ['1', '-1', 'x'])}`,
      };
    case 3:
      return {
        method: 'POST',
        path: `${v}/sobjects/${pick(r, ['Account', 'CustomerAccount__c', 'Sync_Event__e', 'Sync_Setting__mdt', 'Nope'])}`,
        body: json(record(r)),
      };
    case 4:
      return {
        method: pick(r, ['PATCH', 'GET', 'DELETE']),
        path: `${v}/sobjects/Account/${pick(r, [accountId, accountId.slice(0, 15), 'x', '%00', '001%2F..'])}`,
        body: json(record(r)),
        headers: { 'if-unmodified-since': pick(r, ['garbage', new Date().toUTCString()]) },
      };
    case 5:
      return {
        method: pick(r, ['PATCH', 'GET', 'DELETE']),
        path: `${v}/sobjects/CustomerAccount__c/${pick(r, ['External_Id__c', 'Name', 'Id', 'Nope'])}/${pick(r, ['Z%2500', '%E2%82%AC', 'a%2Fb', '%25', accountId])}?updateOnly=${pick(r, ['true', 'x'])}`,
        body: json(record(r)),
      };
    case 6:
      return {
        method: 'GET',
        path: `${v}/sobjects/${pick(r, ['Account', 'Sync_Setting__mdt'])}/${pick(r, ['updated', 'deleted'])}/?start=${enc(pick(r, ['2024-01-01T00:00:00Z', 'x', '', new Date(Date.now() - 3_600_000).toISOString()]))}&end=${enc(pick(r, ['2099-01-01T00:00:00+00:00', 'y', new Date().toISOString()]))}`,
      };
    case 7:
      return {
        method: pick(r, ['POST', 'PATCH']),
        path: `${v}/composite/sobjects${r() < 0.5 ? '/CustomerAccount__c/External_Id__c' : ''}`,
        body: json({
          allOrNone: r() < 0.5,
          records: Array.from({ length: Math.floor(r() * 4) }, () => record(r)),
        }),
      };
    case 8:
      return {
        method: 'POST',
        path: `${v}/composite`,
        body: json({
          allOrNone: r() < 0.5,
          compositeRequest: [
            {
              method: pick(r, ['GET', 'POST', 'PUT', 'TRACE']),
              url: pick(r, [
                `${v}/sobjects/Account`,
                `${v}/query?q=${enc(soql(r))}`,
                '@{r0.id}',
                'http://evil/',
                `${v}/composite`,
              ]),
              referenceId: pick(r, ['r0', 'r0', '']),
              body: record(r),
              httpHeaders: { a: pick(r, ['x', {}, 5]) },
            },
            { method: 'GET', url: `${v}/sobjects/Account/@{r0.id}`, referenceId: 'r1' },
          ],
        }),
      };
    case 9:
      return {
        method: 'POST',
        path: `${v}/composite/batch`,
        body: json({
          haltOnError: r() < 0.5,
          batchRequests: [
            {
              method: pick(r, ['GET', 'PATCH', 'X']),
              url: pick(r, ['v62.0/limits', `v62.0/query?q=${enc(soql(r))}`, '../../__emulator/stats', '']),
              richInput: record(r),
            },
          ],
        }),
      };
    case 10:
      return {
        method: 'POST',
        path: `${v}/composite/tree/${pick(r, ['Account', 'Contact', 'Nope'])}`,
        body: json(r() < 0.5 ? nestedTree(Math.floor(r() * 12)) : { records: [record(r), record(r)] }),
      };
    case 11:
      return {
        method: pick(r, ['GET', 'POST']),
        path: `${v}/composite/sobjects/${pick(r, ['Account', 'Nope'])}?ids=${enc(pick(r, [accountId, 'x,,', ''.padEnd(3000, 'a,')]))}&fields=${pick(r, ['Name', 'Nope', ''])}`,
        body: json({
          ids: pick(r, [[accountId], 'x', [null], []]),
          fields: pick(r, [['Name'], [5], 'Name']),
        }),
      };
    case 12: {
      const jobId = jobIds.length > 0 ? pick(r, jobIds) : 'x';
      return pick(r, [
        {
          method: 'POST',
          path: `${v}/jobs/ingest`,
          body: json({
            object: pick(r, ['Account', 'CustomerAccount__c', 'Nope']),
            operation: pick(r, ['insert', 'upsert', 'x']),
            externalIdFieldName: pick(r, ['External_Id__c', 'Name']),
            columnDelimiter: pick(r, ['COMMA', 'TAB', 'x']),
            lineEnding: pick(r, ['LF', 'CRLF', 'x']),
          }),
        },
        { method: 'PUT', path: `${v}/jobs/ingest/${jobId}/batches`, body: csv(r), type: 'text/csv' },
        {
          method: 'PATCH',
          path: `${v}/jobs/ingest/${jobId}`,
          body: json({ state: pick(r, ['UploadComplete', 'Aborted', 'JobComplete']) }),
        },
        {
          method: 'GET',
          path: `${v}/jobs/ingest/${jobId}/${pick(r, ['successfulResults', 'failedResults', 'unprocessedrecords'])}`,
        },
        {
          method: 'POST',
          path: `${v}/jobs/query`,
          body: json({ operation: pick(r, ['query', 'queryAll']), query: soql(r) }),
        },
        {
          method: 'GET',
          path: `${pick(r, [v, '/services/data/v61.0'])}/jobs/query/${jobId}/results?locator=${pick(r, ['', 'MTA', '!!', '-1'])}&maxRecords=${pick(r, ['1', '0', 'x'])}`,
        },
      ]);
    }
    case 13:
      return pick(r, [
        {
          method: 'POST',
          path: '/services/async/62.0/job',
          body: pick(r, [
            billionLaughs,
            '<jobInfo><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>',
            '<jobInfo',
            '{}',
            mutate(r, '<jobInfo><operation>query</operation></jobInfo>'),
          ]),
          type: pick(r, ['application/xml', 'application/json']),
        },
        {
          method: 'POST',
          path: `/services/async/62.0/job/${jobIds.length > 0 ? pick(r, jobIds) : 'x'}/batch`,
          body: pick(r, [
            csv(r),
            soql(r),
            '<sObjects><sObject><Name>x</Name></sObject></sObjects>',
            '[{"Name":null}]',
          ]),
          type: pick(r, ['text/csv', 'application/xml', 'application/json']),
        },
      ]);
    case 14:
      return {
        method: 'POST',
        path: '/services/oauth2/token',
        body: pick(r, [
          'grant_type=password&username=%00',
          'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=a.b.c',
          'grant_type=client_credentials',
          '%%%',
        ]),
        type: 'application/x-www-form-urlencoded',
        headers: { authorization: pick(r, ['Basic %%%', 'Basic Og==', 'Bearer x']) },
      };
    default:
      return {
        method: pick(r, ['GET', 'POST', 'PUT', 'OPTIONS', 'HEAD']),
        path: mutate(
          r,
          pick(r, [
            `${v}/sobjects/Account/describe`,
            '/services/data/v20.0/limits',
            '/%5F%5Femulator/stats',
            `${v}/`,
            '/services/data',
          ]),
        ),
        body: pick(r, ['[[[[[[', '{"a":', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, '']),
        headers: {
          'if-modified-since': pick(r, ['Mon, 01 Jan 2099 00:00:00 GMT', 'garbage']),
          'content-type': pick(r, ['application/json', 'text/plain', 'x/y;;;']),
        },
      };
  }
}

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
    const attempts: Attempt[] = adversarialSoql().map((q) => ({
      method: 'GET',
      path: q.startsWith('FIND') ? `${v}/search?q=${enc(q)}` : `${v}/query?q=${enc(q)}`,
    }));
    let sent = 0;
    let maxCpu = 0;
    const statuses = new Map<number, number>();
    while (sent < maxRequests && Date.now() - started < wallBudgetMs) {
      const attempt = attempts.shift() ?? requestFor(r, jobIds);
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
