// The two store back ends every store test runs against: PGlite in memory and the local PostgreSQL,
// each test on a fresh schema so runs never see each other's data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgliteStore } from '../../src/store/pglite-store.js';
import { noteTestSchema } from './test-schemas.js';
import { PgStore } from '../../src/store/pg-store.js';
import type { Store } from '../../src/store/store.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreFixture {
  readonly store: Store;
  /** DATABASE_URL for child processes sharing this fixture's schema (PostgreSQL only). */
  readonly databaseUrl: string | undefined;
  readonly bossSchema: string;
  dispose(): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';
export const storeKinds: readonly StoreKind[] = ['pglite', 'postgres'];

function schemaUrl(schema: string): string {
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function openTestStore(kind: StoreKind): Promise<StoreFixture> {
  const suffix = randomBytes(5).toString('hex');
  const bossSchema = `boss_${suffix}`;
  if (kind === 'pglite') {
    const store = await PgliteStore.open(undefined);
    return { store, databaseUrl: undefined, bossSchema, dispose: () => store.close() };
  }
  const schema = `t_${suffix}`;
  noteTestSchema(schema, bossSchema);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const databaseUrl = schemaUrl(schema);
  const store = new PgStore(databaseUrl);
  return {
    store,
    databaseUrl,
    bossSchema,
    async dispose() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`,
      );
      await cleanup.end();
    },
  };
}
