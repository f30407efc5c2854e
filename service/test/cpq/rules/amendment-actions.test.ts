import { describe, expect, it } from 'vitest';
import { amendmentOrder } from '../../../src/cpq/rules/amendment-actions.js';
import type { ZuoraRatePlanRef } from '../../../src/cpq/rules/catalog-plan.js';
import { classifyItems } from '../../../src/cpq/rules/classify-items.js';
import type { CpqOrderBundle, CpqOrderItem } from '../../../src/cpq/rules/cpq-records.js';
import { defaultCpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import type { SyncedLine } from '../../../src/cpq/rules/synced-line.js';
import { bundle, item, itemSchedule, order, subscription, usageParts } from './cpq-fixtures.js';

const seat: SyncedLine = {
  orderItemId: '802000000000001AAA',
  subscriptionNumber: 'SUB-0000001',
  ratePlanId: 'rp-1',
  chargeNumber: '0000000001',
  quantity: 10,
  price: 30,
  pricingVariant: 'recurringPerUnit',
  invoiceOwnerAccountNumber: 'A001',
};
const usagePlan: ZuoraRatePlanRef = {
  productRatePlanId: 'prp-api',
  charges: [{ id: 'prpc-api', type: 'Usage', model: 'Volume Pricing', uom: 'API Call' }],
};

function amend(items: Partial<CpqOrderItem>[], synced: SyncedLine[], extra: Partial<CpqOrderBundle> = {}) {
  const b = bundle({
    order: order({
      Id: '801000000000002AAA',
      OrderNumber: '00000102',
      Type: 'Amendment',
      EffectiveDate: '2026-04-01',
    }),
    items: items.map((o, k) =>
      item({
        Id: `80200000000002${k}AAA`,
        OrderItemNumber: `000000002${k}`,
        SBQQ__Subscription__c: 'a0x000000000021AAA',
        ...o,
      }),
    ),
    subscriptions: [subscription({ Id: 'a0x000000000021AAA', Name: 'SUB-0000021' })],
    ...extra,
  });
  const classified = classifyItems(b);
  if (!classified.ok) throw new Error(classified.error.message);
  return amendmentOrder({
    bundle: b,
    settings: defaultCpqSettings,
    classified: classified.value,
    needs: [
      {
        itemId: '802000000000020AAA',
        productId: '01t000000000005AAA',
        externalId: '0sp000000000001AAA',
        itemScheduleId: 'a0w000000000002AAA',
      },
    ],
    ratePlans: new Map([['0sp000000000001AAA', usagePlan]]),
    invoiceOwnerAccountNumber: 'A001',
    subscriptionOwnerAccountNumber: 'A001',
    currency: 'USD',
    tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
    synced,
  });
}

const revising = { SBQQ__RevisedOrderProduct__c: '802000000000001AAA' };

describe('amendment actions', () => {
  it('updates the quantity to the synced quantity plus the delta, on the line start date', () => {
    const r = amend(
      [{ ...revising, Quantity: 3, SBQQ__ContractAction__c: 'Quantity Increase', ServiceDate: '2026-04-01' }],
      [seat],
    );
    expect(r.ok && r.value.body.subscriptions).toEqual([
      {
        subscriptionNumber: 'SUB-0000001',
        orderActions: [
          {
            type: 'UpdateProduct',
            triggerDates: [{ name: 'ContractEffective', triggerDate: '2026-04-01' }],
            updateProduct: {
              ratePlanId: 'rp-1',
              chargeUpdates: [
                {
                  chargeNumber: '0000000001',
                  pricing: { recurringPerUnit: { quantity: 13 } },
                  effectiveDate: { triggerEvent: 'SpecificDate', specificTriggerDate: '2026-04-01' },
                },
              ],
            },
          },
        ],
      },
    ]);
  });

  it('removes the rate plan when a decrease reaches zero, and refuses going below zero (CPQ-E024)', () => {
    const zero = amend(
      [{ ...revising, Quantity: -10, SBQQ__ContractAction__c: 'Quantity Decrease' }],
      [seat],
    );
    expect(zero.ok && zero.value.body.subscriptions[0]?.orderActions.map((a) => a.type)).toEqual([
      'RemoveProduct',
    ]);
    expect(
      amend([{ ...revising, Quantity: -11, SBQQ__ContractAction__c: 'Quantity Decrease' }], [seat]),
    ).toMatchObject({ ok: false, error: { code: 'CPQ-E024' } });
  });

  it('removes only the cancelled line of a subscription that keeps other lines', () => {
    const other: SyncedLine = {
      ...seat,
      orderItemId: '802000000000003AAA',
      ratePlanId: 'rp-3',
      chargeNumber: '0000000003',
    };
    const r = amend([{ ...revising, Quantity: -10, SBQQ__ContractAction__c: 'Cancel' }], [seat, other]);
    expect(r.ok && r.value.body.subscriptions[0]?.orderActions).toMatchObject([
      { type: 'RemoveProduct', removeProduct: { ratePlanId: 'rp-1' } },
    ]);
  });

  it('changes a usage quantity as RemoveProduct + AddProduct with the new tiers', () => {
    const u = usageParts();
    const usageLine: SyncedLine = {
      ...seat,
      orderItemId: '802000000000005AAA',
      subscriptionNumber: 'SUB-0000005',
      ratePlanId: 'rp-5',
      pricingVariant: 'usageVolume',
      quantity: 1,
    };
    const r = amend(
      [
        {
          SBQQ__RevisedOrderProduct__c: '802000000000005AAA',
          Product2Id: u.product.Id,
          Quantity: 1,
          SBQQ__ChargeType__c: 'Usage',
          SBQQ__ContractAction__c: 'Quantity Increase',
        },
      ],
      [usageLine],
      {
        itemSchedules: [itemSchedule({ Id: 'a0w000000000002AAA', SBQQ__OrderItem__c: '802000000000020AAA' })],
        itemRates: [
          { ...u.itemRates[1]!, SBQQ__OrderItemConsumptionSchedule__c: 'a0w000000000002AAA' },
          { ...u.itemRates[0]!, SBQQ__OrderItemConsumptionSchedule__c: 'a0w000000000002AAA' },
        ],
      },
    );
    expect(r.ok && r.value.body.subscriptions[0]?.orderActions.map((a) => a.type)).toEqual([
      'RemoveProduct',
      'AddProduct',
    ]);
    expect(r.ok && r.value.body.subscriptions[0]?.orderActions[1]).toMatchObject({
      addProduct: {
        productRatePlanId: 'prp-api',
        externallyManagedPlanId: 'a0w000000000002AAA',
        chargeOverrides: [
          {
            pricing: {
              usageVolume: {
                tiers: [
                  { startingUnit: 0, endingUnit: 184 },
                  { startingUnit: 185, endingUnit: 999 },
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('refuses a line whose lineage is not in Zuora: CPQ-E002, or CPQ-E004 for usage', () => {
    expect(
      amend([{ ...revising, Quantity: 1, SBQQ__ContractAction__c: 'Quantity Increase' }], []),
    ).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E002', record: { field: 'SBQQ__RevisedOrderProduct__c' } },
    });
    expect(amend([{ ...revising, Quantity: 1, SBQQ__ChargeType__c: 'Usage' }], [])).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E004' },
    });
  });

  it('transfers the invoice owner of a touched subscription, and renews once per subscription', () => {
    const moved = amend(
      [{ ...revising, Quantity: 1, SBQQ__ContractAction__c: 'Quantity Increase' }],
      [{ ...seat, invoiceOwnerAccountNumber: 'A000' }],
    );
    expect(moved.ok && moved.value.body.subscriptions[0]?.orderActions[1]).toEqual({
      type: 'OwnerTransfer',
      ownerTransfer: { destinationInvoiceAccountNumber: 'A001' },
    });
    // An owner-only amendment's zero-delta line moves the subscription owner and changes nothing else.
    const owned = amend(
      [{ ...revising, Quantity: 0, SBQQ__ContractAction__c: null }],
      [{ ...seat, subscriptionOwnerAccountNumber: 'A009' }],
    );
    expect(owned.ok && owned.value.body.subscriptions).toEqual([
      {
        subscriptionNumber: 'SUB-0000001',
        orderActions: [{ type: 'OwnerTransfer', ownerTransfer: { destinationAccountNumber: 'A001' } }],
      },
    ]);
    expect(amend([{ ...revising, Quantity: 0, SBQQ__ContractAction__c: null }], [seat])).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E024' },
    });
    const renewal = amend(
      [{ ...revising, Quantity: 10, UnitPrice: 30, SBQQ__ContractAction__c: 'Renew' }],
      [seat],
    );
    expect(renewal.ok && renewal.value.body.subscriptions[0]?.orderActions.map((a) => a.type)).toEqual([
      'RenewSubscription',
    ]);
  });
});
