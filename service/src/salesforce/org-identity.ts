// The Id of the org a connection reaches: `SELECT Id FROM Organization` (one row, every user may read it).
// A sandbox refresh gives the sandbox a new organization Id, so this is what tells a refreshed sandbox (or
// credentials pointed at another org) from the org the service has been syncing.
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_organization.htm
// https://help.salesforce.com/s/articleView?id=sf.data_sandbox_refresh.htm
import type jsforce from 'jsforce';

export async function fetchOrgId(conn: jsforce.Connection): Promise<string> {
  const result = await conn.query<{ Id: string }>('SELECT Id FROM Organization');
  const id = result.records[0]?.Id;
  if (id === undefined) throw new Error('SELECT Id FROM Organization returned no row');
  return id;
}

/** 15- and 18-character forms of one Id compare equal. */
export function sameOrgId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
