// The record rules both engines apply, on plain rows: what becomes of a record (taken, deleted, left out),
// which key a record is upserted and deleted on, the newest version per key, and when a row waits for its
// parent; and the stream router that applies them with the maps.
import { describe, expect, it } from 'vitest';
import { invoiceItemToInvoiceItem } from '../../src/mapping/maps/invoice-item-to-invoice-item.js';
import { subscriptionToSubscription } from '../../src/mapping/maps/subscription-to-subscription.js';
import { paymentTermToPaymentTerm } from '../../src/mapping/maps/payment-term-to-payment-term.js';
import { accountToCustomerAccount as customerAccount } from '../../src/mapping/maps/account-to-customer-account.js';
import { failedParent, parentFailure, parentsOfRow, waitsFor } from '../../src/mapping/parent-rules.js';
import { StreamRouter, type RouteSink } from '../../src/mapping/record-router.js';
import {
  deleteKeyOf,
  dispositionOf,
  keyIsZuoraId,
  NewestPerKey,
  ownerPaths,
  RemovedRecords,
  upsertKeyPath,
} from '../../src/mapping/record-rules.js';
import { planStreams } from '../../src/mapping/stream-plan.js';
import { forceAppSchema as schema } from './force-app-objects.js';

const child = ownerPaths('Invoice');
const account = ownerPaths('Account');

describe('record rules', () => {
  it('deletes deleted records and cancelled accounts, and leaves out records without a CRM ID', () => {
    expect(dispositionOf(child, { Id: 'i1', IsDeleted: 'true' })).toEqual({
      kind: 'delete',
      reason: 'deleted',
    });
    expect(dispositionOf(account, { Id: 'a1', Status: 'Canceled', CrmId: '' })).toEqual({
      kind: 'delete',
      reason: 'cancelled-account',
    });
    expect(dispositionOf(child, { Id: 'i1', 'Account.Status': 'Active', 'Account.CrmId': '' })).toEqual({
      kind: 'skip',
      reason: 'no-crm-id',
    });
    expect(dispositionOf(child, { Id: 'i1', 'Account.Status': 'Active', 'Account.CrmId': '001' }).kind).toBe(
      'take',
    );
    // Tenant-level objects have no owner: only deletion applies.
    expect(dispositionOf(undefined, { Id: 'p1' }).kind).toBe('take');
  });

  it('keys and deletes by the Zuora path of the upsert key; a deleted version keeps the record per number', () => {
    const sub = subscriptionToSubscription;
    expect(upsertKeyPath(sub, 'SubscriptionNumber__c')).toBe('Name');
    expect(upsertKeyPath(sub, 'External_Id__c')).toBe('Id');
    expect(keyIsZuoraId(sub, 'SubscriptionNumber__c')).toBe(false);
    expect(keyIsZuoraId(invoiceItemToInvoiceItem, 'External_Id__c')).toBe(true);
    const version = { Id: 'v2', Name: 'A-S0001' };
    expect(deleteKeyOf(sub, 'SubscriptionNumber__c', version, 'deleted')).toBeUndefined();
    expect(deleteKeyOf(sub, 'SubscriptionNumber__c', version, 'cancelled-account')).toBe('A-S0001');
    expect(deleteKeyOf(sub, 'External_Id__c', version, 'deleted')).toBe('v2');
    // A payment term is keyed on its name, and deleted by it.
    expect(
      deleteKeyOf(paymentTermToPaymentTerm, 'External_Id__c', { Id: 'p1', Name: 'Net 30' }, 'deleted'),
    ).toBe('Net 30');
  });

  it('sends the newest version per key, the first seen of equal dates', () => {
    const newest = new NewestPerKey();
    const v1 = { Id: 'v1', UpdatedDate: '2024-01-01T00:00:00Z' };
    const v2 = { Id: 'v2', UpdatedDate: '2024-03-01T00:00:00Z' };
    const v3 = { Id: 'v3', UpdatedDate: '2024-03-01T00:00:00Z' };
    for (const v of [v1, v2, v3]) newest.offer('A-S1', v);
    expect([v1, v2, v3].filter((v) => newest.isNewest('A-S1', v))).toEqual([v2]);
    expect(newest.isNewest('', v1)).toBe(true);
  });

  it('keeps the newest of a key by its place in the order offered (issue 19), and refuses another order', () => {
    const offered = [
      { key: 'A-S1', record: { Id: 'a1', UpdatedDate: '2024-01-01T00:00:00Z' } },
      { key: 'A-S2', record: { Id: 'b1', UpdatedDate: '2024-05-01T00:00:00Z' } },
      { key: '', record: { Id: 'x', UpdatedDate: '2024-01-01T00:00:00Z' } },
      { key: 'A-S1', record: { Id: 'a2', UpdatedDate: '2024-02-01T00:00:00Z' } },
      { key: 'A-S2', record: { Id: 'b2', UpdatedDate: '2024-04-01T00:00:00Z' } },
    ];
    const newest = new NewestPerKey();
    for (const { key, record } of offered) newest.offer(key, record);
    expect(offered.filter(({ key, record }) => newest.isNewest(key, record)).map((o) => o.record.Id)).toEqual(
      ['b1', 'x', 'a2'],
    );
    // Asked in another order than offered: the newest's place holds another record, which is an error.
    const shuffled = new NewestPerKey();
    for (const { key, record } of offered) shuffled.offer(key, record);
    expect(() => shuffled.isNewest('A-S2', { Id: 'b2' })).not.toThrow();
    expect(() => shuffled.isNewest('A-S2', { Id: 'b2' })).toThrow(/out of the order offered/);
  });

  it('holds a row whose parent failed, and a deferred reference whose own record failed', () => {
    const row = {
      External_Id__c: 'item1',
      'Invoice__r.External_Id__c': 'inv1',
      'Subscription__r.SubscriptionNumber__c': '',
    };
    const parents = parentsOfRow(invoiceItemToInvoiceItem, row);
    expect(parents).toEqual([{ target: 'ZInvoice__c', key: 'inv1', column: 'Invoice__r.External_Id__c' }]);
    const failed = failedParent(parents, (target, key) => target === 'ZInvoice__c' && key === 'inv1');
    expect(failed && parentFailure(failed)).toEqual({
      code: 'PARENT_FAILED',
      message: expect.stringContaining('not sent: its ZInvoice__c inv1') as unknown,
      fields: ['ZInvoice__c:inv1'],
    });
    const deferred = waitsFor(customerAccount, 'deferred', { column: 'External_Id__c', value: 'a1' }, {});
    expect(deferred[0]).toEqual({ target: 'CustomerAccount__c', key: 'a1', column: 'External_Id__c' });
  });
});

