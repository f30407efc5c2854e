// Bad input at the HTTP edge gets a 4xx that names what was wrong, never a 500, a doomed 202 or a vague
// message (issue 17, defects 3 and 9): entity ids outside the tenant's, a `__proto__` key, a text/plain body,
// a body that is not an object, a repeated query parameter; an internal error answers with a reference that
// the service log carries too; /health without a token tells nothing but its status.
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';
import { testToken } from '../support/service-fixture.js';

let service: Service;
let url: string;
let dataDir: string;
let logText = '';
let entityIds: string[] = [];
const auth = { authorization: `Bearer ${testToken}`, 'content-type': 'application/json' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zsync-edge-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    API_TOKEN: testToken,
    LOG_LEVEL: 'info',
    DRIFT_SCHEDULE: 'off',
    EMULATOR_SIZE: 'XS',
    EMULATOR_ENTITIES: '2',
  });
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logText += chunk.toString();
        done();
      },
    }),
  );
  service = await createService(config, logger, {
    runtime: (store) => createSyncRuntime(config, store, logger),
  });
  url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  entityIds = await (service.runtime?.entities() ?? Promise.resolve([]));
}, 180_000);
afterAll(async () => {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = auth) =>
  fetch(`${url}${path}`, { method: 'POST', headers, body });

const onDemand = (extra: Record<string, unknown>) =>
  JSON.stringify({
    objectType: 'BILLING_ACCOUNT',
    source: 'APEX',
    accountIds: [],
    salesforceIds: [],
    zuoraIds: ['2c92c0f8000000000000000000000001'],
    zuoraIdsByEntity: {},
    emailNotification: false,
    requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
    ...extra,
  });

describe('entity ids at the edge', () => {
  it('POST /v1/syncs refuses an entity the tenant does not have, naming the field and the allowed values', async () => {
    expect(entityIds.length).toBe(2);
    const res = await post('/v1/syncs', JSON.stringify({ scope: 'accounts', entityId: 'no-such-entity' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/^body\.entityId: /);
    for (const id of entityIds) expect(body.message).toContain(id);
    const sessions = await service.store.query('SELECT id FROM sync_sessions');
    expect(sessions).toEqual([]);
  });

  it('POST /v1/syncs refuses a malformed entity id by its format', async () => {
    const res = await post('/v1/syncs', JSON.stringify({ scope: 'accounts', entityId: "x' or 1=1 --" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^body\.entityId: expected a Zuora entity id/,
    );
  });

  it('POST /v1/on-demand-syncs refuses an unknown entity in zuoraIdsByEntity at once', async () => {
    const started = Date.now();
    const res = await post(
      '/v1/on-demand-syncs',
      onDemand({ zuoraIdsByEntity: { '2c92c0f8000000000000000000000001': 'no-such-entity' } }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/^body\.zuoraIdsByEntity\.2c92c0f8000000000000000000000001: /);
    for (const id of entityIds) expect(body.message).toContain(id);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('messages that say what was wrong', () => {
  it('a valid JSON body with a __proto__ key is refused naming the key, not called invalid JSON', async () => {
    const res = await post('/v1/syncs', '{"scope":"accounts","__proto__":{"polluted":true}}');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('forbidden_key');
    expect(body.message).toContain('__proto__');
    expect(body.message).not.toMatch(/not valid JSON/i);
  });

  it('text PostgreSQL cannot store (NUL, a lone surrogate) is a 400 naming where it is, on any route', async () => {
    const rule = (name: string) =>
      JSON.stringify({
        name,
        kind: 'failures',
        intervalMinutes: 5,
        windowMinutes: 60,
        thresholdType: 'count',
        threshold: 1,
      }).replace('@@', '\\u0000');
    for (const name of ['bad@@name', 'bad\ud800name']) {
      const res = await post('/v1/notification-rules', rule(name));
      expect(res.status, await res.clone().text()).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/^body\.name: /);
    }
    const ok = await post('/v1/notification-rules', rule('fine name'));
    expect(ok.status, await ok.clone().text()).toBe(201);
  });

  it('a text/plain body on a JSON route is 415', async () => {
    const res = await post('/v1/syncs', 'scope=accounts', { ...auth, 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported_media_type');
  });

  it('a body that is not an object names "body", not "body."', async () => {
    const res = await post('/v1/syncs', '[1]');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; issues: { path: string }[] };
    expect(body.message).toMatch(/^body: /);
    expect(body.issues.map((i) => i.path)).toEqual(['body']);
  });

  it('a repeated query parameter says it was repeated', async () => {
    const res = await fetch(`${url}/v1/syncs?limit=5&limit=7`, { headers: auth });
    expect(res.status).toBe(400);
    const message = ((await res.json()) as { message: string }).message;
    expect(message).toMatch(/^querystring\.limit: given 2 times/);
    expect(message).not.toMatch(/NaN/);
  });

  it('an on-demand internal error answers a reference and a plain reason, and the log carries the reference', async () => {
    await service.store.exec('ALTER TABLE sync_sessions RENAME TO sync_sessions_away');
    try {
      const res = await post('/v1/on-demand-syncs', onDemand({}));
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; message: string; correlationId: string };
      expect(body.error).toBe('internal_error');
      expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.message).toContain(body.correlationId);
      expect(body.message).not.toMatch(/see the service log$/);
      expect(logText).toContain(body.correlationId);
    } finally {
      await service.store.exec('ALTER TABLE sync_sessions_away RENAME TO sync_sessions');
    }
  });

  it('/health without a token shows no versions; with the admin token it does', async () => {
    const bare = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
    expect(bare.status).toBe('ok');
    expect(bare.versions).toBeUndefined();
    expect(JSON.stringify(bare)).not.toContain(process.version);
    const full = (await (await fetch(`${url}/health`, { headers: auth })).json()) as {
      versions?: { node: string };
    };
    expect(full.versions?.node).toBe(process.version);
  });
});
