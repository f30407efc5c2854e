// What an API-based sync reads from Zuora for a target: the Turbo Sync streams (same fields, same maps)
// narrowed by id filters. Each stream also reads its owner's id (the billing account or product a record
// belongs to), so results can be reported per requested account or product.
// Id lists are split into queries of at most 190 conditions (zuora/zoql.ts).
import type { ObjectMap } from '../mapping/field-map.js';
import { ownerPaths } from '../mapping/record-rules.js';
import { planStreams, streamQuery, withField, type StreamSpec } from '../mapping/stream-plan.js';
import { whereChunks } from '../zuora/zoql.js';

export interface PlannedQuery {
  readonly stream: StreamSpec;
  /** The owner field read by this stream (`Id`, `Account.Id`, `ProductId`, `Product.Id`), if any. */
  readonly ownerPath: string | undefined;
  readonly query: string;
}

/** Catalog objects and how each reaches its product (export ZOQL joins follow the *Id fields). */
const productPaths: Readonly<Record<string, string>> = {
  Product: 'Id',
  ProductRatePlan: 'ProductId',
  ProductRatePlanCharge: 'Product.Id',
  ProductRatePlanChargeTier: 'Product.Id',
  ProductFeature: 'ProductId',
};

function select(stream: StreamSpec, path: string, ids: readonly string[]): string {
  return streamQuery(stream, { byIds: { path, ids } });
}

/**
 * Billing accounts and every related object. The tenant-level objects they reference (payment terms, units
 * of measure: a few rows per tenant) are read whole in the same job, and only those referenced are written,
 * so an account whose payment term is not in Salesforce yet still lands.
 */
export function accountQueries(accountIds: readonly string[], maps: readonly ObjectMap[]): PlannedQuery[] {
  if (accountIds.length === 0) return [];
  const tenantLevel = planStreams('accounts', maps)
    .filter((s) => s.owner === undefined)
    .map((stream) => ({
      stream,
      ownerPath: undefined,
      query: streamQuery(stream),
    }));
  const streams = planStreams('accounts', maps).filter((s) => s.owner !== undefined);
  return [
    ...tenantLevel,
    ...streams.flatMap((s) => {
      const ownerPath = ownerPaths(s.zuoraObject).id;
      const stream = withField(s, ownerPath);
      return whereChunks(accountIds).map((ids) => ({
        stream,
        ownerPath,
        query: select(stream, ownerPath, ids),
      }));
    }),
  ];
}

/** Products with their rate plans, charges, tiers and product features. */
export function productQueries(productIds: readonly string[], maps: readonly ObjectMap[]): PlannedQuery[] {
  return planStreams('catalog', maps)
    .filter((s) => productPaths[s.zuoraObject] !== undefined)
    .flatMap((s) => {
      const ownerPath = productPaths[s.zuoraObject] as string;
      const stream = withField(s, ownerPath);
      return whereChunks(productIds).map((ids) => ({
        stream,
        ownerPath,
        query: select(stream, ownerPath, ids),
      }));
    });
}

/** The features the product features of a product sync point at. */
export function featureQueries(featureIds: readonly string[], maps: readonly ObjectMap[]): PlannedQuery[] {
  const stream = planStreams('catalog', maps).find((s) => s.zuoraObject === 'Feature');
  if (stream === undefined || featureIds.length === 0) return [];
  return whereChunks(featureIds).map((ids) => ({
    stream,
    ownerPath: undefined,
    query: select(stream, 'Id', ids),
  }));
}

/** The stream of a Zuora object in either scope (accounts first); undefined when no map reads it. */
export function streamFor(zuoraObject: string, maps: readonly ObjectMap[]): StreamSpec | undefined {
  const wanted = zuoraObject.toLowerCase();
  for (const scope of ['accounts', 'catalog'] as const) {
    const found = planStreams(scope, maps).find((s) => s.zuoraObject.toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Exactly these records of one object, by Zuora id. */
export function recordQueries(stream: StreamSpec, ids: readonly string[]): PlannedQuery[] {
  const ownerPath = stream.owner?.id;
  const s = withField(stream, ownerPath);
  return whereChunks(ids).map((chunk) => ({
    stream: s,
    ownerPath,
    query: select(s, 'Id', chunk),
  }));
}
