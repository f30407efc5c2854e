// CRM IDs of the synthetic tenant: account i points at Salesforce Account
// makeSalesforceId('001', TENANT_CRM_ACCOUNT_BASE + n). About 10% of accounts share the CRM account of the
// previous one (several billing accounts per CRM account, as Zuora allows). Decisions come from their own
// random stream per account, so the Salesforce side can be derived without generating any billing data.
// The record numbers sit in their own block, above any the Salesforce emulator generates, so an org that
// was not seeded with these Accounts (the CPQ scenario's own) never has an Account a tenant CRM ID names.
import {
  makeSalesforceId,
  TENANT_CRM_ACCOUNT_BASE,
  TENANT_MISSING_CRM_ACCOUNT_BASE,
} from '../../../shared/salesforce-id.js';
import { seededRandom } from './seeded-random.js';
import type { ResolvedTenantOptions } from './tenant-options.js';

export interface CrmDecision {
  /** The CrmId field value (null: no CRM account). */
  value: string | null;
  /** The CRM account's number among the tenant's (1-based; its Id's record number is TENANT_CRM_ACCOUNT_BASE + it). */
  crmNumber: number | null;
  invalid: null | 'malformed-crm-id' | 'crm-account-missing';
}

function draws(
  options: ResolvedTenantOptions,
  accountIndex: number,
): { has: boolean; share: boolean; bad: number } {
  const rng = seededRandom(options.seed, accountIndex, 0x0c4d);
  const has = rng.chance(options.crmShare);
  const share = rng.chance(0.1);
  const bad = rng.next();
  return { has, share, bad };
}

export function crmIdOf(options: ResolvedTenantOptions, accountIndex: number): CrmDecision {
  const own = draws(options, accountIndex);
  if (!own.has) return { value: null, crmNumber: null, invalid: null };
  // Half of the invalid share goes to CRM ID problems (the other half to out-of-range dates).
  if (own.bad < options.invalidShare / 4) {
    return { value: `CRM-${accountIndex + 1}`, crmNumber: null, invalid: 'malformed-crm-id' };
  }
  if (own.bad < options.invalidShare / 2) {
    // Well-formed, but no such Account exists in Salesforce (DACO-01 INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY).
    return {
      value: makeSalesforceId('001', TENANT_MISSING_CRM_ACCOUNT_BASE + accountIndex),
      crmNumber: null,
      invalid: 'crm-account-missing',
    };
  }
  let index = accountIndex;
  while (index > 0 && draws(options, index).share) {
    const previous = draws(options, index - 1);
    if (!previous.has || previous.bad < options.invalidShare / 2) break;
    index -= 1;
  }
  const crmNumber = index + 1;
  return { value: makeSalesforceId('001', TENANT_CRM_ACCOUNT_BASE + crmNumber), crmNumber, invalid: null };
}
