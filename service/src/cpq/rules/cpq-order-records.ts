// The Order and its order products (OrderItem) as SOQL returns them, with the CPQ fields (reference §3.2,
// §3.3) and the write-back fields of the package (docs/cpq-order-sync-contract.md).

/** Dates are `yyyy-mm-dd`, date-times ISO 8601, as the REST API returns them. */
export type SfDate = string;

export interface CpqOrder {
  readonly Id: string;
  readonly OrderNumber: string;
  readonly AccountId: string;
  readonly Type: string | null;
  readonly StatusCode: string | null;
  readonly EffectiveDate: SfDate;
  readonly EndDate: SfDate | null;
  readonly ActivatedDate: string | null;
  readonly CustomerAuthorizedDate: SfDate | null;
  readonly CompanyAuthorizedDate: SfDate | null;
  readonly CurrencyIsoCode: string | null;
  readonly Description: string | null;
  readonly ContractId: string | null;
  readonly OpportunityId: string | null;
  readonly BillToContactId: string | null;
  readonly ShipToContactId: string | null;
  readonly BillingStreet: string | null;
  readonly BillingCity: string | null;
  readonly BillingState: string | null;
  readonly BillingPostalCode: string | null;
  readonly BillingCountry: string | null;
  readonly ShippingStreet: string | null;
  readonly ShippingCity: string | null;
  readonly ShippingState: string | null;
  readonly ShippingPostalCode: string | null;
  readonly ShippingCountry: string | null;
  readonly SBQQ__Quote__c: string | null;
  readonly SBQQ__Contracted__c: boolean | null;
  readonly SBQQ__PaymentTerm__c: string | null;
  readonly InvoiceOwner__c: string | null;
  readonly SubscriptionOwner__c: string | null;
  readonly LastModifiedDate: string;
  readonly SystemModstamp: string;
  readonly Zuora_Order_Number__c: string | null;
  readonly Zuora_Sync_Status__c: string | null;
}

/** `SBQQ__ContractAction__c` values CPQ writes on order products (reference §3.1). */
export type ContractAction = 'New' | 'Quantity Increase' | 'Quantity Decrease' | 'Cancel' | 'Renew';

export interface CpqOrderItem {
  readonly Id: string;
  readonly OrderId: string;
  readonly OrderItemNumber: string;
  readonly Product2Id: string;
  readonly PricebookEntryId: string | null;
  /** On amendments, the signed delta (reference §3.3). */
  readonly Quantity: number;
  readonly UnitPrice: number;
  readonly ListPrice: number | null;
  readonly ServiceDate: SfDate | null;
  readonly EndDate: SfDate | null;
  readonly Description: string | null;
  readonly CurrencyIsoCode: string | null;
  readonly SBQQ__ContractAction__c: string | null;
  /** The first order product of the lineage an amendment or renewal line revises. */
  readonly SBQQ__RevisedOrderProduct__c: string | null;
  readonly SBQQ__Subscription__c: string | null;
  readonly SBQQ__Contract__c: string | null;
  readonly SBQQ__Contracted__c: boolean | null;
  readonly SBQQ__ContractingMethod__c: string | null;
  readonly SBQQ__ChargeType__c: string | null;
  readonly SBQQ__BillingType__c: string | null;
  readonly SBQQ__BillingFrequency__c: string | null;
  readonly SBQQ__SubscriptionPricing__c: string | null;
  readonly SBQQ__SubscriptionType__c: string | null;
  readonly SBQQ__ProductSubscriptionType__c: string | null;
  readonly SBQQ__PricingMethod__c: string | null;
  readonly SBQQ__SubscriptionTerm__c: number | null;
  readonly SBQQ__TerminatedDate__c: SfDate | null;
  readonly SBQQ__SegmentKey__c: string | null;
  readonly Zuora_Subscription_Number__c: string | null;
  readonly Zuora_Rate_Plan_Id__c: string | null;
  readonly Zuora_Rate_Plan_Charge_Id__c: string | null;
  readonly Zuora_Order_Line_Item_Id__c: string | null;
}
