// The on-demand token over real HTTP: accepted on POST /v1/on-demand-syncs and POST /v1/cpq/order-syncs only,
// refused with a 403 naming the admin token on every other route the app registers; the admin token still
// opens everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { routesOf } from '../../src/http/server.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';

const onDemandToken = 'on-demand-token-0123456789abcdefgh';
const requestedBy = { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' };
let svc: RunningService;

beforeAll(async () => {
  svc = await startTestService({ ON_DEMAND_API_TOKEN: onDemandToken }, { withSync: true });
}, 120_000);
afterAll(async () => {
  await svc.close();
});

// A body no route accepts, so the admin token's calls are answered (400) without starting any work.
const call = (method: string, url: string, token: string) =>
  fetch(`${svc.url}${url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000')}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{"scope":"not-a-scope"}' }),
  });

describe('the on-demand token', () => {
  it('is refused with 403 on every route but POST /v1/on-demand-syncs and POST /v1/cpq/order-syncs', async () => {
    const routes = routesOf(svc.service.app).filter(
      (r) =>
        r.url !== '/health' &&
        !r.url.startsWith('/v1/webhooks/zuora') &&
        !['POST /v1/on-demand-syncs', 'POST /v1/cpq/order-syncs'].includes(`${r.method} ${r.url}`),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /v1/syncs', 'POST /v1/syncs', 'GET /metrics', 'GET /openapi.json']),
    );
    for (const route of routes) {
      const res = await call(route.method, route.url, onDemandToken);
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('forbidden');
      expect(body.message).toContain('may only call POST /v1/on-demand-syncs');
      expect(body.message).toContain(`${route.method} `);
      expect(body.message).toContain('API_TOKEN');
      const admin = await call(route.method, route.url, testToken);
      expect([401, 403], `${route.method} ${route.url} with the admin token`).not.toContain(admin.status);
    }
  }, 180_000);

  it('is accepted on POST /v1/cpq/order-syncs (docs/cpq-order-sync-contract.md), which validates the body', async () => {
    const res = await call('POST', '/v1/cpq/order-syncs', onDemandToken);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('is accepted on POST /v1/on-demand-syncs, which then validates the body', async () => {
    const res = await fetch(`${svc.url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${onDemandToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        objectType: 'BILLING_ACCOUNT',
        source: 'APEX',
        accountIds: [],
        salesforceIds: [],
        zuoraIds: [],
        zuoraIdsByEntity: {},
        emailNotification: false,
        requestedBy,
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('does not open the on-demand route with a wrong token', async () => {
    const res = await call('POST', '/v1/on-demand-syncs', `${onDemandToken}x`);
    expect(res.status).toBe(401);
  });
});

describe('ON_DEMAND_API_TOKEN at start', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ DATA_DIR: '.data-unused', API_TOKEN: testToken, ...env });
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.problems.map((p) => `${p.name}: ${p.message}`);
    }
  };

  it('needs at least 24 characters and must differ from API_TOKEN', () => {
    expect(problemsOf({ ON_DEMAND_API_TOKEN: 'short' })).toEqual([
      'ON_DEMAND_API_TOKEN: expected at least 24 characters',
    ]);
    expect(problemsOf({ ON_DEMAND_API_TOKEN: testToken })[0]).toMatch(
      /^ON_DEMAND_API_TOKEN: must differ from API_TOKEN/,
    );
    expect(problemsOf({ ON_DEMAND_API_TOKEN: onDemandToken })).toEqual([]);
  });
});
