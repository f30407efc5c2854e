import { z } from 'zod';

// What a sales user decides when ordering, amending or renewing in CPQ, as validated input of the
// admin lifecycle API and of the scenario generator. Ids are Salesforce record Ids (15 or 18 chars).

const id = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'expected a Salesforce record Id');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const money = z.number().finite().min(0).max(1e12);
const quantity = z.number().finite().positive().max(1e9);

const addressInput = z
  .object({
    street: z.string().max(255).optional(),
    city: z.string().max(40).optional(),
    state: z.string().max(80).optional(),
    postalCode: z.string().max(20).optional(),
    country: z.string().max(80).optional(),
  })
  .strict();

export const orderLineInput = z
  .object({
    productId: id,
    quantity,
    /** Defaults to the price book entry's price. */
    unitPrice: money.optional(),
  })
  .strict();

export const createOrderInput = z
  .object({
    accountId: id,
    effectiveDate: date,
    termMonths: z.number().int().min(1).max(120).default(12),
    /** Defaults to the account's currency. */
    currency: z.string().length(3).optional(),
    lines: z.array(orderLineInput).min(1).max(200),
    billToContactId: id.optional(),
    shipToContactId: id.optional(),
    billingAddress: addressInput.optional(),
    shippingAddress: addressInput.optional(),
    invoiceOwnerId: id.optional(),
    subscriptionOwnerId: id.optional(),
    paymentTerm: z.string().max(255).optional(),
    description: z.string().max(32000).optional(),
    /** A usage line's consumption schedules in another currency than the order's (a trap an org allows). */
    usageScheduleCurrency: z.string().length(3).optional(),
  })
  .strict();

export const amendContractInput = z
  .object({
    effectiveDate: date,
    changes: z
      .array(
        z
          .object({
            subscriptionId: id,
            /** The new total quantity of the line. */
            quantity: quantity.optional(),
            cancel: z.literal(true).optional(),
            /** A new price: CPQ debooks the line and books a new one ("cancel + new"). */
            unitPrice: money.optional(),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    add: z.array(orderLineInput).max(200).default([]),
    invoiceOwnerId: id.nullable().optional(),
    subscriptionOwnerId: id.nullable().optional(),
    billToContactId: id.nullable().optional(),
    shipToContactId: id.nullable().optional(),
  })
  .strict();

export const renewContractInput = z
  .object({
    /** Defaults to the day after the contract ends. */
    effectiveDate: date.optional(),
    /** Defaults to the contract's renewal term. */
    termMonths: z.number().int().min(1).max(120).optional(),
    upliftPercent: z.number().finite().min(-100).max(1000).default(0),
    /** New unit prices by subscription (root) Id. */
    prices: z.record(id, money).default({}),
  })
  .strict();

export type AddressInput = z.infer<typeof addressInput>;
export type OrderLineInput = z.infer<typeof orderLineInput>;
export type CreateOrderInput = z.infer<typeof createOrderInput>;
export type AmendContractInput = z.infer<typeof amendContractInput>;
export type RenewContractInput = z.infer<typeof renewContractInput>;
