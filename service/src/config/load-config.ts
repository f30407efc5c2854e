// Turns the environment into a validated Config. Partial credentials are refused: either a whole set for a
// real service, or none at all, in which case the embedded emulator stands in for that service.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { envSchema, type Env } from './env-schema.js';
import type { MappingProfile } from './mapping-profile-setting.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { readCustomMappings, type CustomMappingsSetting } from './custom-mappings-file.js';
import { realtimeSettings, type RealtimeSettings } from './realtime-settings.js';
import { cpqSettingsInput, type CpqSettingsInput } from './cpq-settings-input.js';
import { consoleSettings, type ConsoleSettings } from './console-settings.js';

export interface ZuoraTarget {
  readonly kind: 'real';
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly entityIds: readonly string[];
}

export interface SalesforceTarget {
  readonly kind: 'real';
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly apiVersion: string;
}

export interface EmulatedTarget {
  readonly kind: 'emulator';
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly apiToken: string | undefined;
  /** The scoped token of the Salesforce named credential (POST /v1/on-demand-syncs only). */
  readonly onDemandApiToken: string | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly bodyLimitBytes: number;
  readonly zuora: ZuoraTarget | EmulatedTarget;
  readonly salesforce: SalesforceTarget | EmulatedTarget;
  readonly emulator: {
    readonly seed: number;
    readonly size: Env['EMULATOR_SIZE'];
    /** Zuora entities of the embedded tenant (more than 1: multi-entity). */
    readonly entities: number;
  };
  readonly sfApiVersion: string;
  readonly schedules: { readonly accounts: string; readonly catalog: string; readonly drift: string };
  /** The Salesforce API budget governor's marks (percent of the daily allocation). */
  readonly apiBudget: { readonly slowAtPercent: number; readonly stopAtPercent: number };
  readonly realtime: RealtimeSettings;
  /** The CPQ direction's settings, validated by the CPQ room at start. */
  readonly cpq: CpqSettingsInput;
  /** SYNC_SKIP_UNCHANGED=on: sessions send only the records whose mapped values differ from Salesforce's. */
  readonly skipUnchanged: boolean;
  readonly console: ConsoleSettings;
  /** CUSTOM_FIELD_MAPPINGS_FILE, read; undefined when not set. */
  readonly customMappings: CustomMappingsSetting | undefined;
  /** MAPPING_PROFILE: this package's objects, or Zuora 360's own. */
  readonly mappingProfile: MappingProfile;
}

type Source = Readonly<Record<string, string | undefined>>;

/** Reads `.env` in `cwd` (if present) under the process environment: real variables win. */
export function environmentWithDotenv(env: Source = process.env, cwd = process.cwd()): Source {
  const file = resolve(cwd, '.env');
  if (!existsSync(file)) return env;
  return { ...parseDotenv(readFileSync(file)), ...env };
}

function requireAllOrNone(
  env: Env,
  group: string,
  required: readonly (keyof Env)[],
  problems: ConfigProblem[],
): boolean {
  const present = required.filter((name) => env[name] !== undefined);
  if (present.length === 0) return false;
  for (const name of required) {
    if (env[name] === undefined) {
      problems.push({
        name,
        message: `missing: ${group} credentials are partly set (${present.join(', ')}); set ${name} too, or unset them all to use the embedded emulator`,
      });
    }
  }
  return true;
}

export function loadConfig(source: Source = environmentWithDotenv()): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      name: issue.path.join('.') || '(environment)',
      message: `${issue.message}${describeReceived(source, issue.path)}`,
    }));
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  const { problems, zuoraSet, sfSet } = settingsThatGoTogether(env);
  const customMappings = readCustomMappings(env.CUSTOM_FIELD_MAPPINGS_FILE, problems);
  const cpq = cpqSettingsInput(source, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    apiToken: env.API_TOKEN,
    onDemandApiToken: env.ON_DEMAND_API_TOKEN,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    sfApiVersion: env.SF_API_VERSION,
    emulator: { seed: env.EMULATOR_SEED, size: env.EMULATOR_SIZE, entities: env.EMULATOR_ENTITIES },
    schedules: { accounts: env.SYNC_SCHEDULE, catalog: env.CATALOG_SCHEDULE, drift: env.DRIFT_SCHEDULE },
    apiBudget: { slowAtPercent: env.SF_API_SLOW_AT_PERCENT, stopAtPercent: env.SF_API_STOP_AT_PERCENT },
    realtime: realtimeSettings(env),
    cpq,
    skipUnchanged: env.SYNC_SKIP_UNCHANGED === 'on',
    console: consoleSettings(env),
    customMappings,
    mappingProfile: env.MAPPING_PROFILE,
    zuora: zuoraTarget(env, zuoraSet),
    salesforce: salesforceTarget(env, sfSet),
  };
}

