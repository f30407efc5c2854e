// Vitest global setup: a folder where test processes note the PostgreSQL schemas they create, and a teardown
// that drops every one of them still there, so no `t_*` schema outlives the run whatever ended its tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testDatabaseUrl } from './stores.js';
import { notedTestSchemas, schemaLogVariable } from './test-schemas.js';

export default function setup(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zsync-schemas-'));
  process.env[schemaLogVariable] = dir;
  return async () => {
    const schemas = notedTestSchemas(dir);
    if (schemas.length > 0) {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      try {
        await client.connect();
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
