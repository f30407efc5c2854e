import type { ObjectDef } from '../schema/schema-types.js';
import type { StoreAutomation } from '../store/store-automation.js';
import type { AutomationRule } from './automation-rule.js';
import type { CpqRuntime } from './cpq-runtime.js';
import {
  consumptionRateRule,
  contactRule,
  contractRule,
  itemRateRule,
  opportunityRule,
  pricebookEntryRule,
  quoteLineRule,
  subscriptionRule,
} from './derived-field-rules.js';
import { orderItemRule } from './order-item-rules.js';
import { orderRule } from './order-rules.js';

const rules: AutomationRule[] = [
  orderRule,
  orderItemRule,
  contractRule,
  subscriptionRule,
  opportunityRule,
  pricebookEntryRule,
  contactRule,
  quoteLineRule,
  itemRateRule,
  consumptionRateRule,
];

/** The org's automation as a store hook: one rule per object, found by object name. */
export function cpqAutomation(rt: CpqRuntime): StoreAutomation {
  const byObject = new Map<string, AutomationRule>(rules.map((r) => [rt.objects[r.object].name, r]));
  const ruleOf = (def: ObjectDef) => byObject.get(def.name);
  return {
    beforeSave: (def, next, current) => ruleOf(def)?.beforeSave?.(rt, next, current) ?? null,
    afterSave: (def, saved, previous) => {
      rt.children.onSave(def, saved);
      ruleOf(def)?.afterSave?.(rt, saved, previous);
    },
    afterDelete: (def, removed) => ruleOf(def)?.afterDelete?.(rt, removed),
    watches: (def) => byObject.has(def.name) || rt.children.watches(def),
  };
}
