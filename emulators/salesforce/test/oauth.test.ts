import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  login,
  startFixtureEmulator,
} from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sf-jwt-'));
// A self-signed certificate, as an admin uploads to a connected app.
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-subj',
    '/CN=zuora-sync-test',
    '-days',
    '1',
  ],
  { stdio: 'ignore' },
);
const certificate = readFileSync(join(dir, 'cert.pem'), 'utf8');
const privateKeyPem = readFileSync(join(dir, 'key.pem'), 'utf8');

let emulator: SalesforceEmulator;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ jwtCertificatePem: certificate, tokenTtlSeconds: 1 });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

async function assertion(claims: { iss?: string; sub?: string; expSeconds?: number }, pem = privateKeyPem) {
  const key = await importPKCS8(pem, 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(claims.iss ?? DEFAULT_CLIENT_ID)
    .setSubject(claims.sub ?? DEFAULT_USERNAME)
    .setAudience(emulator.url)
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expSeconds ?? 180))
    .sign(key);
}

const newConnection = () =>
  new jsforce.Connection({
    loginUrl: emulator.url,
    version: '62.0',
    oauth2: { loginUrl: emulator.url, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
  });

describe('OAuth flows', () => {
  it('logs in with the password flow and exposes identity and userinfo', async () => {
    const conn = await login(emulator);
    expect(conn.instanceUrl).toBe(emulator.url);
    expect(conn.userInfo?.organizationId).toMatch(/^00D/);
    const identity = await conn.identity();
    expect(identity.username).toBe(DEFAULT_USERNAME);
    const userinfo = await conn.request<{ preferred_username: string }>(
      `${emulator.url}/services/oauth2/userinfo`,
    );
    expect(userinfo.preferred_username).toBe(DEFAULT_USERNAME);
  });

  it('answers invalid_grant for a wrong password and invalid_client for a wrong secret', async () => {
    await expect(newConnection().login(DEFAULT_USERNAME, 'wrong')).rejects.toMatchObject({
      name: 'invalid_grant',
      message: 'authentication failure',
    });
    const bad = new jsforce.Connection({
      loginUrl: emulator.url,
      version: '62.0',
      oauth2: { loginUrl: emulator.url, clientId: DEFAULT_CLIENT_ID, clientSecret: 'nope' },
    });
    await expect(bad.login(DEFAULT_USERNAME, DEFAULT_PASSWORD)).rejects.toMatchObject({
      name: 'invalid_client',
    });
    const unknown = new jsforce.Connection({
      loginUrl: emulator.url,
      version: '62.0',
      oauth2: { loginUrl: emulator.url, clientId: 'x', clientSecret: 'y' },
    });
    await expect(unknown.authorize({ grant_type: 'client_credentials' })).rejects.toMatchObject({
      name: 'invalid_client_id',
    });
  });

  it('issues tokens for client credentials', async () => {
    const conn = newConnection();
    await conn.authorize({ grant_type: 'client_credentials' });
    const result = await conn.query('SELECT Id FROM User');
    expect(result.totalSize).toBe(1);
  });

  it('verifies JWT bearer assertions against the configured certificate', async () => {
    const conn = newConnection();
    await conn.authorize({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: await assertion({}),
    });
    expect((await conn.query('SELECT Id FROM Organization')).totalSize).toBe(1);

    const { privateKey } = await import('node:crypto').then((c) =>
      c.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    );
    const otherKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(
      newConnection().authorize({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: await assertion({}, otherKey),
      }),
    ).rejects.toMatchObject({ name: 'invalid_grant', message: 'invalid assertion' });
    await expect(
      newConnection().authorize({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: await assertion({ expSeconds: -60 }),
      }),
    ).rejects.toMatchObject({ name: 'invalid_grant' });
    await expect(
      newConnection().authorize({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: await assertion({ iss: 'someone-else' }),
      }),
    ).rejects.toMatchObject({ name: 'invalid_client_id' });
  });

  it('expires tokens after the TTL and jsforce refreshes the password session', async () => {
    const conn = await login(emulator);
    const firstToken = conn.accessToken;
    let refreshed = 0;
    conn.on('refresh', () => (refreshed += 1));
    await new Promise((r) => setTimeout(r, 1_100));
    const res = await fetch(`${emulator.url}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${firstToken ?? ''}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    const result = await conn.query('SELECT Id FROM User');
    expect(result.totalSize).toBe(1);
    expect(refreshed).toBe(1);
    expect(conn.accessToken).not.toBe(firstToken);
  });

  it('refreshes a client-credentials session through refreshFn after the admin expires all tokens', async () => {
    const first = newConnection();
    await first.authorize({ grant_type: 'client_credentials' });
    const conn = new jsforce.Connection({
      instanceUrl: emulator.url,
      accessToken: first.accessToken ?? '',
      version: '62.0',
      refreshFn: (_conn, callback) => {
        const fresh = newConnection();
        fresh.authorize({ grant_type: 'client_credentials' }).then(
          () => {
            callback(null, fresh.accessToken ?? undefined);
          },
          (error: Error) => {
            callback(error);
          },
        );
      },
    });
    let refreshed = 0;
    conn.on('refresh', () => (refreshed += 1));
    emulator.faults.expireTokens();
    const result = await conn.query('SELECT Id FROM User');
    expect(result.totalSize).toBe(1);
    expect(refreshed).toBe(1);
  });
});
