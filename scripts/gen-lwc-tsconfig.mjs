#!/usr/bin/env node
// Writes .sfdx/tsconfig.sfdx.json, which tsconfig.lwc.json extends: one `c/<bundle>` path per LWC bundle, so
// `import { x } from 'c/syncErrorText'` type-checks. The Salesforce VS Code extension normally generates this
// file; without it tsc stops with TS6053. A wildcard `c/*` mapping cannot express `<name>/<name>` (TS5062).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'));
const outDir = path.join(root, '.sfdx');

function lwcFolders(dir) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'lwc') found.push(full);
    else if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...lwcFolders(full));
  }
  return found;
}

const paths = {};
for (const packageDir of project.packageDirectories ?? []) {
  for (const lwcDir of lwcFolders(path.join(root, packageDir.path))) {
    for (const bundle of fs.readdirSync(lwcDir, { withFileTypes: true })) {
      if (!bundle.isDirectory() || bundle.name.startsWith('__')) continue;
      const entry = path.join(lwcDir, bundle.name, bundle.name);
      if (fs.existsSync(`${entry}.ts`) || fs.existsSync(`${entry}.js`)) {
        paths[`c/${bundle.name}`] = [path.relative(outDir, entry).split(path.sep).join('/')];
      }
    }
  }
}

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, 'tsconfig.sfdx.json'),
  `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`,
);
console.log(
  `gen-lwc-tsconfig: ${Object.keys(paths).length} LWC bundle path(s) written to .sfdx/tsconfig.sfdx.json`,
);
