export { generateTenant } from './generate-tenant.js';
export type { GeneratedTenant, BillingEntity, TenantRecord } from './generate-tenant.js';
export { crmAccountsFor } from './crm-accounts.js';
export type { CrmAccount } from './crm-accounts.js';
export type { InvalidRow, AccountBundle } from './account-bundle.js';
export { accountsPerSize, type GenerateTenantOptions, type TenantSize } from './tenant-options.js';