/** Settings that go together: whole credential sets, user and password, the API token once real services are set. */
function settingsThatGoTogether(env: Env): { problems: ConfigProblem[]; zuoraSet: boolean; sfSet: boolean } {
  const problems: ConfigProblem[] = [];
  const zuoraSet = requireAllOrNone(
    env,
    'Zuora',
    ['ZUORA_BASE_URL', 'ZUORA_CLIENT_ID', 'ZUORA_CLIENT_SECRET'],
    problems,
  );
  const sfSet = requireAllOrNone(
    env,
    'Salesforce',
    ['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_CLIENT_SECRET'],
    problems,
  );
  if ((env.SF_USERNAME === undefined) !== (env.SF_PASSWORD === undefined)) {
    problems.push({
      name: env.SF_USERNAME === undefined ? 'SF_USERNAME' : 'SF_PASSWORD',
      message:
        'missing: SF_USERNAME and SF_PASSWORD go together (username-password flow); set both or neither',
    });
  }
  if ((env.ZUORA_CALLOUT_USERNAME === undefined) !== (env.ZUORA_CALLOUT_PASSWORD === undefined)) {
    problems.push({
      name: env.ZUORA_CALLOUT_USERNAME === undefined ? 'ZUORA_CALLOUT_USERNAME' : 'ZUORA_CALLOUT_PASSWORD',
      message: 'missing: ZUORA_CALLOUT_USERNAME and ZUORA_CALLOUT_PASSWORD go together (callout Basic auth)',
    });
  }
  if (
    (env.ZUORA_CALLOUT_OAUTH_CLIENT_ID === undefined) !==
    (env.ZUORA_CALLOUT_OAUTH_CLIENT_SECRET === undefined)
  ) {
    problems.push({
      name:
        env.ZUORA_CALLOUT_OAUTH_CLIENT_ID === undefined
          ? 'ZUORA_CALLOUT_OAUTH_CLIENT_ID'
          : 'ZUORA_CALLOUT_OAUTH_CLIENT_SECRET',
      message:
        'missing: ZUORA_CALLOUT_OAUTH_CLIENT_ID and ZUORA_CALLOUT_OAUTH_CLIENT_SECRET go together (callout OAuth 2.0)',
    });
  }
  if ((zuoraSet || sfSet) && env.API_TOKEN === undefined) {
    problems.push({
      name: 'API_TOKEN',
      message:
        'missing: a bearer token of at least 24 characters is required once real Zuora or Salesforce credentials are set',
    });
  }
  if (env.ON_DEMAND_API_TOKEN !== undefined && env.ON_DEMAND_API_TOKEN === env.API_TOKEN) {
    problems.push({
      name: 'ON_DEMAND_API_TOKEN',
      message:
        'must differ from API_TOKEN: it is the token Salesforce users call out with, scoped to on-demand syncs',
    });
  }
  if (env.SF_API_SLOW_AT_PERCENT > env.SF_API_STOP_AT_PERCENT) {
    problems.push({
      name: 'SF_API_SLOW_AT_PERCENT',
      message: `must not be above SF_API_STOP_AT_PERCENT (${String(env.SF_API_STOP_AT_PERCENT)}): writes slow before they stop`,
    });
  }
  return { problems, zuoraSet, sfSet };
}

function zuoraTarget(env: Env, set: boolean): ZuoraTarget | EmulatedTarget {
  return set
    ? {
        kind: 'real',
        baseUrl: env.ZUORA_BASE_URL ?? '',
        clientId: env.ZUORA_CLIENT_ID ?? '',
        clientSecret: env.ZUORA_CLIENT_SECRET ?? '',
        entityIds: (env.ZUORA_ENTITY_IDS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      }
    : { kind: 'emulator' };
}

function salesforceTarget(env: Env, set: boolean): SalesforceTarget | EmulatedTarget {
  return set
    ? {
        kind: 'real',
        loginUrl: env.SF_LOGIN_URL ?? '',
        clientId: env.SF_CLIENT_ID ?? '',
        clientSecret: env.SF_CLIENT_SECRET ?? '',
        username: env.SF_USERNAME,
        password: env.SF_PASSWORD,
        apiVersion: env.SF_API_VERSION,
      }
    : { kind: 'emulator' };
}

const secretLike = /(TOKEN|SECRET|PASSWORD|DATABASE_URL|SMTP_URL)/;

/** Quotes the offending value, except for secrets, which are never echoed. */
function describeReceived(source: Source, path: readonly PropertyKey[]): string {
  const name = String(path[0] ?? '');
  const value = source[name];
  if (value === undefined || secretLike.test(name)) return '';
  return ` (got "${value.length > 60 ? `${value.slice(0, 60)}...` : value}")`;
}
