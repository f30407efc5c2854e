// SBQQ__Subscription__c as SOQL returns it (reference §3.4): one row per subscription line, and on
// amendments one delta row per change, linked to the lineage's root by SBQQ__RevisedSubscription__c.
import type { SfDate } from './cpq-order-records.js';

export interface CpqSubscription {
  readonly Id: string;
  /** SUB-0000115: the Zuora subscription number (reference §1.5). */
  readonly Name: string;
  readonly SBQQ__Account__c: string | null;
  readonly SBQQ__Contract__c: string | null;
  readonly SBQQ__Product__c: string | null;
  readonly SBQQ__OrderProduct__c: string | null;
  readonly SBQQ__Quantity__c: number;
  readonly SBQQ__NetPrice__c: number | null;
  readonly SBQQ__ListPrice__c: number | null;
  readonly SBQQ__SubscriptionStartDate__c: SfDate | null;
  readonly SBQQ__SubscriptionEndDate__c: SfDate | null;
  readonly SBQQ__TerminatedDate__c: SfDate | null;
  readonly SBQQ__RevisedSubscription__c: string | null;
  readonly SBQQ__RootId__c: string | null;
  readonly SBQQ__SubscriptionType__c: string | null;
  readonly SBQQ__ProductSubscriptionType__c: string | null;
  readonly SBQQ__BillingFrequency__c: string | null;
  readonly SBQQ__BillingType__c: string | null;
  readonly SBQQ__ChargeType__c: string | null;
  readonly SBQQ__PricingMethod__c: string | null;
  readonly SBQQ__HasConsumptionSchedule__c: boolean | null;
  readonly CurrencyIsoCode: string | null;
  readonly Zuora_Subscription_Number__c: string | null;
  readonly Zuora_Rate_Plan_Id__c: string | null;
  readonly Zuora_Rate_Plan_Charge_Id__c: string | null;
  /** Extra fields the price override setting or custom mappings name, read by the engine as well. */
  readonly [custom: `${string}__c`]: unknown;
}
