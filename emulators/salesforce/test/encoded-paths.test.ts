import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { login, startFixtureEmulator } from './helpers.js';

// Issue 17 item 10: route matching and the access checks must see the same decoded path. The router
// decodes `%XX` escapes, so every check runs inside the plugin whose routes it guards.

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ adminToken: 'encoded-paths-admin-token' });
  conn = await login(emulator);
});
afterAll(() => emulator.close());

const get = async (path: string, token?: string) => {
  const res = await fetch(`${emulator.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, text: await res.text() };
};

const adminForms = [
  '/__emulator/stats',
  '/%5F%5Femulator/stats',
  '/%5f%5femulator/stats',
  '/_%5Femulator/stats',
  '/%5F_emulator/faults',
  '/%5F%5F%65mulator/records/Account',
  '/__emulator%2Fstats',
  '//__emulator/stats',
  '/__emulator/stats/',
  '/__emulator//faults',
];

describe('percent-encoded paths', () => {
  it('refuses every form of the admin path to an ordinary API token', async () => {
    for (const path of adminForms) {
      const res = await get(path, conn.accessToken ?? '');
      expect({ path, status: res.status }).not.toMatchObject({ status: 200 });
      expect(res.text).not.toContain('apiRequests');
      expect(res.text).not.toContain('lockRowRatio');
    }
  });

  it('serves the admin path in its encoded forms to the admin token only', async () => {
    expect((await get('/%5F%5Femulator/stats', 'encoded-paths-admin-token')).status).toBe(200);
    expect((await get('/%5F%5Femulator/stats', conn.accessToken ?? '')).status).toBe(401);
  });

  it('asks for a session on encoded data API paths, as on the plain ones', async () => {
    for (const path of [
      '/services/data/v62.0/limits',
      '/%73ervices/data/v62.0/limits',
      '/services/%64ata/v62.0/limits',
      '/services/data/v62.0/%6Cimits',
      '/services/data/%7662.0/limits',
      '/data/v62.0/limits',
      '/%64ata/v62.0/limits',
      '/services/data/v62.0/query?q=SELECT+Id+FROM+User',
      '/services/data/v62.0/%71uery?q=SELECT+Id+FROM+User',
    ]) {
      const anonymous = await get(path);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      expect(JSON.parse(anonymous.text)).toEqual([
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ]);
      expect({ path, status: (await get(path, conn.accessToken ?? '')).status }).toEqual({
        path,
        status: 200,
      });
    }
  });
});
