import { STANDARD_PRICEBOOK_ID } from '../seed-cpq-org.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { termEnd } from '../cpq-dates.js';
import type { StoredRecord } from '../../store/sf-error.js';
import { atomically, getRecord, mustGet, platformInsert, refuse, text } from '../record-access.js';
import type { AddressInput, CreateOrderInput } from './action-inputs.js';
import { addOrderLine } from './order-lines.js';
import { addQuoteLine, createDeal, type SalesDeal } from './sales-records.js';

// A new CPQ order the way a sales user makes one: opportunity, primary quote with its lines, then
// "Ordered" generates a Draft order of type New with one order product per quote line
// (reference §3.1: Status/StatusCode Draft, Type New, SBQQ__Quote__c, OpportunityId, EffectiveDate).

export interface CreatedOrder {
  orderId: string;
  opportunityId: string;
  quoteId: string;
  itemIds: string[];
}

function addressFields(prefix: 'Billing' | 'Shipping', a: AddressInput | undefined): Record<string, unknown> {
  if (!a) return {};
  return {
    [`${prefix}Street`]: a.street,
    [`${prefix}City`]: a.city,
    [`${prefix}State`]: a.state,
    [`${prefix}PostalCode`]: a.postalCode,
    [`${prefix}Country`]: a.country,
  };
}

function checkReferences(rt: CpqRuntime, input: CreateOrderInput): void {
  const { objects: o, store } = rt;
  if (input.billToContactId) mustGet(store, o.contact, input.billToContactId, 'billToContactId');
  if (input.shipToContactId) mustGet(store, o.contact, input.shipToContactId, 'shipToContactId');
  if (input.invoiceOwnerId) mustGet(store, o.account, input.invoiceOwnerId, 'invoiceOwnerId');
  if (input.subscriptionOwnerId) mustGet(store, o.account, input.subscriptionOwnerId, 'subscriptionOwnerId');
  input.lines.forEach((l, i) => mustGet(store, o.product, l.productId, `lines[${i}].productId`));
}

function newOrderFields(input: CreateOrderInput, account: StoredRecord, currency: string, deal: SalesDeal) {
  return {
    AccountId: account.Id,
    EffectiveDate: input.effectiveDate,
    EndDate: termEnd(input.effectiveDate, input.termMonths),
    Status: 'Draft',
    Type: 'New',
    OpportunityId: deal.opportunityId,
    SBQQ__Quote__c: deal.quoteId,
    Pricebook2Id: STANDARD_PRICEBOOK_ID,
    CurrencyIsoCode: currency,
    BillToContactId: input.billToContactId,
    ShipToContactId: input.shipToContactId,
    ...addressFields('Billing', input.billingAddress),
    ...addressFields('Shipping', input.shippingAddress),
    InvoiceOwner__c: input.invoiceOwnerId,
    SubscriptionOwner__c: input.subscriptionOwnerId,
    SBQQ__PaymentTerm__c: input.paymentTerm ?? 'Net 30',
    SBQQ__ContractingMethod__c: 'By Subscription End Date',
    SBQQ__RenewalTerm__c: input.termMonths,
    SBQQ__PriceCalcStatus__c: 'Completed',
    Description: input.description,
  };
}

export function createOrder(rt: CpqRuntime, input: CreateOrderInput): CreatedOrder {
  const { store, objects: o } = rt;
  const account = mustGet(store, o.account, input.accountId, 'accountId');
  checkReferences(rt, input);
  const currency = input.currency ?? text(account, 'CurrencyIsoCode') ?? 'USD';
  if (!getRecord(store, o.pricebook, STANDARD_PRICEBOOK_ID))
    throw refuse('INVALID_CROSS_REFERENCE_KEY', 'The org has no standard price book');
  const start = input.effectiveDate;
  const end = termEnd(start, input.termMonths);
  return atomically(store, () => {
    const deal = createDeal(rt, {
      account,
      kind: 'New Business',
      closeDate: start,
      startDate: start,
      termMonths: input.termMonths,
      pricebookId: STANDARD_PRICEBOOK_ID,
      currency,
      primaryContactId: input.billToContactId ?? null,
    });
    const orderId = platformInsert(store, o.order, newOrderFields(input, account, currency, deal));
    const order = mustGet(store, o.order, orderId, 'orderId');
    const itemIds = input.lines.map((line, i) => {
      const path = `lines[${i}].productId`;
      const unitPrice = line.unitPrice ?? null;
      const quoteLineId = addQuoteLine(rt, deal.quoteId, { ...line, unitPrice, start, end });
      const orderLine = {
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        serviceDate: start,
        endDate: end,
        termMonths: input.termMonths,
        contractAction: 'New',
        revisedOrderProductId: null,
        quoteLineId,
        scheduleCurrency: input.usageScheduleCurrency,
      };
      return addOrderLine(rt, order, orderLine, path);
    });
    return { orderId, ...deal, itemIds };
  });
}
