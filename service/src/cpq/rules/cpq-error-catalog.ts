// Every way a CPQ order sync can fail or wait, with the words a sales user reads in Salesforce (the sync
// record's Message and Fix). CPQ-E001..E006 are the six errors of Zuora's CPQ connector troubleshooting
// page, titled with its verbatim messages; the rest are the conditions other pages state (reference §1.11)
// and our own refusals; CPQ-W* codes are reasons an order waits (it is retried, not failed).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector

export interface CpqErrorSpec {
  /** Short title; for the documented six, Zuora's message verbatim. */
  readonly title: string;
  /** What to change, in plain words. */
  readonly fix: string;
  /** Retried on its own (Zuora or Salesforce briefly unavailable), rather than on the next change. */
  readonly transient?: true;
  /** A waiting reason, not a failure. */
  readonly waiting?: true;
}

export const cpqErrorCatalog = {
  'CPQ-E001': {
    title: 'Invalid referenced products',
    fix: 'Fill in the Product Code of the product in Salesforce. If the product already exists in Zuora, its SKU must equal the Product Code; otherwise the sync creates it.',
  },
  'CPQ-E002': {
    title: 'Unable to locate a matching rate plan to amend for OrderItem/OrderProduct.',
    fix: 'Make sure the subscription being amended was synced to Zuora and still belongs to the subscription owner account there. If it was moved or edited in Zuora, put the Revised Order Product Id back into the rate plan’s Externally Managed Plan ID, or make the owners match.',
  },
  'CPQ-E003': {
    title: 'No matching Subscription for OrderItem/OrderProduct.',
    fix: 'Activate the order in CPQ and contract it (tick Contracted). The sync goes on by itself once the subscriptions exist.',
  },
  'CPQ-E004': {
    title:
      "The revised OrderItem/OrderProduct doesn't have a specified ID for the revised order item consumption schedule.",
    fix: 'Put the Id of the order product consumption schedule into the Externally Managed Plan ID of the usage rate plan of the Zuora subscription, and amend through the standard CPQ amendment process.',
  },
  'CPQ-E005': {
    title: 'The Order Product Consumption Schedule could not be found.',
    fix: 'Link the consumption schedule to the product again in Salesforce and put the new Product Consumption Schedule Id on the Zuora rate plan; if the schedule on the order product changed after quoting, re-quote the order.',
  },
  'CPQ-E006': {
    title: 'Cannot find the charge for the Product',
    fix: 'The product with this SKU (the Product Code) has rate plans kept in Zuora, so the sync does not add one: in Zuora, add the Product Id (or, for usage, the Product Consumption Schedule Id) to the Externally Managed Plan IDs of the rate plan that sells it, then send the order again.',
  },
  'CPQ-E007': {
    title: 'The account has no complete billing address',
    fix: 'Fill in the Billing Address of the account, with State/Province and Country, and send the order again.',
  },
  'CPQ-E008': {
    title: 'The Bill To contact does not belong to the invoice owner',
    fix: 'Choose a Bill To contact of the invoice owner account (Invoice Owner on the order, or the order’s account), or clear Bill To to use the billing address.',
  },
  'CPQ-E009': {
    title: 'The Ship To contact does not belong to the subscription owner',
    fix: 'Choose a Ship To contact of the subscription owner account (Subscription Owner on the order, or the order’s account), or clear Ship To to use the shipping address.',
  },
  'CPQ-E010': {
    title: 'A usage product cannot be sold as a one-time item',
    fix: 'Sell usage products as subscriptions: give the product Subscription Pricing in CPQ, re-quote, then activate and contract the order.',
  },
  'CPQ-E011': {
    title: 'Currencies differ within the order',
    fix: 'Use one currency for the whole order: every order product consumption schedule and rate must be in the order’s currency. Re-quote in one currency.',
  },
  'CPQ-E012': {
    title: 'A change Zuora cannot make to an existing subscription',
    fix: 'Currency, billing period and bill cycle type cannot change once the subscription exists in Zuora. Cancel the subscription and sell a new one with the new terms.',
  },
  'CPQ-E013': {
    title: 'The order line item owner is not in Zuora',
    fix: 'Sync the Subscription Owner account to Zuora first (send one of its orders), then send this order again.',
  },
  'CPQ-E014': {
    title: 'The order is too large for one Zuora order',
    fix: 'Split the order: Zuora takes at most 300 subscriptions, 300 order actions and 100 one-time items in one order.',
  },
  'CPQ-E015': {
    title: 'The order number cannot be used in Zuora',
    fix: 'Zuora order numbers have at most 100 characters and no #, ? or /. Change the order numbering in Salesforce.',
  },
  'CPQ-E016': {
    title: 'Multi-dimensional (ramp) quote lines are not supported',
    fix: 'Quote ramps as quote line groups, one per ramp term, with Single Contract and Order By Quote Line Group, then order again.',
  },
  'CPQ-E017': {
    title: 'The term is not in whole months',
    fix: 'With the list price base per specific months, subscriptions must start and end on whole months. Adjust the dates, or switch on terms in days without the list price base.',
  },
  'CPQ-E018': {
    title: 'A required date is missing',
    fix: 'Fill in the missing date (named in the message) on the order or its subscription and send the order again.',
  },
  'CPQ-E019': {
    title: 'The consumption schedule cannot be converted to Zuora tiers',
    fix: 'Give the consumption schedule the type Range or Slab and rates that start at the previous rate’s upper bound, with only the last rate open-ended.',
  },
  'CPQ-E020': {
    title: 'Zuora refused the order',
    fix: 'Read Zuora’s reason in the message, correct the order or the Zuora settings it names, and send the order again.',
  },
  'CPQ-E021': {
    title: 'Zuora could not be reached',
    fix: 'Nothing to do: the sync tries again by itself.',
    transient: true,
  },
  'CPQ-E022': {
    title: 'The order’s currency differs from the billing account’s',
    fix: 'A Zuora billing account bills in one currency. Quote the order in the account’s currency, or use another account for this currency.',
  },
  'CPQ-E023': {
    title: 'The billing frequency has no Zuora billing period',
    fix: 'Use Monthly, Quarterly, Semiannual, Annual or Invoice Plan as the billing frequency.',
  },
  'CPQ-E024': {
    title: 'The amendment does not match the synced subscription',
    fix: 'The change takes the quantity below zero or names a product the subscription does not have in Zuora. Check the amendment against the subscription in Zuora.',
  },
  'CPQ-W001': {
    title: 'Waiting for the order this one amends to be synced',
    fix: 'Nothing to do: the amendment is sent once the order it amends is in Zuora. If that order failed, fix it first.',
    waiting: true,
  },
  'CPQ-W002': {
    title: 'Waiting for an earlier amendment of the same contract',
    fix: 'Nothing to do: amendments are sent in start-date order.',
    waiting: true,
  },
  'CPQ-W003': {
    title: 'Waiting for the order to be activated',
    fix: 'Activate the order; it is sent once activated.',
    waiting: true,
  },
} as const satisfies Record<string, CpqErrorSpec>;

export type CpqErrorCode = keyof typeof cpqErrorCatalog;

/** The six errors of Zuora's troubleshooting table, in its order. */
export const documentedErrorCodes = [
  'CPQ-E001',
  'CPQ-E002',
  'CPQ-E003',
  'CPQ-E004',
  'CPQ-E005',
  'CPQ-E006',
] as const satisfies readonly CpqErrorCode[];
