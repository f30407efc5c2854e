// Nested JSON views of the v1 REST resources (accounts, subscriptions, catalog products), built from the
// flat object records. https://developer.zuora.com/v1-api-reference/api/operation/GET_Account/ ,
// GET_SubscriptionsByAccount, GET_Catalog.
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { ChildIndex } from '../query/relations.js';
import { chargeView } from '../catalog/catalog-views.js';
import { externalPlanIds } from '../catalog/external-plan-ids.js';

const contactView = (c: ZRecord | undefined): Record<string, unknown> | null =>
  c === undefined
    ? null
    : {
        id: c.Id,
        firstName: c.FirstName,
        lastName: c.LastName,
        workEmail: c.WorkEmail,
        workPhone: c.WorkPhone,
        fax: c.Fax,
        address1: c.Address1,
        address2: c.Address2,
        city: c.City,
        state: c.State,
        country: c.Country,
        zipCode: c.PostalCode,
      };

export function accountView(store: TenantStore, a: ZRecord): Record<string, unknown> {
  const contact = (id: unknown): ZRecord | undefined =>
    typeof id === 'string' ? store.get('Contact', id)?.record : undefined;
  return {
    success: true,
    basicInfo: {
      id: a.Id,
      name: a.Name,
      accountNumber: a.AccountNumber,
      notes: a.Notes,
      status: a.Status,
      crmId: a.CrmId,
      batch: a.Batch,
      invoiceTemplateId: a.InvoiceTemplateId,
      communicationProfileId: a.CommunicationProfileId,
      salesRep: a.SalesRepName,
      parentId: a.ParentId,
    },
    billingAndPayment: {
      billCycleDay: a.BillCycleDay,
      currency: a.Currency,
      paymentTerm: a.PaymentTerm,
      paymentGateway: a.PaymentGateway,
      autoPay: a.AutoPay,
      invoiceDeliveryPrefsPrint: a.InvoiceDeliveryPrefsPrint,
      invoiceDeliveryPrefsEmail: a.InvoiceDeliveryPrefsEmail,
      defaultPaymentMethodId: a.DefaultPaymentMethodId,
    },
    metrics: {
      balance: a.Balance,
      totalInvoiceBalance: a.TotalInvoiceBalance,
      creditBalance: a.CreditBalance,
      contractedMrr: a.Mrr,
    },
    billToContact: contactView(contact(a.BillToId)),
    soldToContact: contactView(contact(a.SoldToId)),
    taxInfo: {
      exemptStatus: a.TaxExemptStatus,
      exemptCertificateId: a.TaxExemptCertificateID,
      VATId: a.VATId,
    },
  };
}

/** Fields an order sets on a subscription (owners, terms, contacts, the CPQ contract and quote fields). */
function orderFieldsOf(s: ZRecord): Record<string, unknown> {
  return {
    invoiceOwnerAccountId: s.InvoiceOwnerId ?? null,
    customerAcceptanceDate: s.ContractAcceptanceDate ?? null,
    currentTerm: s.CurrentTerm ?? null,
    currentTermPeriodType: s.CurrentTermPeriodType ?? null,
    renewalSetting: s.RenewalSetting ?? null,
    renewalTermPeriodType: s.RenewalTermPeriodType ?? null,
    paymentTerm: s.PaymentTerm ?? null,
    invoiceGroupNumber: s.InvoiceGroupNumber ?? null,
    billToContactId: s.BillToContactId ?? null,
    soldToContactId: s.SoldToContactId ?? null,
    SFDC_Contract__c: s.SFDC_Contract__c ?? null,
    QuoteNumber__QT: s.QuoteNumber__QT ?? null,
    QuoteType__QT: s.QuoteType__QT ?? null,
  };
}

