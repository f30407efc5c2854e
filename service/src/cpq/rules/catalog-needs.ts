// Which Zuora rate plans an order uses (seed 004, "Product Catalog Verification"; reference §1.6): a
// non-usage order product the rate plan whose externally managed plan ids hold its Product2.Id; a usage
// order product one rate plan per order product consumption schedule, found through the product
// consumption schedule (ProductId + ConsumptionScheduleId) whose Id is the external id. A product without a
// Product Code is refused ("Invalid referenced products"), a schedule with no product consumption schedule
// too ("The Order Product Consumption Schedule could not be found.").
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import { isUsageItem } from './classify-items.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqOrderItem, CpqProduct2 } from './cpq-records.js';

export interface PlanNeed {
  readonly itemId: string;
  readonly productId: string;
  /** Product2.Id or ProductConsumptionSchedule.Id. */
  readonly externalId: string;
  /** The order product consumption schedule (usage), else null. */
  readonly itemScheduleId: string | null;
}

export interface CatalogNeeds {
  readonly needs: readonly PlanNeed[];
  /** The SKUs (Product Codes) of the order's products, by Product2.Id. */
  readonly skus: ReadonlyMap<string, string>;
}

function itemNeeds(bundle: CpqOrderBundle, item: CpqOrderItem): CpqResult<PlanNeed[]> {
  const base = { itemId: item.Id, productId: item.Product2Id };
  if (!isUsageItem(bundle, item)) return ok([{ ...base, externalId: item.Product2Id, itemScheduleId: null }]);
  const schedules = bundle.itemSchedules.filter((s) => s.SBQQ__OrderItem__c === item.Id);
  if (schedules.length === 0)
    return fail('CPQ-E005', `usage order product ${item.OrderItemNumber} has no consumption schedule`, {
      object: 'OrderItem',
      id: item.Id,
    });
  const needs: PlanNeed[] = [];
  for (const s of schedules) {
    const junction = bundle.productSchedules.find(
      (p) => p.ProductId === item.Product2Id && p.ConsumptionScheduleId === s.SBQQ__ConsumptionSchedule__c,
    );
    if (junction === undefined)
      return fail(
        'CPQ-E005',
        `schedule ${s.Name} of order product ${item.OrderItemNumber} is no longer linked to its product`,
        {
          object: 'SBQQ__OrderItemConsumptionSchedule__c',
          id: s.Id,
          field: 'SBQQ__ConsumptionSchedule__c',
        },
      );
    needs.push({ ...base, externalId: junction.Id, itemScheduleId: s.Id });
  }
  return ok(needs);
}

function productOf(bundle: CpqOrderBundle, item: CpqOrderItem): CpqResult<CpqProduct2> {
  const product = bundle.products.find((p) => p.Id === item.Product2Id);
  if (product === undefined || product.ProductCode === null || product.ProductCode.trim() === '')
    return fail(
      'CPQ-E001',
      `product ${product?.Name ?? item.Product2Id} of order product ${item.OrderItemNumber} has no Product Code`,
      {
        object: 'Product2',
        id: item.Product2Id,
        field: 'ProductCode',
      },
    );
  return ok(product);
}

export function catalogNeeds(bundle: CpqOrderBundle): CpqResult<CatalogNeeds> {
  const needs: PlanNeed[] = [];
  const skus = new Map<string, string>();
  for (const item of bundle.items) {
    const product = productOf(bundle, item);
    if (!product.ok) return product;
    skus.set(product.value.Id, (product.value.ProductCode ?? '').trim());
    const found = itemNeeds(bundle, item);
    if (!found.ok) return found;
    for (const n of found.value)
      if (!needs.some((m) => m.itemId === n.itemId && m.externalId === n.externalId)) needs.push(n);
  }
  return ok({ needs, skus });
}
