// Step 1 and 2 of an order sync (reference 1.8): the Zuora customer account of a Salesforce account, found
// by CRM ID and updated, or created with its parent (created first when missing) and its default bill-to
// and sold-to contacts (`<name>_billTo` from the billing address, `<name>_soldTo` from the shipping address,
// the bill-to contact when there is none). A billing address without state or country is refused (CPQ-E007).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
// One call creates the account with its contacts (POST /v1/accounts carries billToContact and soldToContact,
// atomically: https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/). The order's own
// `newAccount` (https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/order-actions-tutorials/orders-tutorials---create-subscriptions/create-a-subscription-using-the-rest-api)
// would save that call but not for invoice/subscription owners, parents or a customer's later orders in
// the same session, and would tie the account's exactly-once to the order's; not used.
import {
  createAccount,
  findAccountByCrmId,
  updateAccount,
  type ZuoraAccountRef,
} from '../zuora/zuora-accounts.js';
import type { PrefetchedAccount } from './account-prefetch.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ZuoraRequest } from './order-outcome.js';
import { bodyKey } from './idempotency-keys.js';
import type { CpqAccount } from './rules/cpq-records.js';
import type { CpqResult } from './rules/cpq-errors.js';
import { accountContacts } from './rules/contact-precedence.js';

/** The POST /v1/accounts body of a Salesforce account, or CPQ-E007 when its billing address is incomplete. */
export function newAccountBody(
  a: CpqAccount,
  currency: string,
  parentZuoraId: string | undefined,
): CpqResult<Record<string, unknown>> {
  const contacts = accountContacts(a);
  if (!contacts.ok) return contacts;
  const { billTo, soldTo } = contacts.value;
  return {
    ok: true,
    value: {
      name: a.Name.slice(0, 255),
      currency,
      billCycleDay: 1,
      crmId: a.Id,
      autoPay: false,
      billToContact: billTo,
      ...(soldTo === billTo ? {} : { soldToContact: soldTo }),
      ...(a.OwnerId === null ? {} : { salesRep: a.OwnerId }),
      ...(a.Description === null ? {} : { notes: a.Description.slice(0, 65_535) }),
      ...(parentZuoraId === undefined ? {} : { parentId: parentZuoraId }),
    },
  };
}

export interface CustomerContext {
  readonly deps: CpqDeps;
  readonly parents: ReadonlyMap<string, CpqAccount>;
  /** Accounts resolved in this session (a customer of several orders is looked up once). */
  readonly known: Map<string, ZuoraAccountRef>;
  /** A dry run: the writes are recorded here instead of sent. */
  readonly dryRun: ZuoraRequest[] | null;
  /** The chunk's accounts looked up at once (account-prefetch.ts); null: not in Zuora. */
  readonly prefetched?: ReadonlyMap<string, PrefetchedAccount | null>;
  /** Zuora accounts this session created, and the contacts it made on them (zuora-contacts.ts). */
  readonly created?: Map<string, Map<string, string>>;
}

async function lookUp(ctx: CustomerContext, a: CpqAccount): Promise<PrefetchedAccount | undefined> {
  const pre = ctx.prefetched?.get(a.Id);
  if (pre !== undefined) return pre ?? undefined;
  const found = await findAccountByCrmId(ctx.deps.zuora, a.Id);
  return found === undefined ? undefined : { ...found, name: '' };
}

/** What a dry run answers for an object it would create. */
export const placeholder = (what: string): string => `(new ${what})`;

/** The Zuora account of `a`: found by CRM ID (and its name kept current) or created with its parent. */
export async function ensureAccount(
  ctx: CustomerContext,
  a: CpqAccount,
  currency: string,
  depth = 0,
): Promise<CpqResult<ZuoraAccountRef>> {
  const known = ctx.known.get(a.Id);
  if (known !== undefined) return { ok: true, value: known };
  const { zuora } = ctx.deps;
  const hit = await lookUp(ctx, a);
  if (hit !== undefined) {
    const { name, ...found } = hit;
    const patch = { name: a.Name.slice(0, 255) };
    // The name kept current: sent only when Zuora's differs (or was not read).
    if (name !== patch.name && ctx.dryRun === null) await updateAccount(zuora, found.accountNumber, patch);
    else if (name !== patch.name)
      ctx.dryRun?.push({ method: 'PUT', path: `/v1/accounts/${found.accountNumber}`, body: patch });
    ctx.known.set(a.Id, found);
    return { ok: true, value: found };
  }
  let parentId: string | undefined;
  const parent = a.ParentId === null ? undefined : ctx.parents.get(a.ParentId);
  // The customer hierarchy: a parent missing in Zuora is created first, without its orders ([ZBC-map]).
  if (parent !== undefined && depth < 5) {
    const p = await ensureAccount(ctx, parent, parent.CurrencyIsoCode ?? currency, depth + 1);
    if (p.ok) parentId = p.value.id;
  }
  const body = newAccountBody(a, currency, parentId);
  if (!body.ok) return body;
  if (ctx.dryRun !== null) ctx.dryRun.push({ method: 'POST', path: '/v1/accounts', body: body.value });
  const created =
    ctx.dryRun === null
      ? await createAccount(zuora, body.value, bodyKey('account', a.Id, body.value))
      : {
          id: placeholder(`account of ${a.Id}`),
          accountNumber: placeholder(`account of ${a.Id}`),
          billToId: placeholder('bill-to contact'),
          soldToId: placeholder('sold-to contact'),
        };
  const withCurrency = { ...created, currency };
  ctx.known.set(a.Id, withCurrency);
  if (ctx.dryRun === null) ctx.created?.set(created.id, new Map());
  return { ok: true, value: withCurrency };
}
