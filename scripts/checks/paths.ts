// Where the package's sources and the vendored reference tables live, from the repository root.

import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FORCE_APP = path.join(REPO_ROOT, 'force-app');
export const METADATA_ROOT = path.join(FORCE_APP, 'main', 'default');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'docs', 'reference');
/** The CPQ part: a second package directory, deployed only to orgs with Salesforce CPQ and Orders. */
export const CPQ_FORCE_APP = path.join(REPO_ROOT, 'force-app-cpq');
export const CPQ_METADATA_ROOT = path.join(CPQ_FORCE_APP, 'main', 'default');

/** The mapping tables the package implements: Zuora 360's, plus the catalog tables only seed 003 has. */
export const MAPPING_FILES = ['zuora360-field-mappings.md', 'product-catalog-field-mappings.md'].map((name) =>
  path.join(REFERENCE_DIR, name),
);
export const SCHEMA_TYPES_FILE = path.join(REFERENCE_DIR, 'zuora360-schema-types.md');

/** Metadata folders the generator owns: it rewrites them whole. */
export const GENERATED_FOLDERS = [
  'objects',
  'tabs',
  'layouts',
  'permissionsets',
  'applications',
  'customMetadata',
  'namedCredentials',
  'externalCredentials',
];

/** Metadata folders of force-app-cpq the generator owns (its classes, LWC and quick actions are hand-written). */
export const CPQ_GENERATED_FOLDERS = ['objects', 'tabs', 'layouts', 'permissionsets'];
