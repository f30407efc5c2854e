// Structured JSON logs (pino) with secrets redacted wherever they could appear: known secret fields by path,
// and HTTP requests through a serializer that drops query values and headers (config/log-serializers.ts).
import { pino, type Logger, type LevelWithSilent } from 'pino';
import { serializeRequest } from './log-serializers.js';

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
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
    serializers: { req: serializeRequest, err: pino.stdSerializers.err },
    base: { service: 'zuora-sync' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger };
