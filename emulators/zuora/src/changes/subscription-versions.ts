// Amending a subscription creates a new version: a new Subscription Id with the same subscription number,
// Version + 1, OriginalId of version 1 and PreviousSubscriptionId of the version it replaces; the
// previous version becomes Expired and its rate plans and charges are copied to the new version.
// https://knowledgecenter.zuora.com/Billing/Subscriptions/Subscriptions/Subscription_versions
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';

export interface NewVersion {
  subscription: ZRecord;
  /** Old rate plan id -> new rate plan record. */
  ratePlans: Map<string, ZRecord>;
  /** Old charge id -> new charge record. */
  charges: Map<string, ZRecord>;
}

const strip = (r: ZRecord): Record<string, FieldValue> => {
  const { Id, CreatedDate, UpdatedDate, ...rest } = r;
  void Id;
  void CreatedDate;
  void UpdatedDate;
  return rest;
};

/** The latest version of a subscription number, in one entity (null: any entity). */
export function latestVersion(
  store: TenantStore,
  subscriptionNumber: string,
  entityId: string | null = null,
): ZRecord | undefined {
  let latest: ZRecord | undefined;
  for (const { record } of store.table('Subscription').withValue('Name', subscriptionNumber, entityId)) {
    if (
      record.Name === subscriptionNumber &&
      (latest === undefined || Number(record.Version) > Number(latest.Version))
    )
      latest = record;
  }
  return latest;
}

export function createSubscriptionVersion(
  store: TenantStore,
  previous: ZRecord,
  patch: Record<string, FieldValue>,
): NewVersion {
  const entityId = store.get('Subscription', previous.Id)?.entityId ?? store.defaultEntityId;
  const subscription = store.insert(
    'Subscription',
    {
      ...strip(previous),
      Version: Number(previous.Version) + 1,
      OriginalId: previous.OriginalId ?? previous.Id,
      PreviousSubscriptionId: previous.Id,
      ...patch,
    },
    entityId,
  );
  store.update('Subscription', previous.Id, { Status: 'Expired' });
  const ratePlans = new Map<string, ZRecord>();
  const charges = new Map<string, ZRecord>();
  const oldPlans = [...store.scan('RatePlan', null)].filter((s) => s.record.SubscriptionId === previous.Id);
  for (const plan of oldPlans) {
    const copy = store.insert(
      'RatePlan',
      { ...strip(plan.record), SubscriptionId: subscription.Id, AmendmentType: null },
      entityId,
    );
    ratePlans.set(plan.record.Id, copy);
  }
  for (const charge of [...store.scan('RatePlanCharge', null)].filter(
    (s) => s.record.SubscriptionId === previous.Id,
  )) {
    const plan = ratePlans.get(String(charge.record.RatePlanId));
    if (plan === undefined) continue;
    const copy = store.insert(
      'RatePlanCharge',
      {
        ...strip(charge.record),
        SubscriptionId: subscription.Id,
        RatePlanId: plan.Id,
        Version: subscription.Version ?? null,
      },
      entityId,
    );
    charges.set(charge.record.Id, copy);
    for (const tier of [...store.scan('RatePlanChargeTier', null)].filter(
      (t) => t.record.RatePlanChargeId === charge.record.Id,
    )) {
      store.insert(
        'RatePlanChargeTier',
        { ...strip(tier.record), SubscriptionId: subscription.Id, RatePlanChargeId: copy.Id },
        entityId,
      );
    }
  }
  return { subscription, ratePlans, charges };
}
