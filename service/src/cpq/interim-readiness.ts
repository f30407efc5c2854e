// INTERIM until cpq-rules' readiness.ts lands (then this file goes): an order waits, rather than fails,
// while a subscription-type order product has no SBQQ__Subscription__c yet (CPQ contracts asynchronously,
// reference 1.8 / [SF-blngauto]); it is retried by the poller once contracted.
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { cpqError, type CpqError } from './rules/cpq-errors.js';

function isSubscriptionItem(b: CpqOrderBundle, itemProductId: string, pricing: string | null): boolean {
  const product = b.products.find((p) => p.Id === itemProductId);
  if (product === undefined) return pricing !== null;
  return (
    product.SBQQ__SubscriptionType__c !== 'One-time' &&
    (product.SBQQ__ChargeType__c === 'Recurring' ||
      product.SBQQ__ChargeType__c === 'Usage' ||
      pricing !== null)
  );
}

/** The reason the order waits, or undefined when it can be sent. */
export function waitingReason(b: CpqOrderBundle): CpqError | undefined {
  const missing = b.items.find(
    (i) =>
      i.SBQQ__Subscription__c === null && isSubscriptionItem(b, i.Product2Id, i.SBQQ__SubscriptionPricing__c),
  );
  if (missing === undefined) return undefined;
  return cpqError('CPQ-E003', `order product ${missing.OrderItemNumber} is not contracted yet`, {
    object: 'OrderItem',
    id: missing.Id,
    field: 'SBQQ__Subscription__c',
  });
}
