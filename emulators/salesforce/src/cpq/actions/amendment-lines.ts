import type { AmendContractInput } from './action-inputs.js';
import type { Lineage } from './contract-lineages.js';
import { lineageOf } from './contract-lineages.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { refuse, round2 } from '../record-access.js';

// The delta lines of an amendment order, as CPQ writes them (reference §1.9, §3.3): the signed
// quantity change with SBQQ__ContractAction__c Quantity Increase / Quantity Decrease; Cancel = minus
// the whole current quantity; a price change debooks the line (Cancel) and books a New one at the
// new price; added products are New lines. Revisions point at the lineage's first line.

export interface DeltaLine {
  productId: string;
  quantity: number;
  unitPrice: number | undefined;
  contractAction: 'New' | 'Quantity Increase' | 'Quantity Decrease' | 'Cancel';
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

export function amendmentLines(
  rt: CpqRuntime,
  lineages: Lineage[],
  input: AmendContractInput,
  contractEnd: string | null,
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
