// The record rules every engine applies around the mapper: which records are taken, what a deleted record or
// a cancelled billing account means, which key a record is upserted (and deleted) on, and the newest version
// per key. Pure functions over Zuora rows: Turbo Sync and the API-based engine call these, never copies.
import type { ObjectMap } from './field-map.js';
import { isBlank } from './transforms/transform-result.js';
import { ownCopy } from './own-copy.js';

export { NewestPerKey } from './newest-per-key.js';

export type ZuoraRow = Readonly<Record<string, string>>;

/** The failure code of a record held back because a record it references failed to sync. */
export const parentFailedCode = 'PARENT_FAILED';

/** The Boolean column a stateful AQuA export adds to flag deleted rows. */
export const deletedColumn = 'IsDeleted';

/** A billing account's status once cancelled (Zuora spells it with one l). */
export const cancelledAccountStatus = 'Canceled';

/** Zuora 360 syncs subscriptions in these states only. */
export const syncedSubscriptionStatuses: ReadonlySet<string> = new Set([
  'Active',
  'Pending Activation',
  'Pending Acceptance',
  'Cancelled',
]);

/**
 * Where a record of an account-owned stream reads its billing account's id and CRM Account ID, and (the
 * account itself) its status. The records of an account do not read its status: they go with it through
 * their references (RemovedRecords), which costs no join on every exported row.
 */
export interface OwnerPaths {
  readonly id: string;
  readonly crmId: string;
  readonly status: string | undefined;
}

/** A billing account reads its own fields; every other account-owned object the joined `Account.*`. */
export function ownerPaths(zuoraObject: string): OwnerPaths {
  return zuoraObject === 'Account'
    ? { id: 'Id', crmId: 'CrmId', status: 'Status' }
    : { id: 'Account.Id', crmId: 'Account.CrmId', status: undefined };
}

export type Disposition =
  | { readonly kind: 'take' }
  /** Gone from Salesforce: deleted in Zuora, or of a cancelled billing account (removed with its records). */
  | { readonly kind: 'delete'; readonly reason: 'deleted' | 'cancelled-account' }
  /** Not synced: its billing account has no CRM Account ID (seed 000). */
  | { readonly kind: 'skip'; readonly reason: 'no-crm-id' };

const take: Disposition = { kind: 'take' };

/**
 * What becomes of a Zuora record. Only billing accounts with a CRM Account ID are synced, with all their
 * related records (seed 000); when an account's status becomes Cancelled its Salesforce record is deleted at
 * the next sync (product-behaviours 1.2), and so are the records that belong to it (RemovedRecords).
 */
export function dispositionOf(owner: OwnerPaths | undefined, record: ZuoraRow): Disposition {
  if (record[deletedColumn] === 'true') return { kind: 'delete', reason: 'deleted' };
  if (owner === undefined) return take;
  if (owner.status !== undefined && record[owner.status] === cancelledAccountStatus)
    return { kind: 'delete', reason: 'cancelled-account' };
  if (isBlank(record[owner.crmId])) return { kind: 'skip', reason: 'no-crm-id' };
  return take;
}

/**
 * The records removed with a cancelled billing account, per Salesforce object: a record that references one
 * of them (its account, its invoice, its subscription...) is removed too. Streams are read parents first, so
 * an account's whole tree follows it; nothing is held when no account was cancelled.
 */
export class RemovedRecords {
  readonly #keys = new Map<string, Set<string>>();
  readonly #leftOut = new Map<string, Set<string>>();
  #leftOutDone = false;

  get empty(): boolean {
    return this.#keys.size === 0;
  }

  /** No version left out: the usual case, so rows skip the parent lookup (the router's hot path). */
  get noneLeftOut(): boolean {
    return this.#leftOut.size === 0;
  }

  /**
   * A record version the rules do not take (an Expired subscription version) where each version is its own
   * record (keyed on its Id, as Zuora 360 keys Zuora__Subscription__c on the version Id): its own records are
   * left out with it, as Zuora 360 holds the current version's rate plans and charges only.
   */
  leaveOut(object: string, key: string): void {
    if (this.#leftOutDone) return;
    const keys = this.#leftOut.get(object) ?? new Set<string>();
    keys.add(ownCopy(key));
    this.#leftOut.set(object, keys);
  }

  /**
   * Once every stream of a version's own records has been routed, no record asks for the versions left out:
   * their keys (a tenant's expired versions and their records) are dropped instead of held to the end.
   */
  doneWithLeftOut(): void {
    this.#leftOutDone = true;
    this.#leftOut.clear();
  }

  isLeftOut(object: string, key: string): boolean {
    return this.#leftOut.get(object)?.has(key) === true;
  }

  add(object: string, key: string): void {
    let keys = this.#keys.get(object);
    if (keys === undefined) {
      keys = new Set<string>();
      this.#keys.set(object, keys);
    }
    keys.add(ownCopy(key));
  }

  has(object: string, key: string): boolean {
    return this.#keys.get(object)?.has(key) === true;
  }
}

/**
 * The records of a subscription version: left out with a version the rules do not take (RemovedRecords.leaveOut).
 * Invoice items are not among them: they reference the version they billed, and stay billing data.
 */
export const versionOwnedObjects: ReadonlySet<string> = new Set([
  'RatePlan',
  'RatePlanCharge',
  'RatePlanChargeTier',
  'SubscriptionProductFeature',
]);

/**
 * Which records of a stream a map takes: the subscription status rule applies to the subscription
 * itself; its history objects keep every version (earlier versions are Expired in Zuora).
 */
export function acceptsRecord(map: ObjectMap, record: ZuoraRow): boolean {
  if (!takesEveryRecord(map)) return syncedSubscriptionStatuses.has(record.Status ?? '');
  return true;
}

/** Whether a map takes every record of its stream (acceptsRecord reads nothing of them). */
export function takesEveryRecord(map: ObjectMap): boolean {
  return map.zuoraObject !== 'Subscription' || map.salesforceObject.endsWith('History__c');
}

/** The Zuora path of the value a map's records are keyed on (`upsertKey` is the mapper's Salesforce key). */
export function upsertKeyPath(map: ObjectMap, upsertKey: string): string {
  return upsertKey === map.externalId.salesforce
    ? map.externalId.zuora
    : (map.stableExternalId?.zuora ?? 'Id');
}

/** Whether a map's key values are Zuora record ids (so a failure of the key names the Zuora record). */
export function keyIsZuoraId(map: ObjectMap, upsertKey: string): boolean {
  return upsertKeyPath(map, upsertKey) === 'Id';
}

/**
 * The key to delete a record's Salesforce row by, or undefined when the deletion leaves the row in place:
 * a deleted subscription version does not delete the record kept per subscription number, but a cancelled
 * account takes every record of its subscriptions with it.
 */
export function deleteKeyOf(
  map: ObjectMap,
  upsertKey: string,
  record: ZuoraRow,
  reason: 'deleted' | 'cancelled-account',
): string | undefined {
  if (reason === 'deleted' && upsertKey !== map.externalId.salesforce) return undefined;
  const key = record[upsertKeyPath(map, upsertKey)] ?? '';
  return key === '' ? undefined : key;
}
