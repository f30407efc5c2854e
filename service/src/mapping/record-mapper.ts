// Compiles an ObjectMap against the Salesforce schema once (transforms resolved, limits looked up,
// accessors built) and maps records with it. Every failure is a RecordError value.
import { referenceColumn, type ObjectMap, type ReferenceMapping } from './field-map.js';
import { compileFastRows } from './compiled-row.js';
import { compileLine, type LineBuilder } from './compiled-line.js';
import { compileBytes, type BytesBuilder } from './compiled-bytes.js';
import type { RecordError, RecordErrorCode } from './record-error.js';
import { accessor, type Accessor, type ZuoraRecord } from './record-path.js';
import { findField, type SalesforceField, type SalesforceSchema } from './salesforce-schema.js';
import { inferTransform, transforms } from './transforms/transform-registry.js';
import { isBlank, TransformFailure, type CellValue, type Transform } from './transforms/transform-result.js';

export type Row = Record<string, CellValue>;

export interface MappingContext {
  readonly schema: SalesforceSchema;
  /** The Zuora entity (multi-entity tenants) written to EntityID__c fields. */
  readonly entityId?: string;
  /** `number` (default): one Salesforce subscription per subscription number across versions.
   *  `version`: Zuora 360's record per subscription version, keyed on the version's Id. */
  readonly subscriptionIdentity?: 'number' | 'version';
}

export type MapResult =
  | { readonly ok: true; readonly row: Row; readonly deferred: Row | null }
  | { readonly ok: false; readonly error: RecordError; readonly errors: readonly RecordError[] };

interface Column {
  readonly name: string;
  readonly read: Accessor | 'entityId';
  /** The field or join path `read` reads, when it reads one (not a joined value, not the entity). */
  readonly path?: string;
  readonly transform: Transform | undefined;
  readonly field: SalesforceField;
  readonly sourceLabel: string;
  readonly missingCode?: RecordErrorCode;
}

export interface RecordMapper {
  readonly map: ObjectMap;
  readonly upsertKey: string;
  /** CSV header of the main upsert: the key, the fields, the non-deferred references. */
  readonly columns: readonly string[];
  /** CSV header of the second pass (key + deferred references); empty when there is none. */
  readonly deferredColumns: readonly string[];
  /** Columns whose values never need CSV quoting (numbers, booleans, dates, Salesforce Ids: plainTransforms). */
  readonly plainColumns: ReadonlySet<string>;
  mapRecord(record: ZuoraRecord): MapResult;
  /** The fast path from a CSV file's fields to the upsert's CSV line (compiled-line.ts), for a file with
   * this header; undefined where there is none (a map with deferred references, a column the file lacks). */
  lineBuilder(header: readonly string[]): LineBuilder | undefined;
  /** The same line written from a clean ASCII line's bytes (compiled-bytes.ts), where lineBuilder has one. */
  bytesBuilder(header: readonly string[]): BytesBuilder | undefined;
}

const idTransform = transforms.salesforceId;

/** Transforms whose output is never a string holding a comma, quote or line break: a number, a boolean, an
 * ISO date or date-time, an alphanumeric Salesforce Id (or null). */
const plainTransforms: ReadonlySet<Transform> = new Set([
  transforms.number,
  transforms.boolean,
  transforms.date,
  transforms.datetime,
  transforms.salesforceId,
  transforms.applyDiscountToOneTime,
  transforms.applyDiscountToRecurring,
  transforms.applyDiscountToUsage,
  transforms.applyType,
]);

function readerFor(path: string): Accessor | 'entityId' {
  if (path === '@entityId') return 'entityId';
  if (!path.includes('|')) return accessor(path);
  return joined(path.split('|').map(accessor), ' ');
}

/** The path a reader of `path` reads (readerFor), when it reads a single one. */
function pathOf(path: string): { path?: string } {
  return path === '@entityId' || path.includes('|') ? {} : { path };
}

function joined(parts: readonly Accessor[], separator: string): Accessor {
  return (record) => {
    const values = parts.map((read) => read(record)).filter((v) => !isBlank(v));
    return values.length === 0 ? null : values.map(String).join(separator);
  };
}

