// The scale-out back end: a pool of connections to a real PostgreSQL (DATABASE_URL).
import pg from 'pg';
import type { BossDb, Queryable, Store } from './store.js';

function clientQueryable(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as R[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export class PgStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #root: Queryable;

  constructor(connectionString: string, poolSize = 10) {
    this.#pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'zuora-sync' });
    // An idle client's network error must not crash the process; the next query reports it.
    this.#pool.on('error', () => undefined);
    this.#root = clientQueryable(this.#pool);
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.#root.query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#root.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(clientQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async withAdvisoryLock<T>(key: number, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await fn(clientQueryable(client));
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }

  bossDb(): BossDb {
    return {
      executeSql: async (text, values) => {
        const result = await this.#pool.query(text, values);
        return { rows: result.rows };
      },
    };
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
