#!/usr/bin/env node
// Checks what the org will receive for each Lightning web component, after `npm run build:lwc`:
//   1. every bundle has its `<bundle>.js` (the org rejects a bundle without it, while `sf project convert source`
//      happily converts one: forcedotcom/cli#3011), and every `.ts` module has an up-to-date `.js` beside it;
//   2. every emitted `.js` and every `.html` template compiles with @lwc/compiler, the compiler the platform
//      runs, at the bundle's own API version (its js-meta.xml <apiVersion>, else sourceApiVersion).
// Prints `file:line:column message` per problem and exits 1 on any.
// Usage: node scripts/verify-lwc-build.mjs [projectDir]   (defaults to the repository root)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@lwc/compiler';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = path.resolve(process.argv[2] ?? repoRoot);
const compilerVersion = createRequire(import.meta.url)('@lwc/compiler/package.json').version;
const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));

const problems = [];
const report = (file, line, column, message) =>
  problems.push(`${path.relative(process.cwd(), file)}:${line ?? 1}:${column ?? 1} ${message}`);

function lwcFolders(dir) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'lwc') found.push(full);
    else found.push(...lwcFolders(full));
  }
  return found;
}

function apiVersionOf(metaFile) {
  const declared = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(fs.readFileSync(metaFile, 'utf8'))?.[1];
  return Number.parseFloat(declared ?? project.sourceApiVersion);
}

function compile(file, bundle, apiVersion) {
  try {
    transformSync(fs.readFileSync(file, 'utf8'), file, {
      namespace: 'c',
      name: bundle,
      apiVersion,
    });
    return true;
  } catch (error) {
    const loc = error?.location ?? error?.loc ?? {};
    const message = String(error?.message ?? error).split('\n')[0];
    report(file, loc.line, loc.column ?? loc.start?.column, `@lwc/compiler (API ${apiVersion}): ${message}`);
    return false;
  }
}

function checkBundle(bundleDir) {
  const bundle = path.basename(bundleDir);
  const files = fs.readdirSync(bundleDir).filter((name) => !name.startsWith('.'));
  const meta = path.join(bundleDir, `${bundle}.js-meta.xml`);
  if (!fs.existsSync(meta)) {
    report(bundleDir, 1, 1, `bundle ${bundle} has no ${bundle}.js-meta.xml`);
    return 0;
  }
  const apiVersion = apiVersionOf(meta);
  if (!fs.existsSync(path.join(bundleDir, `${bundle}.js`))) {
    report(
      meta,
      1,
      1,
      `bundle ${bundle} has no ${bundle}.js: the org rejects it (run npm run build:lwc; tsc writes it from ${bundle}.ts)`,
    );
  }
  for (const ts of files.filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))) {
    const js = path.join(bundleDir, ts.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(js))
      report(path.join(bundleDir, ts), 1, 1, `no ${path.basename(js)} was built from it`);
    else if (fs.statSync(js).mtimeMs < fs.statSync(path.join(bundleDir, ts)).mtimeMs)
      report(js, 1, 1, `older than ${ts}: run npm run build:lwc`);
  }
  let compiled = 0;
  for (const name of files.filter((file) => /\.(js|html|css)$/.test(file))) {
    if (compile(path.join(bundleDir, name), bundle, apiVersion)) compiled += 1;
  }
  return compiled;
}

let bundles = 0;
let compiled = 0;
const versions = new Set();
for (const packageDir of project.packageDirectories ?? []) {
  for (const lwcDir of lwcFolders(path.join(projectDir, packageDir.path))) {
    for (const entry of fs.readdirSync(lwcDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('__')) continue;
      const bundleDir = path.join(lwcDir, entry.name);
      const meta = path.join(bundleDir, `${entry.name}.js-meta.xml`);
      if (fs.existsSync(meta)) versions.add(apiVersionOf(meta));
      bundles += 1;
      compiled += checkBundle(bundleDir);
    }
  }
}

for (const problem of problems) console.log(problem);
console.log(
  `verify-lwc-build: ${bundles} bundle(s), ${compiled} file(s) compiled by @lwc/compiler ${compilerVersion} at API ${[...versions].join(', ') || project.sourceApiVersion}, ${problems.length} problem(s)`,
);
process.exit(problems.length > 0 || bundles === 0 ? 1 : 0);
