// A subscription as an order changes it, before anything is written: the fields of its next version and
// its rate plans and charges (copied from the current version, or new). Actions change this working
// copy; commit-order.ts writes it as one new version per subscription and order (the order's
// subscriptions carry a baseVersion and a newVersion).
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/ (subscriptions[].baseVersion/newVersion)
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { ChildIndex } from '../query/relations.js';

export type Fields = Record<string, FieldValue>;

export interface WorkingCharge {
  /** Id of the charge this one continues (previous version); undefined for a new charge. */
  sourceId?: string;
  fields: Fields;
  tiers: Fields[];
  uniqueToken?: string;
}

export interface WorkingRatePlan {
  sourceId?: string;
  fields: Fields;
  charges: WorkingCharge[];
  uniqueToken?: string;
  removed: boolean;
}

export interface PlannedAction {
  type: string;
  sequence: number;
  contractEffective: string;
  serviceActivation: string | null;
  customerAcceptance: string | null;
}

export interface WorkingSubscription {
  number: string;
  /** The current version before this order; undefined for a subscription the order creates. */
  previous?: ZRecord;
  fields: Fields;
  ratePlans: WorkingRatePlan[];
  actions: PlannedAction[];
  /** Set by the order's actions: the order is Pending (a required trigger date is missing). */
  pending: boolean;
}

const strip = ({ Id, CreatedDate, UpdatedDate, CreatedById, UpdatedById, ...rest }: ZRecord): Fields => {
  void [Id, CreatedDate, UpdatedDate, CreatedById, UpdatedById];
  return rest;
};

/** The working copy of an existing subscription's current version. */
export function loadSubscription(children: ChildIndex, current: ZRecord): WorkingSubscription {
  const ratePlans = children
    .children('RatePlan', 'SubscriptionId', current.Id)
    .map(({ record }): WorkingRatePlan => {
      const removed = record.AmendmentType === 'RemoveProduct';
      return {
        sourceId: record.Id,
        fields: { ...strip(record), AmendmentType: removed ? 'RemoveProduct' : null },
        removed,
        charges: children.children('RatePlanCharge', 'RatePlanId', record.Id).map(({ record: c }) => ({
          sourceId: c.Id,
          fields: strip(c),
          tiers: children
            .children('RatePlanChargeTier', 'RatePlanChargeId', c.Id)
            .map(({ record: t }) => strip(t)),
        })),
      };
    });
  return {
    number: String(current.Name),
    previous: current,
    fields: strip(current),
    ratePlans,
    actions: [],
    pending: false,
  };
}

export function activePlans(sub: WorkingSubscription): WorkingRatePlan[] {
  return sub.ratePlans.filter((p) => !p.removed);
}

export function allCharges(sub: WorkingSubscription): WorkingCharge[] {
  return sub.ratePlans.flatMap((p) => p.charges);
}
