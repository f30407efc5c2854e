// The Zuora webhook refuses with a 400 naming the field what PostgreSQL would refuse (NUL characters, dates out
// of its range) and entities the tenant does not have, so nothing is stored and Zuora does not retry a 500 for
// half an hour; an address that keeps presenting wrong credentials is answered 429 for a while, with one log
// line per window (issue 17, defects 3, 4 and 8).
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createMetricsRegistry } from '../../src/http/metrics.js';
import { webhooksRoute } from '../../src/http/routes/webhooks-route.js';
import { createLogger } from '../../src/config/logger.js';
import { sign } from '../../src/realtime/callout-verification.js';
import type { CalloutPayload } from '../../src/realtime/callout-payload.js';
import { migrate } from '../../src/store/migrate.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const key = 'callout-hmac-key-for-tests-0123';
const entity = '8a8082e65b27f6c3015b3b6b8e2a0b8e';

function payload(n: number, extra: Partial<CalloutPayload> = {}): CalloutPayload {
  return {
    notificationId: `h-${String(n)}`,
    objectType: 'Account',
    changeType: 'UPDATE',
    objectId: `2c92c0f8${String(n).padStart(24, '0')}`,
    entityId: entity,
    updatedDate: '2026-01-02T03:04:05.678+00:00',
    ...extra,
  };
}

function signedHeaders(p: CalloutPayload, withKey = key): Record<string, string> {
  const ts = String(Date.now());
  return {
    'content-type': 'application/json',
    'x-zuora-timestamp': ts,
    'x-zuora-signature': sign(withKey, ts, p),
  };
}

describe.each(storeKinds)('Zuora webhook hardening (%s)', (kind) => {
  let fixture: StoreFixture;
  let app: FastifyInstance;
  let logText = '';
  const count = async () =>
    Number((await fixture.store.query<{ n: string }>('SELECT count(*) AS n FROM change_events'))[0]?.n);

  beforeAll(async () => {
    fixture = await openTestStore(kind);
    await migrate(fixture.store);
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logText += chunk.toString();
          done();
        },
      }),
    );
    app = await buildServer({
      apiToken: 'webhook-test-token-0123456789',
      bodyLimitBytes: 1_048_576,
      logger: false,
      metrics: createMetricsRegistry(),
      version: 'test',
      routes: [
        webhooksRoute({
          store: fixture.store,
          callouts: { hmacKey: key, basic: undefined, maxAgeSeconds: 300 },
          logger,
          entities: () => Promise.resolve([entity, '8a8082e65b27f6c3015b3b6b8e2a0b8f']),
          refusals: { max: 5, windowMs: 60_000 },
        }),
      ],
    });
  });
  afterAll(async () => {
    await app.close();
    await fixture.dispose();
  });

  const send = (p: unknown, headers: Record<string, string>, ip = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/v1/webhooks/zuora',
      headers,
      payload: JSON.stringify(p),
      remoteAddress: ip,
    });

  it('answers 400 naming the field for values PostgreSQL would refuse, and stores nothing', async () => {
    const before = await count();
    const cases: [string, CalloutPayload, RegExp][] = [
      ['NUL in the notification id', payload(1, { notificationId: 'h-1\u0000x' }), /^notificationId: /],
      [
        'a lone surrogate in the notification id',
        payload(6, { notificationId: 'h-6\ud800' }),
        /^notificationId: /,
      ],
      ['NUL in the entity id', payload(2, { entityId: `${entity}\u0000` }), /^entityId: /],
      [
        'a date past PostgreSQL',
        payload(3, { updatedDate: '+200000-01-01T00:00:00.000Z' }),
        /^updatedDate: /,
      ],
      [
        'a date before PostgreSQL',
        payload(4, { updatedDate: '-005000-01-01T00:00:00.000Z' }),
        /^updatedDate: /,
      ],
      [
        'an event time past it',
        payload(5, { updatedDate: null, eventTime: '+250000-06-01T00:00:00Z' }),
        /^eventTime: /,
      ],
    ];
    for (const [name, p, field] of cases) {
      const res = await send(p, signedHeaders(p));
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      const message = res.json<{ message: string }>().message.replace(/^the callout body is invalid: /, '');
      expect(message, name).toMatch(field);
    }
    expect(await count()).toBe(before);
  });

  it('refuses an entity the tenant does not have with a 400 naming entityId, once, and stores nothing', async () => {
    const before = await count();
    const p = payload(10, { entityId: 'not-an-entity-of-this-tenant' });
    const res = await send(p, signedHeaders(p));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/entityId: .*not-an-entity-of-this-tenant/);
    expect(res.json<{ message: string }>().message).toContain(entity);
    expect(await count()).toBe(before);
    const good = payload(11);
    expect((await send(good, signedHeaders(good))).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('answers 429 to an address after repeated refused callouts, with one log line per window', async () => {
    logText = '';
    const p = payload(20);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await send(p, signedHeaders(p, 'wrong-key-guess-000000000'), '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
    // A correct callout from that address waits out the window too; other addresses are not affected.
    expect((await send(p, signedHeaders(p), '10.9.9.9')).statusCode).toBe(429);
    expect((await send(p, signedHeaders(p), '10.9.9.10')).statusCode).toBe(200);
    const lines = logText.split('\n').filter((l) => l.includes('10.9.9.9'));
    expect(lines.length, logText).toBe(1);
  });
});
