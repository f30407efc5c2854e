// How a bench module starts another module beside it in a child process, the way the bench itself runs: from
// the compiled build (bin/bench.js, bin/compiled.js) its modules are .js files run by node alone; run from the
// sources (`npx tsx scripts/bench.ts`) they are .ts files run through tsx's loader.
import { join } from 'node:path';

const compiledRun = import.meta.url.endsWith('.js');

/** The path of module `name` (without extension) in `dir`, as this process runs its modules. */
export function moduleFile(dir: string, name: string): string {
  return join(dir, `${name}${compiledRun ? '.js' : '.ts'}`);
}

/** The node arguments that run `file` (a path from moduleFile or of a module of this process). */
export function runArgs(file: string): string[] {
  return compiledRun ? [file] : ['--import', 'tsx', file];
}
