import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { contracted, contractOf, cpqAction, product, smallOrg } from './cpq-helpers.js';
import { login, startFixtureEmulator } from './helpers.js';

// The CPQ order lifecycle as an org runs it, driven like a sales user through the admin lifecycle API
// and read with unmodified jsforce (REST + SOQL):
// - Draft order from the quote, Status/StatusCode Draft, items SBQQ__Status__c Draft; activation sets
//   StatusCode, ActivatedDate and the items' status (OrderStatus:
//   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_orderstatus.htm;
//   CPQ order fields: https://help.salesforce.com/s/articleView?id=sales.cpq_order_fields.htm).
// - Contracting is asynchronous (QueueableContractOrdersClient:
//   https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.blng_automation_guide_orders_op.htm): right
//   after checking Contracted there is no contract or subscription; the contract then points at the order
//   through SBQQ__Order__c and Order.ContractId stays empty (Stripe's CPQ connector tests, reference §3).
// - Amendments carry signed deltas with SBQQ__ContractAction__c and SBQQ__RevisedOrderProduct__c = the
//   lineage's first line; a price change is cancel + new; renewals carry "Renew" lines
//   (https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-from-salesforce-cpq-common-use-cases).

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ cpqContractingDelayMs: 600_000 });
  conn = await login(emulator);
});
afterAll(() => emulator.close());

type Row = Record<string, unknown>;
const query = async (soql: string) => (await conn.query<Row>(soql)).records;
const itemsOf = (orderId: string) =>
  query(
    `SELECT Id, Quantity, UnitPrice, SBQQ__ContractAction__c, SBQQ__RevisedOrderProduct__c, Product2.ProductCode, SBQQ__Subscription__c, SBQQ__Contract__c, SBQQ__Status__c, SBQQ__Activated__c FROM OrderItem WHERE OrderId = '${orderId}' ORDER BY OrderItemNumber`,
  );
const byCode = (rows: Row[], code: string) =>
  rows.filter((r) => (r.Product2 as { ProductCode?: string } | null)?.ProductCode === code);

async function activateAndContract(orderId: string) {
  await cpqAction(emulator, `/orders/${orderId}/activate`);
  await cpqAction(emulator, '/settings', { contractingDelayMs: 10 }, 'PUT');
  await cpqAction(emulator, `/orders/${orderId}/contract`);
  await contracted(conn, orderId);
}

