// Writes docs/field-mappings.md from the map data: `npm run docs:render` (`docs:verify` checks it).
// The output goes through the repo's Prettier config so `format:verify` and this script agree.
// With `--check` it writes nothing and exits 1 when the file is out of date (for CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { renderFieldMappingsDoc } from './field-mappings-doc.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '../../docs/field-mappings.md');
const options = (await prettier.resolveConfig(target)) ?? {};
const content = await prettier.format(renderFieldMappingsDoc(), { ...options, filepath: target });

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(`${target} is out of date: run npm run docs:render`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target}`);
}
