// Writes the Salesforce emulator's Zuora 360 org schema (emulators/salesforce/orgs/zuora360-org.json) from the
// vendored Zuora 360 mapping tables, namespaces kept. Run: npm run generate:zuora360-org
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { REPO_ROOT } from '../paths.js';
import { loadMappingTables, loadSchemaTypes } from '../reference/load-reference.js';
import { buildZuora360Org } from './zuora360-org-model.js';

export const ZUORA360_ORG_FILE = path.join(REPO_ROOT, 'emulators/salesforce/orgs/zuora360-org.json');

export async function renderZuora360Org(): Promise<string> {
  const org = buildZuora360Org(loadMappingTables(), loadSchemaTypes());
  const options = (await prettier.resolveConfig(ZUORA360_ORG_FILE)) ?? {};
  return prettier.format(JSON.stringify(org), { ...options, filepath: ZUORA360_ORG_FILE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const text = await renderZuora360Org();
  writeFileSync(ZUORA360_ORG_FILE, text);
  const org = JSON.parse(text) as { objects: { fields: unknown[] }[] };
  const fields = org.objects.reduce((n, o) => n + o.fields.length, 0);
  console.log(`Wrote ${org.objects.length} Zuora 360 objects (${fields} fields) to ${ZUORA360_ORG_FILE}`);
}
