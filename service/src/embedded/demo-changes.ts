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
    const result = applyBusinessEvent(zuora.tenant, withTarget(zuora, event));
    if (result.ok) {
      applied += 1;
      changes += result.changes.length;
    } else {
      refused.push(`${event.type}: ${result.error}`);
    }
  }
  return { applied, changes, refused };
}

/**
 * A payment-method deletion with no account named targets a synced billing account (CRM ID, not
 * cancelled) that has a payment method besides its default, so the deletion always shows in Salesforce.
 */
function withTarget(zuora: ZuoraEmulator, event: BusinessEvent): BusinessEvent {
  if (event.type !== 'delete-payment-method' || event.accountNumber !== undefined) return event;
  // Accounts whose seeded invalid rows fail them (or their children) in Salesforce would hide the deletion.
  const flawed = new Set(zuora.generated.invalidRows().map((r) => r.accountNumber));
  const spare = new Map<string, number>();
  for (const p of zuora.tenant.scan('PaymentMethod', null)) {
    const accountId = String(p.record.AccountId ?? '');
    spare.set(accountId, (spare.get(accountId) ?? 0) + 1);
  }
  for (const a of zuora.tenant.scan('Account', null)) {
    const crmId = a.record.CrmId;
    if (crmId === null || crmId === undefined || crmId === '' || a.record.Status === 'Canceled') continue;
    if (flawed.has(String(a.record.AccountNumber))) continue;
    const methods = spare.get(String(a.record.Id)) ?? 0;
    const hasDefault =
      a.record.DefaultPaymentMethodId !== null && a.record.DefaultPaymentMethodId !== undefined;
    if (methods > (hasDefault ? 1 : 0)) return { ...event, accountNumber: String(a.record.AccountNumber) };
  }
  return event;
}
