// One interface over PostgreSQL, whether it is PGlite in this process or a real server reached through `pg`.

export interface Queryable {
  /** One statement with positional parameters ($1, $2, ...). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements separated by semicolons, no parameters. */
  exec(sql: string): Promise<void>;
}

/** What pg-boss needs of a database: it sends multi-statement SQL without parameters. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back (nothing left behind) if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Holds a session-level advisory lock around `fn`, so that concurrent processes take turns. */
  withAdvisoryLock<T>(key: number, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  bossDb(): BossDb;
  close(): Promise<void>;
}
