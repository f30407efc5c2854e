// The field maps every path syncs with: the maps of the MAPPING_PROFILE (profile-maps.ts) plus the admin's custom field mappings
// (CUSTOM_FIELD_MAPPINGS_FILE), checked at start against the package schema overlaid with the org's describe
// of the objects they write: an unknown object or field, a type the transform cannot write, or a read-only
// field is one line each, and the service refuses to start (exit 2).
import type jsforce from 'jsforce';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { forceAppObjectsDir, loadForceAppSchema } from '../mapping/force-app-schema.js';
import { ConfigError } from '../config/config-error.js';
import { customMappingsVariable, type CustomMappingsSetting } from '../config/custom-mappings-file.js';
import { CustomMappingRegistry } from '../mapping/custom-mapping-registry.js';
import { mappedObjects } from '../mapping/custom-mappings.js';
import { schemaFromDescribe } from '../mapping/describe-schema.js';
import type { ObjectMap } from '../mapping/field-map.js';
import type { MappingProfile } from '../config/mapping-profile-setting.js';
import { profileMaps } from './profile-maps.js';
import type { SalesforceObjectSchema, SalesforceSchema } from '../mapping/salesforce-schema.js';
import { describeObjects } from '../salesforce/describe-objects.js';

export interface SyncMaps {
  readonly maps: readonly ObjectMap[];
  /** The package schema, with the described objects as the org has them. */
  readonly schema: SalesforceSchema;
}

/** The package schema with each described object's fields laid over it (the org is the truth). */
function overlay(schema: SalesforceSchema, described: SalesforceSchema): SalesforceSchema {
  const merged = new Map<string, SalesforceObjectSchema>(schema);
  for (const [name, object] of described) {
    const base = schema.get(name)?.fields ?? new Map();
    merged.set(name, { name, fields: new Map([...base, ...object.fields]) });
  }
  return merged;
}

export async function syncMapsFor(
  setting: CustomMappingsSetting | undefined,
  packageSchema: SalesforceSchema,
  conn: jsforce.Connection,
  profile: MappingProfile = 'default',
  logger?: Logger,
): Promise<SyncMaps> {
  const base = await profileMaps(profile, packageSchema, conn, logger);
  if (setting === undefined) return base;
  const { schema } = base;
  const problem = (message: string) => ({
    name: customMappingsVariable,
    message: `${setting.file}: ${message}`,
  });
  const described = await describeObjects(conn, mappedObjects(setting.document));
  const merged = overlay(schema, schemaFromDescribe(described.objects));
  const registry = new CustomMappingRegistry(merged, base.maps);
  const result = registry.add(setting.document);
  const errors = [
    ...described.missing.map(
      (o) => `the Salesforce object ${o} is not in the org (or not visible to the sync user)`,
    ),
    ...(result.ok ? [] : result.errors),
  ];
  if (errors.length > 0) throw new ConfigError(errors.map(problem));
  return { maps: registry.maps(), schema: merged };
}

/** The maps of the configured profile and custom mappings over the package schema: the composition root's call. */
export function configuredSyncMaps(
  config: Pick<Config, 'customMappings' | 'mappingProfile'>,
  conn: jsforce.Connection,
  logger: Logger,
): Promise<SyncMaps> {
  const packageSchema = loadForceAppSchema(forceAppObjectsDir);
  return syncMapsFor(config.customMappings, packageSchema, conn, config.mappingProfile, logger);
}
