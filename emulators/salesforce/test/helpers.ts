import { fileURLToPath } from 'node:url';
import jsforce from 'jsforce';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../src/index.js';

export const fixtureForceApp = fileURLToPath(new URL('./fixtures/force-app', import.meta.url));

export function startFixtureEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  return startSalesforceEmulator({ forceAppDir: fixtureForceApp, ...options });
}

/** A jsforce connection logged in with the OAuth password flow (so jsforce can refresh it). */
export async function login(emulator: SalesforceEmulator): Promise<jsforce.Connection> {
  const conn = new jsforce.Connection({
    loginUrl: emulator.url,
    version: '62.0',
    oauth2: { loginUrl: emulator.url, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
  });
  await conn.login(DEFAULT_USERNAME, DEFAULT_PASSWORD);
  return conn;
}

/** A raw authenticated request, for status codes and headers jsforce hides. */
export async function raw(
  emulator: SalesforceEmulator,
  conn: jsforce.Connection,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${conn.accessToken ?? ''}`, 'content-type': contentType },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function admin(emulator: SalesforceEmulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export const billingAccount = (n: number, extra: Record<string, unknown> = {}) => ({
  Name: `Billing ${n}`,
  AccountNumber__c: `A-${n}`,
  External_Id__c: `Z${String(n).padStart(5, '0')}`,
  ...extra,
});

export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_PASSWORD, DEFAULT_USERNAME };
