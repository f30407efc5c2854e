// Generates the package's objects, fields, tabs, list views, compact layouts, layouts, permission sets,
// app, settings and credentials from the vendored reference tables (docs/reference) and the model data
// in scripts/checks/model, for force-app and for the CPQ part (force-app-cpq).
// Run: npx tsx scripts/checks/generate-objects.ts
// It rewrites the folders it owns (GENERATED_FOLDERS, CPQ_GENERATED_FOLDERS) whole, so a field removed from
// the model goes away.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { buildPackageModel } from './model/build-package-model.js';
import { buildCpqModel } from './model/cpq-model.js';
import type { PackageModel } from './model/model-types.js';
import {
  CPQ_GENERATED_FOLDERS,
  CPQ_METADATA_ROOT,
  GENERATED_FOLDERS,
  METADATA_ROOT,
  REFERENCE_DIR,
} from './paths.js';
import { loadMappingTables, loadSchemaTypes } from './reference/load-reference.js';
import { renderCpqPackage } from './render/render-cpq-package.js';
import { renderFieldReference } from './render/render-field-reference.js';
import { renderPackage } from './render/render-package.js';

const model = buildPackageModel({ mappingTables: loadMappingTables(), schema: loadSchemaTypes() });
const cpqModel = buildCpqModel();

function write(root: string, folders: readonly string[], files: ReadonlyMap<string, string>): void {
  for (const folder of folders) rmSync(path.join(root, folder), { recursive: true, force: true });
  for (const [relative, contents] of files) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

async function writeReference(fileName: string, text: string): Promise<void> {
  const referenceFile = path.join(REFERENCE_DIR, fileName);
  // Formatted with the repository's Prettier settings, so `prettier --check` stays quiet after a regeneration.
  const prettierOptions = (await prettier.resolveConfig(referenceFile)) ?? {};
  writeFileSync(referenceFile, await prettier.format(text, { ...prettierOptions, filepath: referenceFile }));
}

const summary = (files: ReadonlyMap<string, string>, packageModel: PackageModel, root: string): string => {
  const fieldCount = packageModel.objects.reduce((sum, object) => sum + object.fields.length, 0);
  return `Wrote ${files.size} metadata files (${packageModel.objects.length} objects, ${fieldCount} fields) under ${path.relative(process.cwd(), root)}`;
};

const files = renderPackage(model);
write(METADATA_ROOT, GENERATED_FOLDERS, files);
await writeReference('package-fields.md', renderFieldReference(model));
const cpqFiles = renderCpqPackage(cpqModel, model);
write(CPQ_METADATA_ROOT, CPQ_GENERATED_FOLDERS, cpqFiles);
await writeReference(
  'cpq-package-fields.md',
  renderFieldReference(cpqModel, 'CPQ part: objects and fields (generated, force-app-cpq)'),
);
console.log(summary(files, model, METADATA_ROOT));
console.log(summary(cpqFiles, cpqModel, CPQ_METADATA_ROOT));
