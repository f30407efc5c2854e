// Generates the package's objects, fields, tabs, list views, compact layouts, layouts, permission sets,
// app, settings and credentials from the vendored reference tables (docs/reference) and the model data
// in scripts/checks/model. Run: npx tsx scripts/checks/generate-objects.ts
// It rewrites the folders it owns (GENERATED_FOLDERS) whole, so a field removed from the model goes away.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { buildPackageModel } from './model/build-package-model.js';
import { GENERATED_FOLDERS, METADATA_ROOT, REFERENCE_DIR } from './paths.js';
import { loadMappingTables, loadSchemaTypes } from './reference/load-reference.js';
import { renderFieldReference } from './render/render-field-reference.js';
import { renderPackage } from './render/render-package.js';

const model = buildPackageModel({ mappingTables: loadMappingTables(), schema: loadSchemaTypes() });
const files = renderPackage(model);

for (const folder of GENERATED_FOLDERS)
  rmSync(path.join(METADATA_ROOT, folder), { recursive: true, force: true });
for (const [relative, contents] of files) {
  const target = path.join(METADATA_ROOT, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, contents);
}
const referenceFile = path.join(REFERENCE_DIR, 'package-fields.md');
// Formatted with the repository's Prettier settings, so `prettier --check` stays quiet after a regeneration.
const prettierOptions = (await prettier.resolveConfig(referenceFile)) ?? {};
writeFileSync(
  referenceFile,
  await prettier.format(renderFieldReference(model), { ...prettierOptions, filepath: referenceFile }),
);

const fieldCount = model.objects.reduce((sum, object) => sum + object.fields.length, 0);
console.log(
  `Wrote ${files.size} metadata files (${model.objects.length} objects, ${fieldCount} fields) under ${path.relative(process.cwd(), METADATA_ROOT)}`,
);
