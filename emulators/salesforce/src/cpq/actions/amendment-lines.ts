import type { AmendContractInput } from './action-inputs.js';
import type { Lineage } from './contract-lineages.js';
import { lineageOf } from './contract-lineages.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { refuse, round2 } from '../record-access.js';

// The delta lines of an amendment order, as CPQ writes them (reference §1.9, §3.3): the signed
// quantity change with SBQQ__ContractAction__c Quantity Increase / Quantity Decrease; Cancel = minus
// the whole current quantity; a price change debooks the line (Cancel) and books a New one at the
// new price; added products are New lines. Revisions point at the lineage's first line.
// An amendment that changes the order's owners (InvoiceOwner__c / SubscriptionOwner__c) carries every
// other live line of the contract unchanged: CPQ's amendment quote holds all the contract's subscriptions
// as quote lines ("Salesforce CPQ creates an amendment quote containing all the subscriptions and assets
// in the contract": https://help.salesforce.com/s/articleView?id=sales.cpq_amend_from_opportunity.htm),
// and order products inherit their quote lines
// (https://help.salesforce.com/s/articleView?id=sales.cpq_guidelines_create_orders.htm). Such a line has
// a delta of 0 and no contract action (none of CPQ's values applies); it names its lineage, so the
// owner change reaches each subscription, and an owner-only amendment is an order that can be activated
// (an order without order products cannot be). Zero-delta lines of unchanged quote lines are our reading,
// not a documented rule.

export interface DeltaLine {
  productId: string;
  quantity: number;
  unitPrice: number | undefined;
  contractAction: 'New' | 'Quantity Increase' | 'Quantity Decrease' | 'Cancel' | null;
  revisedOrderProductId: string | null;
  endDate: string | null;
}

type Change = AmendContractInput['changes'][number];

function changeLines(lineage: Lineage, change: Change, path: string): DeltaLine[] {
  const base = {
    productId: lineage.productId,
    endDate: lineage.endDate,
    revisedOrderProductId: lineage.rootItemId,
  };
  const cancel: DeltaLine = {
    ...base,
    quantity: -lineage.quantity,
    unitPrice: lineage.unitPrice,
    contractAction: 'Cancel',
  };
  if (change.cancel) return [cancel];
  const target = change.quantity ?? lineage.quantity;
  if (change.unitPrice !== undefined && change.unitPrice !== lineage.unitPrice) {
    const rebook: DeltaLine = {
      ...base,
      revisedOrderProductId: null,
      quantity: target,
      unitPrice: change.unitPrice,
      contractAction: 'New',
    };
    return [cancel, rebook];
  }
  const delta = round2(target - lineage.quantity);
  if (delta === 0) throw refuse('INVALID_INPUT', `${path}: the change leaves the line as it is`, [path]);
  return [
    {
      ...base,
      quantity: delta,
      unitPrice: lineage.unitPrice,
      contractAction: delta > 0 ? 'Quantity Increase' : 'Quantity Decrease',
    },
  ];
}

/** The live lines the amendment leaves as they are, as zero-delta lines (owner changes only). */
function unchangedLines(lineages: Lineage[], changed: Set<string>): DeltaLine[] {
  return lineages
    .filter((l) => l.quantity > 0 && !changed.has(l.rootId))
    .map((l) => ({
      productId: l.productId,
      quantity: 0,
      unitPrice: l.unitPrice,
      contractAction: null,
      revisedOrderProductId: l.rootItemId,
      endDate: l.endDate,
    }));
}

export function amendmentLines(
  rt: CpqRuntime,
  lineages: Lineage[],
  input: AmendContractInput,
  contractEnd: string | null,
  ownersChange: boolean,
): DeltaLine[] {
  const seen = new Set<string>();
  const lines = input.changes.flatMap((change, i) => {
    const path = `changes[${i}].subscriptionId`;
    const lineage = lineageOf(lineages, change.subscriptionId, rt);
    if (!lineage)
      throw refuse('INVALID_CROSS_REFERENCE_KEY', `${path}: not a subscription of this contract`, [path]);
    if (lineage.quantity <= 0)
      throw refuse('INVALID_INPUT', `${path}: the subscription is already cancelled`, [path]);
    if (seen.has(lineage.rootId)) throw refuse('INVALID_INPUT', `${path}: the line is changed twice`, [path]);
    seen.add(lineage.rootId);
    if (!change.cancel && change.quantity === undefined && change.unitPrice === undefined)
      throw refuse('REQUIRED_FIELD_MISSING', `changes[${i}]: give quantity, unitPrice or cancel`, [
        `changes[${i}]`,
      ]);
    return changeLines(lineage, change, path);
  });
  if (ownersChange) lines.push(...unchangedLines(lineages, seen));
  for (const add of input.add) {
    lines.push({
      productId: add.productId,
      quantity: add.quantity,
      unitPrice: add.unitPrice,
      contractAction: 'New',
      revisedOrderProductId: null,
      endDate: contractEnd,
    });
  }
  return lines;
}
