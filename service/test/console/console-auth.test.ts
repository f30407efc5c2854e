// The console's sign-in over real HTTP: every route the app registers refuses a request without
// credentials (the sign-in page, its assets and the sign-in itself excepted), the admin token and only it
// signs in, the cookie's flags, CSRF on state changes, cross-site refusal, sign-out and expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/http/server.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';

let svc: RunningService;
let trusted: RunningService;
const uuid = '00000000-0000-4000-8000-000000000000';
const onDemandToken = 'on-demand-scoped-token-0123456789';
const publicRoutes = new Set([
  'GET /health',
  'GET /console/login',
  'GET /console/assets/*',
  'POST /console/session',
]);

async function signIn(url: string, token = testToken): Promise<Response> {
  return fetch(`${url}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

beforeAll(async () => {
  svc = await startTestService({ ON_DEMAND_API_TOKEN: onDemandToken }, { withSync: true });
  trusted = await startTestService({ TRUST_PROXY: 'on' });
}, 180_000);
afterAll(async () => {
  await svc?.close();
  await trusted?.close();
});

describe('console sign-in', () => {
  it('refuses every console and API route without credentials, listing the routes the app registers', async () => {
    const routes = routesOf(svc.service.app).filter(
      (r) => !publicRoutes.has(`${r.method} ${r.url}`) && !r.url.startsWith('/v1/webhooks/zuora'),
    );
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /console',
        'GET /console/*',
        'GET /v1/overview',
        'GET /v1/failures/groups',
        'GET /v1/failures/export',
        'POST /v1/failures/retry',
        'GET /v1/syncs/:id/events',
        'POST /v1/syncs/:id/cancel',
        'GET /v1/performance/latency',
        'POST /v1/notification-rules',
        'DELETE /console/session',
      ]),
    );
    for (const r of routes) {
      const path = r.url
        .replace(/:(\w+)/g, r.url.includes('notification-rules') || r.url.includes('syncs') ? uuid : '1')
        .replace('*', 'sessions');
      const res = await fetch(`${svc.url}${path}`, {
        method: r.method,
        redirect: 'manual',
        headers: { 'content-type': 'application/json' },
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { body: '{}' }),
      });
      const page = r.method === 'GET' && r.url.startsWith('/console') && r.url !== '/console/session';
      expect(res.status, `${r.method} ${r.url}`).toBe(page ? 303 : 401);
      if (page) expect(res.headers.get('location')).toBe('/console/login');
    }
  });

  it('signs in with the admin token only, as an HttpOnly SameSite=Strict cookie', async () => {
    const wrong = await signIn(svc.url, `${testToken}x`);
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_token');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    // The scoped on-demand token (ON_DEMAND_API_TOKEN) is for POST /v1/on-demand-syncs only: it cannot sign in.
    const scoped = await signIn(svc.url, onDemandToken);
    expect(scoped.status).toBe(401);
    expect(scoped.headers.get('set-cookie')).toBeNull();
    const scopedBearer = await fetch(`${svc.url}/v1/overview`, {
      headers: { authorization: `Bearer ${onDemandToken}` },
    });
    expect(scopedBearer.status).toBe(403);
    const ok = await signIn(svc.url);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^zsync_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const body = (await ok.json()) as { csrfToken: string };
    const overview = await fetch(`${svc.url}/v1/overview`, { headers: { cookie: cookieOf(ok) } });
    expect(overview.status).toBe(200);
    const session = (await (
      await fetch(`${svc.url}/console/session`, { headers: { cookie: cookieOf(ok) } })
    ).json()) as { csrfToken: string };
    expect(session.csrfToken).toBe(body.csrfToken);
  });

  it('sets Secure when the request came over HTTPS (through a trusted proxy)', async () => {
    const res = await fetch(`${trusted.url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ token: testToken }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('needs the CSRF token for state changes and refuses cross-site requests', async () => {
    const ok = await signIn(svc.url);
    const { csrfToken } = (await ok.json()) as { csrfToken: string };
    const cookie = cookieOf(ok);
    const post = (headers: Record<string, string>) =>
      fetch(`${svc.url}/v1/syncs/preview`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ scope: 'catalog' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': 'not-the-token' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(200);
  });

  it('signs out, and a sign-in expires', async () => {
    const first = await signIn(svc.url);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const out = await fetch(`${svc.url}/console/session`, {
      method: 'DELETE',
      headers: { cookie: cookieOf(first), 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const after = await fetch(`${svc.url}/v1/overview`, { headers: { cookie: cookieOf(first) } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: string }).error).toBe('session_expired');

    const second = await signIn(svc.url);
    await svc.service.store.query(`UPDATE console_sessions SET expires_at = now() - interval '1 second'`);
    expect((await fetch(`${svc.url}/v1/overview`, { headers: { cookie: cookieOf(second) } })).status).toBe(
      401,
    );
    const page = await fetch(`${svc.url}/console/failures`, {
      headers: { cookie: cookieOf(second) },
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/login?expired=1');
  });
});
