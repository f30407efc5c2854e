// Writes docs/field-mappings.md from the map data: `npx tsx service/src/mapping/render-docs.ts`.
// With `--check` it writes nothing and exits 1 when the file is out of date (for CI).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderFieldMappingsDoc } from './field-mappings-doc.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/field-mappings.md');
const content = renderFieldMappingsDoc();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(`${target} is out of date: run npx tsx service/src/mapping/render-docs.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target}`);
}
