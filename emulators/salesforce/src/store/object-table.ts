import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { StoredRecord } from './sf-error.js';
import { UniqueIndex } from './unique-index.js';

/** The records of one object: live ones by Id, the recycle bin, and unique/external-ID indexes. */
export class ObjectTable {
  readonly live = new Map<string, StoredRecord>();
  readonly deleted = new Map<string, StoredRecord>();
  readonly indexes: UniqueIndex[];
  readonly indexByField = new Map<string, UniqueIndex>();
  readonly requiredFields: FieldDef[];
  readonly autoNumberFields: FieldDef[];
  /** Field names in a fixed order, so every record of the object shares one shape. */
  readonly fieldNames: string[];
  nextNumber = 1;
  autoNumber = 0;

  constructor(readonly def: ObjectDef) {
    this.indexes = def.fields.filter((f) => f.unique || f.externalId).map((f) => new UniqueIndex(f));
    for (const index of this.indexes) this.indexByField.set(index.field.name, index);
    this.requiredFields = def.fields.filter((f) => f.required);
    this.autoNumberFields = def.fields.filter((f) => f.autoNumber);
    this.fieldNames = def.fields.map((f) => f.name);
  }

  /** A blank record with every field present (null or its default). */
  blank(): StoredRecord {
    const rec: StoredRecord = {};
    for (const f of this.def.fields) rec[f.name] = f.defaultValue;
    return rec;
  }

  clear(): void {
    this.live.clear();
    this.deleted.clear();
    for (const index of this.indexes) index.clear();
    this.nextNumber = 1;
    this.autoNumber = 0;
  }
}
