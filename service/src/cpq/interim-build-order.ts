// INTERIM until cpq-rules' build-order.ts lands (then this file goes): the create-order body of a new CPQ
// order (reference 1.9 and 2.2): order number = OrderNumber, order date = EffectiveDate, one
// CreateSubscription per CPQ subscription (subscription number = its Name, rate plan externallyManagedPlanId
// = the OrderItem Id, charge number = OrderItemNumber, price = NetPrice) and one order line item per one-time
// product. https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import type { CpqOrderBundle, CpqOrderItem, CpqSubscription } from './rules/cpq-records.js';
import type { CpqSettings } from './rules/cpq-settings.js';
import type { ResolvedPlan } from './zuora-catalog-step.js';

export interface OrderRefs {
  readonly invoiceOwnerNumber: string;
  readonly subscriptionOwnerNumber: string;
  readonly billToContactId: string;
  readonly soldToContactId: string;
  /** Resolved rate plans by externally managed plan id (Product2.Id). */
  readonly plans: ReadonlyMap<string, ResolvedPlan>;
}

/** Whole months from `start` to the day after `end` (CPQ end dates are inclusive). */
function months(start: string, end: string | null): number {
  if (end === null) return 12;
  const s = new Date(`${start}T00:00:00Z`);
  const e = new Date(`${end}T00:00:00Z`);
  e.setUTCDate(e.getUTCDate() + 1);
  const whole = (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + (e.getUTCMonth() - s.getUTCMonth());
  return Math.max(1, e.getUTCDate() >= s.getUTCDate() ? whole : whole - 1);
}

function createSubscription(
  b: CpqOrderBundle,
  item: CpqOrderItem,
  sub: CpqSubscription,
  refs: OrderRefs,
  settings: CpqSettings,
) {
  const plan = refs.plans.get(item.Product2Id);
  const charge = plan?.charges[0];
  const start =
    (settings.useSubscriptionStartDate ? sub.SBQQ__SubscriptionStartDate__c : b.contract?.StartDate) ??
    sub.SBQQ__SubscriptionStartDate__c ??
    b.order.EffectiveDate;
  const term = months(start, sub.SBQQ__SubscriptionEndDate__c);
  const evergreen = (sub.SBQQ__SubscriptionType__c ?? sub.SBQQ__ProductSubscriptionType__c) === 'Evergreen';
  const override =
    settings.priceOverrideField === undefined
      ? undefined
      : sub[settings.priceOverrideField as `${string}__c`];
  const price = typeof override === 'number' ? override : (sub.SBQQ__NetPrice__c ?? item.UnitPrice);
  const perUnit = charge?.chargeModel === 'Per Unit Pricing';
  return {
    subscriptionNumber: sub.Name,
    orderActions: [
      {
        type: 'CreateSubscription',
        triggerDates: [{ name: 'ContractEffective', triggerDate: b.order.EffectiveDate }],
        createSubscription: {
          subscriptionOwnerAccountNumber: refs.subscriptionOwnerNumber,
          billToContactId: refs.billToContactId,
          soldToContactId: refs.soldToContactId,
          terms: evergreen
            ? { initialTerm: { startDate: start, termType: 'EVERGREEN' } }
            : {
                initialTerm: { startDate: start, period: term, periodType: 'Month', termType: 'TERMED' },
                renewalSetting: 'RENEW_WITH_SPECIFIC_TERM',
                renewalTerms: [{ period: term, periodType: 'Month' }],
                autoRenew: false,
              },
          subscribeToRatePlans: [
            {
              productRatePlanId: plan?.ratePlanId,
              externallyManagedPlanId: item.Id,
              chargeOverrides: [
                {
                  productRatePlanChargeId: charge?.id,
                  chargeNumber: item.OrderItemNumber,
                  pricing: perUnit
                    ? { recurringPerUnit: { listPrice: price, quantity: sub.SBQQ__Quantity__c } }
                    : { recurringFlatFee: { listPrice: price } },
                },
              ],
            },
          ],
        },
      },
    ],
  };
}

function lineItem(b: CpqOrderBundle, item: CpqOrderItem, refs: OrderRefs) {
  const product = b.products.find((p) => p.Id === item.Product2Id);
  const charge = refs.plans.get(item.Product2Id)?.charges[0];
  return {
    itemName: (product?.Name ?? item.Product2Id).slice(0, 255),
    itemType: 'Product',
    itemCategory: 'Sales',
    itemState: 'SentToBilling',
    quantity: item.Quantity,
    listPricePerUnit: item.UnitPrice,
    amountPerUnit: item.UnitPrice,
    ...(product?.ProductCode ? { productCode: product.ProductCode } : {}),
    ...(charge === undefined ? {} : { productRatePlanChargeId: charge.id }),
    purchaseOrderNumber: b.order.Id,
    transactionStartDate: b.order.EffectiveDate,
    transactionEndDate: b.order.EffectiveDate,
    billTargetDate: b.order.ActivatedDate?.slice(0, 10) ?? b.order.EffectiveDate,
    ownerAccountNumber: refs.subscriptionOwnerNumber,
    billTo: refs.billToContactId,
    soldTo: refs.soldToContactId,
    ...(item.Description === null ? {} : { description: item.Description.slice(0, 500) }),
  };
}

export function buildNewOrder(
  b: CpqOrderBundle,
  refs: OrderRefs,
  settings: CpqSettings,
): Record<string, unknown> {
  const subscriptions = [];
  const lineItems = [];
  for (const item of b.items) {
    const sub = b.subscriptions.find((s) => s.Id === item.SBQQ__Subscription__c);
    if (sub !== undefined) subscriptions.push(createSubscription(b, item, sub, refs, settings));
    else lineItems.push(lineItem(b, item, refs));
  }
  return {
    orderNumber: b.order.OrderNumber,
    orderDate: b.order.EffectiveDate,
    existingAccountNumber: refs.invoiceOwnerNumber,
    ...(b.order.Description === null ? {} : { description: b.order.Description.slice(0, 500) }),
    subscriptions,
    orderLineItems: lineItems,
  };
}
