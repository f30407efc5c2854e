// The Zuora accounts of a chunk's orders looked up in one ZOQL query (CrmId = 'a' or CrmId = 'b' ...), not one
// query per order: ZOQL has no IN operator but takes `or` and up to 200 conditions a WHERE clause, so the ids
// go in lists of 190 (zoql.ts whereChunks). An id not found is recorded as absent, so ensureAccount creates it
// without a second look-up (its create carries an Idempotency-Key all the same).
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql (Conditions Allowed, no IN operator)
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/query-statement-examples (or)
import { text, type ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { whereChunks, zoqlPages, zoqlString } from '../zuora/zoql.js';
import type { CpqDeps } from './cpq-deps.js';
import type { CpqAccount, CpqOrderBundle } from './rules/cpq-records.js';

/** A prefetched account with its Zuora name (an update is sent only when the Salesforce name differs). */
export type PrefetchedAccount = ZuoraAccountRef & { readonly name: string };

/** Zuora's account of each Salesforce Account Id, null when Zuora has none. The look-up only saves calls: when
 *  Zuora does not answer it (a 5xx, a timeout), the map is empty and each order looks its accounts up itself,
 *  where a failure is that order's own (transient, CPQ-E021, sent again) instead of ending the whole session. */
export async function prefetchAccounts(
  deps: CpqDeps,
  bundles: readonly CpqOrderBundle[],
  parents: ReadonlyMap<string, CpqAccount>,
  skip: ReadonlyMap<string, unknown>,
): Promise<Map<string, PrefetchedAccount | null>> {
  try {
    return await lookUpAll(deps, bundles, parents, skip);
  } catch (err) {
    deps.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'CPQ account look-up of the chunk failed; each order looks its accounts up itself',
    );
    return new Map();
  }
}

async function lookUpAll(
  deps: CpqDeps,
  bundles: readonly CpqOrderBundle[],
  parents: ReadonlyMap<string, CpqAccount>,
  skip: ReadonlyMap<string, unknown>,
): Promise<Map<string, PrefetchedAccount | null>> {
  const ids = new Set<string>();
  for (const b of bundles)
    for (const a of [b.account, b.invoiceOwner, b.subscriptionOwner])
      if (a !== null) ids.add(a.Id).add(parents.get(a.ParentId ?? '')?.Id ?? a.Id);
  const wanted = [...ids].filter((id) => !skip.has(id));
  const out = new Map<string, PrefetchedAccount | null>(wanted.map((id) => [id, null]));
  for (const list of whereChunks(wanted)) {
    const where = list.map((id) => `CrmId = ${zoqlString(id)}`).join(' or ');
    const zoql = `select Id, AccountNumber, BillToId, SoldToId, Currency, Name, CrmId from Account where ${where}`;
    for await (const page of zoqlPages(deps.zuora, zoql))
      for (const r of page) {
        const crmId = text(r.CrmId);
        if (!out.has(crmId) || out.get(crmId) !== null) continue;
        out.set(crmId, {
          id: String(r.Id),
          accountNumber: String(r.AccountNumber),
          billToId: text(r.BillToId),
          soldToId: text(r.SoldToId),
          name: text(r.Name),
          ...(typeof r.Currency === 'string' ? { currency: r.Currency } : {}),
        });
      }
  }
  return out;
}
