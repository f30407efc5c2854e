// Fuzz: random and adversarial queries (ZOQL, Export ZOQL, SQL), Object Query parameters, request bodies
// and paths against a running emulator. Every answer must be below 500 and the server must keep answering.
// A request is given HANG_MS to answer: far above the 1-second target, so a busy machine cannot fail the
// test, yet a runaway matcher or parser (which never answers) still does; the slowest answer is printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { adversarialQueries, fuzzRandom, randomQuery } from './fuzz-queries.js';
import { randomObjectQuery, randomPath, randomPost, type FuzzRequest } from './fuzz-requests.js';

const HANG_MS = 10_000;
const RANDOM_REQUESTS = 1500;

interface Outcome {
  status: number;
  ms: number;
}

describe('fuzz: no 5xx, no hang, no crash', () => {
  let h: Harness;
  const statuses = new Map<number, number>();
  let slowest = { ms: 0, label: '' };
  beforeAll(async () => {
    h = await startHarness();
    // A value that nearly matches '%a%a...%b': the worst case for a backtracking matcher.
    const first = [...h.emulator.tenant.scan('Account', null)][0]?.record;
    h.emulator.tenant.update('Account', String(first?.Id), { Name: 'a'.repeat(200) });
  });
  afterAll(async () => {
    console.log(
      `fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${slowest.ms} ms (${slowest.label})`,
    );
    await h.emulator.close();
  });

  async function send(req: FuzzRequest): Promise<Outcome> {
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(`${h.emulator.url}${req.path}`, {
        method: req.method,
        headers: {
          Authorization: `Bearer ${h.token}`,
          ...(req.contentType === undefined ? {} : { 'Content-Type': req.contentType }),
        },
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: AbortSignal.timeout(HANG_MS),
      });
      await res.arrayBuffer();
    } catch (e) {
      throw new Error(
        `${req.label}: no answer within ${HANG_MS} ms (${String(e)}): ${req.method} ${req.path.slice(0, 200)} ${req.body?.slice(0, 300) ?? ''}`,
      );
    }
    const ms = Math.round(performance.now() - started);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (ms > slowest.ms) slowest = { ms, label: `${req.label} ${req.path.slice(0, 60)}` };
    return { status: res.status, ms };
  }

  async function expectHandled(req: FuzzRequest): Promise<void> {
    const { status } = await send(req);
    expect(
      status,
      `${req.label}: ${req.method} ${req.path.slice(0, 200)} ${req.body?.slice(0, 300) ?? ''}`,
    ).toBeLessThan(500);
  }

  async function alive(): Promise<void> {
    expect(
      (await send({ label: 'health', method: 'GET', path: '/v1/catalog/products?pageSize=1' })).status,
    ).toBe(200);
  }

  const queryRequests = (query: string): FuzzRequest[] => [
    {
      label: 'action query',
      method: 'POST',
      path: '/v1/action/query',
      body: JSON.stringify({ queryString: query }),
      contentType: 'application/json',
    },
    {
      label: 'aqua',
      method: 'POST',
      path: '/v1/batch-query/',
      body: JSON.stringify({ queries: [{ name: 'q', query, type: 'zoqlexport' }] }),
      contentType: 'application/json',
    },
    {
      label: 'data query',
      method: 'POST',
      path: '/query/jobs',
      body: JSON.stringify({ query, outputFormat: 'CSV', compression: 'NONE', output: { target: 's3' } }),
      contentType: 'application/json',
    },
  ];

  it('answers adversarial queries in every dialect', async () => {
    for (const query of adversarialQueries()) {
      for (const req of queryRequests(query)) await expectHandled(req);
      await alive();
    }
  });

  it('answers random queries, Object Query parameters, bodies and paths', async () => {
    const r = fuzzRandom(20_261_204);
    for (let i = 0; i < RANDOM_REQUESTS; i += 1) {
      const kind = r.int(0, 4);
      const req =
        kind === 0
          ? r.pick(queryRequests(randomQuery(r)))
          : kind === 1
            ? randomObjectQuery(r)
            : kind === 2
              ? randomPost(r)
              : kind === 3
                ? randomPath(r)
                : {
                    label: 'zoql',
                    method: 'POST' as const,
                    path: '/v1/action/query',
                    body: JSON.stringify({ queryString: randomQuery(r) }),
                    contentType: 'application/json',
                  };
      await expectHandled(req);
      if (i % 100 === 99) await alive();
    }
    await alive();
  });

  it('lets the asynchronous jobs the fuzz started finish without taking the server down', async () => {
    const list = await h.api('/query/jobs');
    expect(list.status).toBe(200);
    const jobs = ((await list.json()) as { data: { queryStatus: string }[] }).data;
    expect(jobs.length).toBeGreaterThan(0);
    await alive();
  });
});
