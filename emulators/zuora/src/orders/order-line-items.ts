// Order line items (non-subscription products): at most 100 per order; productRatePlanChargeId "Only
// one-time charges are supported" (a usage or recurring charge is refused); transactionStartDate defaults
// to the order date and transactionEndDate to the start; owner and bill-to/sold-to must exist (bill-to a
// contact of the invoice owner, sold-to of the owner); quantity rounded to the UOM.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (OrderLineItemCommonPostOrder)
import { isCurrencyCode } from '../catalog/currencies.js';
import { roundQuantity } from '../catalog/units-of-measure.js';
import type { StoredRecord } from '../store/tenant-store.js';
import { contactOf } from './action-context.js';
import type { OrderEnv } from './order-env.js';
import type { OrderLineItemRequest } from './order-request.js';
import { refuse } from './order-refusal.js';
import type { Fields } from './working-subscription.js';

export const maxOrderLineItems = 100;

function chargeOf(env: OrderEnv, id: string, at: string): Fields {
  const charge = env.store.get('ProductRatePlanCharge', id);
  if (!env.inEntity(charge))
    refuse('invalidValue', `${at}.productRatePlanChargeId: no product rate plan charge ${id}.`);
  if (charge.record.ChargeType === 'Usage')
    refuse(
      'invalidValue',
      `${at}.productRatePlanChargeId: ${id} is a usage charge; order line items do not support usage charges, only one-time charges.`,
    );
  if (charge.record.ChargeType !== 'OneTime')
    refuse(
      'invalidValue',
      `${at}.productRatePlanChargeId: ${id} is a ${String(charge.record.ChargeType)} charge; order line items support one-time charges only.`,
    );
  return charge.record;
}

/** The OrderLineItem records of an order (checked, not yet written; OrderId and ItemNumber added at commit). */
export function planLineItems(
  env: OrderEnv,
  items: readonly OrderLineItemRequest[],
  orderDate: string,
  invoiceOwner: StoredRecord,
  currency: string,
): Fields[] {
  if (items.length > maxOrderLineItems)
    refuse(
      'limitExceeded',
      `An order can contain at most ${maxOrderLineItems} order line items; this order has ${items.length}.`,
    );
  return items.map((item, i) => {
    const at = `orderLineItems[${i}]`;
    const charge =
      item.productRatePlanChargeId === undefined
        ? undefined
        : chargeOf(env, item.productRatePlanChargeId, at);
    if (item.itemName === undefined && charge === undefined)
      refuse('missingRequired', `${at}.itemName is required.`);
    const owner = item.ownerAccountNumber === undefined ? invoiceOwner : env.account(item.ownerAccountNumber);
    if (owner === undefined)
      refuse('invalidValue', `${at}.ownerAccountNumber: no account ${String(item.ownerAccountNumber)}.`);
    const itemCurrency = item.currency ?? currency;
    if (!isCurrencyCode(itemCurrency))
      refuse('invalidValue', `${at}.currency '${String(itemCurrency)}' is not a valid currency code.`);
    const uomName = item.UOM ?? (typeof charge?.UOM === 'string' ? charge.UOM : undefined);
    const uom = env.uom(uomName);
    if (uomName !== undefined && uom === undefined)
      refuse('invalidValue', `${at}.UOM '${uomName}' is not defined in the tenant.`);
    const quantity = roundQuantity(item.quantity ?? 1, uom);
    const start = item.transactionStartDate ?? item.transactionDate ?? orderDate;
    const end = item.transactionEndDate ?? start;
    if (end < start)
      refuse('invalidValue', `${at}.transactionEndDate ${end} is before transactionStartDate ${start}.`);
    const listPrice = item.listPricePerUnit ?? (typeof charge?.Price === 'number' ? charge.Price : 0);
    const amountPerUnit = item.amountPerUnit ?? listPrice;
    return {
      AccountId: invoiceOwner.record.Id,
      ItemName: item.itemName ?? (typeof charge?.Name === 'string' ? charge.Name : null),
      ItemType: item.itemType ?? 'Product',
      ItemCategory: item.itemCategory ?? 'Sales',
      ItemState: item.itemState ?? 'Executing',
      Quantity: quantity,
      ListPricePerUnit: listPrice,
      AmountPerUnit: amountPerUnit,
      ListPrice: listPrice * quantity,
      Amount: amountPerUnit * quantity,
      ProductRatePlanChargeId: item.productRatePlanChargeId ?? null,
      ProductCode: item.productCode ?? null,
      TransactionDate: start,
      TransactionStartDate: start,
      TransactionEndDate: end,
      BillTargetDate: item.billTargetDate ?? null,
      PurchaseOrderNumber: item.purchaseOrderNumber ?? null,
      OwnerAccountId: owner.record.Id,
      InvoiceOwnerAccountId: invoiceOwner.record.Id,
      BillToId: item.billTo === undefined ? null : contactOf(env, item.billTo, invoiceOwner, `${at}.billTo`),
      SoldToId: item.soldTo === undefined ? null : contactOf(env, item.soldTo, owner, `${at}.soldTo`),
      RelatedSubscriptionNumber: item.relatedSubscriptionNumber ?? null,
      InvoiceGroupNumber: item.invoiceGroupNumber ?? null,
      UOM: uomName ?? null,
      Currency: itemCurrency,
      Description: item.description ?? null,
    };
  });
}
