import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The uploads of finished ingest jobs, on disk: their result files repeat every row sent, and
// Salesforce keeps them for 7 days after the job ends (Bulk API 2.0 limits: "Ingest job results are
// retained for 7 days"), so held in memory they were the emulator's largest item (a Turbo full sync at
// L: 4-5 GB of uploads). Each emulator gets a private directory (0700, files 0600) on first use,
// removed with its jobs (reset, close) or, failing that, when the process exits.

const liveDirs = new Set<string>();
let exitHook = false;

function removeAll(): void {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}

export class ResultFiles {
  private dir: string | null = null;

  /** Writes `text` under `name`; its path, or null when the text would not read back the same. */
  write(name: string, text: string): string | null {
    // A lone surrogate would come back as U+FFFD: such an upload stays in memory.
    if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return null;
    const path = join(this.directory(), `${name}.csv`);
    writeFileSync(path, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    return path;
  }

  /** Writes the bytes of an upload as received (all ASCII: its text read as UTF-8) under `name`; its path. */
  writeBytes(name: string, bytes: Uint8Array): string {
    const path = join(this.directory(), `${name}.csv`);
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return path;
  }

  private directory(): string {
    if (this.dir === null) {
      this.dir = mkdtempSync(join(tmpdir(), 'sf-emulator-results-'));
      liveDirs.add(this.dir);
      if (!exitHook) {
        process.once('exit', removeAll);
        exitHook = true;
      }
    }
    return this.dir;
  }

  read(path: string): string {
    return readFileSync(path, 'utf8');
  }

  /** The file's bytes. */
  readBytes(path: string): Buffer {
    return readFileSync(path);
  }

  remove(path: string): void {
    unlinkSync(path);
  }

  /** Drops every file and the directory. */
  clear(): void {
    if (this.dir === null) return;
    rmSync(this.dir, { recursive: true, force: true });
    liveDirs.delete(this.dir);
    this.dir = null;
  }
}
