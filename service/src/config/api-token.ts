// With no API_TOKEN configured (embedded default), a random token is made once and kept in
// DATA_DIR/api-token (mode 0600), so the Salesforce named credential and scripts can read it.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, privateFileMode } from './private-files.js';

export interface ResolvedToken {
  readonly token: string;
  /** Where the generated token is kept; undefined when it came from API_TOKEN. */
  readonly file: string | undefined;
}

export function resolveApiToken(configured: string | undefined, dataDir: string): ResolvedToken {
  if (configured !== undefined) return { token: configured, file: undefined };
  const file = join(dataDir, 'api-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 24) return { token, file };
  }
  ensurePrivateDir(dataDir);
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: privateFileMode });
  chmodSync(file, privateFileMode);
  return { token, file };
}
