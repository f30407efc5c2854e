// Orders API semantics: the whole order is validated before anything is written (all or nothing).
// Limits: 50 subscriptions / 50 order actions / 50 actions per subscription synchronously, 300
// asynchronously, 100 order line items per order. Currency, billing period and bill cycle type of
// existing charges and accounts cannot be changed through an order.
// https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/orders-introduction/order-actions
// https://developer.zuora.com/api-references/api/operation/POST_CreateOrderAsynchronously
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';
import { addMonths, dateOf } from '../tenant/dates.js';
import { createSubscriptionVersion, latestVersion } from '../changes/subscription-versions.js';
import { reason, type ZuoraReason } from '../http/errors.js';
import type { OrderAction, OrderRequest } from './order-request.js';

export type OrderOutcome =
  { ok: true; response: Record<string, unknown> } | { ok: false; status: number; reasons: ZuoraReason[] };

export const orderLimits = { sync: 50, async: 300, orderLineItems: 100 } as const;

type RatePlanSpec = NonNullable<OrderAction['addProduct']>;

const fail = (status: number, category: Parameters<typeof reason>[1], message: string): OrderOutcome => ({
  ok: false,
  status,
  reasons: [reason('order', category, message)],
});

let orderCounter = 0;

export function createOrder(
  store: TenantStore,
  request: OrderRequest,
  mode: 'sync' | 'async',
  entityId: string | null,
): OrderOutcome {
  const limit = mode === 'sync' ? orderLimits.sync : orderLimits.async;
  const actions = request.subscriptions.flatMap((s) => s.orderActions);
  if (request.subscriptions.length > limit) {
    return fail(
      400,
      'limitExceeded',
      `An order can contain at most ${limit} subscriptions in a ${mode === 'sync' ? 'synchronous' : 'asynchronous'} call; this order has ${request.subscriptions.length}.`,
    );
  }
  if (actions.length > limit)
    return fail(
      400,
      'limitExceeded',
      `An order can contain at most ${limit} order actions in a ${mode === 'sync' ? 'synchronous' : 'asynchronous'} call; this order has ${actions.length}.`,
    );
  if (request.orderLineItems.length > orderLimits.orderLineItems) {
    return fail(
      400,
      'limitExceeded',
      `An order can contain at most ${orderLimits.orderLineItems} order line items; this order has ${request.orderLineItems.length}.`,
    );
  }
  if (
    request.orderNumber !== undefined &&
    [...store.scan('Order', null)].some((o) => o.record.OrderNumber === request.orderNumber)
  )
    return fail(400, 'invalidValue', `The order number ${request.orderNumber} already exists.`);
  const entity = entityId ?? store.defaultEntityId;
  const inScope = (s: StoredRecord | undefined): s is StoredRecord =>
    s !== undefined && (entityId === null || s.entityId === entityId);

  // Validation pass: resolve every reference before writing anything.
  let account =
    request.existingAccountNumber === undefined
      ? undefined
      : store.findAccount(request.existingAccountNumber);
  if (request.existingAccountNumber !== undefined && !inScope(account)) {
    return fail(
      400,
      'invalidValue',
      `existingAccountNumber ${request.existingAccountNumber}: no such billing account.`,
    );
  }
  if (request.newAccount !== undefined && request.existingAccountNumber !== undefined) {
    return fail(400, 'invalidValue', 'Specify either existingAccountNumber or newAccount, not both.');
  }
  if (request.newAccount?.accountNumber !== undefined) {
    const existing = store.findAccount(request.newAccount.accountNumber);
    if (existing !== undefined) {
      if (existing.record.Currency !== request.newAccount.currency) {
        return fail(
          400,
          'ruleRestriction',
          `Account ${request.newAccount.accountNumber}: the currency cannot be updated (${String(existing.record.Currency)} -> ${request.newAccount.currency}).`,
        );
      }
      return fail(
        400,
        'invalidValue',
        `Account number ${request.newAccount.accountNumber} already exists; use existingAccountNumber.`,
      );
    }
  }
  if (account === undefined && request.newAccount === undefined)
    return fail(400, 'missingRequired', 'existingAccountNumber or newAccount is required.');
  const currency = account?.record.Currency ?? request.newAccount?.currency ?? 'USD';

  const checkRatePlan = (spec: RatePlanSpec, where: string): string | null => {
    const prp = store.get('ProductRatePlan', spec.productRatePlanId);
    if (!inScope(prp)) return `${where}: productRatePlanId ${spec.productRatePlanId} does not exist.`;
    for (const o of spec.chargeOverrides ?? []) {
      const prpc = store.get('ProductRatePlanCharge', o.productRatePlanChargeId);
      if (prpc === undefined || prpc.record.ProductRatePlanId !== spec.productRatePlanId) {
        return `${where}: productRatePlanChargeId ${o.productRatePlanChargeId} is not a charge of product rate plan ${spec.productRatePlanId}.`;
      }
    }
    return null;
  };

  const subscriptionsByNumber = new Map<string, ZRecord>();
  for (const [si, sub] of request.subscriptions.entries()) {
    if (sub.orderActions.length > limit)
      return fail(
        400,
        'limitExceeded',
        `subscriptions[${si}]: at most ${limit} order actions per subscription.`,
      );
    for (const [ai, action] of sub.orderActions.entries()) {
      const where = `subscriptions[${si}].orderActions[${ai}] (${action.type})`;
      if (action.type === 'CreateSubscription') {
        const cs = action.createSubscription;
        if (cs === undefined)
          return fail(400, 'missingRequired', `${where}: createSubscription is required.`);
        if (cs.currency !== undefined && cs.currency !== currency) {
          return fail(
            400,
            'ruleRestriction',
            `${where}: the subscription currency must be the account currency ${String(currency)}; currency cannot be updated.`,
          );
        }
        for (const [pi, spec] of cs.subscribeToRatePlans.entries()) {
          const problem = checkRatePlan(spec, `${where}.subscribeToRatePlans[${pi}]`);
          if (problem !== null) return fail(400, 'invalidValue', problem);
        }
        continue;
      }
      const number = sub.subscriptionNumber;
      if (number === undefined)
        return fail(400, 'missingRequired', `${where}: subscriptionNumber is required for ${action.type}.`);
      const current = subscriptionsByNumber.get(number) ?? latestVersion(store, number);
      if (current === undefined || !inScope(store.get('Subscription', current.Id)))
        return fail(400, 'invalidValue', `${where}: subscription ${number} does not exist.`);
      if (account !== undefined && current.AccountId !== account.record.Id) {
        return fail(
          400,
          'invalidValue',
          `${where}: subscription ${number} does not belong to account ${String(account.record.AccountNumber)}.`,
        );
      }
      if (current.Status === 'Cancelled')
        return fail(400, 'ruleRestriction', `${where}: subscription ${number} is cancelled.`);
      subscriptionsByNumber.set(number, current);
      if (action.type === 'AddProduct') {
        if (action.addProduct === undefined)
          return fail(400, 'missingRequired', `${where}: addProduct is required.`);
        const problem = checkRatePlan(action.addProduct, where);
        if (problem !== null) return fail(400, 'invalidValue', problem);
      }
      if (action.type === 'RemoveProduct' || action.type === 'UpdateProduct') {
        const ratePlanId = action.removeProduct?.ratePlanId ?? action.updateProduct?.ratePlanId;
        const plan = ratePlanId === undefined ? undefined : store.get('RatePlan', ratePlanId);
        if (plan === undefined || plan.record.SubscriptionId !== current.Id) {
          return fail(
            400,
            'invalidValue',
            `${where}: rate plan ${String(ratePlanId)} is not on the current version of subscription ${number}.`,
          );
        }
      }
      if (action.type === 'UpdateProduct') {
        for (const update of action.updateProduct?.chargeUpdates ?? []) {
          const charge = [...store.scan('RatePlanCharge', null)].find(
            (c) => c.record.ChargeNumber === update.chargeNumber && c.record.SubscriptionId === current.Id,
          );
          if (charge === undefined)
            return fail(
              400,
              'invalidValue',
              `${where}: charge ${update.chargeNumber} is not on subscription ${number}.`,
            );
          const refused: [string, FieldValue, string | undefined][] = [
            ['billing period', charge.record.BillingPeriod ?? null, update.billing?.billingPeriod],
            ['bill cycle type', charge.record.BillCycleType ?? null, update.billing?.billCycleType],
            ['currency', currency, update.currency],
          ];
          for (const [label, was, wanted] of refused) {
            if (wanted !== undefined && wanted !== was) {
              return fail(
                400,
                'ruleRestriction',
                `${where}: the ${label} of charge ${update.chargeNumber} cannot be updated (${String(was)} -> ${wanted}); remove the product and add it again.`,
              );
            }
          }
        }
      }
    }
  }
  for (const [li, item] of request.orderLineItems.entries()) {
    if (
      item.productRatePlanChargeId !== undefined &&
      !inScope(store.get('ProductRatePlanCharge', item.productRatePlanChargeId))
    ) {
      return fail(
        400,
        'invalidValue',
        `orderLineItems[${li}]: productRatePlanChargeId ${item.productRatePlanChargeId} does not exist.`,
      );
    }
  }

  // Apply pass.
  if (account === undefined && request.newAccount !== undefined)
    account = createAccount(store, request.newAccount, entity);
  if (account === undefined) return fail(500, 'internal', 'account resolution failed');
  const accountRecord = account.record;
  orderCounter += 1;
  const orderNumber = request.orderNumber ?? `O-${String(orderCounter).padStart(8, '0')}`;
  const order = store.insert(
    'Order',
    {
      AccountId: accountRecord.Id,
      OrderNumber: orderNumber,
      OrderDate: request.orderDate,
      Status: 'Completed',
      Description: request.description ?? null,
      Category: request.category ?? 'NewSales',
    },
    entity,
  );
  const subscriptionResults: { subscriptionNumber: string; status: string; subscriptionId: string }[] = [];
  for (const sub of request.subscriptions) {
    let number = sub.subscriptionNumber;
    for (const action of sub.orderActions) {
      const result = applyAction(
        store,
        action,
        accountRecord,
        number,
        request.orderDate,
        entity,
        String(currency),
      );
      number = String(result.Name);
    }
    const latest = number === undefined ? undefined : latestVersion(store, number);
    if (latest !== undefined)
      subscriptionResults.push({
        subscriptionNumber: String(latest.Name),
        status: String(latest.Status),
        subscriptionId: latest.Id,
      });
  }
  const lineItems = request.orderLineItems.map((item, i) => {
    const li = store.insert(
      'OrderLineItem',
      {
        AccountId: accountRecord.Id,
        OrderId: order.Id,
        ItemNumber: String(i + 1),
        ItemName: item.itemName,
        ItemType: item.itemType,
        ItemState: 'Executing',
        Quantity: item.quantity,
        ListPricePerUnit: item.listPricePerUnit,
        AmountPerUnit: item.amountPerUnit ?? item.listPricePerUnit,
        ProductRatePlanChargeId: item.productRatePlanChargeId ?? null,
        ProductCode: item.productCode ?? null,
        TransactionDate: item.transactionDate,
        UOM: item.UOM ?? null,
        Currency: item.currency ?? currency,
        Description: item.description ?? null,
      },
      entity,
    );
    return { id: li.Id, itemNumber: String(i + 1) };
  });
  return {
    ok: true,
    response: {
      success: true,
      orderNumber,
      orderId: order.Id,
      accountNumber: accountRecord.AccountNumber,
      accountId: accountRecord.Id,
      status: 'Completed',
      subscriptionNumbers: subscriptionResults.map((s) => s.subscriptionNumber),
      subscriptions: subscriptionResults,
      ...(lineItems.length > 0 ? { orderLineItems: lineItems } : {}),
    },
  };
}