export function subscriptionView(
  store: TenantStore,
  children: ChildIndex,
  s: ZRecord,
): Record<string, unknown> {
  const account = typeof s.AccountId === 'string' ? store.get('Account', s.AccountId)?.record : undefined;
  const invoiceOwner =
    typeof s.InvoiceOwnerId === 'string' ? store.get('Account', s.InvoiceOwnerId)?.record : undefined;
  return {
    id: s.Id,
    accountId: s.AccountId,
    accountNumber: account?.AccountNumber ?? null,
    accountName: account?.Name ?? null,
    subscriptionNumber: s.Name,
    version: s.Version,
    status: s.Status,
    originalId: s.OriginalId,
    previousSubscriptionId: s.PreviousSubscriptionId,
    termType: s.TermType,
    termStartDate: s.TermStartDate,
    termEndDate: s.TermEndDate,
    contractEffectiveDate: s.ContractEffectiveDate,
    serviceActivationDate: s.ServiceActivationDate,
    subscriptionStartDate: s.SubscriptionStartDate,
    subscriptionEndDate: s.SubscriptionEndDate,
    autoRenew: s.AutoRenew,
    initialTerm: s.InitialTerm,
    renewalTerm: s.RenewalTerm,
    currency: s.Currency,
    cancelledDate: s.CancelledDate,
    ...orderFieldsOf(s),
    // GET /v1/subscriptions/{subscription-key} answers the invoice owner's number and name with its id:
    // https://developer.zuora.com/v1-api-reference/api/operation/GET_SubscriptionsByKey/
    invoiceOwnerAccountNumber: invoiceOwner?.AccountNumber ?? null,
    invoiceOwnerAccountName: invoiceOwner?.Name ?? null,
    ratePlans: children.children('RatePlan', 'SubscriptionId', s.Id).map(({ record: rp }) => {
      const prp =
        typeof rp.ProductRatePlanId === 'string'
          ? store.get('ProductRatePlan', rp.ProductRatePlanId)?.record
          : undefined;
      const product =
        typeof prp?.ProductId === 'string' ? store.get('Product', prp.ProductId)?.record : undefined;
      return {
        id: rp.Id,
        productId: product?.Id ?? null,
        productName: product?.Name ?? null,
        productSku: product?.SKU ?? null,
        productRatePlanId: rp.ProductRatePlanId,
        ratePlanName: rp.Name,
        lastChangeType: rp.AmendmentType,
        externallyManagedPlanId: rp.ExternallyManagedPlanId ?? null,
        ratePlanCharges: children.children('RatePlanCharge', 'RatePlanId', rp.Id).map(({ record: c }) => ({
          id: c.Id,
          originalChargeId: c.OriginalId,
          productRatePlanChargeId: c.ProductRatePlanChargeId,
          number: c.ChargeNumber,
          name: c.Name,
          type: c.ChargeType,
          model: c.ChargeModel,
          price: c.Price,
          quantity: c.Quantity,
          uom: c.UOM,
          billingPeriod: c.BillingPeriod,
          billCycleType: c.BillCycleType ?? null,
          listPriceBase: c.ListPriceBase ?? null,
          specificListPriceBase: c.SpecificListPriceBase ?? null,
          triggerEvent: c.TriggerEvent ?? null,
          effectiveStartDate: c.EffectiveStartDate,
          effectiveEndDate: c.EffectiveEndDate,
          applyDiscountTo: c.ApplyDiscountTo,
          discountLevel: c.DiscountLevel,
          discountPercentage: c.DiscountPercentage,
          mrr: c.MRR,
          tcv: c.TCV,
          tiers: children.children('RatePlanChargeTier', 'RatePlanChargeId', c.Id).map(({ record: t }) => ({
            tier: t.Tier,
            startingUnit: t.StartingUnit,
            endingUnit: t.EndingUnit,
            price: t.Price,
            priceFormat: t.PriceFormat,
          })),
        })),
      };
    }),
  };
}

export function productView(children: ChildIndex, p: ZRecord): Record<string, unknown> {
  return {
    id: p.Id,
    sku: p.SKU,
    name: p.Name,
    description: p.Description,
    category: p.Category,
    effectiveStartDate: p.EffectiveStartDate,
    effectiveEndDate: p.EffectiveEndDate,
    productNumber: p.ProductNumber,
    productRatePlans: children.children('ProductRatePlan', 'ProductId', p.Id).map(({ record: rp }) => ({
      id: rp.Id,
      name: rp.Name,
      description: rp.Description,
      status: 'Active',
      effectiveStartDate: rp.EffectiveStartDate,
      effectiveEndDate: rp.EffectiveEndDate,
      externallyManagedPlanIds: externalPlanIds(rp),
      productRatePlanCharges: children
        .children('ProductRatePlanCharge', 'ProductRatePlanId', rp.Id)
        .map(({ record: c }) => chargeView(children, c)),
    })),
  };
}
