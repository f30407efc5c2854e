// POST /v1/webhooks/zuora on both stores: Zuora's callout authentication (Basic, HMAC with a fresh
// timestamp) decides, and nothing is stored unless the callout is authentic and well formed; an accepted
// callout is committed before the answer and its retries are ignored.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createMetricsRegistry } from '../../src/http/metrics.js';
import { webhooksRoute } from '../../src/http/routes/webhooks-route.js';
import { createLogger } from '../../src/config/logger.js';
import { sign } from '../../src/realtime/callout-verification.js';
import type { CalloutPayload } from '../../src/realtime/callout-payload.js';
import type { CalloutAuthSettings } from '../../src/config/realtime-settings.js';
import { migrate } from '../../src/store/migrate.js';
import { startZuoraEmulator } from '../../../emulators/zuora/src/index.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const key = 'callout-hmac-key-for-tests';
const basic = { username: 'zuora', password: 'callout-password' };
const basicHeader = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`;

function payload(n: number): CalloutPayload {
  return {
    notificationId: `n-${String(n)}`,
    objectType: 'Account',
    changeType: 'UPDATE',
    objectId: `2c92c0f8${String(n).padStart(24, '0')}`,
    entityId: '',
    updatedDate: '2026-01-02T03:04:05.678+00:00',
  };
}

function signedHeaders(p: CalloutPayload, at = Date.now(), withBasic = true): Record<string, string> {
  const ts = String(at);
  return {
    'content-type': 'application/json',
    'zuora-notification-id': p.notificationId,
    'x-zuora-timestamp': ts,
    'x-zuora-signature': sign(key, ts, p),
    ...(withBasic ? { authorization: basicHeader } : {}),
  };
}

describe.each(storeKinds)('Zuora webhook intake (%s)', (kind) => {
  let fixture: StoreFixture;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let oauthApp: FastifyInstance;
  const oauth = { clientId: 'zuora-callouts', clientSecret: 'oauth-client-secret-for-tests' };
  const woken: string[] = [];
  const count = async () =>
    Number((await fixture.store.query<{ n: string }>('SELECT count(*) AS n FROM change_events'))[0]?.n);
  const server = (callouts: CalloutAuthSettings) =>
    buildServer({
      apiToken: 'webhook-test-token-0123456789',
      bodyLimitBytes: 1_048_576,
      logger: false,
      metrics: createMetricsRegistry(),
      version: 'test',
      routes: [
        webhooksRoute({
          store: fixture.store,
          callouts,
          logger: createLogger('silent'),
          onEvent: (e) => woken.push(e),
        }),
      ],
    });

  beforeAll(async () => {
    fixture = await openTestStore(kind);
    await migrate(fixture.store);
    app = await server({ hmacKey: key, basic, maxAgeSeconds: 300 });
    bare = await server({ hmacKey: undefined, basic: undefined, maxAgeSeconds: 300 });
    oauthApp = await server({ hmacKey: key, basic: undefined, oauth, maxAgeSeconds: 300 });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await oauthApp.close();
    await fixture.dispose();
  });

  it('stores an authentic callout before answering, and ignores its retries', async () => {
    const p = payload(1);
    const first = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: signedHeaders(p),
      payload: p,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ success: true, duplicate: false });
    const rows = await fixture.store.query<{
      zuora_object: string;
      zuora_id: string;
      occurred_at: Date;
      dedupe_key: string;
    }>('SELECT zuora_object, zuora_id, occurred_at, dedupe_key FROM change_events');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.zuora_id).toBe(p.objectId);
    expect(new Date(rows[0]?.occurred_at ?? 0).toISOString()).toBe('2026-01-02T03:04:05.678Z');
    // A retry (new request id, new timestamp, same notification id) is acknowledged and not stored again.
    const retry = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: { ...signedHeaders(p, Date.now() + 1000), 'zuora-request-id': 'another' },
      payload: p,
    });
    expect(retry.json()).toEqual({ success: true, duplicate: true });
    expect(await count()).toBe(1);
    expect(woken).toEqual(['']);
  });

  it('refuses unsigned, forged, replayed and unauthenticated callouts with 401 and stores nothing', async () => {
    const before = await count();
    const p = payload(2);
    const { 'x-zuora-signature': _sig, ...unsigned } = signedHeaders(p);
    const forged = { ...p, objectId: '2c92c0f8ffffffffffffffffffffffff' };
    const cases: [string, Record<string, string>, unknown, RegExp][] = [
      ['unsigned', unsigned, p, /unsigned callout/],
      ['forged body', signedHeaders(p), forged, /invalid callout signature/],
      [
        'wrong key',
        { ...signedHeaders(p), 'x-zuora-signature': sign('not-the-key', String(Date.now()), p) },
        p,
        /invalid callout signature/,
      ],
      ['replayed (stale)', signedHeaders(p, Date.now() - 301_000), p, /stale callout/],
      ['from the future', signedHeaders(p, Date.now() + 301_000), p, /stale callout/],
      ['no Basic credentials', signedHeaders(p, Date.now(), false), p, /missing Basic credentials/],
      [
        'wrong Basic password',
        { ...signedHeaders(p), authorization: `Basic ${Buffer.from('zuora:nope').toString('base64')}` },
        p,
        /invalid Basic credentials/,
      ],
      [
        'bearer token instead',
        { ...signedHeaders(p), authorization: 'Bearer webhook-test-token-0123456789' },
        p,
        /missing Basic credentials/,
      ],
    ];
    for (const [name, headers, body, message] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/webhooks/zuora',
        headers,
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, name).toBe(401);
      expect(res.json<{ message: string }>().message, name).toMatch(message);
    }
    const challenge = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: signedHeaders(p, Date.now(), false),
      payload: p,
    });
    expect(challenge.headers['www-authenticate']).toBe('Basic realm="zuora-callouts"');
    const unconfigured = await bare.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: signedHeaders(p),
      payload: p,
    });
    expect(unconfigured.statusCode).toBe(401);
    expect(unconfigured.json<{ message: string }>().message).toMatch(/ZUORA_CALLOUT_HMAC_KEY/);
    expect(await count()).toBe(before);
  });

  it('answers 400 naming the problem for malformed callouts, and stores nothing', async () => {
    const before = await count();
    const p = payload(3);
    const bad: [string, string, Record<string, string>, RegExp][] = [
      ['not JSON', '{"notificationId": ', signedHeaders(p), /not JSON/],
      [
        'bad object id',
        JSON.stringify({ ...p, objectId: 'x y' }),
        signedHeaders({ ...p, objectId: 'x y' }),
        /objectId: expected a Zuora record id/,
      ],
      ['bad change type', JSON.stringify({ ...p, changeType: 'MERGE' }), signedHeaders(p), /changeType/],
      [
        'header differs',
        JSON.stringify(p),
        { ...signedHeaders(p), 'zuora-notification-id': 'other' },
        /differs from the body/,
      ],
    ];
    for (const [name, body, headers, message] of bad) {
      const res = await app.inject({ method: 'POST', url: '/v1/webhooks/zuora', headers, payload: body });
      expect(res.statusCode, name).toBe(400);
      expect(res.json<{ message: string }>().message, name).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('issues OAuth 2.0 tokens to the callout client and accepts callouts that carry one', async () => {
    const token = async (body: string, type = 'application/x-www-form-urlencoded') =>
      oauthApp.inject({
        method: 'POST',
        url: '/v1/webhooks/zuora/oauth/token',
        headers: { 'content-type': type },
        payload: body,
      });
    const wrong = await token('grant_type=client_credentials&client_id=zuora-callouts&client_secret=nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ error: string }>().error).toBe('invalid_client');
    expect((await token('grant_type=password&client_id=x&client_secret=y')).statusCode).toBe(400);
    const issued = await token(
      `grant_type=client_credentials&client_id=${oauth.clientId}&client_secret=${oauth.clientSecret}`,
    );
    expect(issued.statusCode, issued.body).toBe(200);
    const { access_token: accessToken, expires_in: expiresIn } = issued.json<{
      access_token: string;
      expires_in: number;
    }>();
    expect(expiresIn).toBe(3600);

    const p = payload(4);
    const { authorization: _basic, ...signed } = signedHeaders(p);
    const before = await count();
    const missing = await oauthApp.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: signed,
      payload: p,
    });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="zuora-callouts"');
    const [expires, nonce] = accessToken.split('.');
    for (const bad of [`${String(Number(expires) + 1)}.${nonce ?? ''}.x`, 'garbage', `${accessToken}x`]) {
      const res = await oauthApp.inject({
        method: 'POST',
        url: '/v1/webhooks/zuora',
        headers: { ...signed, authorization: `Bearer ${bad}` },
        payload: p,
      });
      expect(res.statusCode, bad).toBe(401);
    }
    expect(await count()).toBe(before);
    const ok = await oauthApp.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers: { ...signed, authorization: `Bearer ${accessToken}` },
      payload: p,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('takes signed callouts from the Zuora emulator authenticated with OAuth 2.0', async () => {
    const url = await oauthApp.listen({ host: '127.0.0.1', port: 0 });
    const zuora = await startZuoraEmulator({ tenant: { seed: 3, size: 'XS' } });
    try {
      zuora.callouts.configure([
        {
          id: 'oauth',
          url: `${url}/v1/webhooks/zuora`,
          events: ['Account.updated'],
          auth: { type: 'oauth2', tokenUrl: `${url}/v1/webhooks/zuora/oauth/token`, ...oauth },
          headers: { 'X-Zuora-Timestamp': '{{Event.Timestamp}}' },
          hmac: {
            key,
            data: '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n',
            signedHeaderKey: 'X-Zuora-Signature',
          },
        },
      ]);
      const account = [...zuora.tenant.scan('Account', null)][0]?.record;
      zuora.tenant.update('Account', account?.Id ?? '', { Notes: 'changed through an OAuth callout' });
      await zuora.callouts.idle();
      expect(zuora.callouts.attempts().map((a) => [a.status, a.ok])).toEqual([[200, true]]);
      const rows = await fixture.store.query('SELECT 1 FROM change_events WHERE zuora_id = $1', [
        account?.Id,
      ]);
      expect(rows).toHaveLength(1);
    } finally {
      await zuora.close();
    }
  });
});
