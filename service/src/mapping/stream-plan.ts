// One stream per Zuora object of a scope: the export ZOQL that reads every field its maps need (joined
// paths included), and how a row's eligibility is decided (billing accounts with a CRM Account ID only).
import type { ObjectMap, SyncScope } from './field-map.js';
import { mapsInScope } from './object-maps.js';

export interface StreamSpec {
  /** The Zuora object, also the stream's name. */
  readonly zuoraObject: string;
  readonly maps: readonly ObjectMap[];
  readonly fields: readonly string[];
  /** The path of the owning billing account's CRM ID; undefined for tenant-level objects. */
  readonly crmIdPath: string | undefined;
}

/** Objects of the accounts scope that belong to the tenant, not to a billing account. */
const tenantLevel = new Set(['PaymentTerm', 'UnitOfMeasure']);

/** Zuora 360 syncs subscriptions in these states only. */
export const syncedSubscriptionStatuses: ReadonlySet<string> = new Set([
  'Active',
  'Pending Activation',
  'Pending Acceptance',
  'Cancelled',
]);

export const deletedColumn = 'IsDeleted';

/**
 * Which records of a stream a map takes: the subscription status rule applies to the subscription
 * itself; its history objects keep every version (earlier versions are Expired in Zuora).
 */
export function acceptsRecord(map: ObjectMap, record: Readonly<Record<string, string>>): boolean {
  if (map.zuoraObject === 'Subscription' && !map.salesforceObject.endsWith('History__c')) {
    return syncedSubscriptionStatuses.has(record.Status ?? '');
  }
  return true;
}

function pathsOf(map: ObjectMap): string[] {
  const paths = [
    map.externalId.zuora,
    ...(map.stableExternalId === undefined ? [] : [map.stableExternalId.zuora]),
    ...map.fields.flatMap((f) => f.zuora.split('|')),
    ...map.references.flatMap((r) => [r.zuora, ...(r.stableZuora === undefined ? [] : [r.stableZuora])]),
  ];
  return paths.filter((p) => !p.startsWith('@'));
}

export function planStreams(scope: SyncScope, maps?: readonly ObjectMap[]): StreamSpec[] {
  const byObject = new Map<string, ObjectMap[]>();
  for (const map of maps ?? mapsInScope(scope)) {
    const list = byObject.get(map.zuoraObject) ?? [];
    list.push(map);
    byObject.set(map.zuoraObject, list);
  }
  return [...byObject.entries()].map(([zuoraObject, objectMaps]) => {
    const crmIdPath =
      scope !== 'accounts' || tenantLevel.has(zuoraObject)
        ? undefined
        : zuoraObject === 'Account'
          ? 'CrmId'
          : 'Account.CrmId';
    const extra = ['Id', 'UpdatedDate', ...(crmIdPath === undefined ? [] : [crmIdPath])];
    if (zuoraObject === 'Subscription') extra.push('Status');
    if (zuoraObject === 'Account') extra.push('Status');
    const fields = [...new Set([...extra, ...objectMaps.flatMap(pathsOf)])];
    return { zuoraObject, maps: objectMaps, fields, crmIdPath };
  });
}

/** What a targeted backfill reads again: some billing accounts, some objects, an UpdatedDate range. */
export interface BackfillSpec {
  readonly accountIds?: readonly string[];
  readonly objects?: readonly string[];
  readonly since?: string;
  readonly until?: string;
}

function zoqlLiteral(value: string): string {
  return `'${value.replace(/[^A-Za-z0-9:.\-T ]/g, '')}'`;
}

/** Streams a backfill covers: named Zuora objects, or the Zuora objects behind named Salesforce objects. */
export function backfillStreams(streams: readonly StreamSpec[], spec: BackfillSpec): StreamSpec[] {
  const wanted = spec.objects?.map((o) => o.toLowerCase());
  return streams.filter((s) => {
    if (spec.accountIds !== undefined && spec.accountIds.length > 0 && s.crmIdPath === undefined)
      return false;
    if (wanted === undefined || wanted.length === 0) return true;
    return (
      wanted.includes(s.zuoraObject.toLowerCase()) ||
      s.maps.some((m) => wanted.includes(m.salesforceObject.toLowerCase()))
    );
  });
}

/**
 * The export ZOQL of a stream: `ids` narrows it to those records (retries of earlier failures), `backfill`
 * to some accounts and an UpdatedDate range. ZOQL has no parentheses and binds `and` before `or`, so
 * "(a or b) and c" is written "a and c or b and c".
 * https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements
 */
export function streamQuery(stream: StreamSpec, ids?: readonly string[], backfill?: BackfillSpec): string {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9]/g, '');
  const alternatives = [
    ...(ids ?? []).map((id) => `Id = '${safe(id)}'`),
    ...(backfill?.accountIds ?? []).map(
      (id) => `${stream.zuoraObject === 'Account' ? 'Id' : 'Account.Id'} = '${safe(id)}'`,
    ),
  ];
  const common = [
    ...(backfill?.since === undefined ? [] : [`UpdatedDate >= ${zoqlLiteral(backfill.since)}`]),
    ...(backfill?.until === undefined ? [] : [`UpdatedDate < ${zoqlLiteral(backfill.until)}`]),
  ];
  const terms = (alternatives.length === 0 ? [''] : alternatives).map((a) =>
    [a, ...common].filter((c) => c !== '').join(' and '),
  );
  const where = terms.every((t) => t === '') ? '' : ` where ${terms.join(' or ')}`;
  return `select ${stream.fields.join(', ')} from ${stream.zuoraObject}${where}`;
}
