// What an API-based sync reads for its target: billing accounts with their whole tree, products with their
// catalog children, or exactly some records. Ids Zuora does not know are answered NOT_FOUND; a record of an
// object no map reads is answered UNSUPPORTED_OBJECT. A billing account of a `records` target found cancelled
// brings its tree, so its records go with it (mapping/record-rules.ts).
import { keyObjects } from '../mapping/key-objects.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { objectMaps } from '../mapping/object-maps.js';
import { cancelledAccountStatus } from '../mapping/record-rules.js';
import type { ApiSyncDeps, ApiSyncRequest, RecordOutcome } from './api-sync-types.js';
import {
  accountQueries,
  featureQueries,
  productQueries,
  recordQueries,
  streamFor,
  type PlannedQuery,
} from './read-plan.js';
import { readPlanned, type ReadRows } from './read-zuora.js';

export interface TargetReads {
  readonly reads: ReadRows[];
  readonly outcomes: RecordOutcome[];
  /** The queries of a `records` target (to tell which records Zuora no longer has). */
  readonly missing: PlannedQuery[];
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))];
}

function notFound(zuoraObject: string, salesforceObject: string, id: string): RecordOutcome {
  return {
    zuoraObject,
    salesforceObject,
    zuoraId: id,
    externalId: id,
    salesforceId: null,
    operation: 'upsert',
    success: false,
    errorCode: 'NOT_FOUND',
    errorMessage: `Zuora has no ${zuoraObject} with id ${id}`,
    zuoraUpdatedAt: null,
    committedAt: null,
    ownerZuoraId: id,
  };
}

type Read = (queries: PlannedQuery[]) => Promise<ReadRows[]>;
type Maps = readonly ObjectMap[];

function rowsOf(reads: readonly ReadRows[], zuoraObject: string) {
  return reads.filter((r) => r.query.stream.zuoraObject === zuoraObject).flatMap((r) => r.rows);
}

async function readAccounts(read: Read, maps: Maps, accountIds: readonly string[]): Promise<TargetReads> {
  const ids = unique(accountIds);
  const reads = await read(accountQueries(ids, maps));
  const found = new Set(rowsOf(reads, 'Account').map((x) => x.Id));
  const outcomes = ids
    .filter((id) => !found.has(id))
    .map((id) => notFound('Account', keyObjects(maps).account.object, id));
  return { reads: onlyReferencedTenantRows(reads), outcomes, missing: [] };
}

async function readProducts(read: Read, maps: Maps, productIds: readonly string[]): Promise<TargetReads> {
  const ids = unique(productIds);
  const reads = await read(productQueries(ids, maps));
  const found = new Set(rowsOf(reads, 'Product').map((x) => x.Id));
  const product = keyObjects(maps).product.object;
  const outcomes = ids.filter((id) => !found.has(id)).map((id) => notFound('Product', product, id));
  const featureIds = unique(rowsOf(reads, 'ProductFeature').map((x) => x.FeatureId ?? ''));
  return { reads: [...reads, ...(await read(featureQueries(featureIds, maps)))], outcomes, missing: [] };
}

async function readRecords(
  read: Read,
  maps: Maps,
  refs: readonly { zuoraObject: string; zuoraId: string }[],
): Promise<TargetReads> {
  const byObject = new Map<string, string[]>();
  for (const ref of refs)
    byObject.set(ref.zuoraObject, [...(byObject.get(ref.zuoraObject) ?? []), ref.zuoraId]);
  const queries: PlannedQuery[] = [];
  const outcomes: RecordOutcome[] = [];
  for (const [object, ids] of byObject) {
    const stream = streamFor(object, maps);
    if (stream === undefined) {
      for (const id of unique(ids)) {
        outcomes.push({
          ...notFound(object, '', id),
          errorCode: 'UNSUPPORTED_OBJECT',
          errorMessage: `no field map reads Zuora ${object}; supported objects are those of the Turbo Sync maps`,
          ownerZuoraId: null,
        });
      }
      continue;
    }
    queries.push(...recordQueries(stream, unique(ids)));
  }
  const reads = await read(queries);
  const cancelled = rowsOf(reads, 'Account').filter((a) => a.Status === cancelledAccountStatus);
  if (cancelled.length === 0) return { reads, outcomes, missing: queries };
  const trees = await read(accountQueries(unique(cancelled.map((a) => a.Id ?? '')), maps));
  return { reads: [...reads, ...trees], outcomes, missing: queries };
}

export async function readTarget(deps: ApiSyncDeps, request: ApiSyncRequest): Promise<TargetReads> {
  const entityId = request.entityId === '' ? undefined : request.entityId;
  const read: Read = (queries) =>
    queries.length === 0
      ? Promise.resolve([])
      : readPlanned(deps.zuora, queries, {
          entityId,
          minPollMs: deps.minPollMs ?? 100,
          label: `zuora-sync api ${request.sessionId}`,
        });
  const target = request.target;
  const maps = deps.maps ?? objectMaps;
  if (target.kind === 'accounts') return readAccounts(read, maps, target.zuoraAccountIds);
  if (target.kind === 'products') return readProducts(read, maps, target.zuoraProductIds);
  return readRecords(read, maps, target.refs);
}

/** Keeps the rows of tenant-level streams (no owner) that the other rows reference by upsert key. */
function onlyReferencedTenantRows(reads: readonly ReadRows[]): ReadRows[] {
  const wanted = new Map<string, Set<string>>();
  for (const t of reads.filter((r) => r.query.ownerPath === undefined)) {
    const values = wanted.get(t.query.stream.zuoraObject) ?? new Set<string>();
    wanted.set(t.query.stream.zuoraObject, values);
    const targets = new Set(t.query.stream.maps.map((m) => m.salesforceObject));
    for (const r of reads) {
      if (r.query.ownerPath === undefined) continue;
      const crm = r.query.stream.owner?.crmId;
      for (const ref of r.query.stream.maps.flatMap((m) => m.references)) {
        if (!targets.has(ref.target)) continue;
        for (const row of r.rows) {
          // Rows left out (no CRM Account ID) do not bring their payment term along.
          if (crm !== undefined && (row[crm] ?? '') === '') continue;
          if ((row[ref.zuora] ?? '') !== '') values.add(row[ref.zuora] as string);
        }
      }
    }
  }
  return reads.map((r) => {
    if (r.query.ownerPath !== undefined) return r;
    const values = wanted.get(r.query.stream.zuoraObject) ?? new Set<string>();
    const keyPath = r.query.stream.maps[0]?.externalId.zuora ?? 'Id';
    return { query: r.query, rows: r.rows.filter((row) => values.has(row[keyPath] ?? '')) };
  });
}
