// The API budget governor: reads the usage jsforce keeps from Sforce-Limit-Info, lets writes through below
// the slow mark, delays them (more as usage nears the stop mark) between the marks, refuses them from the
// stop mark with a typed error, warns once per crossing, and probes usage while stopped.
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ApiBudgetExhaustedError, ApiBudgetGovernor } from '../../src/salesforce/api-budget.js';

function governorAt(used: number, extra: ConstructorParameters<typeof ApiBudgetGovernor>[1] = {}) {
  const source = { limitInfo: { apiUsage: { used, limit: 1000 } } };
  const sleeps: number[] = [];
  const stops: number[] = [];
  const governor = new ApiBudgetGovernor(source, {
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    onStop: (usage) => stops.push(usage.used),
    ...extra,
  });
  return { source, governor, sleeps, stops };
}

describe('ApiBudgetGovernor', () => {
  it('lets writes through below the slow mark and before any response', async () => {
    const { governor, sleeps } = governorAt(799);
    await governor.beforeWrite('test');
    expect(sleeps).toEqual([]);
    const fresh = new ApiBudgetGovernor({}, {});
    expect(fresh.state()).toBe('ok');
    await fresh.beforeWrite('test');
  });

  it('slows writes between the marks, longer near the stop mark', async () => {
    const { source, governor, sleeps } = governorAt(800, { maxDelayMs: 1000 });
    await governor.beforeWrite('test');
    source.limitInfo.apiUsage.used = 850;
    await governor.beforeWrite('test');
    source.limitInfo.apiUsage.used = 899;
    await governor.beforeWrite('test');
    expect(sleeps).toEqual([100, 550, 991]);
    expect(governor.stats()).toMatchObject({ slowedWrites: 3, delayedMs: 1641, refusedWrites: 0 });
  });

  it('refuses writes from the stop mark with a typed error and warns once per crossing', async () => {
    const { source, governor, stops } = governorAt(900);
    await expect(governor.beforeWrite('test')).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    await expect(governor.beforeWrite('test')).rejects.toThrow(
      /900 of 1000 daily API requests used \(90\.0%\)/,
    );
    expect(stops).toEqual([900]);
    source.limitInfo.apiUsage.used = 500;
    await governor.beforeWrite('test');
    source.limitInfo.apiUsage.used = 950;
    expect(() => governor.assertAvailable('test')).toThrow(ApiBudgetExhaustedError);
    expect(stops).toEqual([900, 950]);
    expect(governor.stats().refusedWrites).toBe(3);
  });

  it('probes the usage while stopped, at most once per interval', async () => {
    let clock = 0;
    let probes = 0;
    const { source, governor } = governorAt(950, {
      now: () => clock,
      probeIntervalMs: 60_000,
      probe: () => {
        probes += 1;
        return Promise.resolve();
      },
    });
    await expect(governor.available('test')).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    clock = 30_000;
    await expect(governor.available('test')).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    expect(probes).toBe(1);
    clock = 61_000;
    source.limitInfo.apiUsage.used = 100; // what the probe's response header would bring
    await governor.available('test');
    expect(probes).toBe(1); // usage already fell: no probe needed
  });

  it('refuses thresholds that do not make sense', () => {
    expect(() => new ApiBudgetGovernor({}, { slowAtPercent: 95, stopAtPercent: 90 })).toThrow(RangeError);
  });

  it('takes its marks from SF_API_SLOW_AT_PERCENT and SF_API_STOP_AT_PERCENT, refusing bad values by name', () => {
    expect(loadConfig({}).apiBudget).toEqual({ slowAtPercent: 80, stopAtPercent: 90 });
    expect(loadConfig({ SF_API_SLOW_AT_PERCENT: '70', SF_API_STOP_AT_PERCENT: '85' }).apiBudget).toEqual({
      slowAtPercent: 70,
      stopAtPercent: 85,
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.name);
      }
    };
    expect(problems({ SF_API_SLOW_AT_PERCENT: '95' })).toEqual(['SF_API_SLOW_AT_PERCENT']);
    expect(problems({ SF_API_STOP_AT_PERCENT: 'lots' })).toEqual(['SF_API_STOP_AT_PERCENT']);
    expect(problems({ SF_API_STOP_AT_PERCENT: '120' })).toEqual(['SF_API_STOP_AT_PERCENT']);
  });
});
