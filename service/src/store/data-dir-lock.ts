// PGlite's files may be opened by one process only: a second process on the same DATA_DIR would corrupt
// them. A lock file holding the owner's pid refuses it with a clear message (a stale file is taken over).
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the embedded store in ${dataDir} is in use by process ${pid}; stop it, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL between processes`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Whether process `pid` runs (signal 0 only checks; EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLock {
  readonly #path: string;

  private constructor(path: string) {
    this.#path = path;
  }

  static acquire(dataDir: string): DataDirLock {
    const path = join(dataDir, 'store.lock');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
          throw new DataDirLockedError(dataDir, owner);
        }
        unlinkSync(path);
      }
    }
    throw new Error(`could not take the store lock ${path}`);
  }

  release(): void {
    try {
      unlinkSync(this.#path);
    } catch {
      // already gone: nothing to release
    }
  }
}
