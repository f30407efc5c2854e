import { describe, expect, it } from 'vitest';
import { orderTriggerDates } from '../../../src/cpq/rules/trigger-dates.js';
import { order } from './cpq-fixtures.js';

const none = { requireServiceActivation: false, requireCustomerAcceptance: false };
const both = { requireServiceActivation: true, requireCustomerAcceptance: true };
const dated = order({ CustomerAuthorizedDate: '2026-01-05', CompanyAuthorizedDate: '2026-01-03' });

describe('trigger dates', () => {
  it('sends only ContractEffective (the effective date) by default', () => {
    expect(orderTriggerDates(dated, false, none)).toEqual({
      triggerDates: [{ name: 'ContractEffective', triggerDate: '2026-01-01' }],
      expectedStatus: 'Completed',
      missing: [],
    });
  });

  it('sends the three dates from the order with trigger dates on order', () => {
    expect(orderTriggerDates(dated, true, both)).toEqual({
      triggerDates: [
        { name: 'ContractEffective', triggerDate: '2026-01-01' },
        { name: 'ServiceActivation', triggerDate: '2026-01-03' },
        { name: 'CustomerAcceptance', triggerDate: '2026-01-05' },
      ],
      expectedStatus: 'Completed',
      missing: [],
    });
  });

  it('expects Pending when the tenant requires dates that are not sent', () => {
    expect(orderTriggerDates(dated, false, both)).toMatchObject({
      expectedStatus: 'Pending',
      missing: ['ServiceActivation', 'CustomerAcceptance'],
    });
    const r = orderTriggerDates(order({ CompanyAuthorizedDate: '2026-01-03' }), true, both);
    expect([r.expectedStatus, r.missing]).toEqual(['Pending', ['CustomerAcceptance']]);
  });
});
