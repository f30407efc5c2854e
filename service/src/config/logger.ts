// Structured JSON logs (pino) with secrets redacted wherever they could appear.
import { pino, type Logger, type LevelWithSilent } from 'pino';

export const redactedPaths = [
  'req.headers.authorization',
  'headers.authorization',
  '*.apiToken',
  '*.clientSecret',
  '*.password',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.databaseUrl',
  'config.apiToken',
  'config.databaseUrl',
];

export function createLogger(level: LevelWithSilent, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { service: 'zuora-sync' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger };
