// The parts of a Zuora "Create an order" body (POST /v1/async/orders) the CPQ sync sends, typed as the
// Orders API names them (reference §2.2, §2.3).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import type { TriggerDate } from './trigger-dates.js';
import type { ZuoraTier } from './usage-tiers.js';
import type { OrderLineItem } from './zuora-order-line-item.js';

export type { OrderLineItem } from './zuora-order-line-item.js';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

export interface ChargeOverride {
  readonly productRatePlanChargeId: string;
  readonly chargeNumber?: string;
  readonly pricing?: Readonly<
    Record<string, Readonly<Record<string, Json | readonly ZuoraTier[] | undefined>>>
  >;
  readonly billing?: { readonly billingPeriod?: string; readonly billCycleType?: string };
  readonly customFields?: Readonly<Record<string, string | number | boolean>>;
}

export interface RatePlanOverride {
  readonly productRatePlanId: string;
  readonly externallyManagedPlanId: string;
  readonly chargeOverrides: readonly ChargeOverride[];
  readonly customFields?: Readonly<Record<string, string | number | boolean>>;
}

export interface Terms {
  readonly initialTerm: {
    readonly startDate: string;
    readonly termType: 'TERMED' | 'EVERGREEN';
    readonly period?: number;
    readonly periodType?: 'Month' | 'Day';
  };
  readonly renewalSetting?: 'RENEW_WITH_SPECIFIC_TERM';
  readonly renewalTerms?: readonly { readonly period: number; readonly periodType: 'Month' | 'Day' }[];
}

export interface OrderAction {
  readonly type: string;
  readonly triggerDates?: readonly TriggerDate[];
  readonly [action: string]: unknown;
}

export interface OrderSubscription {
  readonly subscriptionNumber?: string;
  readonly orderActions: readonly OrderAction[];
  readonly customFields?: Readonly<Record<string, string | number | boolean>>;
  readonly quote?: Readonly<Record<string, string>>;
}

export interface CreateOrderBody {
  readonly orderNumber: string;
  readonly orderDate: string;
  readonly existingAccountNumber: string;
  readonly description?: string;
  readonly customFields?: Readonly<Record<string, string | number | boolean>>;
  readonly subscriptions: readonly OrderSubscription[];
  readonly orderLineItems: readonly OrderLineItem[];
}
