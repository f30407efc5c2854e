// What a generated CPQ scenario holds, counted while it is generated: the kinds of orders the issue
// asks for, so a test can check the loaded org against it.

export type AmendmentKind =
  'quantityUp' | 'quantityDown' | 'cancel' | 'priceChange' | 'addProduct' | 'ownerChange';
export type FinalState = 'draft' | 'activatedNotContracted' | 'contractingPending' | 'contracted';

export interface CpqScenarioManifest {
  seed: number;
  accounts: number;
  contacts: number;
  products: number;
  orders: { total: number; new: number; amendment: number; renewal: number };
  states: Record<FinalState, number>;
  /** New orders by how they name their bill-to / sold-to parties. */
  parties: { contacts: number; addressesOnly: number; neither: number };
  owners: { invoiceOwnerDiffers: number; subscriptionOwnerDiffers: number };
  currencies: Record<string, number>;
  traps: {
    orderCurrencyDiffersFromAccount: number;
    usageScheduleCurrencyDiffers: number;
    emptyProductCode: number;
    chargeTypeNull: number;
    externallyManagedProduct: number;
    accountWithoutBillingAddress: number;
  };
  amendments: Record<AmendmentKind, number>;
  /** Order products by kind, and order-item consumption schedules by type and rate count. */
  items: { recurring: number; oneTime: number; usage: number; decimalUom: number };
  schedules: { range: number; slab: number; byRateCount: Record<string, number> };
  contracts: number;
  subscriptions: number;
  loadMs: number;
}

export function emptyManifest(seed: number): CpqScenarioManifest {
  return {
    seed,
    accounts: 0,
    contacts: 0,
    products: 0,
    orders: { total: 0, new: 0, amendment: 0, renewal: 0 },
    states: { draft: 0, activatedNotContracted: 0, contractingPending: 0, contracted: 0 },
    parties: { contacts: 0, addressesOnly: 0, neither: 0 },
    owners: { invoiceOwnerDiffers: 0, subscriptionOwnerDiffers: 0 },
    currencies: {},
    traps: {
      orderCurrencyDiffersFromAccount: 0,
      usageScheduleCurrencyDiffers: 0,
      emptyProductCode: 0,
      chargeTypeNull: 0,
      externallyManagedProduct: 0,
      accountWithoutBillingAddress: 0,
    },
    amendments: { quantityUp: 0, quantityDown: 0, cancel: 0, priceChange: 0, addProduct: 0, ownerChange: 0 },
    items: { recurring: 0, oneTime: 0, usage: 0, decimalUom: 0 },
    schedules: { range: 0, slab: 0, byRateCount: {} },
    contracts: 0,
    subscriptions: 0,
    loadMs: 0,
  };
}
