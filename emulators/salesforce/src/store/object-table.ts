import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { StoredRecord } from './sf-error.js';
import { IdCodec } from './id-codec.js';
import { PackedRows } from './packed-rows.js';
import { UniqueIndex } from './unique-index.js';

/**
 * Records are built by a per-object constructor that assigns every field by name, so V8 gives all
 * records of an object one compact in-object shape. Adding ~40 properties through computed keys
 * would instead turn each record into a dictionary (about three times the memory, much slower).
 */
function compileRecordFactory(def: ObjectDef): () => StoredRecord {
  const defaults = def.fields.map((f) => f.defaultValue);
  const body = def.fields.map((f, i) => `this[${JSON.stringify(f.name)}] = d[${i}];`).join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from schema field names, JSON-quoted
  const factory = new Function('d', `return function Record() {\n${body}\n};`) as (
    d: unknown[],
  ) => new () => StoredRecord;
  const Ctor = factory(defaults);
  return () => new Ctor();
}

/** The records of one object: live ones by Id (packed), the recycle bin, and unique/external-ID indexes. */
export class ObjectTable {
  /** Live records by Id, stored by column (a fresh record object per read). */
  readonly live: PackedRows;
  readonly deleted = new Map<string, StoredRecord>();
  readonly indexes: UniqueIndex[];
  readonly indexByField = new Map<string, UniqueIndex>();
  readonly requiredFields: FieldDef[];
  readonly autoNumberFields: FieldDef[];
  /** Field names in a fixed order, so every record of the object shares one shape. */
  readonly fieldNames: string[];
  /** Has CreatedDate & co. / OwnerId. */
  readonly audited: boolean;
  readonly owned: boolean;
  nextNumber = 1;
  autoNumber = 0;
  /** When a record of this object was last removed for good (hard delete): Get Deleted's earliestDateAvailable. */
  lastPurgedMs = 0;
  private readonly make: () => StoredRecord;
  /** Spells the Ids this object generates (the store's inserts use it: no regular expressions per record). */
  readonly codec: IdCodec;

  constructor(readonly def: ObjectDef) {
    const codec = new IdCodec(def.keyPrefix);
    this.codec = codec;
    this.indexes = def.fields.filter((f) => f.unique || f.externalId).map((f) => new UniqueIndex(f, codec));
    for (const index of this.indexes) this.indexByField.set(index.field.name, index);
    this.requiredFields = def.fields.filter((f) => f.required);
    this.autoNumberFields = def.fields.filter((f) => f.autoNumber);
    this.fieldNames = def.fields.map((f) => f.name);
    this.audited = def.fieldsByLower.has('createddate') && def.fieldsByLower.has('systemmodstamp');
    this.owned = def.fieldsByLower.has('ownerid');
    this.make = compileRecordFactory(def);
    this.live = new PackedRows(def, this.make, codec);
  }

  /** A blank record with every field present (null or its default). */
  blank(): StoredRecord {
    return this.make();
  }

  /** A copy with the same (fast) shape as blank records. */
  copy(from: StoredRecord): StoredRecord {
    const rec = this.make();
    for (const name of this.fieldNames) rec[name] = from[name] ?? null;
    return rec;
  }

  clear(): void {
    this.live.clear();
    this.deleted.clear();
    for (const index of this.indexes) index.clear();
    this.nextNumber = 1;
    this.autoNumber = 0;
    this.lastPurgedMs = 0;
  }
}
