// Issue 17, item 10: the admin API must not be reachable with an ordinary API token through a
// percent-encoded spelling of its path (the router decodes the path; the admin check must too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

describe('admin API behind encoded paths', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const configured = await h.admin('/callouts', {
      method: 'PUT',
      json: {
        targets: [
          {
            url: 'http://127.0.0.1:9/hook',
            events: ['Account.*'],
            auth: { type: 'basic', username: 'u', password: 'basic-password-secret' },
            hmac: {
              algorithm: 'SHA-256',
              key: 'hmac-key-secret',
              data: '{{Event.Timestamp}}',
              signedHeaderKey: 'X-Signature',
            },
          },
        ],
      },
    });
    if (configured.status !== 200) throw new Error(`callout set-up failed: ${await configured.text()}`);
  });
  afterAll(async () => h.emulator.close());

  const encodedPaths = [
    '/%5F%5Femulator/callouts',
    '/%5f%5femulator/callouts',
    '/_%5Femulator/callouts',
    '/%5F_emulator/stats',
    '/__%65mulator/callouts',
    '/%5F%5F%65%6D%75%6C%61%74%6F%72/faults',
    '/__emulator/callouts',
  ];

  it('refuses every spelling of the admin path to an ordinary API token, without leaking secrets', async () => {
    for (const path of encodedPaths) {
      const res = await h.api(path);
      const text = await res.text();
      expect(res.status, path).toBe(401);
      expect(text, path).not.toContain('basic-password-secret');
      expect(text, path).not.toContain('hmac-key-secret');
    }
    const post = await h.api('/%5F%5Femulator/faults', { method: 'POST', json: { errorRate: 1 } });
    expect(post.status).toBe(401);
    expect((await h.api('/v1/catalog/products')).status).toBe(200);
  });

  it('serves the encoded spellings to the admin token, as the router matches them', async () => {
    const res = await fetch(`${h.emulator.url}/%5F%5Femulator/callouts`, {
      headers: { Authorization: `Bearer ${h.emulator.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { targets: unknown[] }).targets).toHaveLength(1);
  });

  it('does not count admin requests in the API statistics, however spelt', async () => {
    await h.admin('/reset', { method: 'POST', json: {} });
    await fetch(`${h.emulator.url}/%5F%5Femulator/stats`, {
      headers: { Authorization: `Bearer ${h.emulator.adminToken}` },
    });
    const stats = (await (await h.admin('/stats')).json()) as { requests: number };
    expect(stats.requests).toBe(0);
  });
});
