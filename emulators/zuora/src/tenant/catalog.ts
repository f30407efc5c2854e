// The product catalog of one billing entity: 50 products x 3 rate plans x 2 charges, tiers for tiered,
// volume and usage charges, features, plus the tenant-level units of measure and payment terms.
// Picklist values are Zuora's: https://developer.zuora.com/v1-api-reference/api/tag/Product-Rate-Plan-Charges/
import type { ObjectName } from '../model/object-definitions.js';
import type { ZRecord } from '../model/zuora-record.js';
import { generatedId } from '../model/zuora-id.js';
import { seededRandom } from './seeded-random.js';
import { dateTimeOf } from './dates.js';

export interface SeededRecord {
  object: ObjectName;
  record: ZRecord;
}

export interface CatalogCharge {
  id: string;
  name: string;
  chargeModel: string;
  chargeType: string;
  billingPeriod: string;
  price: number;
  uom: string | null;
  tiers: { starting: number; ending: number | null; price: number; format: string }[];
  applyDiscountTo: string | null;
  discountLevel: string | null;
}

export interface CatalogRatePlan {
  id: string;
  name: string;
  productId: string;
  /** The product's feature (ProductFeature), with its code. */
  feature: { id: string; name: string; code: string };
  productName: string;
  sku: string;
  charges: CatalogCharge[];
}

export interface EntityCatalog {
  entityId: string;
  records: SeededRecord[];
  ratePlans: CatalogRatePlan[];
}

export const unitsOfMeasure = ['Each', 'License', 'GB', 'API Call'] as const;
export const paymentTerms = ['Due Upon Receipt', 'Net 30', 'Net 45', 'Net 60'] as const;
const categories = ['Base Products', 'Add On Services', 'Miscellaneous Products'];
const productWords = [
  'Analytics',
  'Storage',
  'Compute',
  'Messaging',
  'Identity',
  'Backup',
  'Insights',
  'Edge',
];
const planTiers = ['Starter', 'Professional', 'Enterprise'];
// ApplyDiscountTo codes; the connector maps them to three booleans and ApplyType 1..7 (seed 003).
const applyDiscountTo = [
  'ONETIME',
  'RECURRING',
  'USAGE',
  'ONETIMERECURRING',
  'ONETIMEUSAGE',
  'RECURRINGUSAGE',
  'ONETIMERECURRINGUSAGE',
];

