// Test helper: gives the emulator's flat seeded records the joined columns the maps read
// (`Account.CrmId`, `BillToContact.City`, `Product.Name`, ...), the way an export with joins
// delivers them. Extraction proper is the Zuora client's job; this stands in for it here.
import type { SeededRecord } from '../../../emulators/zuora/src/tenant/catalog.js';

type Row = Record<string, unknown>;

export class ZuoraJoins {
  readonly #catalog = new Map<string, Row>();

  constructor(catalogRecords: Iterable<SeededRecord>) {
    for (const { record } of catalogRecords) this.#catalog.set(record.Id, record);
  }

  /** The account bundle's records with their joins, as `[object, record]` pairs. */
  *joined(records: readonly SeededRecord[]): Generator<[string, Row]> {
    const byId = new Map<string, Row>(records.map(({ record }) => [record.Id, record]));
    const get = (id: unknown): Row | undefined =>
      typeof id === 'string' ? (byId.get(id) ?? this.#catalog.get(id)) : undefined;
    for (const { object, record } of records) {
      const joined: Row = { ...record };
      const account = object === 'Account' ? record : get(record['AccountId']);
      if (account) joined['Account'] = { CrmId: account['CrmId'] };
      if (object === 'Account') {
        joined['BillToContact'] = get(record['BillToId']);
        joined['SoldToContact'] = get(record['SoldToId']);
        joined['DefaultPaymentMethod'] = get(record['DefaultPaymentMethodId']);
      }
      const subscription = get(record['SubscriptionId']);
      if (subscription) joined['Subscription'] = { Id: subscription['Id'], Name: subscription['Name'] };
      if (object === 'RatePlanCharge') {
        const productRatePlan = get(get(record['ProductRatePlanChargeId'])?.['ProductRatePlanId']);
        joined['ProductRatePlan'] = productRatePlan;
        joined['Product'] = get(productRatePlan?.['ProductId']);
      }
      yield [object, joined];
    }
  }

  /** Catalog records with their joins. */
  *catalog(records: readonly SeededRecord[]): Generator<[string, Row]> {
    for (const { object, record } of records) {
      yield [
        object,
        object === 'ProductFeature'
          ? { ...record, Feature: this.#catalog.get(String(record['FeatureId'])) }
          : record,
      ];
    }
  }
}
