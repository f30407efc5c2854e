import { addDays, termEnd } from '../cpq-dates.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import {
  atomically,
  getRecord,
  mustGet,
  num,
  platformInsert,
  platformUpdate,
  refuse,
  round2,
  text,
} from '../record-access.js';
import type { RenewContractInput } from './action-inputs.js';
import { contractLineages, type Lineage } from './contract-lineages.js';
import type { CreatedOrder } from './create-order.js';
import type { StoredRecord } from '../../store/sf-error.js';
import { addOrderLine } from './order-lines.js';
import { addQuoteLine, createDeal, type SalesDeal } from './sales-records.js';

// Renewing a contract: a renewal opportunity (SBQQ__Renewal__c, SBQQ__RenewedContract__c) and quote
// (SBQQ__Type__c Renewal), the contract marked SBQQ__RenewalQuoted__c with SBQQ__RenewalOpportunity__c,
// and a Draft order of type Renewal with one "Renew" line per renewable subscription, its revised
// order product the lineage's first line (reference §3.1). Evergreen subscriptions never renew; a
// price lift is a new price on the renewal line ([ZBC-usecases]
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-from-salesforce-cpq-common-use-cases).

function renewable(lineages: Lineage[]): Lineage[] {
  return lineages.filter((l) => l.quantity > 0 && l.subscriptionType !== 'Evergreen');
}

function renewalPrice(lineage: Lineage, input: RenewContractInput): number {
  const override = input.prices[lineage.rootId];
  return override ?? round2(lineage.unitPrice * (1 + input.upliftPercent / 100));
}

function renewalOrderFields(
  contract: StoredRecord,
  original: StoredRecord | undefined,
  deal: SalesDeal,
  start: string,
  renewalEnd: string,
  term: number,
): Record<string, unknown> {
  return {
    AccountId: contract.AccountId,
    EffectiveDate: start,
    EndDate: renewalEnd,
    Status: 'Draft',
    Type: 'Renewal',
    OpportunityId: deal.opportunityId,
    SBQQ__Quote__c: deal.quoteId,
    Pricebook2Id: original?.Pricebook2Id ?? contract.Pricebook2Id,
    CurrencyIsoCode: contract.CurrencyIsoCode,
    BillToContactId: original?.BillToContactId,
    ShipToContactId: original?.ShipToContactId,
    InvoiceOwner__c: original?.InvoiceOwner__c,
    SubscriptionOwner__c: original?.SubscriptionOwner__c,
    SBQQ__PaymentTerm__c: original?.SBQQ__PaymentTerm__c,
    SBQQ__ContractingMethod__c: original?.SBQQ__ContractingMethod__c,
    SBQQ__RenewalTerm__c: term,
    SBQQ__PriceCalcStatus__c: 'Completed',
  };
}

export function renewContract(rt: CpqRuntime, contractId: string, input: RenewContractInput): CreatedOrder {
  const { store, objects: o } = rt;
  const contract = mustGet(store, o.contract, contractId, 'contractId');
  if (contract.SBQQ__RenewalQuoted__c === true)
    throw refuse('INVALID_INPUT', 'The contract already has a renewal quote', ['contractId']);
  const end = text(contract, 'EndDate');
  if (!end) throw refuse('INVALID_INPUT', 'The contract has no end date to renew from', ['contractId']);
  const lines = renewable(contractLineages(rt, contractId));
  if (lines.length === 0)
    throw refuse('INVALID_INPUT', 'The contract has no renewable subscriptions', ['contractId']);
  for (const id of Object.keys(input.prices))
    if (!lines.some((l) => l.rootId === id))
      throw refuse('INVALID_INPUT', `prices.${id}: not a renewable subscription of this contract`, [
        `prices.${id}`,
      ]);
  const start = input.effectiveDate ?? addDays(end, 1);
  const term =
    input.termMonths ?? (num(contract, 'SBQQ__RenewalTerm__c') || num(contract, 'ContractTerm') || 12);
  const renewalEnd = termEnd(start, term);
  const account = mustGet(store, o.account, contract.AccountId, 'AccountId');
  const original = getRecord(store, o.order, contract.SBQQ__Order__c);
  return atomically(store, () => {
    const deal = createDeal(rt, {
      account,
      kind: 'Renewal',
      closeDate: start,
      startDate: start,
      termMonths: term,
      pricebookId: String(original?.Pricebook2Id ?? contract.Pricebook2Id),
      currency: String(contract.CurrencyIsoCode),
      primaryContactId: text(original, 'BillToContactId'),
      renewedContractId: contractId,
    });
    platformUpdate(store, o.contract, contractId, {
      SBQQ__RenewalOpportunity__c: deal.opportunityId,
      SBQQ__RenewalQuoted__c: true,
    });
    const orderId = platformInsert(
      store,
      o.order,
      renewalOrderFields(contract, original, deal, start, renewalEnd, term),
    );
    const order = mustGet(store, o.order, orderId, 'orderId');
    const itemIds = lines.map((lineage) => {
      const unitPrice = renewalPrice(lineage, input);
      const quoteLineId = addQuoteLine(rt, deal.quoteId, {
        productId: lineage.productId,
        quantity: lineage.quantity,
        unitPrice,
        start,
        end: renewalEnd,
      });
      const line = {
        productId: lineage.productId,
        quantity: lineage.quantity,
        unitPrice,
        serviceDate: start,
        endDate: renewalEnd,
        termMonths: term,
        contractAction: 'Renew',
        revisedOrderProductId: lineage.rootItemId,
        quoteLineId,
      };
      return addOrderLine(rt, order, line, `subscriptions.${lineage.rootId}`);
    });
    return { orderId, ...deal, itemIds };
  });
}
