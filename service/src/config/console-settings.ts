// Settings of the operations console: how long its data is kept, how long a sign-in lasts, where
// notifications go out (SMTP), and where links to Zuora records point.
import type { Env } from './env-schema.js';

export interface ConsoleSettings {
  /** Sessions, resolved failures, processed events, latency samples and deliveries older than this go. */
  readonly retentionDays: number;
  /** A console sign-in ends after this long without a request... */
  readonly sessionIdleMs: number;
  /** ...and after this long in any case. */
  readonly sessionMaxMs: number;
  /** `auto`: the cookie is Secure when the request came over HTTPS; `always`: Secure whatever the request. */
  readonly cookieSecure: 'auto' | 'always';
  /** Behind a TLS-terminating proxy: X-Forwarded-Proto decides whether a request came over HTTPS. */
  readonly trustProxy: boolean;
  /** How often notification rules are checked (each rule still runs at its own interval). */
  readonly notifyTickMs: number;
  /** smtp(s)://user:password@host:port, a secret: never logged. */
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  /** Base URL of the Zuora UI (e.g. https://apisandbox.zuora.com) for links to Zuora records. */
  readonly zuoraUiUrl: string | undefined;
}

export function consoleSettings(env: Env): ConsoleSettings {
  return {
    retentionDays: env.CONSOLE_RETENTION_DAYS,
    sessionIdleMs: env.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: env.CONSOLE_SESSION_MAX_HOURS * 3_600_000,
    cookieSecure: env.CONSOLE_COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY === 'on',
    notifyTickMs: env.NOTIFY_TICK_SECONDS * 1000,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    zuoraUiUrl: env.ZUORA_UI_URL,
  };
}