describe('stream router', () => {
  it('routes deletions, leaves out records without a CRM ID and maps the newest subscription version', () => {
    const stream = planStreams('accounts').find((s) => s.zuoraObject === 'Subscription');
    if (stream === undefined) throw new Error('no Subscription stream');
    const seen: string[] = [];
    const sink: RouteSink = {
      upsert: (route, key) => seen.push(`upsert ${route.map.salesforceObject} ${key}`),
      delete: (route, key) => seen.push(`delete ${route.map.salesforceObject} ${key}`),
      failed: (route, key) => seen.push(`failed ${route.map.salesforceObject} ${key}`),
      skipped: (record) => seen.push(`skipped ${record.Id ?? ''}`),
    };
    const router = new StreamRouter(stream, { schema }, sink);
    expect(router.twoPasses).toBe(true);
    const base = { 'Account.CrmId': '001000000000001AAA', 'Account.Status': 'Active', Status: 'Active' };
    const rows = [
      { ...base, Id: 'v1', Name: 'A-S1', UpdatedDate: '2024-01-01T00:00:00Z' },
      { ...base, Id: 'v2', Name: 'A-S1', UpdatedDate: '2024-02-01T00:00:00Z' },
      { ...base, Id: 'v3', Name: 'A-S2', 'Account.CrmId': '' },
      { ...base, Id: 'v4', Name: 'A-S3', IsDeleted: 'true' },
    ];
    const taken = rows.filter((r) => router.offer(r));
    for (const r of taken) router.take(r);
    expect(seen.filter((s) => s.startsWith('upsert Subscription__c '))).toEqual([
      expect.stringMatching(/^upsert Subscription__c A-S1$/),
    ]);
    expect(seen).toContain('skipped v3');
    // The deleted version is deleted from the history object only (the record per number stays).
    expect(seen.filter((s) => s.startsWith('delete '))).toEqual(['delete SubscriptionHistory__c v4']);
    expect(router.read.get('Subscription__c')).toBe(2);
  });

  it('removes the records of a cancelled account through their references, parents first', () => {
    const streams = planStreams('accounts');
    const seen: string[] = [];
    const sink: RouteSink = {
      upsert: (route, key) => seen.push(`upsert ${route.map.salesforceObject} ${key}`),
      delete: (route, key) => seen.push(`delete ${route.map.salesforceObject} ${key}`),
      failed: (route, key) => seen.push(`failed ${route.map.salesforceObject} ${key}`),
      skipped: () => undefined,
    };
    const removed = new RemovedRecords();
    const routerOf = (name: string) => {
      const stream = streams.find((s) => s.zuoraObject === name);
      if (stream === undefined) throw new Error(`no ${name} stream`);
      return new StreamRouter(stream, { schema }, sink, removed);
    };
    const accounts = routerOf('Account');
    expect(accounts.offer({ Id: 'a1', Status: 'Canceled', CrmId: '001000000000001AAA' })).toBe(false);
    const methods = routerOf('PaymentMethod');
    const crm = { 'Account.CrmId': '001000000000001AAA', Type: 'CreditCard' };
    for (const m of [
      { ...crm, Id: 'pm1', AccountId: 'a1' },
      { ...crm, Id: 'pm2', AccountId: 'a2' },
    ])
      if (methods.offer(m)) methods.take(m);
    expect(seen.filter((s) => s.includes('CustomerAccount__c') || s.includes('PaymentMethod__c'))).toEqual([
      'delete CustomerAccount__c a1',
      'delete PaymentMethod__c pm1',
      'upsert PaymentMethod__c pm2',
    ]);
  });

  it("keyed per version (Zuora 360's rule), an Expired version's rate plans and charges are left out", () => {
    const streams = planStreams('accounts');
    const seen: string[] = [];
    const sink: RouteSink = {
      upsert: (route, key) => seen.push(`${route.map.salesforceObject} ${key}`),
      delete: (route, key) => seen.push(`delete ${route.map.salesforceObject} ${key}`),
      failed: (route, key) => seen.push(`failed ${route.map.salesforceObject} ${key}`),
      skipped: () => undefined,
    };
    const removed = new RemovedRecords();
    const feed = (name: string, rows: Record<string, string>[]) => {
      const stream = streams.find((x) => x.zuoraObject === name);
      if (stream === undefined) throw new Error(`no ${name} stream`);
      const router = new StreamRouter(stream, { schema, subscriptionIdentity: 'version' }, sink, removed);
      const taken = rows.filter((r) => router.offer(r));
      for (const r of taken) router.take(r);
    };
    const crm = { 'Account.CrmId': '001000000000001AAA', 'Account.Status': 'Active', AccountId: 'a1' };
    feed('Subscription', [
      { ...crm, Id: 'v1', Name: 'A-S1', Status: 'Expired', UpdatedDate: '2024-01-01T00:00:00Z' },
      { ...crm, Id: 'v2', Name: 'A-S1', Status: 'Active', UpdatedDate: '2024-02-01T00:00:00Z' },
    ]);
    feed('RatePlan', [
      { ...crm, Id: 'rp1', SubscriptionId: 'v1', 'Subscription.Name': 'A-S1' },
      { ...crm, Id: 'rp2', SubscriptionId: 'v2', 'Subscription.Name': 'A-S1' },
    ]);
    feed('RatePlanCharge', [
      { ...crm, Id: 'c1', RatePlanId: 'rp1', 'Subscription.Id': 'v1', 'Subscription.Name': 'A-S1' },
      { ...crm, Id: 'c2', RatePlanId: 'rp2', 'Subscription.Id': 'v2', 'Subscription.Name': 'A-S1' },
    ]);
    const current = seen.filter((s) => /^Subscription(RatePlan|ProductCharge)?__c /.test(s));
    expect(current).toEqual([
      'Subscription__c v2',
      'SubscriptionRatePlan__c rp2',
      'SubscriptionProductCharge__c c2',
    ]);
    // The history objects keep every version.
    expect(seen).toContain('SubscriptionRatePlanHistory__c rp1');
    expect(removed.isLeftOut('Subscription__c', 'v1')).toBe(true);
  });
});
