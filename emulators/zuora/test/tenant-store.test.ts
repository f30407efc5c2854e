import { describe, expect, it } from 'vitest';
import { generateTenant, objectNames, TenantStore } from '../src/index.js';

const at = (): Date => new Date('2026-02-01T00:00:00Z');

function loaded(seed: number): { store: TenantStore; tenant: ReturnType<typeof generateTenant> } {
  const tenant = generateTenant({ seed, size: 'XS', entityCount: 2 });
  const store = new TenantStore(at);
  store.load(tenant);
  return { store, tenant };
}

describe('tenant store (columnar tables)', () => {
  it('reads back every generated record exactly: values, types, key order, entity, insertion order', () => {
    const { store, tenant } = loaded(5);
    const expected = new Map(objectNames.map((o) => [o, [] as string[]]));
    for (const r of tenant.records()) expected.get(r.object)?.push(JSON.stringify([r.record, r.entityId]));
    for (const object of objectNames) {
      const actual = [...store.scan(object, null)].map((s) => JSON.stringify([s.record, s.entityId]));
      expect(actual, object).toEqual(expected.get(object));
      expect(store.count(object), object).toBe(expected.get(object)?.length);
    }
    const second = tenant.entities[1]?.id ?? '';
    const invoices = [...tenant.records()].filter((r) => r.object === 'Invoice' && r.entityId === second);
    expect([...store.scan('Invoice', second)].map((s) => s.record.Id)).toEqual(
      invoices.map((r) => r.record.Id),
    );
  });

  it('finds records by id, and a record held by a reader sees later writes', () => {
    const { store } = loaded(6);
    const first = [...store.scan('Invoice', null)][0]?.record;
    if (first === undefined) throw new Error('no invoice');
    const held = store.get('Invoice', first.Id);
    expect(held?.record).toEqual(first);
    expect(store.get('Invoice', first.Id)).toBe(held);
    const updated = store.update('Invoice', first.Id, { Balance: 12.5, Comments: 'x'.repeat(40) });
    expect(updated).toBe(held?.record);
    expect(held?.record.Balance).toBe(12.5);
    expect(held?.seq).toBe(store.currentSequence);
    const again = [...store.scan('Invoice', null)].find((s) => s.record.Id === first.Id);
    expect(again?.record).toMatchObject({ Balance: 12.5, Comments: 'x'.repeat(40) });
    expect(again?.seq).toBe(store.currentSequence);
    expect(store.get('Invoice', 'f'.repeat(32))).toBeUndefined();
  });

  it('keeps inserts (any id, new fields) and deletes visible to every reader', () => {
    const { store } = loaded(7);
    const before = store.count('Account');
    const entity = store.defaultEntityId;
    const created = store.insert('Account', { Name: 'Columnar Ltd', AccountNumber: 'COL-1' }, entity);
    const odd = store.insert('Account', { Name: 'Own id' }, entity, 'acc-not-hex');
    expect(store.count('Account')).toBe(before + 2);
    expect(store.get('Account', created.Id)?.record).toBe(created);
    expect(store.findAccount('COL-1')?.record.Name).toBe('Columnar Ltd');
    expect(store.get('Account', 'acc-not-hex')?.record).toBe(odd);
    const rows = [...store.scan('Account', null)].map((s) => s.record.Id);
    expect(rows.slice(-2)).toEqual([created.Id, 'acc-not-hex']);
    const victim = rows[0] ?? '';
    expect(store.delete('Account', victim)).toBe(true);
    expect(store.get('Account', victim)).toBeUndefined();
    expect(store.delete('Account', victim)).toBe(false);
    expect([...store.scan('Account', null)].some((s) => s.record.Id === victim)).toBe(false);
    expect(store.deletedSince('Account', 0).map((d) => d.record.Id)).toEqual([victim]);
    expect(store.count('Account')).toBe(before + 1);
  });

  it('holds many records of an object without losing any (index growth, dictionary fallback)', () => {
    const store = new TenantStore(at);
    const ids: string[] = [];
    for (let i = 0; i < 70_000; i += 1)
      ids.push(store.insert('InvoiceItem', { ChargeName: `charge ${i}`, ChargeAmount: i / 100 }, 'e').Id);
    expect(store.count('InvoiceItem')).toBe(70_000);
    for (const i of [0, 255, 256, 65_535, 65_536, 69_999])
      expect(store.get('InvoiceItem', ids[i] ?? '')?.record).toMatchObject({
        ChargeName: `charge ${i}`,
        ChargeAmount: i / 100,
      });
  });
});

describe('tenant store value look-ups (withValue)', () => {
  /** What a scan filtered on the field returns: the reference withValue must match. */
  const scanned = (
    store: TenantStore,
    object: 'RatePlan' | 'Subscription',
    field: string,
    value: string,
    entity: string | null,
  ) => [...store.scan(object, entity)].filter((s) => String(s.record[field]) === value);

  it('returns exactly what a filtered scan returns, in insertion order, before and after inserts, updates and deletes', () => {
    const { store, tenant } = loaded(7);
    const second = tenant.entities[1]?.id ?? '';
    const subs = [...store.scan('Subscription', null)].map((s) => s.record);
    const parents = [...new Set(subs.map((s) => s.Id))].slice(0, 6);
    const check = (): void => {
      for (const parent of [...parents, 'nope', 'null']) {
        for (const entity of [null, second]) {
          const actual = store.table('RatePlan').withValue('SubscriptionId', parent, entity);
          const expected = scanned(store, 'RatePlan', 'SubscriptionId', parent, entity);
          expect(
            actual.map((s) => s.record.Id),
            `${parent} ${String(entity)}`,
          ).toEqual(expected.map((s) => s.record.Id));
          // The same held objects a scan hands out.
          actual.forEach((s, i) => expect(s).toBe(expected[i]));
        }
      }
      const names = subs.slice(0, 5).map((s) => String(s.Name));
      for (const name of names)
        expect(
          store
            .table('Subscription')
            .withValue('Name', name)
            .map((s) => s.record.Id),
        ).toEqual(scanned(store, 'Subscription', 'Name', name, null).map((s) => s.record.Id));
    };
    check();
    const [p0, p1, p2] = parents as [string, string, string];
    const plans = [...store.scan('RatePlan', null)].map((s) => s.record);
    const moved = plans.find((r) => r.SubscriptionId === p0);
    if (moved === undefined) throw new Error('no rate plan on the first subscription');
    // Moved to another parent and back, moved for good, a new child, a deleted child, a renamed subscription.
    store.update('RatePlan', moved.Id, { SubscriptionId: p1 });
    check();
    store.update('RatePlan', moved.Id, { SubscriptionId: p0 });
    check();
    store.update('RatePlan', moved.Id, { SubscriptionId: p2 });
    store.insert('RatePlan', { SubscriptionId: p0, Name: 'added' }, second);
    const gone = plans.find((r) => r.SubscriptionId === p1 && r.Id !== moved.Id);
    if (gone !== undefined) store.delete('RatePlan', gone.Id);
    store.update('Subscription', subs[0]?.Id ?? '', { Name: String(subs[1]?.Name) });
    store.update('RatePlan', plans[plans.length - 1]?.Id ?? '', { SubscriptionId: null });
    check();
    expect(
      store
        .table('RatePlan')
        .withValue('SubscriptionId', 'null')
        .map((s) => s.record.Id),
    ).toEqual(scanned(store, 'RatePlan', 'SubscriptionId', 'null', null).map((s) => s.record.Id));
  });
});
