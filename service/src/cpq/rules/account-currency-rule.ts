// A Zuora billing account bills in one currency unless multicurrency (Flexible Billing Attributes) lets
// each subscription carry its own ("Currency ISO Code -> Currency: applicable only when multicurrency is
// enabled", [ZBC-map]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle } from './cpq-records.js';

/** The order's currency against the Zuora billing account's, when the tenant has no multicurrency. */
export function accountCurrencyRule(
  bundle: CpqOrderBundle,
  currency: string,
  zuoraAccountCurrency: string,
  multicurrency: boolean,
): CpqResult<string> {
  if (multicurrency || currency === zuoraAccountCurrency) return ok(currency);
  return fail('CPQ-E022', `the order is in ${currency}, the Zuora account bills in ${zuoraAccountCurrency}`, {
    object: 'Order',
    id: bundle.order.Id,
    field: 'CurrencyIsoCode',
  });
}
