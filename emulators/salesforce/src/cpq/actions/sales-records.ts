import type { StoredRecord } from '../../store/sf-error.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { platformInsert, platformUpdate } from '../record-access.js';

// The opportunity, primary quote and quote lines a sales user goes through before CPQ generates an
// order ("Ordered" on the quote). Quote types: Quote / Amendment / Renewal (SBQQ__Type__c).

export interface SalesDeal {
  opportunityId: string;
  quoteId: string;
}

export interface DealInput {
  account: StoredRecord;
  kind: 'New Business' | 'Amendment' | 'Renewal';
  closeDate: string;
  startDate: string;
  termMonths: number;
  pricebookId: string;
  currency: string;
  primaryContactId: string | null;
  amendedContractId?: string;
  renewedContractId?: string;
}

const quoteTypes = { 'New Business': 'Quote', Amendment: 'Amendment', Renewal: 'Renewal' } as const;

export function createDeal(rt: CpqRuntime, input: DealInput): SalesDeal {
  const opportunityId = platformInsert(rt.store, rt.objects.opportunity, {
    Name: `${String(input.account.Name)} - ${input.kind}`,
    AccountId: input.account.Id,
    StageName: 'Closed Won',
    CloseDate: input.closeDate,
    Type: input.kind === 'New Business' ? 'New Customer' : 'Existing Customer - Upgrade',
    Pricebook2Id: input.pricebookId,
    CurrencyIsoCode: input.currency,
    SBQQ__AmendedContract__c: input.amendedContractId,
    SBQQ__RenewedContract__c: input.renewedContractId,
    SBQQ__Renewal__c: input.kind === 'Renewal',
    SBQQ__Ordered__c: true,
  });
  const quoteId = platformInsert(rt.store, rt.objects.quote, {
    SBQQ__Account__c: input.account.Id,
    SBQQ__Opportunity2__c: opportunityId,
    SBQQ__PrimaryContact__c: input.primaryContactId,
    SBQQ__Primary__c: true,
    SBQQ__Type__c: quoteTypes[input.kind],
    SBQQ__Status__c: 'Approved',
    SBQQ__StartDate__c: input.startDate,
    SBQQ__SubscriptionTerm__c: input.termMonths,
    SBQQ__PriceBook__c: input.pricebookId,
    SBQQ__PricebookId__c: input.pricebookId,
    SBQQ__MasterContract__c: input.amendedContractId,
    SBQQ__Ordered__c: true,
    CurrencyIsoCode: input.currency,
  });
  platformUpdate(rt.store, rt.objects.opportunity, opportunityId, { SBQQ__PrimaryQuote__c: quoteId });
  return { opportunityId, quoteId };
}

export function addQuoteLine(
  rt: CpqRuntime,
  quoteId: string,
  line: { productId: string; quantity: number; unitPrice: number | null; start: string; end: string | null },
): string {
  return platformInsert(rt.store, rt.objects.quoteLine, {
    SBQQ__Quote__c: quoteId,
    SBQQ__Product__c: line.productId,
    SBQQ__Quantity__c: line.quantity,
    SBQQ__NetPrice__c: line.unitPrice,
    SBQQ__ListPrice__c: line.unitPrice,
    SBQQ__StartDate__c: line.start,
    SBQQ__EndDate__c: line.end,
  });
}
