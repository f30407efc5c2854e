// One stream per Zuora object of a scope: the export ZOQL that reads every field its maps need (joined
// paths included) and what the record rules read (its billing account's CRM Account ID and status).
import type { ObjectMap, SyncScope } from './field-map.js';
import { mapsInScope, objectMaps } from './object-maps.js';
import { ownerPaths, type OwnerPaths } from './record-rules.js';
import { zoqlId } from '../zuora/zoql.js';

export interface StreamSpec {
  /** The Zuora object, also the stream's name. */
  readonly zuoraObject: string;
  readonly maps: readonly ObjectMap[];
  readonly fields: readonly string[];
  /** Where its billing account's CRM ID and status are read; undefined for tenant-level objects. */
  readonly owner: OwnerPaths | undefined;
}

/** Objects of the accounts scope that belong to the tenant, not to a billing account. */
const tenantLevel = new Set(['PaymentTerm', 'UnitOfMeasure']);

function pathsOf(map: ObjectMap): string[] {
  const paths = [
    map.externalId.zuora,
    ...(map.stableExternalId === undefined ? [] : [map.stableExternalId.zuora]),
    ...map.fields.flatMap((f) => f.zuora.split('|')),
    ...map.references.flatMap((r) => [r.zuora, ...(r.stableZuora === undefined ? [] : [r.stableZuora])]),
  ];
  return paths.filter((p) => !p.startsWith('@'));
}

export function planStreams(scope: SyncScope, maps: readonly ObjectMap[] = objectMaps): StreamSpec[] {
  const byObject = new Map<string, ObjectMap[]>();
  for (const map of mapsInScope(scope, maps)) {
    const list = byObject.get(map.zuoraObject) ?? [];
    list.push(map);
    byObject.set(map.zuoraObject, list);
  }
  return [...byObject.entries()].map(([zuoraObject, objectMaps]) => {
    const owner = scope !== 'accounts' || tenantLevel.has(zuoraObject) ? undefined : ownerPaths(zuoraObject);
    const extra = [
      'Id',
      'UpdatedDate',
      ...(owner === undefined ? [] : [owner.crmId, ...(owner.status === undefined ? [] : [owner.status])]),
    ];
    if (zuoraObject === 'Subscription') extra.push('Status');
    const fields = [...new Set([...extra, ...objectMaps.flatMap(pathsOf)])];
    return { zuoraObject, maps: objectMaps, fields, owner };
  });
}

/** What a targeted backfill reads again: some billing accounts, some objects, an UpdatedDate range. */
export interface BackfillSpec {
  readonly accountIds?: readonly string[] | undefined;
  readonly objects?: readonly string[] | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

function zoqlLiteral(value: string): string {
  return `'${value.replace(/[^A-Za-z0-9:.\-T ]/g, '')}'`;
}

/** Streams a backfill covers: named Zuora objects, or the Zuora objects behind named Salesforce objects. */
export function backfillStreams(streams: readonly StreamSpec[], spec: BackfillSpec): StreamSpec[] {
  const wanted = spec.objects?.map((o) => o.toLowerCase());
  return streams.filter((s) => {
    if (spec.accountIds !== undefined && spec.accountIds.length > 0 && s.owner === undefined) return false;
    if (wanted === undefined || wanted.length === 0) return true;
    return (
      wanted.includes(s.zuoraObject.toLowerCase()) ||
      s.maps.some((m) => wanted.includes(m.salesforceObject.toLowerCase()))
    );
  });
}

/** Which records of a stream a query reads: those whose `path` is one of `ids`, in an UpdatedDate range. */
export interface StreamFilter {
  readonly byIds?: { readonly path: string; readonly ids: readonly string[] };
  readonly since?: string;
  readonly until?: string;
}

/** The filter of a backfill: its accounts (a stream's own account id path) and its UpdatedDate range. */
export function backfillFilter(stream: StreamSpec, spec: BackfillSpec): StreamFilter {
  return {
    ...(spec.accountIds === undefined || spec.accountIds.length === 0
      ? {}
      : { byIds: { path: ownerPaths(stream.zuoraObject).id, ids: spec.accountIds } }),
    ...(spec.since === undefined ? {} : { since: spec.since }),
    ...(spec.until === undefined ? {} : { until: spec.until }),
  };
}

/**
 * The export ZOQL of a stream, narrowed by `filter`. ZOQL has no parentheses and binds `and` before `or`, so
 * "(a or b) and c" is written "a and c or b and c".
 * https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements
 */
export function streamQuery(stream: StreamSpec, filter: StreamFilter = {}): string {
  const alternatives = (filter.byIds?.ids ?? []).map((id) => `${filter.byIds?.path ?? 'Id'} = ${zoqlId(id)}`);
  const common = [
    ...(filter.since === undefined ? [] : [`UpdatedDate >= ${zoqlLiteral(filter.since)}`]),
    ...(filter.until === undefined ? [] : [`UpdatedDate < ${zoqlLiteral(filter.until)}`]),
  ];
  const terms = (alternatives.length === 0 ? [''] : alternatives).map((a) =>
    [a, ...common].filter((c) => c !== '').join(' and '),
  );
  const where = terms.every((t) => t === '') ? '' : ` where ${terms.join(' or ')}`;
  return `select ${stream.fields.join(', ')} from ${stream.zuoraObject}${where}`;
}

/** The stream with `path` read too (an owner id a query filters on), when it is not already. */
export function withField(stream: StreamSpec, path: string | undefined): StreamSpec {
  if (path === undefined || stream.fields.includes(path)) return stream;
  return { ...stream, fields: [...stream.fields, path] };
}
