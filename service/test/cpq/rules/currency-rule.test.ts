import { describe, expect, it } from 'vitest';
import { accountCurrencyRule } from '../../../src/cpq/rules/account-currency-rule.js';
import { orderCurrency } from '../../../src/cpq/rules/currency-rule.js';
import { bundle, item, itemSchedule, order, rate } from './cpq-fixtures.js';

describe('currency rule', () => {
  it('accepts an order whose items, schedules and rates are all in its currency', () => {
    const b = bundle({
      order: order({ CurrencyIsoCode: 'EUR' }),
      items: [item({ CurrencyIsoCode: 'EUR' })],
      itemSchedules: [itemSchedule({ CurrencyIsoCode: 'EUR' })],
      itemRates: [rate(0, null, 1, { CurrencyIsoCode: 'EUR' })],
    });
    expect(orderCurrency(b)).toEqual({ ok: true, value: 'EUR' });
  });

  it('refuses a consumption schedule in another currency (CPQ-E011), naming it', () => {
    const b = bundle({ itemSchedules: [itemSchedule({ CurrencyIsoCode: 'EUR' })] });
    const r = orderCurrency(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CPQ-E011');
    expect(r.error.message).toContain('USD');
    expect(r.error.message).toContain('EUR');
    expect(r.error.record).toEqual({
      object: 'SBQQ__OrderItemConsumptionSchedule__c',
      id: 'a0w000000000001AAA',
      field: 'CurrencyIsoCode',
    });
  });

  it('refuses a rate or an order product in another currency', () => {
    expect(orderCurrency(bundle({ itemRates: [rate(0, null, 1, { CurrencyIsoCode: 'GBP' })] })).ok).toBe(
      false,
    );
    expect(orderCurrency(bundle({ items: [item({ CurrencyIsoCode: 'JPY' })] })).ok).toBe(false);
  });

  it('refuses an order in another currency than a single-currency Zuora account (CPQ-E022), allows it with multicurrency', () => {
    const b = bundle();
    expect(accountCurrencyRule(b, 'USD', 'EUR', false)).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E022' },
    });
    expect(accountCurrencyRule(b, 'USD', 'EUR', true)).toEqual({ ok: true, value: 'USD' });
    expect(accountCurrencyRule(b, 'USD', 'USD', false)).toEqual({ ok: true, value: 'USD' });
  });
});
