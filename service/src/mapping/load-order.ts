// The order Salesforce objects load in: parents before children, so every external-ID reference
// resolves. Objects in one group do not depend on each other and can load in parallel. Deferred
// references (self references, the account <-> default payment method cycle) are written in a
// second pass and so impose no order; the CRM Account is not loaded by the sync.
import type { ObjectMap, SyncScope } from './field-map.js';
import { objectMaps } from './object-maps.js';

export interface LoadOrderOptions {
  readonly scope?: SyncScope;
  readonly maps?: readonly ObjectMap[];
}

/**
 * The objects each object references and must load after (its non-deferred references to other objects of
 * the same maps): what a dependency-driven load waits for, where the groups of `loadOrder` are barriers.
 */
export function loadParents(options: LoadOrderOptions = {}): Map<string, Set<string>> {
  const maps = (options.maps ?? objectMaps).filter(
    (m) => options.scope === undefined || m.scope === options.scope,
  );
  const nodes = new Set(maps.map((m) => m.salesforceObject));
  const parents = new Map<string, Set<string>>();
  for (const m of maps) {
    const set = parents.get(m.salesforceObject) ?? new Set<string>();
    for (const r of m.references) {
      if (!r.deferred && r.target !== m.salesforceObject && nodes.has(r.target)) set.add(r.target);
    }
    parents.set(m.salesforceObject, set);
  }
  return parents;
}

/** Groups of Salesforce object names; each group depends only on earlier groups. */
export function loadOrder(options: LoadOrderOptions = {}): string[][] {
  const parents = loadParents(options);
  const nodes = new Set(parents.keys());
  const groups: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < nodes.size) {
    const ready = [...nodes]
      .filter((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0) {
      const stuck = [...nodes].filter((n) => !placed.has(n)).sort();
      throw new Error(`reference cycle among ${stuck.join(', ')}: mark one reference deferred`);
    }
    for (const n of ready) placed.add(n);
    groups.push(ready);
  }
  return groups;
}

/** Objects whose maps have deferred references, to be patched after every group has loaded. */
export function deferredObjects(options: LoadOrderOptions = {}): string[] {
  const maps = (options.maps ?? objectMaps).filter(
    (m) => options.scope === undefined || m.scope === options.scope,
  );
  return maps.filter((m) => m.references.some((r) => r.deferred)).map((m) => m.salesforceObject);
}
