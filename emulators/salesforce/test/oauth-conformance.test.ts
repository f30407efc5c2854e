import { generateKeyPairSync } from 'node:crypto';
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

// OAuth as Salesforce accepts it. Client authentication by HTTP Basic or in the body (RFC 6749 2.3.1,
// https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1); the JWT bearer assertion with `exp`
// as a number or, as in Salesforce's own example, a numeric string
// (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm); the token and
// identity answers (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm).

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let emulator: SalesforceEmulator;

beforeAll(async () => {
  emulator = await startFixtureEmulator({ jwtCertificatePem: publicPem });
});
afterAll(() => emulator.close());

const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${emulator.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

async function assertion(claims: Record<string, unknown>) {
  const key = await importPKCS8(privatePem, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(key);
}

const jwtClaims = (exp: unknown, aud: string = emulator.url) => ({
  iss: DEFAULT_CLIENT_ID,
  sub: DEFAULT_USERNAME,
  aud,
  exp,
});
const jwtGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describe('client authentication', () => {
  it('accepts client credentials in an HTTP Basic header as well as in the body', async () => {
    const viaBasic = await token(
      { grant_type: 'client_credentials' },
      basic(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET),
    );
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.json).toMatchObject({ token_type: 'Bearer', scope: 'api', instance_url: emulator.url });
    expect(Object.keys(viaBasic.json).sort()).toEqual(
      ['access_token', 'id', 'instance_url', 'issued_at', 'scope', 'signature', 'token_type'].sort(),
    );
    const password = await token(
      { grant_type: 'password', username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD },
      basic(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET),
    );
    expect(password.status).toBe(200);
    expect(password.json).not.toHaveProperty('scope');
    expect(password.json).toHaveProperty('signature');
  });

  it('refuses a wrong secret or a malformed Basic header with invalid_client', async () => {
    const wrong = await token({ grant_type: 'client_credentials' }, basic(DEFAULT_CLIENT_ID, 'nope'));
    expect(wrong).toEqual({
      status: 400,
      json: { error: 'invalid_client', error_description: 'invalid client credentials' },
    });
    const malformed = await token(
      { grant_type: 'client_credentials' },
      { authorization: 'Basic bm9jb2xvbg==' },
    );
    expect(malformed.json.error).toBe('invalid_client');
    const unknown = await token({ grant_type: 'client_credentials' }, basic('someone', 'x'));
    expect(unknown.json.error).toBe('invalid_client_id');
  });
});

describe('JWT bearer flow', () => {
  it('accepts exp as a number and as a numeric string, and answers without signature or issued_at', async () => {
    const exp = Math.floor(Date.now() / 1000) + 180;
    for (const value of [exp, String(exp)]) {
      const res = await token({ grant_type: jwtGrant, assertion: await assertion(jwtClaims(value)) });
      expect(res.status).toBe(200);
      expect(Object.keys(res.json).sort()).toEqual([
        'access_token',
        'id',
        'instance_url',
        'scope',
        'token_type',
      ]);
    }
    const conn = new jsforce.Connection({ loginUrl: emulator.url, version: '62.0' });
    await conn.authorize({ grant_type: jwtGrant, assertion: await assertion(jwtClaims(String(exp))) });
    expect((await conn.query('SELECT Id FROM Organization')).totalSize).toBe(1);
  });

  it('refuses a non-numeric exp, an expired assertion and a foreign audience', async () => {
    const soon = Math.floor(Date.now() / 1000) + 180;
    for (const [claims, description] of [
      [jwtClaims('tomorrow'), 'invalid assertion'],
      [jwtClaims(Math.floor(Date.now() / 1000) - 600), 'expired authorization code'],
      [jwtClaims(soon, 'https://elsewhere.example'), 'audience is invalid'],
    ] as const) {
      const res = await token({ grant_type: jwtGrant, assertion: await assertion(claims) });
      expect(res).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: description } });
    }
  });
});

describe('identity', () => {
  it('answers the identity URL with {version} URLs, or the version asked for, and refuses another user', async () => {
    const conn = await login(emulator);
    const identity = await conn.identity();
    expect(identity).toMatchObject({
      username: DEFAULT_USERNAME,
      organization_id: expect.stringMatching(/^00D/),
    });
    const id = conn.userInfo?.url ?? '';
    const plain = (await (
      await fetch(id, { headers: { authorization: `Bearer ${conn.accessToken ?? ''}` } })
    ).json()) as { urls: Record<string, string>; asserted_user: boolean };
    expect(plain.urls.rest).toBe(`${emulator.url}/services/data/v{version}/`);
    expect(plain.asserted_user).toBe(true);
    const versioned = (await (
      await fetch(`${id}?version=62.0&oauth_token=${encodeURIComponent(conn.accessToken ?? '')}`)
    ).json()) as { urls: Record<string, string> };
    expect(versioned.urls.sobjects).toBe(`${emulator.url}/services/data/v62.0/sobjects/`);
    const other = await fetch(id.replace(/005\w+$/, '005000000000000AAA'), {
      headers: { authorization: `Bearer ${conn.accessToken ?? ''}` },
    });
    expect(other.status).toBe(403);
  });
});