export function generateCatalog(
  seed: number,
  prefix: string,
  entityIndex: number,
  entityId: string,
  asOf: Date,
): EntityCatalog {
  const rng = seededRandom(seed, 0x7ca7a106, entityIndex);
  const scope = 0xffffffff - entityIndex;
  let seq = 0;
  const id = (o: ObjectName): string => generatedId(prefix, o, scope, seq++);
  const created = dateTimeOf(new Date(asOf.getTime() - 3 * 365 * 86_400_000));
  const stamp = {
    CreatedDate: created,
    UpdatedDate: created,
    CreatedById: 'catalog-admin',
    UpdatedById: 'catalog-admin',
  };
  const records: SeededRecord[] = [];
  const ratePlans: CatalogRatePlan[] = [];

  const featureIds: string[] = [];
  for (let f = 0; f < 10; f += 1) {
    const fid = id('Feature');
    featureIds.push(fid);
    records.push({
      object: 'Feature',
      record: {
        Id: fid,
        ...stamp,
        Name: `Feature ${f + 1}`,
        FeatureCode: `FEAT-${f + 1}`,
        Description: `Capability ${f + 1}`,
        Status: 'Active',
        Deleted: false,
      },
    });
  }

  for (let p = 0; p < 50; p += 1) {
    const productId = id('Product');
    const productName = `${productWords[p % productWords.length]} ${Math.floor(p / productWords.length) + 1}`;
    const sku = `SKU-${String(entityIndex)}-${String(p + 1).padStart(5, '0')}`;
    records.push({
      object: 'Product',
      record: {
        Id: productId,
        ...stamp,
        Name: productName,
        SKU: sku,
        ProductNumber: `PC-${String(p + 1).padStart(8, '0')}`,
        Category: categories[p % categories.length] ?? null,
        Description: `${productName} service`,
        EffectiveStartDate: '2020-01-01',
        EffectiveEndDate: '2099-12-31',
        AllowFeatureChanges: false,
        Deleted: false,
      },
    });
    const featureId = rng.pick(featureIds);
    records.push({
      object: 'ProductFeature',
      record: {
        Id: id('ProductFeature'),
        ...stamp,
        ProductId: productId,
        FeatureId: featureId,
        Deleted: false,
      },
    });
    for (let r = 0; r < 3; r += 1) {
      const ratePlanId = id('ProductRatePlan');
      const planName = `${productName} ${planTiers[r] ?? 'Plan'}`;
      records.push({
        object: 'ProductRatePlan',
        record: {
          Id: ratePlanId,
          ...stamp,
          ProductId: productId,
          Name: planName,
          Description: `${planName} plan`,
          EffectiveStartDate: '2020-01-01',
          EffectiveEndDate: '2099-12-31',
          ActiveCurrencies: 'USD,EUR',
          ExternallyManagedPlanIds: null,
          ExternalIdSourceSystem: null,
          ProductRatePlanNumber: null,
          Deleted: false,
          Grade: r + 1,
        },
      });
      const charges: CatalogCharge[] = [];
      for (let c = 0; c < 2; c += 1) {
        const chargeId = id('ProductRatePlanCharge');
        const kind =
          c === 0
            ? rng.pick(['flat', 'perUnit'])
            : rng.pick(['tiered', 'volume', 'usage', 'oneTime', 'discount']);
        const base = Math.round((10 + rng.next() * 490) * (r + 1));
        const chargeType = kind === 'usage' ? 'Usage' : kind === 'oneTime' ? 'OneTime' : 'Recurring';
        const chargeModel =
          {
            flat: 'Flat Fee Pricing',
            perUnit: 'Per Unit Pricing',
            tiered: 'Tiered Pricing',
            volume: 'Volume Pricing',
            usage: 'Tiered Pricing',
            oneTime: 'Flat Fee Pricing',
            discount: 'Discount-Percentage',
          }[kind] ?? 'Flat Fee Pricing';
        const uom =
          kind === 'flat' || kind === 'oneTime' || kind === 'discount' ? null : rng.pick(unitsOfMeasure);
        const billingPeriod =
          chargeType === 'Recurring' ? rng.pick(['Month', 'Month', 'Quarter', 'Annual']) : 'Month';
        const tiers: CatalogCharge['tiers'] = [];
        if (kind === 'tiered' || kind === 'volume' || kind === 'usage') {
          tiers.push({ starting: 0, ending: 100, price: base / 100, format: 'PerUnit' });
          tiers.push({ starting: 100.01, ending: 1000, price: base / 120, format: 'PerUnit' });
          tiers.push({ starting: 1000.01, ending: null, price: base / 150, format: 'PerUnit' });
        }
        const discount = kind === 'discount';
        const charge: CatalogCharge = {
          id: chargeId,
          name: `${planName} ${discount ? 'Discount' : chargeType} ${c + 1}`,
          chargeModel,
          chargeType,
          billingPeriod,
          price: discount ? rng.pick([5, 10, 15, 20]) : base,
          uom,
          tiers,
          applyDiscountTo: discount ? rng.pick(applyDiscountTo) : null,
          discountLevel: discount ? rng.pick(['rateplan', 'subscription', 'account']) : null,
        };
        charges.push(charge);
        records.push({
          object: 'ProductRatePlanCharge',
          record: {
            Id: chargeId,
            ...stamp,
            ProductRatePlanId: ratePlanId,
            Name: charge.name,
            AccountingCode: `ACC-${4000 + (p % 10)}`,
            ApplyDiscountTo: charge.applyDiscountTo,
            BillCycleDay: null,
            BillCycleType: 'DefaultFromCustomer',
            BillingPeriod: billingPeriod,
            BillingPeriodAlignment: 'AlignToCharge',
            BillingTiming: chargeType === 'Usage' ? 'IN_ARREARS' : 'IN_ADVANCE',
            ChargeModel: chargeModel,
            ChargeType: chargeType,
            DefaultQuantity: uom === null ? null : 1,
            DeferredRevenueAccount: 'Deferred Revenue',
            Description: `${charge.name} charge`,
            DiscountClass: discount ? 'Standard' : null,
            DiscountLevel: charge.discountLevel,
            EndDateCondition: 'SubscriptionEnd',
            IncludedUnits: null,
            ListPriceBase: 'Per_Billing_Period',
            MaxQuantity: null,
            MinQuantity: null,
            NumberOfPeriod: null,
            OverageCalculationOption: null,
            OverageUnusedUnitsCreditOption: null,
            PrepayPeriods: null,
            PriceChangeOption: 'NoChange',
            PriceIncreasePercentage: null,
            RatingGroup: chargeType === 'Usage' ? 'ByBillingPeriod' : null,
            RecognizedRevenueAccount: 'Revenue',
            RevRecCode: null,
            RevRecTriggerCondition: 'ContractEffectiveDate',
            RevenueRecognitionRuleName: 'Recognize upon invoicing',
            SmoothingModel: null,
            SpecificBillingPeriod: null,
            Taxable: rng.chance(0.3),
            TaxCode: null,
            TaxMode: null,
            TriggerEvent: 'ContractEffective',
            UOM: uom,
            UpToPeriods: null,
            UpToPeriodsType: null,
            UsageRecordRatingOption: chargeType === 'Usage' ? 'EndOfBillingPeriod' : null,
            UseDiscountSpecificAccountingCode: discount ? false : null,
            UseTenantDefaultForPriceChange: true,
            WeeklyBillCycleDay: null,
            Deleted: false,
            Price: discount || tiers.length > 0 ? null : charge.price,
          },
        });
        tiers.forEach((t, i) => {
          records.push({
            object: 'ProductRatePlanChargeTier',
            record: {
              Id: id('ProductRatePlanChargeTier'),
              ...stamp,
              ProductRatePlanChargeId: chargeId,
              Currency: 'USD',
              Price: round2(t.price),
              StartingUnit: t.starting,
              EndingUnit: t.ending,
              Tier: i + 1,
              PriceFormat: t.format,
              DiscountAmount: null,
              DiscountPercentage: null,
              IsOveragePrice: false,
              Active: true,
            },
          });
        });
        if (tiers.length === 0) {
          records.push({
            object: 'ProductRatePlanChargeTier',
            record: {
              Id: id('ProductRatePlanChargeTier'),
              ...stamp,
              ProductRatePlanChargeId: chargeId,
              Currency: 'USD',
              Price: discount ? null : charge.price,
              StartingUnit: null,
              EndingUnit: null,
              Tier: 1,
              PriceFormat: discount ? null : chargeModel === 'Per Unit Pricing' ? 'PerUnit' : 'FlatFee',
              DiscountAmount: null,
              DiscountPercentage: discount ? charge.price : null,
              IsOveragePrice: false,
              Active: true,
            },
          });
        }
      }
      const featureNumber = featureIds.indexOf(featureId) + 1;
      const feature = { id: featureId, name: `Feature ${featureNumber}`, code: `FEAT-${featureNumber}` };
      ratePlans.push({ id: ratePlanId, name: planName, productId, productName, sku, charges, feature });
    }
  }
  return { entityId, records, ratePlans };
}

