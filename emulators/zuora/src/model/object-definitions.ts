// The Zuora objects the emulator holds, with the fields of Zuora's object model that the connector
// reads (every Zuora-side field of shared/reference/zuora360-field-mappings.md and the Orders side of
// cpq-to-zuora-field-mappings.md). Field names follow the ZOQL / Data Source names, e.g.
// https://knowledgecenter.zuora.com/Zuora_Central_Platform/Reporting/D_Data_Sources_and_Exports
const common = 'Id CreatedDate UpdatedDate CreatedById UpdatedById';

const definitions = {
  Account: `${common} AccountNumber Name CrmId Status Currency Balance CreditBalance TotalInvoiceBalance
    UnappliedBalance Mrr BillCycleDay BcdSettingOption PaymentTerm AutoPay Batch AdditionalEmailAddresses
    AllowInvoiceEdit CommunicationProfileId CustomerServiceRepName SalesRepName DefaultPaymentMethodId
    InvoiceDeliveryPrefsEmail InvoiceDeliveryPrefsPrint InvoiceTemplateId LastInvoiceDate Notes ParentId
    PaymentGateway PurchaseOrderNumber TaxExemptCertificateID TaxExemptCertificateType TaxExemptDescription
    TaxExemptEffectiveDate TaxExemptExpirationDate TaxExemptIssuingJurisdiction TaxExemptStatus VATId
    BillToId SoldToId IsCrmIdChangeProcessed`,
  Contact: `${common} AccountId FirstName LastName NickName WorkEmail PersonalEmail WorkPhone HomePhone
    MobilePhone Fax Address1 Address2 City State County Country PostalCode TaxRegion Description OtherPhone
    OtherPhoneType crmId__c crmOrderId__c`,
  PaymentMethod: `${common} AccountId Type Active PaymentMethodStatus Name IsDefault AchAbaCode AchAccountName
    AchAccountNumberMask AchAccountType AchBankName BankBranchCode BankCheckDigit BankCity BankCode
    BankIdentificationNumber BankName BankPostalCode BankStreetName BankStreetNumber BankTransferAccountName
    BankTransferAccountNumber BankTransferAccountType BankTransferType BusinessIdentificationCode City Country
    CreditCardAddress1 CreditCardAddress2 CreditCardCity CreditCardCountry CreditCardExpirationMonth
    CreditCardExpirationYear CreditCardHolderName CreditCardMaskNumber CreditCardPostalCode CreditCardState
    CreditCardType DeviceSessionId Email ExistingMandate FirstName IBAN IPAddress LastFailedSaleTransactionDate
    LastName LastTransactionDateTime LastTransactionStatus MandateCreationDate MandateID MandateReceived
    MandateUpdateDate MaxConsecutivePaymentFailures NumConsecutiveFailures PaymentRetryWindow PaypalBaid
    PaypalEmail PaypalPreapprovalKey PaypalType Phone PostalCode SecondTokenId State StreetName StreetNumber
    TokenId TotalNumberOfErrorPayments TotalNumberOfProcessedPayments UseDefaultRetryRule BankTransferAccountNumberMask`,
  PaymentTerm: `${common} Name Type DueDays Active IsDefault Description`,
  UnitOfMeasure: `${common} UomName DisplayedAs DecimalPlaces RoundingMode Active`,
  Subscription: `${common} AccountId InvoiceOwnerId Name SubscriptionNumber Status Version OriginalId
    PreviousSubscriptionId OriginalCreatedDate AutoRenew CancelledDate ContractAcceptanceDate
    ContractEffectiveDate ServiceActivationDate SubscriptionStartDate SubscriptionEndDate TermStartDate
    TermEndDate TermType InitialTerm InitialTermPeriodType CurrentTerm CurrentTermPeriodType RenewalTerm
    RenewalTermPeriodType Notes Currency Mrr Tcv NextChargeDate OpportunityCloseDate__QT OpportunityName__QT
    QuoteBusinessType__QT QuoteNumber__QT QuoteType__QT RenewalSetting PaymentTerm InvoiceGroupNumber
    BillToContactId SoldToContactId SFDC_Contract__c`,
  RatePlan: `${common} AccountId SubscriptionId ProductRatePlanId Name AmendmentId
    AmendmentSubscriptionRatePlanId AmendmentType ExternallyManagedPlanId OriginalRatePlanId`,
  RatePlanCharge: `${common} AccountId SubscriptionId RatePlanId ProductRatePlanChargeId OriginalId Name
    ChargeNumber ChargeModel ChargeType AccountingCode ApplyDiscountTo BillCycleDay BillCycleType BillingPeriod
    BillingPeriodAlignment BillingTiming ChargedThroughDate Description DiscountAmount DiscountLevel
    DiscountPercentage DMRC DTCV EffectiveStartDate EffectiveEndDate EndDateCondition IncludedUnits
    IsLastSegment ListPriceBase MRR NumberOfPeriods OverageCalculationOption OveragePrice
    OverageUnusedUnitsCreditOption Price PriceChangeOption PriceIncreasePercentage ProcessedThroughDate Quantity
    RevRecCode RevRecTriggerCondition Segment SpecificBillingPeriod SpecificEndDate TCV TriggerDate
    TriggerEvent UOM UnusedUnitsCreditRates UpToPeriods UpToPeriodsType UsageRecordRatingOption
    UseDiscountSpecificAccountingCode Version WeeklyBillCycleDay BillingPeriodStartDay ComplexTotal
    SpecificListPriceBase RatingGroup`,
  RatePlanChargeTier: `${common} AccountId SubscriptionId RatePlanChargeId Currency DiscountAmount
    DiscountPercentage StartingUnit EndingUnit IncludedUnits OveragePrice Price PriceFormat Tier`,
  Invoice: `${common} AccountId InvoiceNumber InvoiceDate DueDate TargetDate PostedDate PostedBy Status Amount
    AmountWithoutTax TaxAmount TaxExemptAmount Balance PaymentAmount RefundAmount AdjustmentAmount
    CreditBalanceAdjustmentAmount Comments PaymentTerm BillToContactId SoldToContactId`,
  InvoiceItem: `${common} AccountId InvoiceId SubscriptionId RatePlanChargeId AccountingCode
    AppliedToInvoiceItemId ChargeAmount ChargeDate ChargeName ProcessingType Quantity RevRecStartDate
    ServiceStartDate ServiceEndDate SKU TaxAmount TaxCode TaxExemptAmount TaxMode UnitPrice UOM Balance`,
  TaxationItem: `${common} AccountId InvoiceId InvoiceItemId AccountingCode ExemptAmount Jurisdiction
    LocationCode Name TaxAmount TaxCode TaxCodeDescription TaxDate TaxRate TaxRateDescription TaxRateType`,
  Payment: `${common} AccountId PaymentNumber Amount AppliedAmount AppliedCreditBalanceAmount
    AppliedInvoiceAmount AuthTransactionId BankIdentificationNumber CancelledOn Comment Currency EffectiveDate
    GatewayOrderId GatewayResponse GatewayResponseCode GatewayState InvoiceId InvoiceNumber
    MarkedForSubmissionOn PaymentMethodId ReferenceId RefundAmount SecondPaymentReferenceId SettledOn
    SoftDescriptor SoftDescriptorPhone Status SubmittedOn TransferredToAccounting Type UnappliedAmount
    AccountingCode`,
  InvoicePayment: `${common} AccountId InvoiceId PaymentId Amount RefundAmount`,
  Refund: `${common} AccountId RefundNumber Amount AccountingCode Comment GatewayResponse GatewayResponseCode
    PaymentId PaymentMethodId ReasonCode ReferenceID RefundDate MethodType RefundTransactionTime SoftDescriptor
    SoftDescriptorPhone SourceType Status TransferredToAccounting Type`,
  RefundInvoicePayment: `${common} AccountId RefundId InvoicePaymentId RefundAmount`,
  CreditMemo: `${common} AccountId MemoNumber MemoDate AppliedAmount Balance CancelledById CancelledOn Comments
    DiscountAmount ExchangeRateDate InvoiceId PostedById PostedOn ReasonCode RefundAmount Source Status
    TargetDate TaxAmount TotalAmount TotalAmountWithoutTax TotalTaxExemptAmount TransferredToAccounting`,
  CreditMemoItem: `${common} AccountId CreditMemoId InvoiceItemId Amount AmountWithoutTax AppliedToOthersAmount
    BeAppliedByOthersAmount ChargeDate Description ProcessingType Quantity ServiceStartDate ServiceEndDate SKU
    TaxAmount TaxCode TaxExemptAmount TaxMode UnitOfMeasure UnitPrice`,
  CreditMemoPart: `${common} AccountId CreditMemoId DebitMemoId InvoiceId Amount`,
  DebitMemo: `${common} AccountId MemoNumber MemoDate DueDate Balance CancelledById CancelledOn Comments
    DiscountAmount ExchangeRateDate InvoiceId PostedById PostedOn ReasonCode Source Status TargetDate TaxAmount
    TotalAmount TotalAmountWithoutTax TotalTaxExemptAmount TransferredToAccounting`,
  DebitMemoItem: `${common} AccountId DebitMemoId InvoiceItemId Amount AmountWithoutTax AppliedToOthersAmount
    BeAppliedByOthersAmount ChargeDate Description ProcessingType Quantity ServiceStartDate ServiceEndDate SKU
    TaxAmount TaxCode TaxExemptAmount TaxMode UnitOfMeasure UnitPrice ChargeName`,
  PaymentPart: `${common} AccountId PaymentId DebitMemoId InvoiceId Amount`,
  RefundPart: `${common} AccountId RefundId CreditMemoId PaymentId RefundAmount`,
  Product: `${common} Name SKU ProductNumber Category Description EffectiveStartDate EffectiveEndDate AllowFeatureChanges Deleted`,
  ProductRatePlan: `${common} ProductId Name Description EffectiveStartDate EffectiveEndDate ActiveCurrencies
    ExternallyManagedPlanIds ExternalIdSourceSystem ProductRatePlanNumber Grade Deleted`,
  ProductRatePlanCharge: `${common} ProductRatePlanId Name AccountingCode ApplyDiscountTo BillCycleDay
    BillCycleType BillingPeriod BillingPeriodAlignment BillingTiming ChargeModel ChargeType DefaultQuantity
    DeferredRevenueAccount Description DiscountClass DiscountLevel EndDateCondition IncludedUnits ListPriceBase
    MaxQuantity MinQuantity NumberOfPeriod OverageCalculationOption OverageUnusedUnitsCreditOption
    PrepayPeriods PriceChangeOption PriceIncreasePercentage RatingGroup RecognizedRevenueAccount RevRecCode
    RevRecTriggerCondition RevenueRecognitionRuleName SmoothingModel SpecificBillingPeriod Taxable TaxCode
    TaxMode TriggerEvent UOM UpToPeriods UpToPeriodsType UsageRecordRatingOption
    UseDiscountSpecificAccountingCode UseTenantDefaultForPriceChange WeeklyBillCycleDay Deleted Price`,
  ProductRatePlanChargeTier: `${common} ProductRatePlanChargeId Currency Price StartingUnit EndingUnit Tier
    PriceFormat DiscountAmount DiscountPercentage IsOveragePrice Active`,
  Feature: `${common} Name FeatureCode Description Status Deleted`,
  ProductFeature: `${common} ProductId FeatureId Deleted`,
  SubscriptionProductFeature: `${common} AccountId SubscriptionId RatePlanId FeatureId Name FeatureCode
    Description`,
  Order: `${common} AccountId OrderNumber OrderDate Status Description Category Currency`,
  OrderLineItem: `${common} AccountId OrderId ItemNumber ItemName ItemType ItemCategory ItemState Quantity
    ListPricePerUnit AmountPerUnit ListPrice Amount ProductRatePlanChargeId ProductCode TransactionDate
    TransactionStartDate TransactionEndDate BillTargetDate PurchaseOrderNumber BillToId SoldToId OwnerAccountId
    InvoiceOwnerAccountId RelatedSubscriptionNumber InvoiceGroupNumber UOM Currency Description`,
  // Appended last: object codes in generated ids follow this list's order.
  OrderAction: `${common} OrderId Type Sequence SubscriptionId SubscriptionNumber SubscriptionVersionAmendmentId
    ContractEffectiveDate ServiceActivationDate CustomerAcceptanceDate`,
} as const;

