// The TypeScript sources the commands run, compiled once to plain JavaScript and reused until a source changes.
// Running them through tsx's loader instead costs every process 35-40 MB of RSS (the loader's hooks thread and
// a source map per module: issue 19's connector peaks at 200 MB), and a compile of the code at each start.
// esbuild (the compiler tsx itself uses, https://esbuild.github.io/api/#transform) turns each .ts file into one
// .js file at the same relative path, without bundling, so import.meta.url, relative imports and the files found
// beside the code (migrations, force-app, console-ui/dist, node_modules) resolve as they do from the sources:
// the build directory mirrors the checkout, each file or directory that is not compiled linked to the original.
// Builds are keyed by the sources' paths, sizes and modification times; a build is written to a temporary
// directory and renamed into place, so two processes starting together never see half a build.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The checkout: this file is in its bin directory. */
const checkout = dirname(dirname(fileURLToPath(import.meta.url)));
/** Directories and files compiled; every .ts file under a directory, except declarations. */
const sources = [
  'service/src',
  'emulators/salesforce/src',
  'emulators/zuora/src',
  'emulators/shared',
  'emulators/salesforce/bench',
  'emulators/zuora/bench',
  'scripts/bench',
  'scripts/bench.ts',
];
/** A build older than this that is not the current one is removed (a long-running process may still load from one). */
const keepOldMs = 24 * 60 * 60 * 1000;
/** Bumped when what this file writes changes. */
const layout = '1';

/** esbuild's version, for the key, read from its package.json: importing esbuild costs every start 30 ms. */
const esbuildVersion = () =>
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');

/** Every compiled .ts file (relative to the checkout) and, for the key, each one's size and modification time. */
function listSources(root) {
  const files = [];
  const walk = (rel) => {
    const stat = statSync(join(root, rel));
    if (stat.isFile()) {
      if (isSource(rel)) files.push({ rel, size: stat.size, mtime: stat.mtimeMs });
      return;
    }
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const child = join(rel, entry.name);
      if (entry.isDirectory() || isSource(entry.name)) walk(child);
    }
  };
  for (const source of sources) if (existsSync(join(root, source))) walk(source);
  return files.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/**
 * The mirror of the checkout around the compiled files: each directory holding a compiled file is a real
 * directory, and each entry in it that is neither such a directory nor a compiled file is a link to the original.
 */
function linkAround(root, dir, files) {
  const compiled = new Set(files.map((f) => f.rel));
  const dirs = new Set(['.']);
  for (const f of files) for (let d = dirname(f.rel); d !== '.'; d = dirname(d)) dirs.add(d);
  for (const d of dirs) {
    mkdirSync(join(dir, d), { recursive: true });
    for (const entry of readdirSync(join(root, d))) {
      const rel = d === '.' ? entry : join(d, entry);
      if (rel === '.build' || rel === '.git' || dirs.has(rel) || compiled.has(rel)) continue;
      symlinkSync(join(root, rel), join(dir, rel));
    }
  }
}

async function build(root, dir, files) {
  const { build: esbuild } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    linkAround(root, tmp, files);
    await esbuild({
      entryPoints: files.map((f) => join(root, f.rel)),
      outdir: tmp,
      outbase: root,
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      ...(existsSync(join(root, 'tsconfig.json')) ? { tsconfig: join(root, 'tsconfig.json') } : {}),
      logLevel: 'silent',
    });
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process finished the same build first: use its.
      if (!existsSync(dir)) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Removes builds other than `keep` that have not been used for keepOldMs. */
function pruneBuilds(buildsDir, keep) {
  for (const name of readdirSync(buildsDir)) {
    const path = join(buildsDir, name);
    if (path === keep) continue;
    const stale = Date.now() - statSync(path).mtimeMs > keepOldMs;
    // A temporary directory is its builder's until then too.
    if (stale) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The URL of the compiled module of `source` (a .ts path relative to `root`), compiling first if needed; builds
 * are kept in `root`/.build.
 */
export async function compiled(source, root = checkout) {
  const buildsDir = join(root, '.build');
  const files = listSources(root);
  const hash = createHash('sha256').update(`${layout}\n${esbuildVersion()}\n${root}\n`);
  for (const f of files) hash.update(`${f.rel}\t${f.size}\t${f.mtime}\n`);
  const dir = join(buildsDir, hash.digest('hex').slice(0, 16));
  if (!existsSync(dir)) await build(root, dir, files);
  else {
    // Marks the build as used, for pruneBuilds.
    const now = new Date();
    utimesSync(dir, now, now);
  }
  pruneBuilds(buildsDir, dir);
  return pathToFileURL(join(dir, source.replace(/\.ts$/, '.js'))).href;
}