function referenceKeyField(ref: ReferenceMapping, useStable: boolean, maps: ReadonlyMap<string, ObjectMap>) {
  if (ref.via === 'Id') return { via: 'Id', zuora: ref.zuora };
  if (useStable && ref.stableZuora !== undefined) {
    const target = maps.get(ref.target);
    if (target?.stableExternalId) return { via: target.stableExternalId.salesforce, zuora: ref.stableZuora };
  }
  return { via: ref.via, zuora: ref.zuora };
}

interface CompiledColumns {
  readonly keyColumn: Column;
  readonly main: readonly Column[];
  readonly deferred: readonly Column[];
  /** Fields the maps write that the schema does not have: every record of the map fails with them. */
  readonly schemaIssues: readonly RecordError[];
}

/** The columns a map writes, resolved against the schema once: key, fields, references (some deferred). */
function compileColumns(
  map: ObjectMap,
  context: MappingContext,
  allMaps: readonly ObjectMap[],
): CompiledColumns {
  const object = map.salesforceObject;
  const useStable = (context.subscriptionIdentity ?? 'number') === 'number';
  const key = useStable && map.stableExternalId ? map.stableExternalId : map.externalId;
  const mapsByObject = new Map(allMaps.map((m) => [m.salesforceObject, m]));
  const schemaIssues: RecordError[] = [];
  const fieldOf = (name: string, fallback: SalesforceField): SalesforceField => {
    const f = findField(context.schema, object, name);
    if (f) return f;
    schemaIssues.push({
      code: 'FIELD_NOT_IN_SCHEMA',
      message: `${object}.${name} is not in the Salesforce schema; deploy the package or fix the mapping`,
      field: name,
      zuoraId: null,
      object,
    });
    return fallback;
  };
  const keyColumn: Column = {
    name: key.salesforce,
    read: accessor(key.zuora),
    path: key.zuora,
    transform: transforms.text,
    field: fieldOf(key.salesforce, { name: key.salesforce, type: 'Text', length: 255 }),
    sourceLabel: key.zuora,
    missingCode: 'MISSING_EXTERNAL_ID',
  };
  const seen = new Set([key.salesforce]);
  const main: Column[] = [keyColumn];
  for (const f of map.fields) {
    if (seen.has(f.salesforce)) continue;
    seen.add(f.salesforce);
    const field = fieldOf(f.salesforce, { name: f.salesforce, type: 'Other' });
    const transformName = f.transform ?? inferTransform(field.type);
    const read = f.join !== undefined ? joined(f.zuora.split('|').map(accessor), f.join) : readerFor(f.zuora);
    main.push({
      name: f.salesforce,
      read,
      transform: transformName === undefined ? undefined : transforms[transformName],
      field,
      sourceLabel: f.zuora,
      ...(f.join === undefined ? pathOf(f.zuora) : {}),
    });
  }
  const deferred: Column[] = [];
  for (const ref of map.references) {
    const { via, zuora } = referenceKeyField(ref, useStable, mapsByObject);
    const column: Column = {
      name: referenceColumn({ ...ref, via }),
      read: readerFor(zuora),
      ...pathOf(zuora),
      transform: via === 'Id' ? idTransform : transforms.text,
      field: { name: referenceColumn({ ...ref, via }), type: 'Text', length: 255 },
      sourceLabel: zuora,
      ...(ref.requiredCode ? { missingCode: ref.requiredCode } : {}),
    };
    (ref.deferred ? deferred : main).push(column);
  }
  return { keyColumn, main, deferred, schemaIssues };
}

