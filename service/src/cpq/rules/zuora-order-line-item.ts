// An order line item of a Zuora order request (reference §2.2, OrderLineItemCommonPostOrder): a one-time
// product sold outside any subscription.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/

export interface OrderLineItem {
  readonly itemName: string;
  readonly itemType: 'Product';
  readonly itemCategory: 'Sales';
  readonly itemState: string;
  readonly quantity: number;
  readonly listPricePerUnit: number;
  readonly amountPerUnit: number;
  readonly productCode?: string;
  readonly productRatePlanChargeId?: string;
  readonly purchaseOrderNumber: string;
  readonly transactionStartDate: string;
  readonly transactionEndDate: string;
  readonly billTargetDate: string;
  readonly description?: string;
  readonly ownerAccountNumber?: string;
  readonly billTo?: string;
  readonly soldTo?: string;
  readonly currency?: string;
  readonly customFields?: Readonly<Record<string, string | number | boolean>>;
}
