// The CPQ direction's settings as the environment gives them (CPQ_*), and the optional JSON file
// CPQ_SETTINGS_FILE for what does not fit a variable (custom field mappings, UOM decimal places). This room
// only collects them: the CPQ room validates them with its zod schema when the service starts
// (cpq/cpq-config.ts), naming the variable of every bad value. README "CPQ orders sync" lists them.
import { readFileSync } from 'node:fs';
import type { ConfigProblem } from './config-error.js';

export interface CpqSettingsInput {
  /** CPQ_SYNC=on runs the poller of activated orders (the route and CLI work either way). */
  readonly pollerEnabled: boolean;
  /** The settings object handed to the CPQ schema; keys name their variable in `sources`. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly sources: Readonly<Record<string, string>>;
}

const flags: Record<string, string> = {
  CPQ_USE_SUBSCRIPTION_START_DATE: 'useSubscriptionStartDate',
  CPQ_USE_LIST_PRICE_BASE: 'useListPriceBase',
  CPQ_TRIGGER_DATES_ON_ORDER: 'triggerDatesOnOrder',
  CPQ_SUBSCRIPTION_TERM_IN_DAYS: 'subscriptionTermInDays',
  CPQ_INCREMENT_TIER_UPPER_BOUND: 'incrementTierUpperBound',
  CPQ_MULTICURRENCY: 'multicurrency',
};

function flag(value: string): boolean | string {
  if (/^(true|on|1|yes)$/i.test(value)) return true;
  if (/^(false|off|0|no)$/i.test(value)) return false;
  return value;
}

export function cpqSettingsInput(
  source: Readonly<Record<string, string | undefined>>,
  problems: ConfigProblem[],
): CpqSettingsInput {
  const values: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const file = source.CPQ_SETTINGS_FILE;
  if (file !== undefined && file !== '') {
    try {
      Object.assign(values, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
      for (const key of Object.keys(values)) sources[key] = `CPQ_SETTINGS_FILE (${key})`;
    } catch (error) {
      problems.push({
        name: 'CPQ_SETTINGS_FILE',
        message: `cannot read ${file} as JSON: ${(error as Error).message}`,
      });
    }
  }
  const set = (variable: string, key: string, value: unknown) => {
    values[key] = value;
    sources[key] = variable;
  };
  for (const [variable, key] of Object.entries(flags)) {
    const v = source[variable];
    if (v !== undefined && v !== '') set(variable, key, flag(v));
  }
  const interval = source.CPQ_POLL_INTERVAL_SECONDS;
  if (interval !== undefined && interval !== '')
    set('CPQ_POLL_INTERVAL_SECONDS', 'pollIntervalSeconds', Number(interval));
  const concurrency = source.CPQ_CONCURRENCY;
  if (concurrency !== undefined && concurrency !== '')
    set('CPQ_CONCURRENCY', 'concurrency', Number(concurrency));
  if (source.CPQ_ORDER_FILTER) set('CPQ_ORDER_FILTER', 'orderFilter', source.CPQ_ORDER_FILTER);
  if (source.CPQ_PRICE_OVERRIDE_FIELD)
    set('CPQ_PRICE_OVERRIDE_FIELD', 'priceOverrideField', source.CPQ_PRICE_OVERRIDE_FIELD);
  if (source.CPQ_TIER_CAPS)
    set('CPQ_TIER_CAPS', 'tierCaps', {
      enabled: flag(source.CPQ_TIER_CAPS),
      ...(source.CPQ_TIER_CAP_FIELD ? { field: source.CPQ_TIER_CAP_FIELD } : {}),
    });
  const enabled = source.CPQ_SYNC ?? 'off';
  if (!['on', 'off'].includes(enabled))
    problems.push({ name: 'CPQ_SYNC', message: `expected on or off, got '${enabled}'` });
  return { pollerEnabled: enabled === 'on', values, sources };
}
