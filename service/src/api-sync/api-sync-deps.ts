// The API-based engine's dependencies: the sync dependencies plus the governor of their Salesforce connection.
import { governorFor, type ApiBudgetSettings } from '../sessions/api-governor.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import type { ApiSyncDeps } from './api-sync-types.js';

export type { ApiBudgetSettings } from '../sessions/api-governor.js';

export function apiSyncDepsFor(deps: SyncDeps, settings?: ApiBudgetSettings): ApiSyncDeps {
  return { ...deps, governor: governorFor(deps, settings) };
}
