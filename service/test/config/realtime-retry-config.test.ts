// The poison-event settings: attempts before a change event is dead-lettered and the first retry wait, with
// their defaults and a message naming the variable and what it expects.
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

describe('real-time retry settings', () => {
  it('defaults to 8 attempts, 10 s apart at first', () => {
    expect(loadConfig({}).realtime.retry).toEqual({ maxAttempts: 8, baseMs: 10_000 });
    expect(loadConfig({ REALTIME_MAX_ATTEMPTS: '3', REALTIME_RETRY_BASE_MS: '250' }).realtime.retry).toEqual({
      maxAttempts: 3,
      baseMs: 250,
    });
  });

  it('refuses values out of range, naming each variable and the range', () => {
    const found = problems({ REALTIME_MAX_ATTEMPTS: '0', REALTIME_RETRY_BASE_MS: '5' });
    expect(found.map((p) => p.name).sort()).toEqual(['REALTIME_MAX_ATTEMPTS', 'REALTIME_RETRY_BASE_MS']);
    expect(found.find((p) => p.name === 'REALTIME_MAX_ATTEMPTS')?.message).toMatch(/from 1 to 100/);
    expect(found.find((p) => p.name === 'REALTIME_RETRY_BASE_MS')?.message).toMatch(/from 10 to 3600000/);
    expect(problems({ REALTIME_MAX_ATTEMPTS: '101' }).map((p) => p.name)).toEqual(['REALTIME_MAX_ATTEMPTS']);
  });
});
