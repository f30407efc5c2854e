// Shared set-up for the conformance tests: an in-process emulator on a random port, plain fetch.
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  startZuoraEmulator,
  type ZuoraEmulator,
  type ZuoraEmulatorOptions,
} from '../src/index.js';

export interface Harness {
  emulator: ZuoraEmulator;
  token: string;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  admin(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  newToken(): Promise<string>;
}

export async function startHarness(options: ZuoraEmulatorOptions = {}): Promise<Harness> {
  const emulator = await startZuoraEmulator({
    tenant: { seed: 7, size: 'XS' },
    calloutRetryIntervalMs: 20,
    ...options,
  });
  const newToken = async (): Promise<string> => {
    const res = await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_ZUORA_CLIENT_ID,
        client_secret: DEFAULT_ZUORA_CLIENT_SECRET,
      }),
    });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const harness: Harness = {
    emulator,
    token: await newToken(),
    newToken,
    api: (path, init = {}) => {
      const { json, headers, ...rest } = init;
      return fetch(`${emulator.url}${path}`, {
        ...rest,
        headers: {
          Authorization: `Bearer ${harness.token}`,
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(headers as Record<string, string> | undefined),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
    admin: (path, init = {}) => {
      const { json, ...rest } = init;
      return fetch(`${emulator.url}/__emulator${path}`, {
        ...rest,
        headers: {
          Authorization: `Bearer ${emulator.adminToken}`,
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
  return harness;
}

export async function pollUntil<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    if (Date.now() > end)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