function createAccount(
  store: TenantStore,
  spec: NonNullable<OrderRequest['newAccount']>,
  entity: string,
): StoredRecord {
  const contact = (c: NonNullable<typeof spec.soldToContact>): ZRecord =>
    store.insert(
      'Contact',
      {
        FirstName: c.firstName,
        LastName: c.lastName,
        WorkEmail: c.workEmail ?? null,
        WorkPhone: c.workPhone ?? null,
        Address1: c.address1 ?? null,
        City: c.city ?? null,
        State: c.state ?? null,
        Country: c.country ?? null,
        PostalCode: c.postalCode ?? null,
      },
      entity,
    );
  const billTo = contact(spec.billToContact);
  const soldTo = spec.soldToContact === undefined ? billTo : contact(spec.soldToContact);
  const number = spec.accountNumber ?? `A${String(store.count('Account') + 1).padStart(8, '0')}N`;
  const account = store.insert(
    'Account',
    {
      AccountNumber: number,
      Name: spec.name,
      CrmId: spec.crmId ?? null,
      Status: 'Active',
      Currency: spec.currency,
      Balance: 0,
      CreditBalance: 0,
      TotalInvoiceBalance: 0,
      UnappliedBalance: 0,
      Mrr: 0,
      BillCycleDay: spec.billCycleDay,
      PaymentTerm: spec.paymentTerm ?? 'Net 30',
      AutoPay: spec.autoPay ?? false,
      Batch: 'Batch1',
      BillToId: billTo.Id,
      SoldToId: soldTo.Id,
      InvoiceDeliveryPrefsEmail: true,
      InvoiceDeliveryPrefsPrint: false,
      AllowInvoiceEdit: false,
      TaxExemptStatus: 'No',
      BcdSettingOption: 'ManualSet',
      IsCrmIdChangeProcessed: true,
    },
    entity,
  );
  store.update('Contact', billTo.Id, { AccountId: account.Id });
  if (soldTo.Id !== billTo.Id) store.update('Contact', soldTo.Id, { AccountId: account.Id });
  return store.get('Account', account.Id) as StoredRecord;
}