export type ObjectName = keyof typeof definitions;

export const objectNames = Object.keys(definitions) as ObjectName[];

export const objectFields: Readonly<Record<ObjectName, readonly string[]>> = Object.fromEntries(
  objectNames.map((name) => [name, definitions[name].split(/\s+/).filter((f) => f.length > 0)]),
) as unknown as Record<ObjectName, readonly string[]>;

const lowerNames = new Map(objectNames.map((n) => [n.toLowerCase(), n]));

/** Zuora object names are case-insensitive in ZOQL. */
export function resolveObjectName(name: string): ObjectName | undefined {
  return lowerNames.get(name.toLowerCase());
}

const fieldIndex = new Map(
  objectNames.map((n) => [n, new Map(objectFields[n].map((f) => [f.toLowerCase(), f]))] as const),
);

/** The canonical spelling of a field (ZOQL field names are case-insensitive). */
export function resolveFieldName(object: ObjectName, field: string): string | undefined {
  return fieldIndex.get(object)?.get(field.toLowerCase());
}

/** Objects that hang off a billing account (carry AccountId); the rest are tenant-level (catalog, terms). */
export function isAccountScoped(object: ObjectName): boolean {
  return object === 'Account' || objectFields[object].includes('AccountId');
}

/** kebab-case path segment: RatePlanCharge -> rate-plan-charge. */
export function kebabName(object: ObjectName): string {
  return object.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
