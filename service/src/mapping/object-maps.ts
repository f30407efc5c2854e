// Every object pair Turbo Sync writes, in one list. Order here is for reading; load order comes
// from the references (load-order.ts).
import type { ObjectMap, SyncScope } from './field-map.js';
import { accountToCustomerAccount } from './maps/account-to-customer-account.js';
import { creditMemoItemToCreditMemoItem } from './maps/credit-memo-item-to-credit-memo-item.js';
import { creditMemoPartToCreditMemoPart } from './maps/credit-memo-part-to-credit-memo-part.js';
import { creditMemoToCreditMemo } from './maps/credit-memo-to-credit-memo.js';
import { debitMemoItemToDebitMemoItem } from './maps/debit-memo-item-to-debit-memo-item.js';
import { debitMemoToDebitMemo } from './maps/debit-memo-to-debit-memo.js';
import { featureToZFeature } from './maps/feature-to-zfeature.js';
import { invoiceItemToInvoiceItem } from './maps/invoice-item-to-invoice-item.js';
import { invoicePaymentToPaymentInvoice } from './maps/invoice-payment-to-payment-invoice.js';
import { invoiceToZInvoice } from './maps/invoice-to-zinvoice.js';
import { paymentMethodToPaymentMethod } from './maps/payment-method-to-payment-method.js';
import { paymentPartToPaymentPart } from './maps/payment-part-to-payment-part.js';
import { paymentTermToPaymentTerm } from './maps/payment-term-to-payment-term.js';
import { paymentToPayment } from './maps/payment-to-payment.js';
import { productFeatureToZProductFeature } from './maps/product-feature-to-zproduct-feature.js';
import { productRatePlanChargeTierToProductRatePlanChargeTier } from './maps/product-rate-plan-charge-tier-to-product-rate-plan-charge-tier.js';
import { productRatePlanChargeToProductRatePlanCharge } from './maps/product-rate-plan-charge-to-product-rate-plan-charge.js';
import { productRatePlanToProductRatePlan } from './maps/product-rate-plan-to-product-rate-plan.js';
import { productToProduct } from './maps/product-to-product.js';
import { productToProduct2 } from './maps/product-to-product2.js';
import { ratePlanChargeTierToSubscriptionChargeTierHistory } from './maps/rate-plan-charge-tier-to-subscription-charge-tier-history.js';
import { ratePlanChargeTierToSubscriptionChargeTier } from './maps/rate-plan-charge-tier-to-subscription-charge-tier.js';
import { ratePlanChargeToSubscriptionProductChargeHistory } from './maps/rate-plan-charge-to-subscription-product-charge-history.js';
import { ratePlanChargeToSubscriptionProductCharge } from './maps/rate-plan-charge-to-subscription-product-charge.js';
import { ratePlanToSubscriptionRatePlanHistory } from './maps/rate-plan-to-subscription-rate-plan-history.js';
import { ratePlanToSubscriptionRatePlan } from './maps/rate-plan-to-subscription-rate-plan.js';
import { refundInvoicePaymentToRefundInvoicePayment } from './maps/refund-invoice-payment-to-refund-invoice-payment.js';
import { refundPartToRefundPart } from './maps/refund-part-to-refund-part.js';
import { refundToRefund } from './maps/refund-to-refund.js';
import { subscriptionProductFeatureToSubscriptionProductFeature } from './maps/subscription-product-feature-to-subscription-product-feature.js';
import { subscriptionToSubscriptionHistory } from './maps/subscription-to-subscription-history.js';
import { subscriptionToSubscription } from './maps/subscription-to-subscription.js';
import { taxationItemToTaxationItem } from './maps/taxation-item-to-taxation-item.js';
import { unitOfMeasureToUnitOfMeasure } from './maps/unit-of-measure-to-unit-of-measure.js';
import { unitOfMeasureToZUnitOfMeasure } from './maps/unit-of-measure-to-zunit-of-measure.js';

export const objectMaps: readonly ObjectMap[] = [
  accountToCustomerAccount,
  paymentTermToPaymentTerm,
  paymentMethodToPaymentMethod,
  subscriptionToSubscription,
  subscriptionToSubscriptionHistory,
  ratePlanToSubscriptionRatePlan,
  ratePlanToSubscriptionRatePlanHistory,
  ratePlanChargeToSubscriptionProductCharge,
  ratePlanChargeToSubscriptionProductChargeHistory,
  ratePlanChargeTierToSubscriptionChargeTier,
  ratePlanChargeTierToSubscriptionChargeTierHistory,
  unitOfMeasureToUnitOfMeasure,
  subscriptionProductFeatureToSubscriptionProductFeature,
  invoiceToZInvoice,
  invoiceItemToInvoiceItem,
  taxationItemToTaxationItem,
  paymentToPayment,
  invoicePaymentToPaymentInvoice,
  paymentPartToPaymentPart,
  refundToRefund,
  refundInvoicePaymentToRefundInvoicePayment,
  refundPartToRefundPart,
  creditMemoToCreditMemo,
  creditMemoItemToCreditMemoItem,
  creditMemoPartToCreditMemoPart,
  debitMemoToDebitMemo,
  debitMemoItemToDebitMemoItem,
  productToProduct2,
  productToProduct,
  productRatePlanToProductRatePlan,
  productRatePlanChargeToProductRatePlanCharge,
  productRatePlanChargeTierToProductRatePlanChargeTier,
  featureToZFeature,
  productFeatureToZProductFeature,
  unitOfMeasureToZUnitOfMeasure,
];

export type PairName = string;

const byName = new Map(objectMaps.map((m) => [m.name, m]));

export function findObjectMap(
  name: PairName,
  maps: readonly ObjectMap[] = objectMaps,
): ObjectMap | undefined {
  return maps === objectMaps ? byName.get(name) : maps.find((m) => m.name === name);
}

export function mapsInScope(scope: SyncScope, maps: readonly ObjectMap[] = objectMaps): ObjectMap[] {
  return maps.filter((m) => m.scope === scope);
}
