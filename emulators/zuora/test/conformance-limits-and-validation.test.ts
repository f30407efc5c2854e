// Rate limits and request validation as documented, with plain fetch:
// https://developer.zuora.com/docs/guides/rate-limits (AUTH: 2,000 a minute, 100 per IP address; the
// ratelimit-limit header lists the windows; a 429 carries the headers), and validation Zuora performs on
// orders (https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/: dates are calendar dates; an
// order creates subscriptions or order line items).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ZUORA_CLIENT_ID, DEFAULT_ZUORA_CLIENT_SECRET } from '../src/index.js';
import { startHarness, type Harness } from './helpers.js';

const tokenBody = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: DEFAULT_ZUORA_CLIENT_ID,
  client_secret: DEFAULT_ZUORA_CLIENT_SECRET,
});

describe('authentication rate limit, headers and validation', () => {
  let h: Harness;
  beforeAll(async () => {
    // A stopped clock keeps every login in one rate-limit window, however slow the machine.
    const stopped = new Date('2026-03-02T10:00:00Z');
    h = await startHarness({ authRateLimit: { perIpPerMinute: 4, perMinute: 2000 }, now: () => stopped });
  });
  afterAll(async () => h.emulator.close());

  const login = () =>
    fetch(`${h.emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: tokenBody,
    });

  it('limits logins per IP address with a 429 carrying RateLimit headers and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    // The harness already logged in once from this address.
    for (let i = 0; i < 4; i += 1) {
      last = await login();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('ratelimit-limit')).toBe('4, 4;w=60');
    expect(last?.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last?.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last?.json()) as { reasons: { message: string }[] };
    expect(body.reasons[0]?.message).toMatch(/4 authentication requests a minute from one IP address/);
    // API requests are a separate class: the token in hand still works.
    const api = await h.api('/v1/catalog/products');
    expect(api.status).toBe(200);
    expect(api.headers.get('ratelimit-limit')).toBe('50000, 50000;w=60');
  });

  it('refuses an order dated on a day that does not exist, and an empty order', async () => {
    const account = [...h.emulator.tenant.scan('Account', null)][0]?.record;
    const base = { existingAccountNumber: account?.AccountNumber };
    const bad = await h.api('/v1/orders', {
      method: 'POST',
      json: {
        ...base,
        orderDate: '2025-02-30',
        orderLineItems: [{ itemName: 'x', quantity: 1, listPricePerUnit: 1, transactionDate: '2025-02-28' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /orderDate/,
    );
    const empty = await h.api('/v1/orders', { method: 'POST', json: { ...base, orderDate: '2025-02-28' } });
    // A well-formed order that breaks a rule is refused with 200 and success: false, as Zuora answers order
    // creation (developer.zuora.com/docs/guides/error-handling); only a malformed body (the date) is a 400.
    expect(empty.status).toBe(200);
    const refusal = (await empty.json()) as { success: boolean; reasons: { message: string }[] };
    expect(refusal.success).toBe(false);
    expect(refusal.reasons[0]?.message).toMatch(/subscription|line item/);
  });

  it('answers an undecodable path with a Zuora-shaped 400', async () => {
    const res = await h.api('/v1/%ZZ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { success: boolean; reasons: { code: number }[] };
    expect(body.success).toBe(false);
    expect(body.reasons[0]?.code).toBeGreaterThan(0);
  });
});
