// One stream per Zuora object of a scope: the export ZOQL that reads every field its maps need (joined
// paths included), and how a row's eligibility is decided (billing accounts with a CRM Account ID only).
import type { ObjectMap, SyncScope } from '../mapping/field-map.js';
import { mapsInScope } from '../mapping/object-maps.js';

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

/** The export ZOQL of a stream; `ids` narrows it to those records (retries of earlier failures). */
export function streamQuery(stream: StreamSpec, ids?: readonly string[]): string {
  const where =
    ids === undefined || ids.length === 0
      ? ''
      : ` where ${ids.map((id) => `Id = '${id.replace(/[^A-Za-z0-9]/g, '')}'`).join(' or ')}`;
  return `select ${stream.fields.join(', ')} from ${stream.zuoraObject}${where}`;
}
