// Turns the rows read from Zuora into the writes an API-based sync makes, applying Turbo Sync's rules exactly
// as extract-to-spool does: cancelled billing accounts are deleted, only accounts with a CRM Account ID (and
// their records) are synced, subscriptions by status (acceptsRecord), newest version first per upsert key,
// every map of a stream through its compiled mapper. Record problems become failed outcomes, never throws.
import { recordMapperFor } from '../mapping/map-record.js';
import type { MappingContext } from '../mapping/record-mapper.js';
import { rowToJson } from '../mapping/row-to-json.js';
import type { RecordError } from '../mapping/record-error.js';
import { acceptsRecord, deletedColumn } from '../mapping/stream-plan.js';
import type { RecordOutcome } from './api-sync-types.js';
import type { ReadRows } from './read-zuora.js';

export interface PreparedRecord {
  readonly key: string;
  readonly zuoraId: string | null;
  readonly ownerZuoraId: string | null;
  readonly zuoraUpdatedAt: string | null;
  readonly json: Record<string, unknown>;
}

export interface PreparedObject {
  readonly zuoraObject: string;
  readonly object: string;
  readonly keyField: string;
  readonly upserts: PreparedRecord[];
  readonly deferred: PreparedRecord[];
  readonly deletes: Omit<PreparedRecord, 'json'>[];
}

export interface PreparedWrites {
  readonly objects: Map<string, PreparedObject>;
  readonly outcomes: RecordOutcome[];
  /** Zuora ids that came back, per Zuora object. */
  readonly seen: Map<string, Set<string>>;
}

/** Zuora 360's code for a billing account without a (valid) CRM Account ID: never retried automatically. */
export const missingCrmIdCode = 'DACO-02';

export function isoOrNull(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function codeOf(error: RecordError): string {
  return error.code === 'MISSING_CRM_ID' || error.code === 'INVALID_CRM_ID' ? missingCrmIdCode : error.code;
}

export interface PrepareOptions {
  readonly context: MappingContext;
  /** Report accounts (or, for `records`, any record) left out for lack of a CRM Account ID. */
  readonly reportMissingCrmId: 'accounts' | 'all';
}

export function prepareWrites(reads: readonly ReadRows[], options: PrepareOptions): PreparedWrites {
  const objects = new Map<string, PreparedObject>();
  const outcomes: RecordOutcome[] = [];
  const seen = new Map<string, Set<string>>();
  // Rows of one stream may come from several queries (id chunks): merged, each record once.
  const byStream = new Map<string, { read: ReadRows['query']; rows: Record<string, string>[] }>();
  for (const r of reads) {
    const name = r.query.stream.zuoraObject;
    const entry = byStream.get(name) ?? { read: r.query, rows: [] };
    entry.rows.push(...r.rows);
    byStream.set(name, entry);
  }
  const cancelledAccounts = new Set<string>();
  const accountRows = byStream.get('Account')?.rows ?? [];
  for (const r of accountRows) if (r.Status === 'Canceled') cancelledAccounts.add(r.Id ?? '');

  for (const [name, { read, rows }] of byStream) {
    const stream = read.stream;
    const ids = seen.get(name) ?? new Set<string>();
    seen.set(name, ids);
    const live: Record<string, string>[] = [];
    const deleted: Record<string, string>[] = [];
    for (const r of rows) {
      const id = r.Id ?? '';
      if (ids.has(id)) continue;
      ids.add(id);
      const owner = read.ownerPath === undefined ? '' : (r[read.ownerPath] ?? '');
      if (r[deletedColumn] === 'true' || (name === 'Account' && r.Status === 'Canceled')) {
        deleted.push(r);
        continue;
      }
      // The records of a cancelled account go with it.
      if (stream.crmIdPath !== undefined && name !== 'Account' && cancelledAccounts.has(owner)) continue;
      if (stream.crmIdPath !== undefined && (r[stream.crmIdPath] ?? '') === '') {
        if (name === 'Account' || options.reportMissingCrmId === 'all') {
          for (const map of stream.maps) {
            outcomes.push({
              zuoraObject: name,
              salesforceObject: map.salesforceObject,
              zuoraId: id === '' ? null : id,
              externalId: id,
              salesforceId: null,
              operation: 'upsert',
              success: false,
              errorCode: missingCrmIdCode,
              errorMessage:
                name === 'Account'
                  ? `The Zuora account ${id} has no CRM Account ID: only billing accounts linked to a Salesforce Account are synced.`
                  : `${name} ${id} belongs to a Zuora account with no CRM Account ID: only billing accounts linked to a Salesforce Account are synced.`,
              zuoraUpdatedAt: isoOrNull(r.UpdatedDate),
              committedAt: null,
              ownerZuoraId: owner === '' ? null : owner,
            });
          }
        }
        continue;
      }
      live.push(r);
    }
    // Newest first: when versions share an upsert key (a subscription number) the newest is the one sent.
    live.sort((a, b) => (b.UpdatedDate ?? '').localeCompare(a.UpdatedDate ?? ''));

    for (const map of stream.maps) {
      const mapper = recordMapperFor(map, options.context);
      const keyPath =
        mapper.upsertKey === map.externalId.salesforce
          ? map.externalId.zuora
          : (map.stableExternalId?.zuora ?? 'Id');
      const target: PreparedObject = objects.get(map.salesforceObject) ?? {
        zuoraObject: name,
        object: map.salesforceObject,
        keyField: mapper.upsertKey,
        upserts: [],
        deferred: [],
        deletes: [],
      };
      objects.set(map.salesforceObject, target);
      const keys = new Set<string>();
      for (const record of live) {
        if (!acceptsRecord(map, record)) continue;
        const key = record[keyPath] ?? '';
        if (key !== '' && keys.has(key)) continue;
        keys.add(key);
        const zuoraId = record.Id === undefined || record.Id === '' ? null : record.Id;
        const ownerId = read.ownerPath === undefined ? '' : (record[read.ownerPath] ?? '');
        const base = {
          key,
          zuoraId,
          ownerZuoraId: ownerId === '' ? null : ownerId,
          zuoraUpdatedAt: isoOrNull(record.UpdatedDate),
        };
        const result = mapper.mapRecord(record);
        if (!result.ok) {
          outcomes.push({
            zuoraObject: name,
            salesforceObject: map.salesforceObject,
            zuoraId,
            externalId: key === '' ? (zuoraId ?? '') : key,
            salesforceId: null,
            operation: 'upsert',
            success: false,
            errorCode: codeOf(result.error),
            errorMessage: result.errors.map((e) => e.message).join('; '),
            zuoraUpdatedAt: base.zuoraUpdatedAt,
            committedAt: null,
            ownerZuoraId: base.ownerZuoraId,
          });
          continue;
        }
        target.upserts.push({ ...base, json: rowToJson(result.row) });
        if (result.deferred !== null) target.deferred.push({ ...base, json: rowToJson(result.deferred) });
      }
      // A deleted subscription version does not delete the record kept per subscription number.
      if (mapper.upsertKey === map.externalId.salesforce) {
        for (const r of deleted) {
          const owner = read.ownerPath === undefined ? '' : (r[read.ownerPath] ?? '');
          target.deletes.push({
            key: r[map.externalId.zuora] ?? r.Id ?? '',
            zuoraId: r.Id ?? null,
            ownerZuoraId: owner === '' ? null : owner,
            zuoraUpdatedAt: isoOrNull(r.UpdatedDate),
          });
        }
      }
    }
  }
  return { objects, outcomes, seen };
}
