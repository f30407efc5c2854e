import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

function problems(env: Record<string, string>): { name: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('selects the emulators when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.zuora).toEqual({ kind: 'emulator' });
    expect(config.salesforce).toEqual({ kind: 'emulator' });
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads real targets when a whole set of credentials is given', () => {
    const config = loadConfig({
      API_TOKEN: 'x'.repeat(32),
      ZUORA_BASE_URL: 'https://rest.apisandbox.zuora.com',
      ZUORA_CLIENT_ID: 'id',
      ZUORA_CLIENT_SECRET: 'secret',
      ZUORA_ENTITY_IDS: 'e1, e2',
    });
    expect(config.zuora).toMatchObject({ kind: 'real', entityIds: ['e1', 'e2'] });
  });

  it('reports each bad value by name, without echoing secrets', () => {
    const found = problems({ PORT: 'eighty', DATABASE_URL: 'mysql://user:hunter2@db/x', LOG_LEVEL: 'loud' });
    expect(found.map((p) => p.name).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(found.find((p) => p.name === 'PORT')?.message).toMatch(/whole number.*\(got "eighty"\)/);
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('refuses partly set credentials and names what is missing', () => {
    const found = problems({ ZUORA_CLIENT_ID: 'id', SF_USERNAME: 'u' });
    const names = found.map((p) => p.name).sort();
    expect(names).toEqual(['API_TOKEN', 'SF_PASSWORD', 'ZUORA_BASE_URL', 'ZUORA_CLIENT_SECRET']);
    expect(found.find((p) => p.name === 'ZUORA_CLIENT_SECRET')?.message).toMatch(
      /partly set \(ZUORA_CLIENT_ID\)/,
    );
  });

  it('refuses callout secrets shorter than 24 characters, naming each, without echoing them', () => {
    const found = problems({
      ZUORA_CALLOUT_HMAC_KEY: 'k',
      ZUORA_CALLOUT_USERNAME: 'zuora',
      ZUORA_CALLOUT_PASSWORD: 'short-password-1',
      ZUORA_CALLOUT_OAUTH_CLIENT_ID: 'zuora-callouts',
      ZUORA_CALLOUT_OAUTH_CLIENT_SECRET: 'abc',
    });
    expect(found.map((p) => p.name).sort()).toEqual([
      'ZUORA_CALLOUT_HMAC_KEY',
      'ZUORA_CALLOUT_OAUTH_CLIENT_SECRET',
      'ZUORA_CALLOUT_PASSWORD',
    ]);
    for (const p of found) expect(p.message).toMatch(/at least 24 characters/);
    expect(JSON.stringify(found)).not.toContain('short-password-1');
    const ok = loadConfig({ ZUORA_CALLOUT_HMAC_KEY: 'k'.repeat(24) });
    expect(ok.realtime.callouts.hmacKey).toBe('k'.repeat(24));
  });

  it('refuses malformed ZUORA_ENTITY_IDS entries by their format', () => {
    const found = problems({
      API_TOKEN: 'x'.repeat(32),
      ZUORA_BASE_URL: 'https://rest.apisandbox.zuora.com',
      ZUORA_CLIENT_ID: 'id',
      ZUORA_CLIENT_SECRET: 'secret',
      ZUORA_ENTITY_IDS: "e1, x' or 1=1",
    });
    expect(found.map((p) => p.name)).toEqual(['ZUORA_ENTITY_IDS']);
    expect(found[0]?.message).toMatch(/expected a Zuora entity id/);
  });
});
