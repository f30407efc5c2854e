import { describe, expect, it } from 'vitest';
import { defaultCpqSettings, parseCpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import { mappedCustomFields } from '../../../src/cpq/rules/cpq-custom-mappings.js';

describe('CPQ settings', () => {
  it('has the documented defaults', () => {
    expect(defaultCpqSettings).toMatchObject({
      pollIntervalSeconds: 60,
      concurrency: 6,
      useSubscriptionStartDate: true,
      useListPriceBase: false,
      triggerDatesOnOrder: false,
      subscriptionTermInDays: false,
      incrementTierUpperBound: false,
      tierCaps: { enabled: false, field: 'Cap__c' },
    });
    expect(defaultCpqSettings.orderFilter).toBeUndefined();
    expect(defaultCpqSettings.customFieldMappings.order).toEqual([]);
  });

  it('takes valid values and custom field mappings for the documented pairs', () => {
    const r = parseCpqSettings({
      pollIntervalSeconds: 30,
      orderFilter: "Type != 'Internal'",
      priceOverrideField: 'Per_Period_Price__c',
      customFieldMappings: {
        account: [{ source: 'VAT__c', target: 'taxInfo/VATId' }],
        subscriptionToRatePlanCharge: [{ source: 'SBQQ__BillingFrequency__c', target: 'billingPeriod' }],
      },
    });
    expect(r.ok && r.value.customFieldMappings.account).toEqual([
      { source: 'VAT__c', target: 'taxInfo/VATId' },
    ]);
  });

  it('names every bad value', () => {
    const r = parseCpqSettings({
      pollIntervalSeconds: 1,
      concurrency: 0,
      orderFilter: "Type = 'x'; DELETE",
      useListPriceBase: true,
      subscriptionTermInDays: true,
      customFieldMappings: { order: [{ source: 'Foo__c', target: 'description' }] },
      unknownSetting: true,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    for (const path of [
      'cpq.pollIntervalSeconds',
      'cpq.concurrency',
      'cpq.orderFilter',
      'cpq.customFieldMappings.order.0.target',
      'cpq.(root)',
    ])
      expect(text).toContain(path);
    // The cross-field rule runs once the fields themselves are valid.
    const both = parseCpqSettings({ useListPriceBase: true, subscriptionTermInDays: true });
    expect(!both.ok && both.errors).toEqual([
      'cpq.subscriptionTermInDays: terms in days need useListPriceBase off (the list price base counts whole months)',
    ]);
  });

  it('maps the configured source fields that hold a value', () => {
    expect(
      mappedCustomFields(
        [
          { source: 'A__c', target: 'X__c' },
          { source: 'B__c', target: 'Y__c' },
        ],
        { A__c: 'v', B__c: null },
      ),
    ).toEqual({ X__c: 'v' });
  });
});
