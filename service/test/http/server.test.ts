// The HTTP edge over real HTTP: authentication on every route but /health, JSON errors, OpenAPI, metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/http/server.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';

let svc: RunningService;
const auth = { authorization: `Bearer ${testToken}` };

beforeAll(async () => {
  svc = await startTestService({}, { withSync: true });
}, 120_000);
afterAll(async () => {
  await svc.close();
});

describe('service HTTP edge', () => {
  it('answers /health without a token (status and store only), with versions for the admin token', async () => {
    const res = await fetch(`${svc.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: { kind: 'pglite', reachable: true } });
    const admin = await fetch(`${svc.url}/health`, { headers: auth });
    const body = (await admin.json()) as { versions: Record<string, string> };
    expect(body.versions.postgres).toMatch(/^\d+/);
    expect(body.versions.node).toBe(process.version);
  });

  it('refuses every other route without a valid token', async () => {
    // The Zuora webhook has its own authentication (service/test/realtime/webhook-intake.test.ts); the
    // console's pages, sign-in and assets are covered by service/test/console/console-auth.test.ts.
    const routes = routesOf(svc.service.app).filter(
      (r) => r.url !== '/health' && !r.url.startsWith('/v1/webhooks/zuora') && !r.url.startsWith('/console'),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/syncs',
        'POST /v1/syncs',
        'GET /v1/syncs/:id',
        'GET /metrics',
        'GET /openapi.json',
      ]),
    );
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: testToken }]) {
        const res = await fetch(`${svc.url}${path}`, {
          method: route.method,
          headers: { ...headers, 'content-type': 'application/json' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
        });
        expect(res.status, `${route.method} ${route.url} with ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
      }
    }
  });

  it('serves the routes with the token', async () => {
    const res = await fetch(`${svc.url}/v1/syncs`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessions: [] });
  });

  it('names the failing field in a 400', async () => {
    const bad = await fetch(`${svc.url}/v1/syncs?limit=lots`, { headers: auth });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; message: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.issues.map((i) => i.path)).toContain('querystring.limit');
    const badId = await fetch(`${svc.url}/v1/syncs/not-a-uuid`, { headers: auth });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { message: string }).message).toMatch(/^params\.id: /);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${svc.url}/v1/nothing-here`, { headers: auth });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'no route GET /v1/nothing-here' });
  });

  it('generates the OpenAPI document from the route schemas', async () => {
    const res = await fetch(`${svc.url}/openapi.json`, { headers: auth });
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/syncs', '/v1/syncs/{id}', '/health']),
    );
    expect(doc.paths['/v1/syncs']?.get?.security).toEqual([{ bearerAuth: [] }]);
  });

  it('exposes Prometheus metrics to an authenticated scraper', async () => {
    const res = await fetch(`${svc.url}/metrics`, { headers: auth });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/zuora_sync_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/zuora_sync_process_cpu_seconds_total/);
  });
});
