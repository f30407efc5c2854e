import { makeSalesforceId } from '../../../shared/salesforce-id.js';
import { loadRecord } from '../store/load-record.js';
import type { CpqRuntime } from './cpq-runtime.js';
import { loadCpqScenario } from './scenario/load-cpq-scenario.js';

/** Every org has one standard price book; CPQ price book entries hang off it. */
export const STANDARD_PRICEBOOK_ID = makeSalesforceId('01s', 1);

/**
 * The CPQ part of an org's seeded state (after the store was cleared): no contracting in flight, the
 * standard price book, and the generated scenario when one is configured.
 */
export function seedCpqOrg(rt: CpqRuntime, userId: string): void {
  rt.queue.clear();
  rt.children.clear();
  rt.scenario = null;
  const now = rt.store.now();
  loadRecord(rt.store, rt.objects.pricebook, {
    Id: STANDARD_PRICEBOOK_ID,
    Name: 'Standard Price Book',
    IsActive: true,
    IsStandard: true,
    IsDeleted: false,
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    CreatedById: userId,
    LastModifiedById: userId,
  });
  if (rt.scenarioOptions) rt.scenario = loadCpqScenario(rt, rt.scenarioOptions);
}