function addRatePlan(
  store: TenantStore,
  spec: RatePlanSpec,
  subscription: ZRecord,
  entity: string,
  startDate: string,
  amendment: string | null,
): void {
  const prp = store.get('ProductRatePlan', spec.productRatePlanId)?.record;
  if (prp === undefined) return;
  const ratePlan = store.insert(
    'RatePlan',
    {
      AccountId: subscription.AccountId ?? null,
      SubscriptionId: subscription.Id,
      ProductRatePlanId: prp.Id,
      Name: prp.Name ?? null,
      AmendmentType: amendment,
    },
    entity,
  );
  const prpcs = [...store.scan('ProductRatePlanCharge', null)].filter(
    (c) => c.record.ProductRatePlanId === prp.Id,
  );
  prpcs.forEach((prpc, i) => {
    const c = prpc.record;
    const override = spec.chargeOverrides?.find((o) => o.productRatePlanChargeId === c.Id);
    const p = override?.pricing;
    const listPrice =
      p?.recurringFlatFee?.listPrice ??
      p?.recurringPerUnit?.listPrice ??
      p?.usagePerUnit?.listPrice ??
      p?.oneTimeFlatFee?.listPrice;
    const catalogTiers = [...store.scan('ProductRatePlanChargeTier', null)]
      .filter((t) => t.record.ProductRatePlanChargeId === c.Id)
      .map((t) => t.record);
    const price = listPrice ?? (catalogTiers.length === 1 ? (catalogTiers[0]?.Price ?? null) : null);
    const quantity =
      p?.recurringPerUnit?.quantity ??
      p?.recurringTiered?.quantity ??
      p?.recurringVolume?.quantity ??
      (c.UOM === null ? null : 1);
    const charge = store.insert(
      'RatePlanCharge',
      {
        AccountId: subscription.AccountId ?? null,
        SubscriptionId: subscription.Id,
        RatePlanId: ratePlan.Id,
        ProductRatePlanChargeId: c.Id,
        Name: c.Name ?? null,
        ChargeNumber: `C-${subscription.Name}-${store.count('RatePlanCharge')}-${i}`,
        ChargeModel: c.ChargeModel ?? null,
        ChargeType: c.ChargeType ?? null,
        ApplyDiscountTo: c.ApplyDiscountTo ?? null,
        DiscountLevel: c.DiscountLevel ?? null,
        BillingPeriod: override?.billing?.billingPeriod ?? c.BillingPeriod ?? null,
        BillCycleType: override?.billing?.billCycleType ?? c.BillCycleType ?? null,
        BillingTiming: c.BillingTiming ?? null,
        TriggerEvent: c.TriggerEvent ?? null,
        EndDateCondition: c.EndDateCondition ?? null,
        UOM: c.UOM ?? null,
        Price: price,
        Quantity: quantity,
        EffectiveStartDate: startDate,
        EffectiveEndDate: subscription.TermEndDate ?? null,
        Version: subscription.Version ?? 1,
        DiscountPercentage: p?.discount?.discountPercentage ?? null,
        DiscountAmount: p?.discount?.discountAmount ?? null,
        IsLastSegment: true,
        Segment: 1,
      },
      entity,
    );
    store.update('RatePlanCharge', charge.Id, { OriginalId: charge.Id });
    const tiers =
      p?.usageTiered?.tiers ??
      p?.usageVolume?.tiers ??
      p?.recurringTiered?.tiers ??
      p?.recurringVolume?.tiers;
    const source =
      tiers?.map((t, k) => ({
        Tier: t.tier ?? k + 1,
        StartingUnit: t.startingUnit,
        EndingUnit: t.endingUnit ?? null,
        Price: t.price,
        PriceFormat: t.priceFormat,
      })) ??
      catalogTiers
        .filter((t) => t.StartingUnit !== null)
        .map((t) => ({
          Tier: t.Tier ?? null,
          StartingUnit: t.StartingUnit ?? null,
          EndingUnit: t.EndingUnit ?? null,
          Price: t.Price ?? null,
          PriceFormat: t.PriceFormat ?? null,
        }));
    for (const t of source) {
      store.insert(
        'RatePlanChargeTier',
        {
          ...t,
          AccountId: subscription.AccountId ?? null,
          SubscriptionId: subscription.Id,
          RatePlanChargeId: charge.Id,
          Currency: 'USD',
        },
        entity,
      );
    }
  });
}

