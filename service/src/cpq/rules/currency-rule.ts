// One currency per order (seed 004, "Currency"): every order product, order product consumption schedule
// and rate must be in the order's currency ("Combining different currencies within a single order is not
// supported").
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle } from './cpq-records.js';

interface Priced {
  readonly Id: string;
  readonly CurrencyIsoCode: string | null;
}

function stray(records: readonly Priced[], currency: string): Priced | undefined {
  return records.find((r) => r.CurrencyIsoCode !== null && r.CurrencyIsoCode !== currency);
}

/** The order's currency, or CPQ-E011 naming the first record in another one. */
export function orderCurrency(bundle: CpqOrderBundle): CpqResult<string> {
  const currency = bundle.order.CurrencyIsoCode ?? bundle.account.CurrencyIsoCode;
  if (currency === null)
    return fail('CPQ-E011', 'neither the order nor its account has a currency', {
      object: 'Order',
      id: bundle.order.Id,
      field: 'CurrencyIsoCode',
    });
  const checks: [string, readonly Priced[]][] = [
    ['OrderItem', bundle.items],
    ['SBQQ__OrderItemConsumptionSchedule__c', bundle.itemSchedules],
    ['SBQQ__OrderItemConsumptionRate__c', bundle.itemRates],
  ];
  for (const [object, records] of checks) {
    const found = stray(records, currency);
    if (found !== undefined)
      return fail(
        'CPQ-E011',
        `the order is in ${currency} but ${object} ${found.Id} is in ${String(found.CurrencyIsoCode)}`,
        {
          object,
          id: found.Id,
          field: 'CurrencyIsoCode',
        },
      );
  }
  return ok(currency);
}
