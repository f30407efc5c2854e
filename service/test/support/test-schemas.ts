// The PostgreSQL schemas a test run creates are noted in a run-wide folder (set up by global-setup.ts), so
// that the run's teardown drops them even when a test timed out or its worker was killed before its own
// afterAll. Only this run's schemas: other runs may share the database.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const schemaLogVariable = 'ZSYNC_TEST_SCHEMA_LOG';

/** Notes a schema this process created (no-op outside a run with the global setup). */
export function noteTestSchema(...schemas: string[]): void {
  const dir = process.env[schemaLogVariable];
  if (dir === undefined || dir === '') return;
  appendFileSync(join(dir, `${String(process.pid)}.log`), `${schemas.join('\n')}\n`);
}

/** Every schema noted in the folder. */
export function notedTestSchemas(dir: string): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
  return [...new Set(names.filter((n) => /^(t|boss)_[0-9a-f]+$/.test(n)))];
}
