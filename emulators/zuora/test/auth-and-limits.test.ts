import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

describe('OAuth, rate limits, faults and malformed requests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimitPerMinute: 1000 });
  });
  afterAll(async () => h.emulator.close());

  it('issues client-credentials tokens and refuses bad credentials', async () => {
    const res = await fetch(`${h.emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=zuora-emulator-client&client_secret=wrong',
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('wrong');
    const grant = await fetch(`${h.emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password',
    });
    expect(grant.status).toBe(400);
  });

  it('rejects requests without a token and after the token expires', async () => {
    const anonymous = await fetch(`${h.emulator.url}/object-query/accounts`);
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as {
      success: boolean;
      reasons: { code: number; message: string }[];
    };
    expect(body.success).toBe(false);
    expect(body.reasons[0]?.code).toBe(90000011);
    // The emulator's clock is moved past the token's hour instead of sleeping: no race with a busy machine.
    let offsetMs = 0;
    const clocked = await startHarness({ now: () => new Date(Date.now() + offsetMs) });
    try {
      expect((await clocked.api('/object-query/accounts?pageSize=1')).status).toBe(200);
      offsetMs = 3601_000;
      const expired = await clocked.api('/object-query/accounts?pageSize=1');
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { reasons: { code: number }[] }).reasons[0]?.code).toBe(90000011);
    } finally {
      await clocked.emulator.close();
    }
  });

  it('revokes all tokens through the token-expiry fault', async () => {
    h.token = await h.newToken();
    const res = await h.admin('/faults', { method: 'POST', json: { expireTokens: true } });
    expect(((await res.json()) as { tokensExpired: number }).tokensExpired).toBeGreaterThan(0);
    expect((await h.api('/object-query/accounts?pageSize=1')).status).toBe(401);
    h.token = await h.newToken();
  });

  it('sends RateLimit headers and answers 429 with Retry-After past the limit', async () => {
    h.token = await h.newToken();
    await h.admin('/faults', { method: 'POST', json: { rateLimitPerMinute: 3 } });
    await h.admin('/reset', { method: 'POST', json: {} });
    await h.admin('/faults', { method: 'POST', json: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i += 1) {
      last = await h.api('/object-query/accounts?pageSize=1');
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('3, 3;w=60');
        expect(last.headers.get('ratelimit-remaining')).toBe('2');
        expect(last.headers.get('concurrency-limit-type')).toBe('Object Query');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    await h.admin('/reset', { method: 'POST', json: {} });
  });

  it('answers 429 during an injected storm and 503 for an injected error rate', async () => {
    h.token = await h.newToken();
    // A storm long enough that a busy machine cannot outlast it; the reset ends it.
    await h.admin('/faults', { method: 'POST', json: { rateLimitStormMs: 60_000 } });
    const storm = await h.api('/v1/catalog/products');
    expect(storm.status).toBe(429);
    expect(Number(storm.headers.get('retry-after'))).toBeGreaterThan(0);
    await h.admin('/reset', { method: 'POST', json: {} });
    await h.admin('/faults', { method: 'POST', json: { errorRate: 1 } });
    expect((await h.api('/v1/catalog/products')).status).toBe(503);
    await h.admin('/reset', { method: 'POST', json: {} });
    h.token = await h.newToken();
    expect((await h.api('/v1/catalog/products')).status).toBe(200);
  });

  it('enforces concurrency limits with Concurrency-Limit headers', async () => {
    const limited = await startHarness({ concurrencyLimits: { Default: 1 } });
    try {
      // The injected latency holds the first request's slot while the second arrives.
      await limited.admin('/faults', { method: 'POST', json: { latencyMs: 2000 } });
      const [a, b] = await Promise.all([
        limited.api('/v1/catalog/products'),
        limited.api('/v1/catalog/products'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 429]);
      const refused = a.status === 429 ? a : b;
      expect(refused.headers.get('concurrency-limit-type')).toBe('Default');
      expect(refused.headers.get('concurrency-limit-limit')).toBe('1');
      expect(((await refused.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
        /Concurrency limit of 1/,
      );
    } finally {
      await limited.emulator.close();
    }
  });

  it('counts requests per route and protects the admin API', async () => {
    expect((await fetch(`${h.emulator.url}/__emulator/stats`)).status).toBe(401);
    await h.api('/v1/catalog/products');
    const stats = (await (await h.admin('/stats')).json()) as { byRoute: Record<string, number> };
    expect(stats.byRoute['GET /v1/catalog/products']).toBeGreaterThanOrEqual(1);
  });

  it('answers malformed JSON and unknown routes with Zuora-shaped errors', async () => {
    h.token = await h.newToken();
    const bad = await fetch(`${h.emulator.url}/v1/action/query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
      body: '{"queryString":',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { success: boolean; reasons: { message: string }[] };
    expect(body.success).toBe(false);
    expect(body.reasons[0]?.message).toMatch(/JSON/);
    const missing = await h.api('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { reasons: unknown[] }).reasons).toHaveLength(1);
  });
});
