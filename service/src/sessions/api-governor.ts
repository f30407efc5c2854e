// One API budget governor per Salesforce connection, shared by every API-based writer of the process
// (on-demand, real-time and the Composite loads of small Turbo sessions), so they slow and stop together.
// When usage reaches the stop mark the governor warns once in the log and once in Salesforce: a
// Sync_History__c record whose Sync_Error__c says so.
import { randomUUID } from 'node:crypto';
import { ApiBudgetGovernor, type ApiBudgetOptions, type ApiUsageReading } from '../salesforce/api-budget.js';
import type { SyncDeps } from './sync-deps.js';

const governors = new WeakMap<object, ApiBudgetGovernor>();

export interface ApiBudgetSettings {
  readonly slowAtPercent: number;
  readonly stopAtPercent: number;
  readonly maxDelayMs?: number;
  readonly probeIntervalMs?: number;
}

/** The process-wide governor of the deps' Salesforce connection (made with `settings` the first time). */
export function governorFor(deps: SyncDeps, settings?: ApiBudgetSettings): ApiBudgetGovernor {
  let governor = governors.get(deps.salesforce);
  if (governor === undefined) {
    const options: ApiBudgetOptions = {
      ...(settings ?? {}),
      logger: deps.logger,
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
      probe: () => deps.salesforce.request(`/services/data/v${deps.salesforce.version}/limits`),
      onStop: (usage, caller) => {
        void writeBudgetWarning(deps, usage, caller, settings?.stopAtPercent ?? 90).catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'could not record the API budget warning in Sync_History__c'),
        );
      },
    };
    governor = new ApiBudgetGovernor(deps.salesforce, options);
    governors.set(deps.salesforce, governor);
  }
  return governor;
}

async function writeBudgetWarning(
  deps: SyncDeps,
  usage: ApiUsageReading,
  caller: string,
  stopAtPercent: number,
): Promise<void> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  await deps.salesforce.sobject('Sync_History__c').upsert(
    {
      Session_Id__c: randomUUID(),
      Sync_Type__c: caller === 'real-time' ? 'Real-time' : 'On-demand',
      Scope__c: 'Accounts & Related Objects',
      Status__c: 'Failure',
      Is_Success__c: false,
      Sync_On__c: now,
      Finished_On__c: now,
      Sync_By__c: 'zuora-salesforce-sync',
      Zuora_Hostname__c: deps.zuoraHost ?? '',
      Sync_Error__c: `Salesforce API usage reached ${String(stopAtPercent)}% of the daily allocation (${String(usage.used)} of ${String(usage.limit)} requests): API-based writes (on-demand, real-time) are stopped until usage falls; Turbo Sync is not affected.`,
    },
    'Session_Id__c',
  );
}
