// Applies the numbered SQL files of ./migrations in order, each in its own transaction, under an advisory
// lock so that several processes starting at once take turns. An applied file whose text has changed is
// refused: released migrations are never edited.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** `001_initial`: how the migration is named in messages and reports. */
  readonly label: string;
  readonly sql: string;
  readonly checksum: string;
}

const MIGRATION_LOCK_KEY = 7_311_402_001;
const defaultDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export function readMigrations(dir = defaultDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number.parseInt(file.slice(0, 3), 10),
        name: file.slice(4, -4),
        label: file.slice(0, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: number;
}

export async function migrate(store: Store, migrations = readMigrations()): Promise<MigrationReport> {
  return store.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await db.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.version);
      if (previous !== undefined) {
        if (previous.checksum !== m.checksum) {
          throw new Error(
            `migration ${m.label} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await db
        .exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, '${m.name}', '${m.checksum}');\nCOMMIT;`,
        )
        .catch(async (error: unknown) => {
          await db.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.label} failed: ${(error as Error).message}`, { cause: error });
        });
      applied.push(m.label);
    }
    return { applied, current: migrations.at(-1)?.version ?? 0 };
  });
}
