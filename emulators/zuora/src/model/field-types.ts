// The data type of every field the emulator holds, as Zuora's describe names them (text, boolean, integer,
// decimal, date, datetime): https://developer.zuora.com/v1-api-reference/api/operation/GET_Describe/
// Queries check literals against them (an impossible date is refused) and describe reports them. A test
// checks that the generated tenant's values agree with these types.
import { objectFields, type ObjectName } from './object-definitions.js';

export type FieldType = 'text' | 'boolean' | 'integer' | 'decimal' | 'date' | 'datetime';

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter((w) => w !== ''));

/** Date-times by name; every other field ending in Date is a calendar date. */
const datetimeNames =
  words(`CreatedDate UpdatedDate OriginalCreatedDate PostedDate SettledOn SubmittedOn CancelledOn
  PostedOn MarkedForSubmissionOn RefundTransactionTime LastTransactionDateTime LastFailedSaleTransactionDate
  MandateCreationDate MandateUpdateDate`);
const datetimeFields = words('InvoiceItem.ChargeDate CreditMemoItem.ChargeDate DebitMemoItem.ChargeDate');
/** InvoiceItem.ProcessingType is a number; the memo items' ProcessingType is a name (Charge, Discount). */
const integerFields = words('InvoiceItem.ProcessingType');

const booleanNames = words(`AutoPay AllowInvoiceEdit InvoiceDeliveryPrefsEmail InvoiceDeliveryPrefsPrint
  IsCrmIdChangeProcessed Active IsDefault UseDefaultRetryRule AutoRenew IsLastSegment AllowFeatureChanges Deleted
  Taxable UseDiscountSpecificAccountingCode UseTenantDefaultForPriceChange IsOveragePrice`);

const integerNames =
  words(`BillCycleDay CreditCardExpirationMonth CreditCardExpirationYear NumConsecutiveFailures
  TotalNumberOfErrorPayments TotalNumberOfProcessedPayments MaxConsecutivePaymentFailures PaymentRetryWindow DueDays
  DecimalPlaces Version InitialTerm CurrentTerm RenewalTerm Segment BillingPeriodStartDay Tier Grade
  NumberOfPeriod NumberOfPeriods UpToPeriods PrepayPeriods WeeklyBillCycleDay SpecificBillingPeriod`);

const decimalNames =
  words(`Balance CreditBalance TotalInvoiceBalance UnappliedBalance Mrr MRR DMRC DTCV TCV Tcv
  ComplexTotal StartingUnit EndingUnit Price Amount AmountWithoutTax TaxAmount TaxExemptAmount PaymentAmount
  RefundAmount AdjustmentAmount CreditBalanceAdjustmentAmount ChargeAmount UnitPrice Quantity ExemptAmount TaxRate
  AppliedAmount AppliedCreditBalanceAmount AppliedInvoiceAmount UnappliedAmount DiscountAmount DiscountPercentage
  TotalAmount TotalAmountWithoutTax TotalTaxExemptAmount AppliedToOthersAmount BeAppliedByOthersAmount
  IncludedUnits OveragePrice PriceIncreasePercentage DefaultQuantity MaxQuantity MinQuantity
  ListPricePerUnit AmountPerUnit`);

export function fieldType(object: ObjectName, field: string): FieldType {
  if (datetimeNames.has(field) || datetimeFields.has(`${object}.${field}`)) return 'datetime';
  if (booleanNames.has(field)) return 'boolean';
  if (integerNames.has(field) || integerFields.has(`${object}.${field}`)) return 'integer';
  if (decimalNames.has(field)) return 'decimal';
  if (field.endsWith('Date')) return 'date';
  return 'text';
}

/** Every field of an object with its type, in definition order. */
export function typedFields(object: ObjectName): { name: string; type: FieldType }[] {
  return objectFields[object].map((name) => ({ name, type: fieldType(object, name) }));
}

export function isTemporal(type: FieldType): boolean {
  return type === 'date' || type === 'datetime';
}

export function isNumeric(type: FieldType): boolean {
  return type === 'integer' || type === 'decimal';
}
