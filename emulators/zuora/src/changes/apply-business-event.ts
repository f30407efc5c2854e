// The change generator: applies one realistic business event to the live tenant. Every write goes
// through the store, so UpdatedDate, the change sequence (stateful AQuA) and callouts follow.
// Targets not named in the event are chosen by a seeded random stream (reproducible runs).
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { ObjectName } from '../model/object-definitions.js';
import type { ChangeAction, StoredRecord, TenantStore } from '../store/tenant-store.js';
import { seededRandom, type SeededRandom } from '../tenant/seeded-random.js';
import { addDays, dateOf } from '../tenant/dates.js';
import { round2 } from '../tenant/catalog.js';
import { createSubscriptionVersion, latestVersion } from './subscription-versions.js';
import { businessEventSchema, type BusinessEvent } from './business-event.js';

export interface AppliedChange {
  object: ObjectName;
  id: string;
  action: ChangeAction;
}

export type BusinessEventResult =
  { ok: true; type: BusinessEvent['type']; changes: AppliedChange[] } | { ok: false; error: string };

const rngs = new WeakMap<TenantStore, SeededRandom>();

class EventError extends Error {}

export function applyBusinessEvent(store: TenantStore, input: unknown): BusinessEventResult {
  const parsed = businessEventSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `invalid event: ${issue?.path.join('.') || 'type'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const event = parsed.data;
  let rng = rngs.get(store);
  if (rng === undefined) {
    rng = seededRandom(parseInt(store.idPrefix, 16) | 0, 0xe7e27);
    rngs.set(store, rng);
  }
  const changes: AppliedChange[] = [];
  const stop = store.capture((c) => changes.push({ object: c.object, id: c.record.Id, action: c.action }));
  try {
    apply(store, event, rng);
    return { ok: true, type: event.type, changes };
  } catch (e) {
    if (e instanceof EventError) return { ok: false, error: e.message };
    throw e;
  } finally {
    stop();
  }
}

function pick<T>(rng: SeededRandom, items: T[], what: string): T {
  if (items.length === 0) throw new EventError(`no ${what} to apply the event to`);
  return rng.pick(items);
}

function account(store: TenantStore, rng: SeededRandom, accountNumber: string | undefined): StoredRecord {
  if (accountNumber !== undefined) {
    const a = store.findAccount(accountNumber);
    if (a === undefined) throw new EventError(`account ${accountNumber} does not exist`);
    return a;
  }
  return pick(
    rng,
    [...store.scan('Account', null)].filter((a) => a.record.Status === 'Active'),
    'active account',
  );
}

function subscription(store: TenantStore, rng: SeededRandom, number: string | undefined): ZRecord {
  if (number !== undefined) {
    const s = latestVersion(store, number);
    if (s === undefined) throw new EventError(`subscription ${number} does not exist`);
    if (s.Status === 'Cancelled') throw new EventError(`subscription ${number} is cancelled`);
    return s;
  }
  return pick(
    rng,
    [...store.scan('Subscription', null)].filter((s) => s.record.Status === 'Active'),
    'active subscription',
  ).record;
}

function apply(store: TenantStore, event: BusinessEvent, rng: SeededRandom): void {
  const today = dateOf(store.now());
  switch (event.type) {
    case 'new-account': {
      const entity = event.entityId ?? store.defaultEntityId;
      if (!store.entities.some((e) => e.id === entity))
        throw new EventError(`entity ${entity} does not exist`);
      const n = store.count('Account') + 1;
      const contact = store.insert(
        'Contact',
        {
          FirstName: 'New',
          LastName: `Customer ${n}`,
          WorkEmail: `new.customer${n}@example.com`,
          Country: 'United States',
        },
        entity,
      );
      const a = store.insert(
        'Account',
        {
          AccountNumber: `A${String(n).padStart(8, '0')}E`,
          Name: event.name ?? `New Customer ${n}`,
          CrmId: event.crmId ?? null,
          Status: 'Active',
          Currency: 'USD',
          Balance: 0,
          CreditBalance: 0,
          TotalInvoiceBalance: 0,
          UnappliedBalance: 0,
          Mrr: 0,
          BillCycleDay: 1,
          PaymentTerm: 'Net 30',
          AutoPay: false,
          Batch: 'Batch1',
          BillToId: contact.Id,
          SoldToId: contact.Id,
          BcdSettingOption: 'ManualSet',
          TaxExemptStatus: 'No',
          IsCrmIdChangeProcessed: true,
        },
        entity,
      );
      store.update('Contact', contact.Id, { AccountId: a.Id });
      return;
    }
    case 'amend-subscription': {
      const s = subscription(store, rng, event.subscriptionNumber);
      const v = createSubscriptionVersion(store, s, { Status: 'Active' });
      const charge = [...v.charges.values()].find((c) => c.Quantity !== null) ?? [...v.charges.values()][0];
      if (charge !== undefined)
        store.update('RatePlanCharge', charge.Id, {
          Quantity: event.quantity ?? Number(charge.Quantity ?? 1) + 1,
        });
      return;
    }
    case 'renew-subscription': {
      const s = subscription(store, rng, event.subscriptionNumber);
      const end = new Date(`${String(s.TermEndDate ?? today)}T00:00:00Z`);
      end.setUTCMonth(end.getUTCMonth() + Number(s.RenewalTerm ?? 12));
      createSubscriptionVersion(store, s, {
        Status: 'Active',
        TermEndDate: dateOf(end),
        SubscriptionEndDate: dateOf(end),
        CurrentTerm: s.RenewalTerm ?? 12,
      });
      return;
    }
    case 'cancel-subscription': {
      const s = subscription(store, rng, event.subscriptionNumber);
      createSubscriptionVersion(store, s, {
        Status: 'Cancelled',
        CancelledDate: event.cancelDate ?? today,
        AutoRenew: false,
      });
      return;
    }
    case 'bill-run': {
      const targets = event.accountNumbers?.map((n) => account(store, rng, n)) ?? [
        account(store, rng, undefined),
      ];
      for (const a of targets) postInvoice(store, a, event.invoiceDate ?? today);
      return;
    }
    case 'payment': {
      const a = account(store, rng, event.accountNumber);
      const open = [...store.scan('Invoice', null)].filter(
        (i) => i.record.AccountId === a.record.Id && Number(i.record.Balance) > 0,
      );
      const invoice = pick(rng, open, `open invoice on account ${String(a.record.AccountNumber)}`).record;
      const amount = Number(invoice.Balance);
      const payment = store.insert(
        'Payment',
        {
          AccountId: a.record.Id,
          PaymentNumber: `P-E${store.count('Payment') + 1}`,
          Amount: amount,
          AppliedAmount: amount,
          AppliedInvoiceAmount: amount,
          AppliedCreditBalanceAmount: 0,
          Currency: a.record.Currency ?? 'USD',
          EffectiveDate: today,
          Status: 'Processed',
          Type: 'Electronic',
          InvoiceId: invoice.Id,
          PaymentMethodId: a.record.DefaultPaymentMethodId ?? null,
          GatewayState: 'Settled',
          RefundAmount: 0,
          UnappliedAmount: 0,
        },
        a.entityId,
      );
      store.insert(
        'InvoicePayment',
        {
          AccountId: a.record.Id,
          InvoiceId: invoice.Id,
          PaymentId: payment.Id,
          Amount: amount,
          RefundAmount: 0,
        },
        a.entityId,
      );
      store.update('Invoice', invoice.Id, {
        Balance: 0,
        PaymentAmount: round2(Number(invoice.PaymentAmount ?? 0) + amount),
      });
      const balance = round2(Number(a.record.Balance) - amount);
      store.update('Account', a.record.Id, { Balance: balance, TotalInvoiceBalance: balance });
      return;
    }
    case 'refund': {
      const a = account(store, rng, event.accountNumber);
      const payments = [...store.scan('Payment', null)].filter(
        (p) =>
          p.record.AccountId === a.record.Id &&
          p.record.Status === 'Processed' &&
          Number(p.record.RefundAmount) < Number(p.record.Amount),
      );
      const payment = pick(
        rng,
        payments,
        `refundable payment on account ${String(a.record.AccountNumber)}`,
      ).record;
      const amount = round2((Number(payment.Amount) - Number(payment.RefundAmount)) / 2);
      const refund = store.insert(
        'Refund',
        {
          AccountId: a.record.Id,
          RefundNumber: `R-E${store.count('Refund') + 1}`,
          Amount: amount,
          PaymentId: payment.Id,
          RefundDate: today,
          Status: 'Processed',
          Type: 'Electronic',
          SourceType: 'Payment',
          MethodType: 'CreditCard',
          ReasonCode: 'Standard Refund',
        },
        a.entityId,
      );
      const ip = [...store.scan('InvoicePayment', null)].find((x) => x.record.PaymentId === payment.Id);
      if (ip) {
        store.insert(
          'RefundInvoicePayment',
          {
            AccountId: a.record.Id,
            RefundId: refund.Id,
            InvoicePaymentId: ip.record.Id,
            RefundAmount: amount,
          },
          a.entityId,
        );
        store.update('InvoicePayment', ip.record.Id, {
          RefundAmount: round2(Number(ip.record.RefundAmount ?? 0) + amount),
        });
      }
      store.insert(
        'RefundPart',
        { AccountId: a.record.Id, RefundId: refund.Id, PaymentId: payment.Id, RefundAmount: amount },
        a.entityId,
      );
      store.update('Payment', payment.Id, {
        RefundAmount: round2(Number(payment.RefundAmount ?? 0) + amount),
      });
      return;
    }
    case 'catalog-edit': {
      const product =
        event.productId === undefined
          ? pick(rng, [...store.scan('Product', null)], 'product').record
          : store.get('Product', event.productId)?.record;
      if (product === undefined) throw new EventError(`product ${String(event.productId)} does not exist`);
      store.update('Product', product.Id, {
        Description: event.description ?? `${String(product.Name)} (revised ${today})`,
      });
      const plan = [...store.scan('ProductRatePlan', null)].find((p) => p.record.ProductId === product.Id);
      const charge =
        plan &&
        [...store.scan('ProductRatePlanCharge', null)].find(
          (c) => c.record.ProductRatePlanId === plan.record.Id,
        );
      if (charge)
        store.update('ProductRatePlanCharge', charge.record.Id, { Description: `Revised ${today}` });
      return;
    }
    case 'crm-id-change': {
      const a = account(store, rng, event.accountNumber);
      store.update('Account', a.record.Id, { CrmId: event.crmId, IsCrmIdChangeProcessed: false });
      return;
    }
    case 'delete-payment-method': {
      const a = account(store, rng, event.accountNumber);
      const methods = [...store.scan('PaymentMethod', null)].filter(
        (p) => p.record.AccountId === a.record.Id && p.record.Id !== a.record.DefaultPaymentMethodId,
      );
      const method = pick(
        rng,
        methods,
        `non-default payment method on account ${String(a.record.AccountNumber)}`,
      );
      store.delete('PaymentMethod', method.record.Id);
      return;
    }
  }
}

function postInvoice(store: TenantStore, a: StoredRecord, invoiceDate: string): void {
  // Through the tables' value indexes (the rows a scan filtered on the field would give, in the same order):
  // a scan of every subscription and charge per account made a 1% bill run at M take minutes.
  const subs = store
    .table('Subscription')
    .withValue('AccountId', String(a.record.Id))
    .filter((s) => s.record.Status === 'Active')
    .map((s) => String(s.record.Id));
  const charges = store
    .table('RatePlanCharge')
    .withValues('SubscriptionId', subs)
    .filter((c) => c.record.ChargeType === 'Recurring' && c.record.Price !== null)
    .slice(0, 2);
  if (charges.length === 0)
    throw new EventError(`account ${String(a.record.AccountNumber)} has no active recurring charges to bill`);
  const amount = round2(
    charges.reduce((sum, c) => sum + Number(c.record.Price) * Number(c.record.Quantity ?? 1), 0),
  );
  const due = dateOf(addDays(new Date(`${invoiceDate}T00:00:00Z`), 30));
  const invoice = store.insert(
    'Invoice',
    {
      AccountId: a.record.Id,
      InvoiceNumber: `INV-E${store.count('Invoice') + 1}`,
      InvoiceDate: invoiceDate,
      DueDate: due,
      TargetDate: invoiceDate,
      Status: 'Posted',
      Amount: amount,
      AmountWithoutTax: amount,
      TaxAmount: 0,
      TaxExemptAmount: 0,
      Balance: amount,
      PaymentAmount: 0,
      RefundAmount: 0,
      AdjustmentAmount: 0,
      CreditBalanceAdjustmentAmount: 0,
      PaymentTerm: a.record.PaymentTerm ?? null,
      BillToContactId: a.record.BillToId ?? null,
      SoldToContactId: a.record.SoldToId ?? null,
      PostedBy: 'bill-run',
    },
    a.entityId,
  );
  for (const c of charges) {
    const value: FieldValue = round2(Number(c.record.Price) * Number(c.record.Quantity ?? 1));
    store.insert(
      'InvoiceItem',
      {
        AccountId: a.record.Id,
        InvoiceId: invoice.Id,
        SubscriptionId: c.record.SubscriptionId ?? null,
        RatePlanChargeId: c.record.Id,
        ChargeAmount: value,
        ChargeName: c.record.Name ?? null,
        ChargeDate: invoice.CreatedDate,
        Quantity: c.record.Quantity ?? 1,
        UnitPrice: c.record.Price ?? null,
        ServiceStartDate: invoiceDate,
        ProcessingType: 0,
        TaxAmount: 0,
        TaxExemptAmount: 0,
        TaxMode: 'TaxExclusive',
        UOM: c.record.UOM ?? null,
        Balance: value,
      },
      a.entityId,
    );
  }
  const balance = round2(Number(a.record.Balance) + amount);
  store.update('Account', a.record.Id, {
    Balance: balance,
    TotalInvoiceBalance: balance,
    LastInvoiceDate: invoiceDate,
  });
}
