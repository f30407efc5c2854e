import { cpqCatalog, type CpqProduct, type CpqSchedule } from '../../../../shared/cpq-catalog.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { platformInsert, platformUpdate } from '../record-access.js';
import { STANDARD_PRICEBOOK_ID } from '../seed-cpq-org.js';

// Loads the shared CPQ catalog (emulators/shared/cpq-catalog.ts) with its fixed Ids, through the
// API's validation: products with their CPQ settings, standard price book entries per currency, and
// consumption schedules with their rates, created inactive and activated once their rates exist
// (a schedule cannot be created active: [STF] test factory; reference §1.10).

function productFields(p: CpqProduct): Record<string, unknown> {
  const subscription = p.kind !== 'one-time';
  return {
    Name: p.name,
    ProductCode: p.productCode,
    Description: `${p.name} (${p.kind})`,
    IsActive: true,
    Family: p.kind === 'usage' ? 'Usage' : p.kind === 'one-time' ? 'Services' : 'Software',
    QuantityUnitOfMeasure: p.unitOfMeasure,
    CurrencyIsoCode: 'USD',
    SBQQ__ChargeType__c: p.chargeType,
    SBQQ__BillingType__c: p.kind === 'usage' ? 'Arrears' : subscription ? 'Advance' : null,
    SBQQ__BillingFrequency__c: p.billingFrequency,
    SBQQ__SubscriptionType__c: p.subscriptionType,
    SBQQ__SubscriptionPricing__c: subscription ? 'Fixed Price' : null,
    SBQQ__SubscriptionTerm__c: subscription ? 12 : null,
    SBQQ__PricingMethod__c: p.pricingMethod,
    SBQQ__HasConsumptionSchedule__c: p.schedules.length > 0,
    SBQQ__AssetConversion__c: subscription ? null : 'One per quote line',
    SBQQ__Taxable__c: p.kind !== 'usage',
  };
}

function loadSchedule(rt: CpqRuntime, s: CpqSchedule): void {
  const o = rt.objects;
  platformInsert(
    rt.store,
    o.consumptionSchedule,
    {
      Name: s.name,
      BillingTerm: 1,
      BillingTermUnit: 'Month',
      Type: s.type,
      RatingMethod: 'Tier',
      IsActive: false,
      UnitOfMeasure: s.unitOfMeasure,
      CurrencyIsoCode: s.currency,
      SBQQ__Category__c: 'Rates',
    },
    s.scheduleId,
  );
  s.rates.forEach((r, i) =>
    platformInsert(
      rt.store,
      o.consumptionRate,
      {
        ConsumptionScheduleId: s.scheduleId,
        LowerBound: r.lowerBound,
        UpperBound: r.upperBound,
        Price: r.price,
        PricingMethod: r.pricingMethod,
        ProcessingOrder: i + 1,
        CurrencyIsoCode: s.currency,
      },
      r.rateId,
    ),
  );
  platformUpdate(rt.store, o.consumptionSchedule, s.scheduleId, { IsActive: true });
}

export function loadCatalog(rt: CpqRuntime): readonly CpqProduct[] {
  const o = rt.objects;
  const catalog = cpqCatalog();
  const loaded = new Set<string>();
  for (const p of catalog) {
    platformInsert(rt.store, o.product, productFields(p), p.productId);
    for (const [currency, price] of Object.entries(p.prices)) {
      const entryId = p.priceEntryIds[currency as keyof typeof p.priceEntryIds];
      platformInsert(
        rt.store,
        o.pricebookEntry,
        {
          Pricebook2Id: STANDARD_PRICEBOOK_ID,
          Product2Id: p.productId,
          UnitPrice: price,
          IsActive: true,
          CurrencyIsoCode: currency,
        },
        entryId,
      );
    }
    for (const s of p.schedules) {
      if (!loaded.has(s.scheduleId)) loadSchedule(rt, s);
      loaded.add(s.scheduleId);
      platformInsert(
        rt.store,
        o.productConsumptionSchedule,
        { ProductId: p.productId, ConsumptionScheduleId: s.scheduleId },
        s.productScheduleId,
      );
    }
  }
  return catalog;
}
