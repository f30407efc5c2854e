// The orders of a chunk side by side, exactly once: orders sharing a Zuora account (order account, invoice or
// subscription owner, or their parent) or a subscription lineage (an amendment, the orders it revises, other
// amendments of the same products) go in one lane and run one after another in the chunk's start-date order,
// so two of them never race to create the same account or contact and an amendment still follows the order
// it amends. Lanes run at most `concurrency` at once (CPQ_CONCURRENCY). Catalog creates are serialized apart
// (serialized(), lane-runner.ts), since every order may share products.
import type { RevisedItem } from './read-bundles.js';
import type { CpqAccount, CpqOrderBundle } from './rules/cpq-records.js';

function keysOf(
  b: CpqOrderBundle,
  revised: ReadonlyMap<string, RevisedItem>,
  parents: ReadonlyMap<string, CpqAccount>,
): string[] {
  // Each owner and its ancestors as far as the session read them (ensureAccount creates them first).
  const accounts = [b.account, b.invoiceOwner, b.subscriptionOwner].flatMap((a) => {
    const chain: string[] = [];
    for (let id = a?.Id ?? null, depth = 0; id !== null && depth <= 5; depth += 1) {
      chain.push(id);
      id = (id === a?.Id ? a.ParentId : parents.get(id)?.ParentId) ?? null;
    }
    return chain;
  });
  const lineages = b.items.flatMap((i) => {
    const root = i.SBQQ__RevisedOrderProduct__c;
    const order = root === null ? undefined : revised.get(root)?.orderId;
    return root === null ? [] : [`l:${root}`, ...(order === undefined ? [] : [`o:${order}`])];
  });
  return [...accounts.map((id) => `a:${id}`), ...lineages, `o:${b.order.Id}`];
}

/** The chunk's lanes, each in the order of `bundles` (already in start-date order). */
export function lanesOf(
  bundles: readonly CpqOrderBundle[],
  revised: ReadonlyMap<string, RevisedItem>,
  parents: ReadonlyMap<string, CpqAccount> = new Map(),
): CpqOrderBundle[][] {
  const parent = bundles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] ?? i)));
  const owner = new Map<string, number>();
  bundles.forEach((b, i) => {
    for (const key of keysOf(b, revised, parents)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[root(i)] = root(j);
    }
  });
  const lanes = new Map<number, CpqOrderBundle[]>();
  bundles.forEach((b, i) => lanes.set(root(i), [...(lanes.get(root(i)) ?? []), b]));
  return [...lanes.values()];
}
