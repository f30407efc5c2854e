// Public API of the Zuora emulator.
export { startZuoraEmulator, type ZuoraEmulator } from './emulator/start-zuora-emulator.js';
export {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  type ZuoraEmulatorOptions,
  type ZuoraClientCredentials,
} from './emulator/options.js';
export { generateTenant, crmAccountsFor, accountsPerSize } from './tenant/index.js';
export type {
  GeneratedTenant,
  GenerateTenantOptions,
  TenantSize,
  CrmAccount,
  InvalidRow,
  BillingEntity,
} from './tenant/index.js';
export { applyBusinessEvent, type BusinessEventResult } from './changes/apply-business-event.js';
export { businessEventTypes, type BusinessEvent } from './changes/business-event.js';
export type { CalloutTargetInput } from './callouts/callout-target.js';
export { TenantStore, type RecordChange } from './store/tenant-store.js';
export { objectNames, objectFields, type ObjectName } from './model/object-definitions.js';
export { seedExternalPlans, type ExternalPlanSeed, type SeededPlan } from './catalog/seed-external-plans.js';
export { managedPlanSeeds, type ManagedPlan } from './catalog/managed-plan-seeds.js';
export type { BillingSettings } from './tenant/billing-settings.js';
