// Zuora's documentation pages each map follows (also reproduced in shared/reference/zuora360-field-mappings.md).
// Zuora field API names come from the SOAP/ZOQL object reference and the Data Source exports:
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference
// https://docs.zuora.com/en-us/zuora-platform/data/zuora-reporting/data-sources-and-exports/data-source-reference/account-data-source
const z360 =
  'https://docs.zuora.com/en/zuora-platform/integration/integration-hub/zuora-360-and-zuora-360/zuora-360-overview';
const accounts = `${z360}/sync-field-mapping-of-account-and-related-objects-for-zuora-360`;
const subscriptions = `${z360}/sync-field-mapping-of-subscription-and-related-objects-for-zuora-360`;
const catalog = `${z360}/sync-field-mapping-of-product-catalog-and-related-objects-for-zuora-360`;

export const referencePages = {
  customerAccount: `${accounts}/account-zuora__customeraccount__c`,
  contactOnAccount: `${accounts}/contact-zuora__customeraccount__c`,
  paymentMethodOnAccount: `${accounts}/payment-method-zuora__customeraccount__c`,
  paymentTerm: `${accounts}/account-zuora__paymentterm__c`,
  creditMemo: `${accounts}/credit-memo-zuora__creditmemo__c-account`,
  creditMemoItem: `${accounts}/credit-memo-item-zuora__creditmemoitem__c-account`,
  creditMemoPart: `${accounts}/credit-memo-part-zuora__creditmemopart__c-account`,
  debitMemo: `${accounts}/debit-memo-zuora__debitmemo__c-account`,
  debitMemoItem: `${accounts}/debit-memo-item-zuora__debitmemoitem__c-account`,
  invoice: `${accounts}/invoice-zuora__zinvoice__c`,
  invoiceItem: `${accounts}/invoice-item-zuora__invoiceitem__c`,
  invoicePayment: `${accounts}/invoice-payment-zuora__paymentinvoice__c`,
  paymentMethod: `${accounts}/payment-method-zuora__paymentmethod__c`,
  paymentPart: `${accounts}/payment-part-zuora__paymentpart__c`,
  payment: `${accounts}/payment-zuora__payment__c`,
  refundInvoicePayment: `${accounts}/refund-invoice-payment-zuora__refundinvoicepayment__c`,
  refundPart: `${accounts}/refund-part-zuora__refundpart__c`,
  refund: `${accounts}/refund-zuora__refund__c`,
  taxationItem: `${accounts}/taxation-item-zuora__taxationitem__c`,
  subscriptionProductFeature: `${accounts}/account-zuora__subscriptionproductfeature__c`,
  subscription: `${subscriptions}/subscription--zuora__subscription__c`,
  subscriptionHistory: `${subscriptions}/subscription--zuora__subscriptionhistory__c`,
  ratePlan: `${subscriptions}/rate-plan--zuora__subscriptionrateplan__c`,
  ratePlanHistory: `${subscriptions}/rate-plan--zuora__subscriptionrateplanhistory__c`,
  ratePlanCharge: `${subscriptions}/rate-plan-chargezuora__subscriptionproductcharge__c`,
  ratePlanChargeHistory: `${subscriptions}/rate-plan-charge--zuora__subscriptionproductchargehistory__c`,
  ratePlanChargeTierHistory: `${subscriptions}/rate-plan-charge-tier--zuora__subscriptionchargetierhistory__c`,
  unitOfMeasure: `${subscriptions}/rate-plan-charge--zuora__unitofmeasure__c`,
  productOnCharge: `${subscriptions}/product--zuora__subscriptionproductcharge__c`,
  productRatePlanOnCharge: `${subscriptions}/product-rate-plan--zuora__subscriptionproductcharge__c`,
  product: `${catalog}/product--zuora__product__c`,
  feature: `${catalog}/feature--zqu__zfeature__c`,
  productFeature: `${catalog}/productfeature--zqu__zproductfeature__c`,
  productRatePlan: `${catalog}/productrateplan--zqu__productrateplan__c`,
  productRatePlanCharge: `${catalog}/productrateplancharge--zqu__productrateplancharge__c`,
  // Seed 003: "Sync Field Mapping of Product Catalog Related Objects for Zuora 360" (Product : Product2,
  // ProductRatePlanChargeTier, Feature, ProductFeature tables).
  catalogSeed:
    'https://knowledgecenter.zuora.com/CRM_Integrations/Zuora_360/Zuora_360_Field_Mappings/Sync_Field_Mapping_of_Product_Catalog_Related_Objects',
} as const;