/** Writes the columns' values of a record into `row`; what cannot be written goes to `errors`. */
function fillRow(
  map: ObjectMap,
  entityId: string | null,
  columns: readonly Column[],
  record: ZuoraRecord,
  row: Row,
  zuoraId: string | null,
  errors: RecordError[],
): void {
  const object = map.salesforceObject;
  for (const c of columns) {
    const value = c.read === 'entityId' ? entityId : c.read(record);
    if (c.missingCode !== undefined && isBlank(value)) {
      errors.push({
        code: c.missingCode,
        message:
          c.missingCode === 'MISSING_CRM_ID'
            ? `${map.zuoraObject} ${zuoraId ?? '(no Id)'} has no CRM Account ID (${c.sourceLabel}): only billing accounts linked to a Salesforce Account are synced`
            : `${map.zuoraObject} record has no ${c.sourceLabel}, the upsert key of ${object}.${c.name}`,
        field: c.name,
        zuoraId,
        object,
      });
      continue;
    }
    if (c.transform === undefined) {
      errors.push({
        code: 'FIELD_NOT_IN_SCHEMA',
        message: `${object}.${c.name} is a ${c.field.type} field, which a sync cannot write`,
        field: c.name,
        zuoraId,
        object,
      });
      continue;
    }
    const result = c.transform(value, c.field);
    if (!(result instanceof TransformFailure)) {
      row[c.name] = result;
      continue;
    }
    errors.push({
      code:
        c.missingCode === 'MISSING_CRM_ID' && result.code === 'INVALID_SALESFORCE_ID'
          ? 'INVALID_CRM_ID'
          : result.code,
      message: `${object}.${result.message} (from ${map.zuoraObject}.${c.sourceLabel}, record ${zuoraId ?? '(no Id)'})`,
      field: c.name,
      zuoraId,
      object,
    });
  }
}

export function compileRecordMapper(
  map: ObjectMap,
  context: MappingContext,
  allMaps: readonly ObjectMap[] = [],
): RecordMapper {
  const object = map.salesforceObject;
  const { keyColumn, main, deferred, schemaIssues } = compileColumns(map, context, allMaps);
  const zuoraIdOf = accessor('Id');
  const fail = (errors: RecordError[]): MapResult => ({ ok: false, error: errors[0] as RecordError, errors });
  const entityId = context.entityId ?? null;
  const rowTemplate: Row = Object.fromEntries(main.map((c) => [c.name, null]));
  const fast =
    schemaIssues.length === 0 ? compileFastRows(keyColumn.name, main, deferred, entityId) : undefined;

  function mapRecord(record: ZuoraRecord): MapResult {
    if (fast !== undefined && record !== null && typeof record === 'object') {
      const mapped = fast(record);
      if (mapped !== undefined) return mapped;
    }
    if (record === null || typeof record !== 'object') {
      return fail([
        {
          code: 'INVALID_RECORD',
          message: `expected a ${map.zuoraObject} record object`,
          field: '',
          zuoraId: null,
          object,
        },
      ]);
    }
    const rawId = zuoraIdOf(record);
    const zuoraId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
    if (schemaIssues.length > 0) return fail(schemaIssues.map((e) => ({ ...e, zuoraId })));
    const errors: RecordError[] = [];
    // Copying a template gives every row of this map one hidden class: fast property writes.
    const row: Row = { ...rowTemplate };
    fillRow(map, entityId, main, record, row, zuoraId, errors);
    let deferredRow: Row | null = null;
    if (deferred.length > 0) {
      deferredRow = { [keyColumn.name]: row[keyColumn.name] ?? null };
      fillRow(map, entityId, deferred, record, deferredRow, zuoraId, errors);
    }
    if (errors.length > 0) return fail(errors);
    return { ok: true, row, deferred: deferredRow };
  }

  const plainColumns = new Set(
    [...main, ...deferred]
      .filter((c) => c.transform !== undefined && plainTransforms.has(c.transform))
      .map((c) => c.name),
  );
  return {
    map,
    upsertKey: keyColumn.name,
    columns: main.map((c) => c.name),
    deferredColumns: deferred.length > 0 ? [keyColumn.name, ...deferred.map((c) => c.name)] : [],
    plainColumns,
    mapRecord,
    lineBuilder: (header) =>
      fast === undefined || deferred.length > 0
        ? undefined
        : compileLine(main, plainColumns, header, entityId),
    bytesBuilder: (header) =>
      fast === undefined || deferred.length > 0
        ? undefined
        : compileBytes(main, plainColumns, header, entityId),
  };
}
