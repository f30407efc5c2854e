// Every Salesforce field the maps write must exist in force-app with a type the transform can
// write; upsert keys must be External IDs and references lookups to the right object. Runs against
// whatever object metadata is in the tree and names every missing or incompatible field.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { objectMaps } from '../../src/mapping/object-maps.js';
import { checkMapsAgainstSchema, formatSchemaIssues } from '../../src/mapping/schema-check.js';
import { forceAppSchema, objectsDir } from './force-app-objects.js';

describe('maps against force-app/main/default/objects', () => {
  it('finds the object metadata', () => {
    expect(existsSync(objectsDir), `${objectsDir} is missing`).toBe(true);
  });

  it('writes only fields that exist with compatible types', () => {
    const issues = checkMapsAgainstSchema(forceAppSchema, objectMaps);
    // Compared as text so a failure lists every issue, one per line.
    expect(formatSchemaIssues(issues)).toBe('');
  });
});
