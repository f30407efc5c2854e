// What the sync knows of an order product already in Zuora, from the write-back on its OrderItem and
// SBQQ__Subscription__c (docs/cpq-order-sync-contract.md) and the Zuora subscription: keyed by the first
// order product of its lineage, which amendment and renewal lines name in SBQQ__RevisedOrderProduct__c.

export interface SyncedLine {
  /** The root OrderItem Id (the lineage's first order product). */
  readonly orderItemId: string;
  readonly subscriptionNumber: string;
  /** The Zuora subscription rate plan (any version). */
  readonly ratePlanId: string;
  readonly chargeNumber: string;
  /** Quantity and per-period list price now in Zuora. */
  readonly quantity: number;
  readonly price: number;
  /** The Orders API pricing variant of the charge, e.g. recurringPerUnit, usageVolume. */
  readonly pricingVariant: string;
  readonly invoiceOwnerAccountNumber: string;
  /** The subscription owner's account number, when Zuora answers it. */
  readonly subscriptionOwnerAccountNumber?: string;
}

export const isUsageLine = (line: SyncedLine): boolean => line.pricingVariant.startsWith('usage');
