// The describe of some sObjects (one REST call each), for checking what the sync will write against the org
// as it is: field types, sizes, and whether the sync user may create and update each field.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
import type jsforce from 'jsforce';

export type DescribedObject = Awaited<ReturnType<jsforce.Connection['describe']>>;

export interface Described {
  readonly objects: readonly DescribedObject[];
  /** Objects the org does not have (or the sync user cannot see). */
  readonly missing: readonly string[];
}

export async function describeObjects(
  conn: jsforce.Connection,
  names: readonly string[],
): Promise<Described> {
  const objects: DescribedObject[] = [];
  const missing: string[] = [];
  for (const name of names) {
    try {
      objects.push(await conn.describe(name));
    } catch (error) {
      const code = (error as { errorCode?: string }).errorCode ?? (error as Error).name;
      if (code !== 'NOT_FOUND') throw error;
      missing.push(name);
    }
  }
  return { objects, missing };
}
