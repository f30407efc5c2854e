import type { ObjectDef, Schema } from '../schema/schema-types.js';

// The objects CPQ automation reads and writes, looked up once per schema.

export interface CpqObjects {
  account: ObjectDef;
  contact: ObjectDef;
  opportunity: ObjectDef;
  product: ObjectDef;
  pricebook: ObjectDef;
  pricebookEntry: ObjectDef;
  contract: ObjectDef;
  order: ObjectDef;
  orderItem: ObjectDef;
  quote: ObjectDef;
  quoteLine: ObjectDef;
  subscription: ObjectDef;
  consumptionSchedule: ObjectDef;
  consumptionRate: ObjectDef;
  productConsumptionSchedule: ObjectDef;
  itemSchedule: ObjectDef;
  itemRate: ObjectDef;
}

const names: Record<keyof CpqObjects, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  product: 'Product2',
  pricebook: 'Pricebook2',
  pricebookEntry: 'PricebookEntry',
  contract: 'Contract',
  order: 'Order',
  orderItem: 'OrderItem',
  quote: 'SBQQ__Quote__c',
  quoteLine: 'SBQQ__QuoteLine__c',
  subscription: 'SBQQ__Subscription__c',
  consumptionSchedule: 'ConsumptionSchedule',
  consumptionRate: 'ConsumptionRate',
  productConsumptionSchedule: 'ProductConsumptionSchedule',
  itemSchedule: 'SBQQ__OrderItemConsumptionSchedule__c',
  itemRate: 'SBQQ__OrderItemConsumptionRate__c',
};

export function cpqObjects(schema: Schema): CpqObjects {
  const out = {} as Record<keyof CpqObjects, ObjectDef>;
  for (const [key, name] of Object.entries(names) as Array<[keyof CpqObjects, string]>) {
    const def = schema.byLower.get(name.toLowerCase());
    if (!def) throw new Error(`the CPQ data model needs ${name} in the schema`);
    out[key] = def;
  }
  return out;
}
