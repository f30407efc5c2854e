import type { StoredRecord } from '../../store/sf-error.js';
import { monthsBetween } from '../cpq-dates.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { atomically, getRecord, mustGet, platformInsert, refuse, text } from '../record-access.js';
import type { AmendContractInput } from './action-inputs.js';
import { amendmentLines } from './amendment-lines.js';
import { contractLineages } from './contract-lineages.js';
import { addOrderLine } from './order-lines.js';
import { addQuoteLine, createDeal } from './sales-records.js';
import type { CreatedOrder } from './create-order.js';

// Amending a contract as a sales user does: "Amend" on the contract opens an amendment opportunity
// (SBQQ__AmendedContract__c) and quote (SBQQ__Type__c Amendment); ordering it gives a Draft order of
// type Amendment holding only the deltas (reference §3.1). Contracting that order adds the delta
// subscriptions to the same contract. Owner and contact changes ride on the amendment order.

function ownerField(value: string | null | undefined, original: unknown): unknown {
  return value === undefined ? original : value;
}

function checkOwners(rt: CpqRuntime, input: AmendContractInput): void {
  const { store, objects: o } = rt;
  if (input.invoiceOwnerId) mustGet(store, o.account, input.invoiceOwnerId, 'invoiceOwnerId');
  if (input.subscriptionOwnerId) mustGet(store, o.account, input.subscriptionOwnerId, 'subscriptionOwnerId');
  if (input.billToContactId) mustGet(store, o.contact, input.billToContactId, 'billToContactId');
  if (input.shipToContactId) mustGet(store, o.contact, input.shipToContactId, 'shipToContactId');
}

function amendmentOrder(
  rt: CpqRuntime,
  contract: StoredRecord,
  original: StoredRecord | undefined,
  input: AmendContractInput,
  deal: { opportunityId: string; quoteId: string },
): string {
  return platformInsert(rt.store, rt.objects.order, {
    AccountId: contract.AccountId,
    EffectiveDate: input.effectiveDate,
    EndDate: contract.EndDate,
    Status: 'Draft',
    Type: 'Amendment',
    OpportunityId: deal.opportunityId,
    SBQQ__Quote__c: deal.quoteId,
    Pricebook2Id: original?.Pricebook2Id ?? contract.Pricebook2Id,
    CurrencyIsoCode: contract.CurrencyIsoCode,
    BillToContactId: ownerField(input.billToContactId, original?.BillToContactId),
    ShipToContactId: ownerField(input.shipToContactId, original?.ShipToContactId),
    InvoiceOwner__c: ownerField(input.invoiceOwnerId, original?.InvoiceOwner__c),
    SubscriptionOwner__c: ownerField(input.subscriptionOwnerId, original?.SubscriptionOwner__c),
    SBQQ__PaymentTerm__c: original?.SBQQ__PaymentTerm__c,
    SBQQ__ContractingMethod__c: original?.SBQQ__ContractingMethod__c,
    SBQQ__PriceCalcStatus__c: 'Completed',
  });
}

export function amendContract(rt: CpqRuntime, contractId: string, input: AmendContractInput): CreatedOrder {
  const { store, objects: o } = rt;
  const contract = mustGet(store, o.contract, contractId, 'contractId');
  const start = text(contract, 'StartDate');
  const end = text(contract, 'EndDate');
  if (!start || !end || input.effectiveDate < start || input.effectiveDate > end)
    throw refuse('INVALID_INPUT', `effectiveDate: must fall within the contract term ${start}..${end}`, [
      'effectiveDate',
    ]);
  const lineages = contractLineages(rt, contractId);
  if (lineages.length === 0)
    throw refuse('INVALID_INPUT', 'The contract has no subscriptions yet (contracting has not finished)', [
      'contractId',
    ]);
  checkOwners(rt, input);
  const ownersChange = input.invoiceOwnerId !== undefined || input.subscriptionOwnerId !== undefined;
  const lines = amendmentLines(rt, lineages, input, end, ownersChange);
  if (lines.length === 0)
    throw refuse(
      'REQUIRED_FIELD_MISSING',
      'An amendment needs a change, an added product or an owner change',
      ['changes'],
    );
  const account = mustGet(store, o.account, contract.AccountId, 'AccountId');
  const original = getRecord(store, o.order, contract.SBQQ__Order__c);
  return atomically(store, () => {
    const deal = createDeal(rt, {
      account,
      kind: 'Amendment',
      closeDate: input.effectiveDate,
      startDate: input.effectiveDate,
      termMonths: Math.max(1, monthsBetween(input.effectiveDate, end)),
      pricebookId: String(original?.Pricebook2Id ?? contract.Pricebook2Id),
      currency: String(contract.CurrencyIsoCode),
      primaryContactId: text(original, 'BillToContactId'),
      amendedContractId: contractId,
    });
    const orderId = amendmentOrder(rt, contract, original, input, deal);
    const order = mustGet(store, o.order, orderId, 'orderId');
    const itemIds = lines.map((line, i) => {
      const quoteLineId = addQuoteLine(rt, deal.quoteId, {
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice ?? null,
        start: input.effectiveDate,
        end: line.endDate,
      });
      return addOrderLine(
        rt,
        order,
        {
          ...line,
          serviceDate: input.effectiveDate,
          termMonths: monthsBetween(input.effectiveDate, end),
          quoteLineId,
        },
        `lines[${i}].productId`,
      );
    });
    return { orderId, ...deal, itemIds };
  });
}
