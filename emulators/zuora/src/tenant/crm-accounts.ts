// The Salesforce Account records the Salesforce emulator must hold so that every valid CrmId of the
// tenant points at an existing Account (seeded through its `seedRecords: { Account: [...] }` option).
import { accountName } from './account-bundle.js';
import { crmIdOf } from './crm-ids.js';
import type { GeneratedTenant } from './generate-tenant.js';

export interface CrmAccount {
  Id: string;
  Name: string;
}

export function crmAccountsFor(tenant: GeneratedTenant): CrmAccount[] {
  const seen = new Set<number>();
  const result: CrmAccount[] = [];
  for (let i = 0; i < tenant.options.accountCount; i += 1) {
    const crm = crmIdOf(tenant.options, i);
    if (crm.crmNumber === null || crm.value === null || seen.has(crm.crmNumber)) continue;
    seen.add(crm.crmNumber);
    result.push({ Id: crm.value, Name: accountName(tenant.options.seed, crm.crmNumber - 1) });
  }
  return result;
}