describe('CPQ lifecycle: draft -> activated -> contracted asynchronously -> amended -> renewed', () => {
  it('runs the whole lifecycle with the records an org holds at each step', async () => {
    const { accountId, contactId } = await smallOrg(emulator);
    await cpqAction(emulator, '/settings', { contractingDelayMs: 600_000 }, 'PUT');
    const seat = product('CPQ-SEAT-STD');
    const created = await cpqAction(emulator, '/orders', {
      accountId,
      effectiveDate: '2026-01-01',
      termMonths: 12,
      billToContactId: contactId,
      lines: [
        { productId: seat.productId, quantity: 10 },
        { productId: product('CPQ-PLATFORM').productId, quantity: 1 },
        { productId: product('CPQ-SETUP').productId, quantity: 1 },
        { productId: product('CPQ-API').productId, quantity: 1 },
      ],
    });
    const orderId = created.orderId;
    const [draft] = await query(
      `SELECT Status, StatusCode, Type, OrderNumber, ActivatedDate, SBQQ__Quote__c, OpportunityId, Account.Name, EndDate FROM Order WHERE Id = '${orderId}'`,
    );
    expect(draft).toMatchObject({
      Status: 'Draft',
      StatusCode: 'Draft',
      Type: 'New',
      ActivatedDate: null,
      EndDate: '2026-12-31',
    });
    expect(draft?.OrderNumber).toMatch(/^\d{8}$/);
    expect(draft?.SBQQ__Quote__c).toBeTruthy();
    expect((await itemsOf(orderId)).map((i) => i.SBQQ__Status__c)).toEqual([
      'Draft',
      'Draft',
      'Draft',
      'Draft',
    ]);

    await cpqAction(emulator, `/orders/${orderId}/activate`);
    const [active] = await query(
      `SELECT StatusCode, ActivatedDate, ActivatedById, LastModifiedDate FROM Order WHERE Id = '${orderId}'`,
    );
    expect(active).toMatchObject({ StatusCode: 'Activated', ActivatedById: expect.any(String) });
    expect(active?.ActivatedDate).toEqual(expect.any(String));
    expect(
      (await itemsOf(orderId)).every(
        (i) => i.SBQQ__Status__c === 'Activated' && i.SBQQ__Activated__c === true,
      ),
    ).toBe(true);

    // Contracted, but the queueable has not run: no contract, no subscription yet.
    await cpqAction(emulator, `/orders/${orderId}/contract`);
    const [checked] = await query(
      `SELECT SBQQ__Contracted__c, LastModifiedDate FROM Order WHERE Id = '${orderId}'`,
    );
    expect(checked?.SBQQ__Contracted__c).toBe(true);
    expect((await conn.query(`SELECT Id FROM Contract WHERE SBQQ__Order__c = '${orderId}'`)).totalSize).toBe(
      0,
    );
    expect((await itemsOf(orderId)).every((i) => i.SBQQ__Subscription__c === null)).toBe(true);

    await cpqAction(emulator, '/settings', { contractingDelayMs: 10 }, 'PUT');
    const contractId = await contractOf(conn, orderId);
    await contracted(conn, orderId);
    const [contract] = await query(
      `SELECT StartDate, EndDate, ContractTerm, ContractNumber, SBQQ__Quote__c, SBQQ__Opportunity__c FROM Contract WHERE Id = '${contractId}'`,
    );
    expect(contract).toMatchObject({ StartDate: '2026-01-01', EndDate: '2026-12-31', ContractTerm: 12 });
    const items = await itemsOf(orderId);
    expect(byCode(items, 'CPQ-SETUP')[0]).toMatchObject({
      SBQQ__Subscription__c: null,
      SBQQ__Contract__c: contractId,
    });
    for (const code of ['CPQ-SEAT-STD', 'CPQ-PLATFORM', 'CPQ-API'])
      expect(byCode(items, code)[0]?.SBQQ__Subscription__c).toEqual(expect.any(String));
    // The job wrote items, contract and subscriptions, never the order.
    const [after] = await query(`SELECT ContractId, LastModifiedDate FROM Order WHERE Id = '${orderId}'`);
    expect(after).toMatchObject({ ContractId: null, LastModifiedDate: checked?.LastModifiedDate });
    const subs = await query(
      `SELECT Id, Name, SBQQ__Quantity__c, SBQQ__Product__r.ProductCode, SBQQ__Contract__r.ContractNumber, SBQQ__StartDate__c, SBQQ__EndDate__c FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${contractId}'`,
    );
    expect(subs).toHaveLength(3);
    expect(subs[0]).toMatchObject({ SBQQ__StartDate__c: '2026-01-01', SBQQ__EndDate__c: '2026-12-31' });
    expect((subs[0]?.SBQQ__Contract__r as Row).ContractNumber).toBe(contract?.ContractNumber);
    expect(subs.map((s) => s.Name)).toEqual(expect.arrayContaining([expect.stringMatching(/^SUB-\d{7}$/)]));
    const seatSub = subs.find((s) => (s.SBQQ__Product__r as Row).ProductCode === 'CPQ-SEAT-STD') as Row;
    const platformSub = subs.find((s) => (s.SBQQ__Product__r as Row).ProductCode === 'CPQ-PLATFORM') as Row;
    const firstSeatLine = byCode(items, 'CPQ-SEAT-STD')[0]?.Id;

    // Amendment 1: +5 seats, cancel the platform fee, add professional seats.
    const pro = product('CPQ-SEAT-PRO');
    const amendment = await cpqAction(emulator, `/contracts/${contractId}/amend`, {
      effectiveDate: '2026-04-01',
      changes: [
        { subscriptionId: seatSub.Id, quantity: 15 },
        { subscriptionId: platformSub.Id, cancel: true },
      ],
      add: [{ productId: pro.productId, quantity: 5 }],
    });
    const [amendOrder] = await query(
      `SELECT Type, StatusCode, EffectiveDate, Opportunity.SBQQ__AmendedContract__c FROM Order WHERE Id = '${amendment.orderId}'`,
    );
    expect(amendOrder).toMatchObject({ Type: 'Amendment', StatusCode: 'Draft', EffectiveDate: '2026-04-01' });
    expect((amendOrder?.Opportunity as Row).SBQQ__AmendedContract__c).toBe(contractId);
    const deltas = await itemsOf(amendment.orderId);
    expect(byCode(deltas, 'CPQ-SEAT-STD')[0]).toMatchObject({
      Quantity: 5,
      SBQQ__ContractAction__c: 'Quantity Increase',
      SBQQ__RevisedOrderProduct__c: firstSeatLine,
    });
    expect(byCode(deltas, 'CPQ-PLATFORM')[0]).toMatchObject({
      Quantity: -1,
      SBQQ__ContractAction__c: 'Cancel',
    });
    expect(byCode(deltas, 'CPQ-SEAT-PRO')[0]).toMatchObject({
      Quantity: 5,
      SBQQ__ContractAction__c: 'New',
      SBQQ__RevisedOrderProduct__c: null,
    });
    await activateAndContract(amendment.orderId);
    const revisions = await query(
      `SELECT SBQQ__Quantity__c, SBQQ__RevisedSubscription__c, SBQQ__TerminatedDate__c, SBQQ__Product__r.ProductCode FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${contractId}' AND SBQQ__RevisedSubscription__c != null`,
    );
    expect(revisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          SBQQ__Quantity__c: 5,
          SBQQ__RevisedSubscription__c: seatSub.Id,
          SBQQ__TerminatedDate__c: null,
        }),
        expect.objectContaining({
          SBQQ__Quantity__c: -1,
          SBQQ__RevisedSubscription__c: platformSub.Id,
          SBQQ__TerminatedDate__c: '2026-03-31',
        }),
      ]),
    );

    // Amendment 2: seats down to 12 (still revising the first line), price change on pro = cancel + new.
    const proSub = (
      await query(
        `SELECT Id FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${contractId}' AND SBQQ__Product__c = '${pro.productId}'`,
      )
    )[0] as Row;
    const second = await cpqAction(emulator, `/contracts/${contractId}/amend`, {
      effectiveDate: '2026-07-01',
      changes: [
        { subscriptionId: seatSub.Id, quantity: 12 },
        { subscriptionId: proSub.Id, unitPrice: 70 },
      ],
    });
    const secondItems = await itemsOf(second.orderId);
    expect(byCode(secondItems, 'CPQ-SEAT-STD')[0]).toMatchObject({
      Quantity: -3,
      SBQQ__ContractAction__c: 'Quantity Decrease',
      SBQQ__RevisedOrderProduct__c: firstSeatLine,
    });
    expect(
      byCode(secondItems, 'CPQ-SEAT-PRO').map((i) => [i.SBQQ__ContractAction__c, i.Quantity, i.UnitPrice]),
    ).toEqual([
      ['Cancel', -5, 60],
      ['New', 5, 70],
    ]);
    await activateAndContract(second.orderId);

    // Renewal: one Renew line per live renewable lineage at its current quantity, 5% uplift.
    const renewal = await cpqAction(emulator, `/contracts/${contractId}/renew`, { upliftPercent: 5 });
    const [renewOrder] = await query(
      `SELECT Type, EffectiveDate, EndDate FROM Order WHERE Id = '${renewal.orderId}'`,
    );
    expect(renewOrder).toMatchObject({ Type: 'Renewal', EffectiveDate: '2027-01-01', EndDate: '2027-12-31' });
    const renewItems = await itemsOf(renewal.orderId);
    expect(renewItems.every((i) => i.SBQQ__ContractAction__c === 'Renew')).toBe(true);
    expect(byCode(renewItems, 'CPQ-SEAT-STD')[0]).toMatchObject({
      Quantity: 12,
      UnitPrice: 31.5,
      SBQQ__RevisedOrderProduct__c: firstSeatLine,
    });
    expect(byCode(renewItems, 'CPQ-PLATFORM')).toHaveLength(0);
    expect(byCode(renewItems, 'CPQ-SEAT-PRO')[0]).toMatchObject({ Quantity: 5, UnitPrice: 73.5 });
    const [old] = await query(
      `SELECT SBQQ__RenewalQuoted__c, SBQQ__RenewalOpportunity__c FROM Contract WHERE Id = '${contractId}'`,
    );
    expect(old).toMatchObject({
      SBQQ__RenewalQuoted__c: true,
      SBQQ__RenewalOpportunity__c: renewal.opportunityId,
    });
    await activateAndContract(renewal.orderId);
    const renewedContract = await contractOf(conn, renewal.orderId);
    expect(renewedContract).not.toBe(contractId);
    const renewedSubs = await query(
      `SELECT SBQQ__Quantity__c, SBQQ__RevisedSubscription__c FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${renewedContract}'`,
    );
    expect(renewedSubs).toHaveLength(3);
    expect(renewedSubs.every((s) => s.SBQQ__RevisedSubscription__c === null)).toBe(true);

    // An amendment of the renewed contract still revises the lineage's first line (the renewal kept it).
    const renewedSeat = (
      await query(
        `SELECT Id FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${renewedContract}' AND SBQQ__Product__c = '${seat.productId}'`,
      )
    )[0] as Row;
    const afterRenewal = await cpqAction(emulator, `/contracts/${renewedContract}/amend`, {
      effectiveDate: '2027-03-01',
      changes: [{ subscriptionId: renewedSeat.Id, quantity: 13 }],
    });
    expect((await itemsOf(afterRenewal.orderId))[0]).toMatchObject({
      Quantity: 1,
      SBQQ__ContractAction__c: 'Quantity Increase',
      SBQQ__RevisedOrderProduct__c: firstSeatLine,
    });
    await activateAndContract(afterRenewal.orderId);
    const delta = await query(
      `SELECT SBQQ__RevisedSubscription__c FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${renewedContract}' AND SBQQ__RevisedSubscription__c != null`,
    );
    expect(delta).toEqual([{ attributes: expect.any(Object), SBQQ__RevisedSubscription__c: renewedSeat.Id }]);
  }, 120_000);

  it('carries every live line unchanged (delta 0) on an amendment that changes only the owners', async () => {
    const { accountId, contactId } = await smallOrg(emulator);
    const owner = emulator
      .records('Account')
      .find((a) => a.CurrencyIsoCode === 'USD' && a.Id !== accountId) as { Id: string };
    const created = await cpqAction(emulator, '/orders', {
      accountId,
      effectiveDate: '2026-01-01',
      billToContactId: contactId,
      lines: [
        { productId: product('CPQ-SEAT-STD').productId, quantity: 4 },
        { productId: product('CPQ-PLATFORM').productId, quantity: 1 },
      ],
    });
    await activateAndContract(created.orderId);
    const roots = await itemsOf(created.orderId);
    const contractId = await contractOf(conn, created.orderId);
    const amendment = await cpqAction(emulator, `/contracts/${contractId}/amend`, {
      effectiveDate: '2026-05-01',
      invoiceOwnerId: owner.Id,
    });
    const [order] = await query(`SELECT InvoiceOwner__c FROM Order WHERE Id = '${amendment.orderId}'`);
    expect(order?.InvoiceOwner__c).toBe(owner.Id);
    const lines = await itemsOf(amendment.orderId);
    expect(lines.map((l) => [l.Quantity, l.SBQQ__ContractAction__c, l.SBQQ__RevisedOrderProduct__c])).toEqual(
      roots.map((r) => [0, null, r.Id]),
    );
    // It can be activated and contracted: the contract's quantities stay as they were.
    await activateAndContract(amendment.orderId);
    const subs = await query(
      `SELECT SBQQ__Quantity__c FROM SBQQ__Subscription__c WHERE SBQQ__Contract__c = '${contractId}' AND SBQQ__RevisedSubscription__c != null`,
    );
    expect(subs.map((x) => x.SBQQ__Quantity__c)).toEqual([0, 0]);
  }, 120_000);
});
