// Whose catalog a Zuora product found by SKU is, when it lacks a rate plan the order needs (seed 004,
// "ProductSync"; reference §1.11 error 6). The sync's own: every rate plan of it carries an id of this
// Salesforce product (its Product2.Id or one of its product consumption schedules' Ids), as the rate plans
// the sync creates do; the missing plan is then added to it (a consumption schedule added to the product
// after its first sync, which Zuora's connector answers with an error). Kept in Zuora otherwise: a rate plan
// without such an id (edited, or made there) or with another product's ids is someone's catalog, and the
// order is refused (CPQ-E006) so that the id is written onto the right plan instead of a second plan made.
// A schedule replaced in Salesforce leaves the old plan with an id the product no longer has: refused too,
// as the troubleshooting page's fix (put the new Id on the rate plan) expects.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import type { CpqOrderBundle } from './cpq-records.js';

export interface FoundPlan {
  readonly id: string;
  readonly externallyManagedPlanIds: readonly string[];
  /** Whether it has a charge (one the sync created and a crash cut short has none). */
  readonly charged: boolean;
}

/** The ids a rate plan of this Salesforce product carries: its Product2.Id and its schedules' Ids. */
function ownIds(bundle: CpqOrderBundle, productId: string): Set<string> {
  const ids = new Set([productId]);
  for (const p of bundle.productSchedules) if (p.ProductId === productId) ids.add(p.Id);
  return ids;
}

/** Whether the sync may add rate plans to the product (its own), rather than refuse (kept in Zuora). */
export function isOwnProduct(
  bundle: CpqOrderBundle,
  productId: string,
  plans: readonly FoundPlan[],
): boolean {
  const ids = ownIds(bundle, productId);
  return plans.every((p) => p.externallyManagedPlanIds.some((id) => ids.has(id)));
}

/** A rate plan for `externalId` without its charge: the sync's create cut short, to be completed. */
export function unfinishedPlan(plans: readonly FoundPlan[], externalId: string): string | undefined {
  return plans.find((p) => !p.charged && p.externallyManagedPlanIds.includes(externalId))?.id;
}
