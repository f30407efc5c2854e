// The maps of the MAPPING_PROFILE, checked at start. `default`: the package's maps over the package schema.
// `ZUORA360_COMPAT`: the maps renamed to Zuora 360's objects, checked against the org's describe of every
// object they write or look up (mapping/schema-check.ts); a missing object, field, key or lookup is one line
// each and the service refuses to start (exit 2), naming the field and the map.
import type jsforce from 'jsforce';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import type { MappingProfile } from '../config/mapping-profile-setting.js';
import { schemaFromDescribe } from '../mapping/describe-schema.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { formatSkipped, mapsForProfile } from '../mapping/mapping-profile.js';
import { objectMaps } from '../mapping/object-maps.js';
import type { SalesforceObjectSchema, SalesforceSchema } from '../mapping/salesforce-schema.js';
import { checkMapsAgainstSchema } from '../mapping/schema-check.js';
import { describeObjects } from '../salesforce/describe-objects.js';

export interface ProfileSchema {
  readonly maps: readonly ObjectMap[];
  readonly schema: SalesforceSchema;
}

/** Every object the maps write or reference (Account included: its lookups are checked too). */
export function objectsOf(maps: readonly ObjectMap[]): string[] {
  return [...new Set(maps.flatMap((m) => [m.salesforceObject, ...m.references.map((r) => r.target)]))];
}

export async function profileMaps(
  profile: MappingProfile,
  packageSchema: SalesforceSchema,
  conn: jsforce.Connection,
  logger?: Logger,
): Promise<ProfileSchema> {
  if (profile === 'default') return { maps: objectMaps, schema: packageSchema };
  const { maps, skipped } = mapsForProfile(profile);
  logger?.info(
    { profile, leftOut: formatSkipped(skipped).split('\n') },
    'the mapping profile leaves out what Zuora 360 does not have',
  );
  const described = await describeObjects(conn, objectsOf(maps));
  const schema = new Map<string, SalesforceObjectSchema>(packageSchema);
  for (const [name, object] of schemaFromDescribe(described.objects)) schema.set(name, object);
  const problems = [
    ...described.missing.map((o) => `${o}: not in the org (or not visible to the sync user)`),
    ...checkMapsAgainstSchema(schema, maps)
      .filter((i) => !described.missing.includes(i.object))
      .map((i) => `${i.object}.${i.field || '*'}: ${i.problem} (${i.detail}) [${i.pair}]`),
  ];
  if (problems.length > 0)
    throw new ConfigError(
      problems.map((message) => ({ name: 'MAPPING_PROFILE', message: `${profile}: ${message}` })),
    );
  return { maps, schema };
}
