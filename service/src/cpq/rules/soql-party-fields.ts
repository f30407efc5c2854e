// SOQL fields of the order's accounts (the order's, its invoice and subscription owners) and contacts.
import type { CpqAccount, CpqContact } from './cpq-records.js';
import { address, type Fields } from './soql-field-list.js';

export const accountFields = [
  'Id',
  'Name',
  'CurrencyIsoCode',
  'ParentId',
  'OwnerId',
  'Description',
  ...address('Billing'),
  ...address('Shipping'),
  'Zuora_Account_Number__c',
  'Zuora_Account_Id__c',
] as const satisfies Fields<CpqAccount>;

export const contactFields = [
  'Id',
  'AccountId',
  'FirstName',
  'LastName',
  'Email',
  'Phone',
  'MobilePhone',
  ...address('Mailing'),
] as const satisfies Fields<CpqContact>;
