// Reads and parses the vendored reference files.

import { readFileSync } from 'node:fs';
import { MAPPING_FILES, SCHEMA_TYPES_FILE } from '../paths.js';
import { parseMappingTables, type MappingTable } from './mapping-tables.js';
import { parseSchemaTypes, type SchemaField } from './schema-types.js';

export function loadMappingTables(files: readonly string[] = MAPPING_FILES): MappingTable[] {
  return files.flatMap((file) => parseMappingTables(readFileSync(file, 'utf8')));
}

export function loadSchemaTypes(file: string = SCHEMA_TYPES_FILE): Map<string, Map<string, SchemaField>> {
  return parseSchemaTypes(readFileSync(file, 'utf8'));
}
