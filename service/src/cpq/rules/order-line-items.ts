// Order line items for the one-time order products ([ZBC-map] Order Line Items table): item name = the
// product's name, type Product, category Sales, state SentToBilling, list price and amount per unit = Unit
// Price, product code and the product's one-time charge, purchase order number = the Order Id, transaction
// dates = the Effective Date, bill target date = the Activated Date else the Effective Date. The owner is
// the subscription owner when it differs (it must already exist in Zuora).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import type { PlanNeed } from './catalog-needs.js';
import type { ZuoraRatePlanRef } from './catalog-plan.js';
import { mappedCustomFields } from './cpq-custom-mappings.js';
import type { CpqOrderBundle, CpqOrderItem } from './cpq-records.js';
import type { CpqSettings } from './cpq-settings.js';
import { datePart } from './sf-dates.js';
import type { OrderLineItem } from './zuora-order-request.js';

export interface LineItemParties {
  /** Zuora account number of the line items' owner when it is not the invoice owner. */
  readonly ownerAccountNumber: string | undefined;
  readonly billToContactId: string | undefined;
  readonly soldToContactId: string | undefined;
}

function lineItem(
  bundle: CpqOrderBundle,
  item: CpqOrderItem,
  chargeId: string | undefined,
  parties: LineItemParties,
  settings: CpqSettings,
): OrderLineItem {
  const { order } = bundle;
  const product = bundle.products.find((p) => p.Id === item.Product2Id);
  const fields = mappedCustomFields(
    settings.customFieldMappings.orderItemToOrderLineItem,
    item as unknown as Record<string, unknown>,
  );
  return {
    itemName: (product?.Name ?? item.OrderItemNumber).slice(0, 255),
    itemType: 'Product',
    itemCategory: 'Sales',
    itemState: 'SentToBilling',
    quantity: item.Quantity,
    listPricePerUnit: item.UnitPrice,
    amountPerUnit: item.UnitPrice,
    ...(product?.ProductCode ? { productCode: product.ProductCode } : {}),
    ...(chargeId === undefined ? {} : { productRatePlanChargeId: chargeId }),
    purchaseOrderNumber: order.Id,
    transactionStartDate: order.EffectiveDate,
    transactionEndDate: order.EffectiveDate,
    billTargetDate: order.ActivatedDate === null ? order.EffectiveDate : datePart(order.ActivatedDate),
    ...(item.Description === null ? {} : { description: item.Description.slice(0, 500) }),
    ...(parties.ownerAccountNumber === undefined ? {} : { ownerAccountNumber: parties.ownerAccountNumber }),
    ...(parties.billToContactId === undefined ? {} : { billTo: parties.billToContactId }),
    ...(parties.soldToContactId === undefined ? {} : { soldTo: parties.soldToContactId }),
    ...(Object.keys(fields).length > 0 ? { customFields: fields } : {}),
  };
}

/** The order line items; the catalog charge is named only when it is one-time (the only kind Zuora takes). */
export function orderLineItems(
  bundle: CpqOrderBundle,
  items: readonly CpqOrderItem[],
  needs: readonly PlanNeed[],
  ratePlans: ReadonlyMap<string, ZuoraRatePlanRef>,
  parties: LineItemParties,
  settings: CpqSettings,
): OrderLineItem[] {
  return items.map((item) => {
    const need = needs.find((n) => n.itemId === item.Id);
    const charge =
      need === undefined
        ? undefined
        : ratePlans.get(need.externalId)?.charges.find((c) => c.type === 'OneTime');
    return lineItem(bundle, item, charge?.id, parties, settings);
  });
}
