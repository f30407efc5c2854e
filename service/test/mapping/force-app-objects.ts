// The package's object metadata, read once per test file.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadForceAppSchema } from '../../src/mapping/force-app-schema.js';

export const objectsDir = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../force-app/main/default/objects',
);
export const forceAppSchema = loadForceAppSchema(objectsDir);
