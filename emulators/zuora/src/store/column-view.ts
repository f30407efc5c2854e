// A column's cells as an export's row loop reads them (aqua/row-kernel.ts): its arrays as they are now, so
// a cell costs a few array reads instead of a call through a closure. Valid while the column is not
// written: the loop takes a fresh view (`Column.view`) each time it resumes, since a write may grow,
// widen or replace the arrays. Kinds: packed ids (words and tags), dictionary codes of one width, or one
// plain value a row.
import type { FieldValue } from '../model/zuora-record.js';

export const VIEW_HEX = 1;
export const VIEW_CODES8 = 2;
export const VIEW_CODES16 = 3;
export const VIEW_CODES32 = 4;
export const VIEW_PLAIN = 5;

const none8: Uint8Array = new Uint8Array(0);
const none16: Uint16Array = new Uint16Array(0);
const none32: Uint32Array = new Uint32Array(0);

/** One class for every kind, so the loop's reads of its fields see one hidden class. */
export class ColumnView {
  kind = 0;
  words = none32;
  tags = none8;
  codes8 = none8;
  codes16 = none16;
  codes32 = none32;
  /** Dictionary values by code (code 0 is null). */
  dict: readonly FieldValue[] = [];
  /** One value a row (a column of mostly distinct values). */
  plain: readonly FieldValue[] = [];
  /** The row's value, whatever the kind (a hex row that holds no packed id). */
  get: (row: number) => FieldValue = () => null;

  clear(): void {
    this.words = none32;
    this.tags = none8;
    this.codes8 = none8;
    this.codes16 = none16;
    this.codes32 = none32;
    this.dict = [];
    this.plain = [];
  }
}
