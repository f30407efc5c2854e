// What the CPQ rule tests read back from Zuora, through the Zuora emulator's REST API as any client would
// (the harness's ZuoraClient): accounts by CRM ID with their default contacts, an account's contacts, a
// subscription with its rate plans, charges and tiers, an order, and a catalog product by SKU.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_SubscriptionsByKey/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/
import type { ZuoraClient } from '../../src/zuora/zuora-client.js';
import { ZuoraApiError } from '../../src/zuora/zuora-errors.js';
import { zoqlPages, zoqlString } from '../../src/zuora/zoql.js';
import { text } from '../../src/zuora/zuora-accounts.js';

export interface ZContact {
  readonly Id: string;
  readonly FirstName: string;
  readonly LastName: string;
  readonly City: string | null;
  readonly State: string | null;
  readonly Country: string | null;
  readonly crmId__c: string | null;
  readonly crmOrderId__c: string | null;
}

export interface ZAccount {
  readonly id: string;
  readonly accountNumber: string;
  readonly crmId: string;
  readonly parentId: string | null;
  readonly currency: string;
  readonly billToId: string;
  readonly soldToId: string;
}

export interface ZTier {
  readonly tier: number;
  readonly startingUnit: number;
  readonly endingUnit: number | null;
  readonly price: number;
  readonly priceFormat: string;
}

export interface ZCharge {
  readonly id: string;
  readonly number: string;
  readonly type: string;
  readonly model: string;
  readonly price: number | null;
  readonly quantity: number | null;
  readonly uom: string | null;
  readonly tiers: readonly ZTier[];
}

export interface ZSubscription {
  readonly subscriptionNumber: string;
  readonly status: string;
  readonly accountNumber: string;
  readonly invoiceOwnerAccountId: string | null;
  readonly billToContactId: string | null;
  readonly soldToContactId: string | null;
  readonly ratePlans: readonly {
    readonly id: string;
    readonly productSku: string | null;
    readonly productRatePlanId: string;
    readonly externallyManagedPlanId: string | null;
    readonly ratePlanCharges: readonly ZCharge[];
  }[];
}

async function zoql(client: ZuoraClient, query: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of zoqlPages(client, query)) out.push(...page);
  return out;
}

/** The Zuora accounts whose CRM ID is `crmId` (a sync must make exactly one). */
export async function accountsByCrmId(client: ZuoraClient, crmId: string): Promise<ZAccount[]> {
  const rows = await zoql(client, `select Id, AccountNumber from Account where CrmId = ${zoqlString(crmId)}`);
  const out: ZAccount[] = [];
  for (const r of rows) {
    const a = await client.request<{
      basicInfo: { id: string; accountNumber: string; crmId: string; parentId: string | null };
      billingAndPayment: { currency: string };
      billToContact: { id: string } | null;
      soldToContact: { id: string } | null;
    }>('GET', `/v1/accounts/${encodeURIComponent(String(r.AccountNumber))}`);
    out.push({
      ...a.basicInfo,
      currency: a.billingAndPayment.currency,
      billToId: a.billToContact?.id ?? '',
      soldToId: a.soldToContact?.id ?? '',
    });
  }
  return out;
}

/** The one Zuora account of a CRM ID (fails when there are none or several). */
export async function accountOf(client: ZuoraClient, crmId: string): Promise<ZAccount> {
  const found = await accountsByCrmId(client, crmId);
  if (found.length !== 1) throw new Error(`${found.length} Zuora accounts have CRM ID ${crmId}`);
  return found[0] as ZAccount;
}

export async function contactsOf(client: ZuoraClient, accountId: string): Promise<ZContact[]> {
  const rows = await zoql(
    client,
    `select Id, FirstName, LastName, City, State, Country, crmId__c, crmOrderId__c from Contact where AccountId = ${zoqlString(accountId)}`,
  );
  return rows.map((r) => ({
    Id: String(r.Id),
    FirstName: text(r.FirstName),
    LastName: text(r.LastName),
    City: (r.City as string | null | undefined) ?? null,
    State: (r.State as string | null | undefined) ?? null,
    Country: (r.Country as string | null | undefined) ?? null,
    crmId__c: (r.crmId__c as string | null | undefined) || null,
    crmOrderId__c: (r.crmOrderId__c as string | null | undefined) || null,
  }));
}

export async function subscriptionOf(client: ZuoraClient, number: string): Promise<ZSubscription> {
  return client.request<ZSubscription>('GET', `/v1/subscriptions/${encodeURIComponent(number)}`);
}

/** The order with this number, or undefined when Zuora has none. */
export async function orderOf(
  client: ZuoraClient,
  orderNumber: string,
): Promise<
  | {
      orderNumber: string;
      status: string;
      existingAccountNumber: string;
      subscriptions: { subscriptionNumber: string }[];
    }
  | undefined
> {
  try {
    const answer = await client.request<{
      order: {
        orderNumber: string;
        status: string;
        existingAccountNumber: string;
        subscriptions: { subscriptionNumber: string }[];
      };
    }>('GET', `/v1/orders/${encodeURIComponent(orderNumber)}`);
    return answer.order;
  } catch (error) {
    if (error instanceof ZuoraApiError && error.status === 404) return undefined;
    throw error;
  }
}

export interface ZCatalogProduct {
  readonly id: string;
  readonly sku: string;
  readonly productRatePlans: readonly {
    readonly id: string;
    readonly name: string;
    readonly externallyManagedPlanIds: readonly string[];
    readonly productRatePlanCharges: readonly Record<string, unknown>[];
  }[];
}

/** The catalog products with this SKU (the sync must never make a second one). */
export async function productsBySku(client: ZuoraClient, sku: string): Promise<ZCatalogProduct[]> {
  const rows = await zoql(client, `select Id from Product where SKU = ${zoqlString(sku)}`);
  const out: ZCatalogProduct[] = [];
  for (const r of rows)
    out.push(
      await client.request<ZCatalogProduct>(
        'GET',
        `/v1/catalog/products/${encodeURIComponent(String(r.Id))}`,
      ),
    );
  return out;
}
