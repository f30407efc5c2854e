// Shapes of the console's CPQ routes.
import { z } from 'zod';

export const cpqStates = ['synced', 'waiting', 'failed', 'pending'] as const;

export const cpqReasonBody = z
  .object({ code: z.string(), title: z.string(), fix: z.string().nullable() })
  .nullable();

export const cpqOrderBody = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  accountId: z.string(),
  state: z.enum(cpqStates),
  status: z.string(),
  reason: cpqReasonBody,
  attempts: z.number(),
  zuoraOrderNumber: z.string().nullable(),
  updatedAt: z.string(),
});

export const cpqErrorBody = z.object({ error: z.string(), message: z.string() });

/** The console's state of a cpq_orders status (a transient failure is pending: the next poll sends it). */
export function stateOf(status: string, transient: boolean): (typeof cpqStates)[number] {
  if (status === 'Synced') return 'synced';
  if (status === 'Waiting') return 'waiting';
  if (status === 'Failed' && !transient) return 'failed';
  return 'pending';
}

export const unavailable = {
  error: 'unavailable',
  message: 'this service process does not run the CPQ direction; use one that runs syncs',
};
