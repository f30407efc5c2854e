// `zuora-sync package check-org`: logs in to the target org with the service's Salesforce connection settings
// and lists, one line each, every object, field, relationship name and Apex class or trigger of the package
// that already exists there with another definition. Exit 1 when there is any, 0 when the package can be
// deployed without overwriting anything, 2 when no org is configured.
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load-config.js';
import { connectSalesforce } from '../salesforce/connect.js';
import { findCollisions, formatCollision } from './compare-definitions.js';
import { readOrgDefinition } from './org-definition.js';
import { readPackageDefinition } from './package-definition.js';

export const defaultForceAppDir = fileURLToPath(new URL('../../../force-app', import.meta.url));

export interface CheckOrgOutput {
  write(text: string): void;
}

export async function runCheckOrg(config: Config, forceAppDir: string, out: CheckOrgOutput): Promise<number> {
  if (config.salesforce.kind !== 'real') {
    out.write(
      'check-org needs the target org: set SF_LOGIN_URL, SF_CLIENT_ID and SF_CLIENT_SECRET (and SF_USERNAME, SF_PASSWORD for the password flow)\n',
    );
    return 2;
  }
  const pkg = readPackageDefinition(forceAppDir);
  const conn = await connectSalesforce(config.salesforce);
  const org = await readOrgDefinition(conn, pkg);
  const collisions = findCollisions(pkg, org);
  for (const collision of collisions) out.write(`${formatCollision(collision)}\n`);
  const checked = `${String(pkg.objects.length)} objects, ${String(pkg.objects.reduce((n, o) => n + o.fields.length, 0))} fields, ${String(pkg.apex.length)} Apex classes and triggers`;
  out.write(
    collisions.length === 0
      ? `check-org: no collisions in ${conn.instanceUrl} (${checked} checked)\n`
      : `check-org: ${String(collisions.length)} collision(s) in ${conn.instanceUrl} (${checked} checked)\n`,
  );
  return collisions.length === 0 ? 0 : 1;
}
