// Accounts and contacts of a CPQ order as SOQL returns them (reference §1.5): the order's account, its
// invoice and subscription owners, and the Bill To / Ship To contacts.

export interface CpqAccount {
  readonly Id: string;
  readonly Name: string;
  readonly CurrencyIsoCode: string | null;
  readonly ParentId: string | null;
  readonly OwnerId: string | null;
  readonly Description: string | null;
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
  readonly Zuora_Account_Number__c: string | null;
  readonly Zuora_Account_Id__c: string | null;
}

export interface CpqContact {
  readonly Id: string;
  readonly AccountId: string | null;
  readonly FirstName: string | null;
  readonly LastName: string;
  readonly Email: string | null;
  readonly Phone: string | null;
  readonly MobilePhone: string | null;
  readonly MailingStreet: string | null;
  readonly MailingCity: string | null;
  readonly MailingState: string | null;
  readonly MailingPostalCode: string | null;
  readonly MailingCountry: string | null;
}
