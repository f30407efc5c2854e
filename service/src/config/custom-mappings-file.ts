// CUSTOM_FIELD_MAPPINGS_FILE: the admin's custom field mappings, a JSON file read once at start. Here it is
// only read and parsed as JSON; what its entries say (objects, fields, transforms) is checked against the
// package schema and the org's describe when the service connects (sessions/sync-maps.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigProblem } from './config-error.js';

export interface CustomMappingsSetting {
  /** The file, resolved from the working directory. */
  readonly file: string;
  /** Its JSON: an array of entries, or `{ "mappings": [...] }`. */
  readonly document: unknown;
}

export const customMappingsVariable = 'CUSTOM_FIELD_MAPPINGS_FILE';

export function readCustomMappings(
  path: string | undefined,
  problems: ConfigProblem[],
): CustomMappingsSetting | undefined {
  if (path === undefined) return undefined;
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({
      name: customMappingsVariable,
      message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
    return undefined;
  }
  try {
    return { file, document: JSON.parse(text) as unknown };
  } catch (error) {
    problems.push({
      name: customMappingsVariable,
      message: `${file} is not JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}
