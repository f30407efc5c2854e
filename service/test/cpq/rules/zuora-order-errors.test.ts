import { describe, expect, it } from 'vitest';
import { fromZuoraOrderError, isOrderNumberTaken } from '../../../src/cpq/rules/zuora-order-errors.js';

const refused = (message: string, code = 59100020) => ({
  status: 200,
  body: { success: false, reasons: [{ code, message }] },
});
const job = (message: string) => ({
  status: 200,
  body: {
    status: 'Failed',
    success: true,
    errors: message,
    result: { success: false, reasons: [{ code: 59100020, message }] },
  },
});

describe('Zuora order errors as codes', () => {
  it.each([
    [
      "subscriptions[0].orderActions[0].createSubscription.subscribeToRatePlans[0].externalCatalogPlanId: no product rate plan has '01t1' in its externallyManagedPlanIds.",
      'CPQ-E006',
    ],
    [
      'subscriptions[0].orderActions[0].updateProduct: no active rate plan {"ratePlanId":"x"} on subscription A-S1.',
      'CPQ-E002',
    ],
    [
      'orderLineItems[0].productRatePlanChargeId: p1 is a usage charge; order line items do not support usage charges, only one-time charges.',
      'CPQ-E010',
    ],
    [
      'subscriptions[1].orderActions[0].createSubscription.currency: all subscriptions in the same order must use the same currency (USD, not EUR).',
      'CPQ-E011',
    ],
    [
      'subscriptions[0].orderActions[0].updateProduct: the billing period of charge C-1 cannot be updated (Month -> Annual); remove the product and add it again.',
      'CPQ-E012',
    ],
    [
      'subscriptions[0].orderActions[0].createSubscription.billToContactId: contact c1 does not belong to account A0001.',
      'CPQ-E008',
    ],
    [
      'subscriptions[0].orderActions[0].createSubscription.soldToContactId: contact c1 does not belong to account A0001.',
      'CPQ-E009',
    ],
    ['orderLineItems[0].ownerAccountNumber: no account A0009.', 'CPQ-E013'],
    ['An order can contain at most 100 order line items; this order has 101.', 'CPQ-E014'],
    ["orderNumber 'A#1' contains '#'; #, ? and / are not allowed.", 'CPQ-E015'],
    [
      "subscriptions[0].orderActions[0].createSubscription.paymentTerm: 'Net 99' is not a payment term of the tenant.",
      'CPQ-E020',
    ],
  ])('%s -> %s', (message, code) => {
    expect(fromZuoraOrderError(refused(message)).code).toBe(code);
    expect(fromZuoraOrderError(job(message)).code).toBe(code);
  });

  it("keeps Zuora's words in the message of an unmapped refusal", () => {
    const e = fromZuoraOrderError(refused("paymentTerm: 'Net 99' is not a payment term of the tenant."));
    expect(e.message).toBe(
      "Zuora refused the order: paymentTerm: 'Net 99' is not a payment term of the tenant.",
    );
    expect(e.transient).toBe(false);
  });

  it('treats 429, 5xx, lock and internal reasons and network errors as transient (CPQ-E021)', () => {
    expect(fromZuoraOrderError({ status: 429, body: { message: 'Too many requests' } })).toMatchObject({
      code: 'CPQ-E021',
      transient: true,
    });
    expect(fromZuoraOrderError({ status: 503, body: 'unavailable' }).code).toBe('CPQ-E021');
    expect(fromZuoraOrderError(refused('lock competition', 59100050)).code).toBe('CPQ-E021');
    expect(fromZuoraOrderError({ networkError: 'ECONNRESET' })).toMatchObject({
      code: 'CPQ-E021',
      message: 'Zuora could not be reached: ECONNRESET',
    });
  });

  it('recognises a replayed order number', () => {
    expect(isOrderNumberTaken(job('The order number 00000101 already exists.'))).toBe(true);
    expect(isOrderNumberTaken(refused('orderLineItems[0].itemName is required.'))).toBe(false);
    expect(isOrderNumberTaken({ networkError: 'timeout' })).toBe(false);
  });
});
