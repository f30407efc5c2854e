// Account : PaymentTerm__c. Zuora accounts carry the payment term by name, so the name is the key
// the billing account and invoice lookups resolve on.
import { fieldRows, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const paymentTermToPaymentTerm: ObjectMap = {
  name: 'PaymentTerm:PaymentTerm__c',
  zuoraObject: 'PaymentTerm',
  salesforceObject: 'PaymentTerm__c',
  scope: 'accounts',
  source: referencePages.paymentTerm,
  externalId: { zuora: 'Name', salesforce: 'External_Id__c' },
  fields: fieldRows([['Name', 'Name']]),
  references: [],
};
