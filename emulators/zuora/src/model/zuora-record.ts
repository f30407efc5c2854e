// A Zuora record as the emulator stores it: Zuora's object-model field names (PascalCase, as in ZOQL,
// AQuA and Data Source exports). Dates are 'YYYY-MM-DD', date-times ISO-8601 with an offset.
export type FieldValue = string | number | boolean | null;

export interface ZRecord {
  Id: string;
  CreatedDate: string;
  UpdatedDate: string;
  [field: string]: FieldValue;
}

/** Bookkeeping kept beside each record (never serialised as a Zuora field). */
export interface RecordMeta {
  /** Entity (multi-entity tenants) the record belongs to. */
  entityId: string;
  /** Change sequence of the last write; 0 for generated data. Drives stateful AQuA. */
  seq: number;
}

export interface DeletedRecord {
  object: string;
  record: ZRecord;
  entityId: string;
  seq: number;
  deletedAt: string;
}
