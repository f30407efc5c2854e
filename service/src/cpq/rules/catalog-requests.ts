// The Zuora catalog a missing CPQ product becomes, as object API bodies (POST /v1/object/product,
// /product-rate-plan, /product-rate-plan-charge): one product per SKU (= Product Code), one rate plan per
// Product2 (external id Product2.Id) or per product consumption schedule (external id its Id), one charge
// each; effective 2000-01-01 to 3000-01-01; accounting codes "Accounts Receivable"; a usage charge gets one
// default tier 0-1 (its real tiers are charge overrides on the subscription). Seed 004 and [ZBC-map].
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { ZuoraChargeModel, ZuoraChargeType } from './catalog-values.js';

export const effective = { EffectiveStartDate: '2000-01-01', EffectiveEndDate: '3000-01-01' } as const;
const receivable = 'Accounts Receivable';

export interface ProductBody {
  readonly Name: string;
  readonly SKU: string;
  readonly Description?: string;
  readonly EffectiveStartDate: string;
  readonly EffectiveEndDate: string;
}

export interface RatePlanBody {
  readonly Name: string;
  readonly Description?: string;
  readonly ExternallyManagedPlanIds: readonly string[];
  /**
   * The currencies its charge is priced in, comma-separated (a subscription can use only an active one).
   * https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/productrateplan/field-descriptions-of-productrateplan
   */
  readonly ActiveCurrencies: string;
  readonly EffectiveStartDate: string;
  readonly EffectiveEndDate: string;
}

export interface CatalogTierBody {
  readonly Currency: string;
  readonly Price: number;
  readonly Tier: number;
  readonly PriceFormat: 'Per Unit' | 'Flat Fee';
  readonly StartingUnit?: number;
  readonly EndingUnit?: number;
}

export interface ChargeBody {
  readonly Name: string;
  readonly ChargeType: ZuoraChargeType;
  readonly ChargeModel: ZuoraChargeModel;
  readonly BillCycleType: 'DefaultFromCustomer' | 'ChargeTriggerDay';
  readonly TriggerEvent: 'ContractEffective';
  readonly BillingPeriod?: string;
  readonly ListPriceBase?: 'Per Billing Period';
  readonly UOM?: string;
  readonly DefaultQuantity?: number;
  readonly Taxable: boolean;
  readonly TaxCode?: string;
  readonly TaxMode?: 'TaxExclusive';
  readonly AccountingCode: string;
  readonly DeferredRevenueAccount: string;
  readonly RecognizedRevenueAccount: string;
  readonly ProductRatePlanChargeTierData: { readonly ProductRatePlanChargeTier: readonly CatalogTierBody[] };
}

export interface ChargeParams {
  readonly name: string;
  readonly type: ZuoraChargeType;
  readonly model: ZuoraChargeModel;
  readonly billingPeriod: string | undefined;
  readonly uom: string | undefined;
  readonly chargeTriggerDay: boolean;
  readonly taxCode: string | null;
  readonly tiers: readonly CatalogTierBody[];
}

export function chargeBody(p: ChargeParams): ChargeBody {
  const taxable = p.taxCode !== null;
  return {
    Name: p.name,
    ChargeType: p.type,
    ChargeModel: p.model,
    BillCycleType: p.chargeTriggerDay ? 'ChargeTriggerDay' : 'DefaultFromCustomer',
    TriggerEvent: 'ContractEffective',
    ...(p.type === 'OneTime' || p.billingPeriod === undefined ? {} : { BillingPeriod: p.billingPeriod }),
    ...(p.type === 'Recurring' ? { ListPriceBase: 'Per Billing Period' as const } : {}),
    ...(p.uom === undefined ? {} : { UOM: p.uom }),
    ...(p.type === 'Usage' ? { DefaultQuantity: 1 } : {}),
    Taxable: taxable,
    ...(taxable ? { TaxCode: p.taxCode ?? '', TaxMode: 'TaxExclusive' as const } : {}),
    AccountingCode: receivable,
    DeferredRevenueAccount: receivable,
    RecognizedRevenueAccount: receivable,
    ProductRatePlanChargeTierData: { ProductRatePlanChargeTier: p.tiers },
  };
}