/** Tenant-level reference objects (units of measure, payment terms), in the first entity. */
export function generateReferenceData(prefix: string, asOf: Date): SeededRecord[] {
  const created = dateTimeOf(new Date(asOf.getTime() - 4 * 365 * 86_400_000));
  const stamp = {
    CreatedDate: created,
    UpdatedDate: created,
    CreatedById: 'tenant-admin',
    UpdatedById: 'tenant-admin',
  };
  let seq = 0;
  const scope = 0xfffffff0;
  const uoms: SeededRecord[] = unitsOfMeasure.map((name) => ({
    object: 'UnitOfMeasure',
    record: {
      Id: generatedId(prefix, 'UnitOfMeasure', scope, seq++),
      ...stamp,
      UomName: name,
      DisplayedAs: name,
      DecimalPlaces: name === 'GB' ? 2 : 0,
      RoundingMode: 'UP',
      Active: true,
    },
  }));
  const terms: SeededRecord[] = paymentTerms.map((name, i) => ({
    object: 'PaymentTerm',
    record: {
      Id: generatedId(prefix, 'PaymentTerm', scope, seq++),
      ...stamp,
      Name: name,
      Type: 'Days',
      DueDays: [0, 30, 45, 60][i] ?? 30,
      Active: true,
      IsDefault: i === 1,
      Description: name,
    },
  }));
  return [...uoms, ...terms];
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
