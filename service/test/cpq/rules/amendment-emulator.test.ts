// Amendments and renewals built by amendmentOrder, sent to an in-process Zuora emulator after the initial
// order: quantity up and down (UpdateProduct), usage cancel (CancelSubscription), price change (cancel +
// new), added product (CreateSubscription), invoice owner change (OwnerTransfer) and renewal
// (RenewSubscription with the renewal price). Each job must complete and leave the subscription as CPQ has it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZuoraEmulator } from '../../../../emulators/zuora/src/index.js';
import { amendmentOrder } from '../../../src/cpq/rules/amendment-actions.js';
import type { ZuoraRatePlanRef } from '../../../src/cpq/rules/catalog-plan.js';
import type { CpqOrderBundle, CpqOrderItem, CpqSubscription } from '../../../src/cpq/rules/cpq-records.js';
import { defaultCpqSettings, type CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import type { SyncedLine } from '../../../src/cpq/rules/synced-line.js';
import { account, bundle, item, itemSchedule, order, subscription, usageParts } from './cpq-fixtures.js';
import {
  built,
  createAccount,
  createCatalog,
  inputsFor,
  startZuora,
  submit,
  subscriptionView,
  syncedLine,
  type Api,
} from './zuora-order-harness.js';

let zuora: ZuoraEmulator;
let api: Api;
let acctA = '';
let acctB = '';
let ratePlans = new Map<string, ZuoraRatePlanRef>();
const settings: CpqSettings = { ...defaultCpqSettings, uomDecimalPlaces: { 'API Call': 0 } };
const tenant = { requireServiceActivation: false, requireCustomerAcceptance: false };
const seat2 = {
  item: item({
    Id: '802000000000002AAA',
    OrderItemNumber: '0000000002',
    SBQQ__Subscription__c: 'a0x000000000002AAA',
  }),
  sub: subscription({
    Id: 'a0x000000000002AAA',
    Name: 'SUB-0000002',
    SBQQ__OrderProduct__c: '802000000000002AAA',
  }),
};

let n = 0;
/** An amendment order of the given lines (each with its delta CPQ subscription). */
function amendment(
  lines: { item: Partial<CpqOrderItem>; sub?: Partial<CpqSubscription> }[],
  extra: Partial<CpqOrderBundle> = {},
): CpqOrderBundle {
  n += 1;
  const id = String(110 + n);
  const items = lines.map((l, k) =>
    item({
      Id: `802000000000${id}${k}AA`,
      OrderItemNumber: `00000${id}${k}`,
      OrderId: `801000000000${id}AAA`,
      SBQQ__Subscription__c: `a0x000000000${id}${k}AA`,
      ...l.item,
    }),
  );
  const subs = lines.map((l, k) =>
    subscription({
      Id: `a0x000000000${id}${k}AA`,
      Name: `SUB-0${id}${k}`,
      SBQQ__OrderProduct__c: items[k]!.Id,
      ...l.sub,
    }),
  );
  return bundle({
    order: order({
      Id: `801000000000${id}AAA`,
      OrderNumber: `00000${id}`,
      Type: 'Amendment',
      EffectiveDate: '2026-04-01',
    }),
    items,
    subscriptions: subs,
    ...extra,
  });
}

async function send(b: CpqOrderBundle, synced: SyncedLine[], invoiceOwner = acctA) {
  const inputs = inputsFor(b, {
    settings,
    ratePlans,
    invoiceOwnerAccountNumber: invoiceOwner,
    subscriptionOwnerAccountNumber: acctA,
    currency: 'USD',
    tenant,
  });
  const r = amendmentOrder({ ...inputs, synced });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const job = await submit(api, r.value.body);
  expect(job.status, JSON.stringify(job)).toBe('Completed');
  return r.value.body;
}

const seatLine = (invoiceOwner = acctA) =>
  syncedLine(api, 'SUB-0000001', '802000000000001AAA', invoiceOwner, 'recurringPerUnit');

beforeAll(async () => {
  ({ zuora, api } = await startZuora());
  acctA = await createAccount(api, account());
  acctB = await createAccount(api, account({ Id: '001000000000002AAA', Name: 'Owner Inc' }));
  const u = usageParts();
  const initial = bundle({
    ...u,
    items: [bundle().items[0]!, seat2.item, u.item],
    subscriptions: [bundle().subscriptions[0]!, seat2.sub, u.subscription],
    products: [bundle().products[0]!, u.product],
  });
  ratePlans = await createCatalog(api, initial, settings);
  const job = await submit(
    api,
    built(
      inputsFor(initial, {
        settings,
        ratePlans,
        invoiceOwnerAccountNumber: acctA,
        subscriptionOwnerAccountNumber: acctA,
        currency: 'USD',
        tenant,
      }),
    ).body,
  );
  expect(job.status).toBe('Completed');
}, 120_000);

afterAll(async () => zuora?.close());

describe('amendments against the Zuora emulator', () => {
  it('raises and lowers a quantity with UpdateProduct to the new absolute quantity', async () => {
    const up = await send(
      amendment([
        {
          item: {
            Quantity: 2,
            SBQQ__ContractAction__c: 'Quantity Increase',
            SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
          },
        },
      ]),
      [await seatLine()],
    );
    expect(up.subscriptions.map((s) => [s.subscriptionNumber, s.orderActions.map((a) => a.type)])).toEqual([
      ['SUB-0000001', ['UpdateProduct']],
    ]);
    const after = await subscriptionView(api, 'SUB-0000001');
    expect(after.ratePlans[0]?.ratePlanCharges[0]?.quantity).toBe(12);
    await send(
      amendment([
        {
          item: {
            Quantity: -5,
            SBQQ__ContractAction__c: 'Quantity Decrease',
            SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
          },
        },
      ]),
      [await seatLine()],
    );
    expect((await subscriptionView(api, 'SUB-0000001')).ratePlans[0]?.ratePlanCharges[0]?.quantity).toBe(7);
  }, 120_000);

  it('cancels a usage subscription on the amendment date', async () => {
    const u = usageParts();
    const b = amendment([
      {
        item: {
          Product2Id: u.product.Id,
          Quantity: -1,
          UnitPrice: 0,
          SBQQ__ChargeType__c: 'Usage',
          SBQQ__ContractAction__c: 'Cancel',
          SBQQ__RevisedOrderProduct__c: '802000000000005AAA',
        },
      },
    ]);
    const usage = {
      ...b,
      products: [u.product],
      itemSchedules: [itemSchedule({ Id: 'a0w000000000009AAA', SBQQ__OrderItem__c: b.items[0]!.Id })],
      productSchedules: u.productSchedules,
      consumptionSchedules: u.consumptionSchedules,
    };
    const body = await send(usage, [
      await syncedLine(api, 'SUB-0000005', '802000000000005AAA', acctA, 'usageVolume'),
    ]);
    expect(body.subscriptions[0]?.orderActions[0]).toMatchObject({
      type: 'CancelSubscription',
      cancelSubscription: { cancellationPolicy: 'SpecificDate', cancellationEffectiveDate: '2026-01-01' },
    });
    expect((await subscriptionView(api, 'SUB-0000005')).status).toBe('Cancelled');
  }, 120_000);

  it('changes a price as cancel + a new subscription', async () => {
    const b = amendment([
      {
        item: {
          Quantity: -10,
          SBQQ__ContractAction__c: 'Cancel',
          SBQQ__RevisedOrderProduct__c: '802000000000002AAA',
          ServiceDate: '2026-04-01',
        },
      },
      {
        item: { Quantity: 10, UnitPrice: 25, ServiceDate: '2026-04-01' },
        sub: { SBQQ__NetPrice__c: 25, SBQQ__SubscriptionStartDate__c: '2026-04-01' },
      },
    ]);
    const body = await send(b, [
      await syncedLine(api, 'SUB-0000002', '802000000000002AAA', acctA, 'recurringPerUnit'),
    ]);
    expect(body.subscriptions.map((s) => s.orderActions[0]?.type)).toEqual([
      'CancelSubscription',
      'CreateSubscription',
    ]);
    expect((await subscriptionView(api, 'SUB-0000002')).status).toBe('Cancelled');
    const rebooked = await subscriptionView(api, String(b.subscriptions[1]!.Name));
    expect(rebooked.ratePlans[0]?.ratePlanCharges[0]).toMatchObject({ quantity: 10, price: 25 });
  }, 120_000);

  it('adds a product as a new subscription', async () => {
    const b = amendment([{ item: { Quantity: 3 }, sub: { SBQQ__Quantity__c: 3 } }]);
    const body = await send(b, []);
    expect(body.subscriptions[0]).toMatchObject({
      orderActions: [
        { type: 'CreateSubscription', createSubscription: { subscriptionNumber: b.subscriptions[0]!.Name } },
      ],
    });
    expect((await subscriptionView(api, b.subscriptions[0]!.Name)).status).toBe('Active');
  }, 120_000);

  it('transfers the invoice owner with OwnerTransfer when InvoiceOwner__c changes', async () => {
    const owner = async () =>
      ((await subscriptionView(api, 'SUB-0000001')) as unknown as { invoiceOwnerAccountId: string })
        .invoiceOwnerAccountId;
    const accountB = (await api(`/v1/accounts/${acctB}`)).body as { basicInfo?: { id?: string } };
    const before = await owner();
    const b = amendment(
      [
        {
          item: {
            Quantity: 1,
            SBQQ__ContractAction__c: 'Quantity Increase',
            SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
          },
        },
      ],
      { invoiceOwner: account({ Id: '001000000000002AAA', Name: 'Owner Inc' }) },
    );
    const body = await send(b, [await seatLine()], acctB);
    expect(body.subscriptions[0]?.orderActions.map((a) => a.type)).toEqual([
      'UpdateProduct',
      'OwnerTransfer',
    ]);
    expect(before).not.toBe(accountB.basicInfo?.id);
    expect(await owner()).toBe(accountB.basicInfo?.id);
  }, 120_000);

  it('renews with RenewSubscription, and the renewal price', async () => {
    const before = await subscriptionView(api, 'SUB-0000001');
    const b = amendment(
      [
        {
          item: {
            Quantity: 8,
            UnitPrice: 35,
            ServiceDate: '2027-01-01',
            SBQQ__ContractAction__c: 'Renew',
            SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
          },
        },
      ],
      {
        order: order({
          Id: '801000000000199AAA',
          OrderNumber: '00000199',
          Type: 'Renewal',
          EffectiveDate: '2027-01-01',
        }),
      },
    );
    const body = await send(b, [await seatLine(acctB)], acctB);
    expect(body.subscriptions[0]?.orderActions.map((a) => a.type)).toEqual([
      'RenewSubscription',
      'UpdateProduct',
    ]);
    const after = (await subscriptionView(api, 'SUB-0000001')) as unknown as { termEndDate: string };
    expect(after.termEndDate > String((before as unknown as { termEndDate: string }).termEndDate)).toBe(true);
  }, 120_000);
});
