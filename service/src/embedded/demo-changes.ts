// A round of realistic business changes applied to the embedded Zuora tenant between the demo's full and
// incremental syncs: new business, amendments, a bill run, payments, refunds, cancellations, catalog edits.
import { applyBusinessEvent, type BusinessEvent } from '../../../emulators/zuora/src/index.js';
import type { ZuoraEmulator } from '../../../emulators/zuora/src/index.js';

export const demoChangeRound: readonly BusinessEvent[] = [
  { type: 'new-account', name: 'Demo Newco Ltd', crmId: null },
  { type: 'amend-subscription', quantity: 12 },
  { type: 'amend-subscription', quantity: 3 },
  { type: 'renew-subscription' },
  { type: 'cancel-subscription' },
  { type: 'bill-run' },
  { type: 'payment' },
  { type: 'payment' },
  { type: 'refund' },
  { type: 'catalog-edit', description: 'Updated by the demo change round' },
  { type: 'delete-payment-method' },
];

export interface ChangeRoundReport {
  readonly applied: number;
  readonly changes: number;
  readonly refused: readonly string[];
}

export function applyDemoChanges(
  zuora: ZuoraEmulator,
  events: readonly BusinessEvent[] = demoChangeRound,
): ChangeRoundReport {
  let applied = 0;
  let changes = 0;
  const refused: string[] = [];
  for (const event of events) {
    const result = applyBusinessEvent(zuora.tenant, event);
    if (result.ok) {
      applied += 1;
      changes += result.changes.length;
    } else {
      refused.push(`${event.type}: ${result.error}`);
    }
  }
  return { applied, changes, refused };
}
