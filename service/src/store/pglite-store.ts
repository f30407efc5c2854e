// The embedded default: PostgreSQL compiled to WASM, in this process, with its data under DATA_DIR.
// PGlite is single-connection: its transaction() holds an exclusive lock, so other queries wait for it.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { BossDb, Queryable, Store } from './store.js';
import { DataDirLock } from './data-dir-lock.js';
import { ensurePrivateDir, restrictTree } from '../config/private-files.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function pgliteQueryable(db: PgliteLike): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export class PgliteStore implements Store {
  readonly kind = 'pglite' as const;
  readonly #db: PGlite;
  readonly #root: Queryable;
  readonly #lock: DataDirLock | undefined;
  /** The PGlite folder, tightened again at close (PGlite creates its files 0666). */
  readonly #files: string | undefined;
  readonly #locks = new Map<number, Promise<void>>();

  private constructor(db: PGlite, lock: DataDirLock | undefined, files: string | undefined) {
    this.#db = db;
    this.#root = pgliteQueryable(db);
    this.#lock = lock;
    this.#files = files;
  }

  /** `dataDir` undefined keeps everything in memory (tests). */
  static async open(dataDir: string | undefined): Promise<PgliteStore> {
    if (dataDir === undefined) return new PgliteStore(await PGlite.create(), undefined, undefined);
    // Billing data: DATA_DIR and everything in it are the owner's only, checked (and fixed) at every start.
    ensurePrivateDir(dataDir);
    const lock = DataDirLock.acquire(dataDir);
    const files = join(dataDir, 'pglite');
    try {
      ensurePrivateDir(files);
      const db = await PGlite.create({ dataDir: files });
      restrictTree(files);
      return new PgliteStore(db, lock, files);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.#root.query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#root.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) => fn(pgliteQueryable(tx)));
  }

  /** PGlite lives in this process only (DataDirLock), so an in-process lock per key is all it needs. */
  async withAdvisoryLock<T>(key: number, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const chained = previous.then(() => mine);
    this.#locks.set(key, chained);
    await previous;
    try {
      return await fn(this.#root);
    } finally {
      release();
      if (this.#locks.get(key) === chained) this.#locks.delete(key);
    }
  }

  bossDb(): BossDb {
    return {
      executeSql: async (text, values) => {
        // pg-boss sends multi-statement SQL (migrations, locks) without parameters: that must go through exec,
        // since PGlite's query() uses the extended protocol, which takes one statement only.
        if (values === undefined || values.length === 0) {
          const results = await this.#db.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await this.#db.query(text, values);
        return { rows: result.rows };
      },
    };
  }

  async close(): Promise<void> {
    try {
      await this.#db.close();
      if (this.#files !== undefined) restrictTree(this.#files);
    } finally {
      this.#lock?.release();
    }
  }
}
