// The doctor's field-map check: every field the maps write (custom field mappings included) exists in the
// org with a type its transform can write and is writable by the sync user, checked against a describe of
// each object the maps write; in the embedded default, against the package's own metadata.
import type { Config } from '../config/load-config.js';
import { schemaFromDescribe } from '../mapping/describe-schema.js';
import { forceAppObjectsDir, loadForceAppSchema } from '../mapping/force-app-schema.js';
import { formatSkipped, mapsForProfile } from '../mapping/mapping-profile.js';
import { objectMaps } from '../mapping/object-maps.js';
import { checkMapsAgainstSchema, formatSchemaIssues } from '../mapping/schema-check.js';
import { connectSalesforce } from '../salesforce/connect.js';
import { describeObjects } from '../salesforce/describe-objects.js';
import { syncMapsFor } from '../sessions/sync-maps.js';

export async function checkFieldMaps(config: Config): Promise<string> {
  const packageSchema = loadForceAppSchema(forceAppObjectsDir);
  if (config.salesforce.kind === 'emulator' && config.mappingProfile === 'default') {
    const issues = checkMapsAgainstSchema(packageSchema, objectMaps);
    if (issues.length > 0) throw new Error(formatSchemaIssues(issues));
    return `the package has every field the ${String(objectMaps.length)} field maps write (embedded emulator)`;
  }
  const { skipped } = mapsForProfile(config.mappingProfile);
  const leftOut =
    skipped.length === 0
      ? ''
      : `; ${config.mappingProfile} leaves out what Zuora 360 lacks:\n${formatSkipped(skipped)}`;
  if (config.salesforce.kind === 'emulator')
    return `${config.mappingProfile}: checked against the org at every start (the embedded emulator runs in the service)${leftOut}`;
  const conn = await connectSalesforce(config.salesforce);
  const { maps } = await syncMapsFor(config.customMappings, packageSchema, conn, config.mappingProfile);
  const objects = [...new Set(maps.map((m) => m.salesforceObject))];
  const described = await describeObjects(conn, objects);
  const issues = checkMapsAgainstSchema(schemaFromDescribe(described.objects), maps);
  if (issues.length > 0) throw new Error(formatSchemaIssues(issues));
  return `the org has every field the ${String(maps.length)} field maps write (${String(objects.length)} objects described)${leftOut}`;
}
