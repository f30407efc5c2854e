// The service's environment variables: one zod schema, so every bad value is reported by name at start.
import { mappingProfiles } from './mapping-profile-setting.js';
import { z } from 'zod';
import { entityIdFormat, entityIdFormatMessage } from './entity-ids.js';
import { CronExpressionParser } from 'cron-parser';

/** Five fields that cron-parser (the schedules' reader) accepts. */
function validCron(v: string): boolean {
  if (!/^(\S+\s+){4}\S+$/.test(v)) return false;
  try {
    CronExpressionParser.parse(v, { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = z.coerce
  .number({ error: 'expected a whole number from 0 to 65535' })
  .int('expected a whole number from 0 to 65535')
  .min(0, 'expected a whole number from 0 to 65535')
  .max(65535, 'expected a whole number from 0 to 65535');

const httpUrl = z
  .string()
  .trim()
  .refine(
    (v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v),
    'expected an http(s) URL such as https://host',
  );

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    if (!URL.canParse(v)) return false;
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
  }, 'expected a PostgreSQL URL such as postgres://user@127.0.0.1:5432/db');

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

const percent = z.coerce
  .number({ error: 'expected a percentage from 1 to 100' })
  .min(1, 'expected a percentage from 1 to 100')
  .max(100, 'expected a percentage from 1 to 100');

const calloutSecret = optionalText.pipe(
  z
    .string()
    .min(24, 'expected at least 24 characters (a callout secret that must resist guessing)')
    .optional(),
);

export const envSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(8787),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_TOKEN: optionalText.pipe(z.string().min(24, 'expected at least 24 characters').optional()),
  // The token the Salesforce named credential carries: accepted on POST /v1/on-demand-syncs only.
  ON_DEMAND_API_TOKEN: optionalText.pipe(z.string().min(24, 'expected at least 24 characters').optional()),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  DATABASE_URL: optionalText.pipe(postgresUrl.optional()),
  BODY_LIMIT_BYTES: positiveInt('a positive number of bytes').default(1_048_576),

  ZUORA_BASE_URL: optionalText.pipe(httpUrl.optional()),
  ZUORA_CLIENT_ID: optionalText,
  ZUORA_CLIENT_SECRET: optionalText,
  ZUORA_ENTITY_IDS: optionalText.pipe(
    z
      .string()
      .refine(
        (v) =>
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
            .every((s) => entityIdFormat.test(s)),
        `every comma-separated entry ${entityIdFormatMessage}`,
      )
      .optional(),
  ),

  SF_LOGIN_URL: optionalText.pipe(httpUrl.optional()),
  SF_CLIENT_ID: optionalText,
  SF_CLIENT_SECRET: optionalText,
  SF_USERNAME: optionalText,
  SF_PASSWORD: optionalText,
  SF_API_VERSION: z
    .string()
    .trim()
    .regex(/^\d{2}\.0$/, 'expected an API version such as 62.0')
    .default('62.0'),

  SYNC_SCHEDULE: z
    .string()
    .trim()
    .refine(
      (v) => ['off', 'every-2h', 'every-24h'].includes(v) || /^(\S+\s+){4}\S+$/.test(v),
      'expected off, every-2h, every-24h or a five-field cron expression',
    )
    .default('off'),
  // The drift check (a full compare of Salesforce with Zuora, writing nothing): weekly by default.
  DRIFT_SCHEDULE: z
    .string()
    .trim()
    .refine(
      (v) => ['off', 'weekly', 'daily'].includes(v) || validCron(v),
      'expected off, weekly, daily or a valid five-field cron expression',
    )
    .default('weekly'),
  CATALOG_SCHEDULE: z
    .string()
    .trim()
    .regex(
      /^(off|daily|daily@([01]?\d|2[0-3]))$/,
      'expected off, daily or daily@HH (the catalog is scheduled daily only)',
    )
    .default('off'),
  // API-based writes (on-demand, real-time) slow above this share of the daily Salesforce API allocation
  // and stop at the second one (read from the Sforce-Limit-Info header of every response).
  SF_API_SLOW_AT_PERCENT: percent.default(80),
  SF_API_STOP_AT_PERCENT: percent.default(90),
  EMULATOR_SEED: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .default(42),
  EMULATOR_SIZE: z.enum(['XS', 'S', 'M', 'L']).default('S'),
  EMULATOR_ENTITIES: z.coerce
    .number({ error: 'expected a whole number from 1 to 16' })
    .int('expected a whole number from 1 to 16')
    .min(1, 'expected a whole number from 1 to 16')
    .max(16, 'expected a whole number from 1 to 16')
    .default(1),

  // Write only what changed: records whose mapped values equal Salesforce's are not sent (compare/).
  SYNC_SKIP_UNCHANGED: z.enum(['on', 'off']).default('off'),

  // Near-real-time sync from Zuora callouts (see service/src/realtime/realtime-settings.ts).
  REALTIME_SYNC: z.enum(['on', 'off']).default('off'),
  REALTIME_EVENT_THRESHOLD: z.coerce
    .number({ error: 'expected one of 1, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500' })
    .refine(
      (v) => [1, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500].includes(v),
      "expected one of 1, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500 (Zuora's choices)",
    )
    .default(10),
  REALTIME_MAX_WAIT_SECONDS: positiveInt('a positive number of seconds').default(7200),
  REALTIME_RECONCILE_SECONDS: z.coerce
    .number({ error: 'expected a whole number of seconds (0: off)' })
    .int('expected a whole number of seconds (0: off)')
    .min(0, 'expected a whole number of seconds (0: off)')
    .default(300),
  REALTIME_FALLBACK_LATENCY_SECONDS: positiveInt('a positive number of seconds').default(900),
  REALTIME_BURST_THRESHOLD: positiveInt('a positive number of pending events').default(10_000),
  /** How long a callout may take before reconciliation enqueues its change itself. */
  REALTIME_RECONCILE_GRACE_SECONDS: z.coerce
    .number({ error: 'expected a whole number of seconds' })
    .int('expected a whole number of seconds')
    .min(0, 'expected a whole number of seconds')
    .default(120),
  /** A real-time batch silent this long (process gone) gives its events back to the queue. */
  REALTIME_CLAIM_STALE_SECONDS: positiveInt('a positive number of seconds').default(60),
  /** Attempts an always-failing change event gets before it is dead-lettered (kept for an admin to retry). */
  REALTIME_MAX_ATTEMPTS: positiveInt('a whole number of attempts from 1 to 100')
    .max(100, 'expected a whole number of attempts from 1 to 100')
    .default(8),
  /** Wait after a change event's first failure; it doubles with each further failure (at most an hour). */
  REALTIME_RETRY_BASE_MS: positiveInt('a whole number of milliseconds from 10 to 3600000')
    .min(10, 'expected a whole number of milliseconds from 10 to 3600000')
    .max(3_600_000, 'expected a whole number of milliseconds from 10 to 3600000')
    .default(10_000),
  // Callout secrets: long enough that guessing them (rate-limited per address at the webhook) is hopeless.
  ZUORA_CALLOUT_HMAC_KEY: calloutSecret,
  ZUORA_CALLOUT_USERNAME: optionalText,
  ZUORA_CALLOUT_PASSWORD: calloutSecret,
  ZUORA_CALLOUT_OAUTH_CLIENT_ID: optionalText,
  ZUORA_CALLOUT_OAUTH_CLIENT_SECRET: calloutSecret,
  ZUORA_CALLOUT_MAX_AGE_SECONDS: positiveInt('a positive number of seconds').default(300),

  // The operations console (see service/src/config/console-settings.ts).
  CONSOLE_RETENTION_DAYS: positiveInt('a positive number of days').default(30),
  CONSOLE_SESSION_IDLE_MINUTES: positiveInt('a positive number of minutes').default(30),
  CONSOLE_SESSION_MAX_HOURS: positiveInt('a positive number of hours').default(12),
  CONSOLE_COOKIE_SECURE: z.enum(['auto', 'always']).default('auto'),
  TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  NOTIFY_TICK_SECONDS: positiveInt('a positive number of seconds').default(30),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .refine(
        (v) => /^smtps?:\/\/[^\s/]+/.test(v) && URL.canParse(v),
        'expected smtp://[user:password@]host[:port] or smtps://...',
      )
      .optional(),
  ),
  SMTP_FROM: z.string().trim().min(3).default('zuora-sync@localhost'),
  ZUORA_UI_URL: optionalText.pipe(httpUrl.optional()),
  /** A JSON file of custom field mappings (README, "Custom field mappings"). */
  CUSTOM_FIELD_MAPPINGS_FILE: optionalText,
  /** Which objects the maps write: this package's, or Zuora 360's own (docs/migrate-from-zuora-360.md). */
  MAPPING_PROFILE: z
    .enum(mappingProfiles, { error: `expected one of ${mappingProfiles.join(', ')}` })
    .default('default'),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose values are secrets: never printed, never logged. */
export const secretEnvNames = [
  'API_TOKEN',
  'ZUORA_CLIENT_SECRET',
  'SF_CLIENT_SECRET',
  'SF_PASSWORD',
  'DATABASE_URL',
  'ZUORA_CALLOUT_HMAC_KEY',
  'ZUORA_CALLOUT_PASSWORD',
  'ZUORA_CALLOUT_OAUTH_CLIENT_SECRET',
  'SMTP_URL',
] as const;
