// The business events the change generator applies, validated at the edge.
import { z } from 'zod';

const accountRef = { accountNumber: z.string().min(1).optional() };
const subscriptionRef = { subscriptionNumber: z.string().min(1).optional() };
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');

export const businessEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('new-account'),
    name: z.string().min(1).optional(),
    crmId: z.string().nullable().optional(),
    entityId: z.string().optional(),
  }),
  z.object({
    type: z.literal('amend-subscription'),
    ...subscriptionRef,
    quantity: z.number().positive().optional(),
  }),
  z.object({ type: z.literal('renew-subscription'), ...subscriptionRef }),
  z.object({ type: z.literal('cancel-subscription'), ...subscriptionRef, cancelDate: date.optional() }),
  z.object({
    type: z.literal('bill-run'),
    accountNumbers: z.array(z.string()).optional(),
    invoiceDate: date.optional(),
  }),
  z.object({ type: z.literal('payment'), ...accountRef }),
  z.object({ type: z.literal('refund'), ...accountRef }),
  z.object({
    type: z.literal('catalog-edit'),
    productId: z.string().optional(),
    description: z.string().optional(),
  }),
  z.object({ type: z.literal('crm-id-change'), ...accountRef, crmId: z.string().nullable() }),
  z.object({ type: z.literal('delete-payment-method'), ...accountRef }),
]);

export type BusinessEvent = z.infer<typeof businessEventSchema>;

export const businessEventTypes = businessEventSchema.options.map((o) => o.shape.type.value);
