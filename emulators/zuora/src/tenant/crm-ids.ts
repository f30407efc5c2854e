// CRM IDs of the synthetic tenant: account i points at Salesforce Account makeSalesforceId('001', n).
// About 10% of accounts share the CRM account of the previous one (several billing accounts per CRM
// account, as Zuora allows). Decisions come from their own random stream per account, so the
// Salesforce side can be derived without generating any billing data.
import { makeSalesforceId } from '../../../shared/salesforce-id.js';
import { seededRandom } from './seeded-random.js';
import type { ResolvedTenantOptions } from './tenant-options.js';

export interface CrmDecision {
  /** The CrmId field value (null: no CRM account). */
  value: string | null;
  /** Salesforce record number behind a valid value. */
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
      value: makeSalesforceId('001', 50_000_000 + accountIndex),
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
  return { value: makeSalesforceId('001', crmNumber), crmNumber, invalid: null };
}
