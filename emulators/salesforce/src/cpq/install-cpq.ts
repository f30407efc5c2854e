import type { Faults } from '../http/faults.js';
import type { RecordStore } from '../store/record-store.js';
import { ChildIndex } from './child-index.js';
import { ContractingQueue } from './contracting-queue.js';
import { contractOrder } from './contract-order.js';
import { cpqAutomation } from './cpq-automation.js';
import { cpqObjects } from './cpq-objects.js';
import type { CpqRuntime } from './cpq-runtime.js';
import type { CpqScenarioOptions } from './scenario/scenario-options.js';

/** A Queueable runs within seconds in an org; tests and demos set their own delay. */
export const DEFAULT_CONTRACTING_DELAY_MS = 2000;

/** Wires CPQ's automation into the store and returns what the admin actions need. */
export function installCpq(
  store: RecordStore,
  faults: Faults,
  actingUserId: () => string,
  contractingDelayMs = DEFAULT_CONTRACTING_DELAY_MS,
  scenarioOptions: CpqScenarioOptions | null = null,
): CpqRuntime {
  const objects = cpqObjects(store.schema);
  const rt: CpqRuntime = {
    store,
    objects,
    faults,
    actingUserId,
    scenarioOptions,
    scenario: null,
    children: new ChildIndex(store, [
      [objects.orderItem, 'OrderId'],
      [objects.subscription, 'SBQQ__Contract__c'],
      [objects.subscription, 'SBQQ__OrderProduct__c'],
      [objects.pricebookEntry, 'Product2Id'],
      [objects.productConsumptionSchedule, 'ProductId'],
      [objects.consumptionRate, 'ConsumptionScheduleId'],
      [objects.itemRate, 'SBQQ__OrderItemConsumptionSchedule__c'],
    ]),
    queue: new ContractingQueue((orderId) => contractOrder(rt, orderId), contractingDelayMs),
  };
  store.automation = cpqAutomation(rt);
  return rt;
}
