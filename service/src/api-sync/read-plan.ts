// What an API-based sync reads from Zuora for a target: the Turbo Sync streams (same fields, same maps)
// narrowed by id filters. Each stream also reads its owner's id (the billing account or product a record
// belongs to), so results can be reported per requested account or product.
// ZOQL allows at most 200 conditions in a WHERE clause, so id lists are split into queries of 190.
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes
import { planStreams, type StreamSpec } from '../mapping/stream-plan.js';

export const maxWhereConditions = 190;

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

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function withField(stream: StreamSpec, path: string | undefined): StreamSpec {
  if (path === undefined || stream.fields.includes(path)) return stream;
  return { ...stream, fields: [...stream.fields, path] };
}

function select(stream: StreamSpec, path: string, ids: readonly string[]): string {
  const where = ids.map((id) => `${path} = '${safeId(id)}'`).join(' or ');
  return `select ${stream.fields.join(', ')} from ${stream.zuoraObject} where ${where}`;
}

/**
 * Billing accounts and every related object. The tenant-level objects they reference (payment terms, units
 * of measure: a few rows per tenant) are read whole in the same job, and only those referenced are written,
 * so an account whose payment term is not in Salesforce yet still lands.
 */
export function accountQueries(accountIds: readonly string[]): PlannedQuery[] {
  if (accountIds.length === 0) return [];
  const tenantLevel = planStreams('accounts')
    .filter((s) => s.crmIdPath === undefined)
    .map((stream) => ({
      stream,
      ownerPath: undefined,
      query: `select ${stream.fields.join(', ')} from ${stream.zuoraObject}`,
    }));
  const streams = planStreams('accounts').filter((s) => s.crmIdPath !== undefined);
  return [
    ...tenantLevel,
    ...streams.flatMap((s) => {
      const ownerPath = s.zuoraObject === 'Account' ? 'Id' : 'Account.Id';
      const stream = withField(s, ownerPath);
      return chunks(accountIds, maxWhereConditions).map((ids) => ({
        stream,
        ownerPath,
        query: select(stream, ownerPath, ids),
      }));
    }),
  ];
}

/** Products with their rate plans, charges, tiers and product features. */
export function productQueries(productIds: readonly string[]): PlannedQuery[] {
  return planStreams('catalog')
    .filter((s) => productPaths[s.zuoraObject] !== undefined)
    .flatMap((s) => {
      const ownerPath = productPaths[s.zuoraObject] as string;
      const stream = withField(s, ownerPath);
      return chunks(productIds, maxWhereConditions).map((ids) => ({
        stream,
        ownerPath,
        query: select(stream, ownerPath, ids),
      }));
    });
}

/** The features the product features of a product sync point at. */
export function featureQueries(featureIds: readonly string[]): PlannedQuery[] {
  const stream = planStreams('catalog').find((s) => s.zuoraObject === 'Feature');
  if (stream === undefined || featureIds.length === 0) return [];
  return chunks(featureIds, maxWhereConditions).map((ids) => ({
    stream,
    ownerPath: undefined,
    query: select(stream, 'Id', ids),
  }));
}

/** The stream of a Zuora object in either scope (accounts first); undefined when no map reads it. */
export function streamFor(zuoraObject: string): StreamSpec | undefined {
  const wanted = zuoraObject.toLowerCase();
  for (const scope of ['accounts', 'catalog'] as const) {
    const found = planStreams(scope).find((s) => s.zuoraObject.toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Exactly these records of one object, by Zuora id. */
export function recordQueries(stream: StreamSpec, ids: readonly string[]): PlannedQuery[] {
  const ownerPath =
    stream.crmIdPath === undefined ? undefined : stream.zuoraObject === 'Account' ? 'Id' : 'Account.Id';
  const s = withField(stream, ownerPath);
  return chunks(ids, maxWhereConditions).map((chunk) => ({
    stream: s,
    ownerPath,
    query: select(s, 'Id', chunk),
  }));
}
