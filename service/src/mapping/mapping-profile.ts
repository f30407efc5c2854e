// Mapping profiles: `default` writes this package's objects; `ZUORA360_COMPAT` writes the same records to the
// objects and fields of an org already running Zuora 360, derived from the default maps through the renaming
// table (maps/zuora360-renames.ts), so the two can never disagree on what is synced. What Zuora 360 lacks is
// left out and listed with the reason (`zuora-sync doctor` and the start-up check print them).
import type { MappingProfile } from '../config/mapping-profile-setting.js';
import { lookupField, type ExternalKey, type ObjectMap, type ReferenceMapping } from './field-map.js';
import { zuora360Renames, type Zuora360Rename } from './maps/zuora360-renames.js';
import { objectMaps } from './object-maps.js';

export type { MappingProfile } from '../config/mapping-profile-setting.js';

/** A mapping the profile leaves out: the whole object (`field` empty) or one field or lookup. */
export interface SkippedMapping {
  readonly pair: string;
  readonly object: string;
  readonly field: string;
  readonly reason: string;
}

export interface ProfileMaps {
  readonly maps: readonly ObjectMap[];
  readonly skipped: readonly SkippedMapping[];
}

type Renamed = { readonly name: string } | { readonly skip: string };

function renameOf(object: string): Zuora360Rename | { readonly missing: string } | undefined {
  return zuora360Renames[object];
}

function objectName(object: string): Renamed {
  const r = renameOf(object);
  if (r === undefined) return { name: object };
  return 'missing' in r ? { skip: r.missing } : { name: r.object };
}

function fieldName(object: string, field: string): Renamed {
  const r = renameOf(object);
  if (r === undefined) return { name: field };
  if ('missing' in r) return { skip: r.missing };
  const skip = r.skip?.[field];
  if (skip !== undefined) return { skip };
  return { name: r.fields?.[field] ?? (field.endsWith('__c') ? `${r.namespace}${field}` : field) };
}

/** The ZUORA360_COMPAT name of a package object, or undefined when the profile leaves it out. */
export function zuora360Object(object: string): string | undefined {
  const r = objectName(object);
  return 'name' in r ? r.name : undefined;
}

/** The ZUORA360_COMPAT name of a package object's field, or undefined when the profile leaves it out. */
export function zuora360Field(object: string, field: string): string | undefined {
  const r = fieldName(object, field);
  return 'name' in r ? r.name : undefined;
}

function renameKey(object: string, key: ExternalKey): ExternalKey {
  const renamed = fieldName(object, key.salesforce);
  if ('skip' in renamed) throw new Error(`the upsert key ${object}.${key.salesforce} cannot be skipped`);
  return { zuora: key.zuora, salesforce: renamed.name };
}

function renameReference(object: string, ref: ReferenceMapping): Renamed & { ref?: ReferenceMapping } {
  const lookup = fieldName(object, lookupField(ref));
  if ('skip' in lookup) return lookup;
  const target = objectName(ref.target);
  if ('skip' in target) return { skip: `its target ${ref.target} is left out: ${target.skip}` };
  const via = ref.via === 'Id' ? { name: 'Id' } : fieldName(ref.target, ref.via);
  if ('skip' in via) return { skip: `${ref.target}.${ref.via} is left out: ${via.skip}` };
  const renamed = {
    ...ref,
    salesforce: lookup.name.replace(/__c$/, '__r'),
    target: target.name,
    via: via.name,
  };
  return { name: renamed.salesforce, ref: renamed };
}

function renameMap(m: ObjectMap, skipped: SkippedMapping[]): ObjectMap | undefined {
  const object = objectName(m.salesforceObject);
  if ('skip' in object) {
    skipped.push({ pair: m.name, object: m.salesforceObject, field: '', reason: object.skip });
    return undefined;
  }
  const leave = (field: string, reason: string) =>
    skipped.push({ pair: m.name, object: m.salesforceObject, field, reason });
  const externalId = renameKey(m.salesforceObject, m.externalId);
  const fields = m.fields.flatMap((f) => {
    const renamed = fieldName(m.salesforceObject, f.salesforce);
    if ('skip' in renamed) return (leave(f.salesforce, renamed.skip), []);
    if (renamed.name === externalId.salesforce && f.zuora === externalId.zuora)
      return (leave(f.salesforce, `the upsert key ${renamed.name} already carries ${f.zuora}`), []);
    return [{ ...f, salesforce: renamed.name }];
  });
  const references = m.references.flatMap((r) => {
    const renamed = renameReference(m.salesforceObject, r);
    return renamed.ref ? [renamed.ref] : (leave(lookupField(r), 'skip' in renamed ? renamed.skip : ''), []);
  });
  const versionKeyed = (renameOf(m.salesforceObject) as Zuora360Rename).versionKeyed;
  if (m.stableExternalId && versionKeyed !== undefined)
    leave(`${m.stableExternalId.salesforce} (upsert key)`, versionKeyed);
  const stable =
    m.stableExternalId && versionKeyed === undefined
      ? { stableExternalId: renameKey(m.salesforceObject, m.stableExternalId) }
      : {};
  const { stableExternalId: _omit, ...base } = m;
  return {
    ...base,
    ...stable,
    name: `${m.zuoraObject}:${object.name}`,
    salesforceObject: object.name,
    externalId,
    fields,
    references,
  };
}

/** The maps a profile syncs with, and what it leaves out. */
export function mapsForProfile(
  profile: MappingProfile,
  maps: readonly ObjectMap[] = objectMaps,
): ProfileMaps {
  if (profile === 'default') return { maps, skipped: [] };
  const skipped: SkippedMapping[] = [];
  const renamed = maps.flatMap((m) => renameMap(m, skipped) ?? []);
  return { maps: renamed, skipped };
}

export function formatSkipped(skipped: readonly SkippedMapping[]): string {
  return skipped
    .map((s) => `${s.object}${s.field ? `.${s.field}` : ''}: not synced (${s.reason}) [${s.pair}]`)
    .join('\n');
}