let subscriptionCounter = 0;

function applyAction(
  store: TenantStore,
  action: OrderAction,
  account: ZRecord,
  number: string | undefined,
  orderDate: string,
  entity: string,
  currency: string,
): ZRecord {
  if (action.type === 'CreateSubscription' && action.createSubscription !== undefined) {
    const cs = action.createSubscription;
    const term = cs.terms?.initialTerm;
    const start = term?.startDate ?? orderDate;
    const months = (term?.period ?? 12) * (term?.periodType === 'Year' ? 12 : 1);
    const end = dateOf(addMonths(new Date(`${start}T00:00:00Z`), months));
    subscriptionCounter += 1;
    const subscriptionNumber =
      cs.subscriptionNumber ?? number ?? `A-S9${String(subscriptionCounter).padStart(8, '0')}`;
    const sub = store.insert(
      'Subscription',
      {
        AccountId: account.Id,
        InvoiceOwnerId: account.Id,
        Name: subscriptionNumber,
        SubscriptionNumber: subscriptionNumber,
        Status: 'Active',
        Version: 1,
        AutoRenew: cs.terms?.autoRenew ?? false,
        ContractEffectiveDate: start,
        ServiceActivationDate: start,
        ContractAcceptanceDate: start,
        SubscriptionStartDate: start,
        SubscriptionEndDate: term?.termType === 'EVERGREEN' ? null : end,
        TermStartDate: start,
        TermEndDate: term?.termType === 'EVERGREEN' ? null : end,
        TermType: term?.termType ?? 'TERMED',
        InitialTerm: term?.period ?? 12,
        InitialTermPeriodType: term?.periodType ?? 'Month',
        CurrentTerm: term?.period ?? 12,
        CurrentTermPeriodType: term?.periodType ?? 'Month',
        RenewalTerm: cs.terms?.renewalTerms?.[0]?.period ?? 12,
        RenewalTermPeriodType: cs.terms?.renewalTerms?.[0]?.periodType ?? 'Month',
        Notes: cs.notes ?? null,
        Currency: currency,
      },
      entity,
    );
    store.update('Subscription', sub.Id, { OriginalId: sub.Id, OriginalCreatedDate: sub.CreatedDate });
    for (const spec of cs.subscribeToRatePlans) addRatePlan(store, spec, sub, entity, start, null);
    return sub;
  }
  const previous = latestVersion(store, number ?? '');
  if (previous === undefined) throw new Error(`validated subscription ${String(number)} disappeared`);
  const patch: Record<string, FieldValue> =
    action.type === 'CancelSubscription'
      ? {
          Status: 'Cancelled',
          CancelledDate: action.cancelSubscription?.cancellationEffectiveDate ?? orderDate,
          AutoRenew: false,
        }
      : action.type === 'RenewSubscription'
        ? {
            TermEndDate: dateOf(
              addMonths(
                new Date(`${String(previous.TermEndDate ?? orderDate)}T00:00:00Z`),
                Number(previous.RenewalTerm ?? 12),
              ),
            ),
            Status: 'Active',
          }
        : { Status: 'Active' };
  const version = createSubscriptionVersion(store, previous, patch);
  if (action.type === 'AddProduct' && action.addProduct !== undefined)
    addRatePlan(store, action.addProduct, version.subscription, entity, orderDate, 'NewProduct');
  if (action.type === 'RemoveProduct' && action.removeProduct !== undefined) {
    const plan = version.ratePlans.get(action.removeProduct.ratePlanId);
    if (plan !== undefined) {
      for (const [, charge] of version.charges)
        if (charge.RatePlanId === plan.Id)
          store.update('RatePlanCharge', charge.Id, { EffectiveEndDate: orderDate });
      store.update('RatePlan', plan.Id, { AmendmentType: 'RemoveProduct' });
    }
  }
  if (action.type === 'UpdateProduct' && action.updateProduct !== undefined) {
    for (const update of action.updateProduct.chargeUpdates) {
      const charge = [...version.charges.values()].find((c) => c.ChargeNumber === update.chargeNumber);
      const p = update.pricing;
      const price =
        p?.recurringFlatFee?.listPrice ?? p?.recurringPerUnit?.listPrice ?? p?.usagePerUnit?.listPrice;
      const quantity =
        p?.recurringPerUnit?.quantity ?? p?.recurringTiered?.quantity ?? p?.recurringVolume?.quantity;
      if (charge !== undefined)
        store.update('RatePlanCharge', charge.Id, {
          ...(price === undefined ? {} : { Price: price }),
          ...(quantity === undefined ? {} : { Quantity: quantity }),
        });
    }
    const plan = version.ratePlans.get(action.updateProduct.ratePlanId);
    if (plan !== undefined) store.update('RatePlan', plan.Id, { AmendmentType: 'UpdateProduct' });
  }
  return version.subscription;
}
