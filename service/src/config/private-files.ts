// What the service keeps under DATA_DIR holds billing PII (spool parts: names, addresses, payment details), the
// embedded store and the generated API token: its owner's only. Folders are 0700 and files 0600, whatever the
// umask. PGlite's file system creates its files 0666 itself (umask does not reach them), so its folder is
// tightened after it opens and after it closes; the 0700 folders above it keep everyone else out meanwhile.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** Creates `dir` (and missing parents) owner-only, and makes an existing `dir` owner-only too. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  chmodSync(dir, privateDirMode);
}

/**
 * Removes every group and other permission under `dir` (itself included); answers how many entries had some.
 * Symbolic links are left alone (their target's mode is not ours to change).
 */
export function restrictTree(dir: string): number {
  let loosened = 0;
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      chmodSync(path, stat.mode & 0o700);
      loosened += 1;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return loosened;
}
