// Transforms return values, never throw: a value that cannot be written is a record error.
import type { SalesforceField } from '../salesforce-schema.js';

export type CellValue = string | number | boolean | null;

export type TransformErrorCode =
  | 'STRING_TOO_LONG'
  | 'INVALID_TEXT'
  | 'INVALID_PICKLIST_VALUE'
  | 'INVALID_NUMBER'
  | 'NUMBER_OUT_OF_RANGE'
  | 'INVALID_BOOLEAN'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_APPLY_DISCOUNT_TO'
  | 'INVALID_BILLING_TIMING'
  | 'INVALID_SALESFORCE_ID';

/** A value that cannot be written. A class, so a successful transform returns the bare value and
 *  allocates nothing (mapping runs once per field of every record). */
export class TransformFailure {
  readonly ok = false;
  constructor(
    readonly code: TransformErrorCode,
    readonly message: string,
  ) {}
}

export type TransformOutput = CellValue | TransformFailure;

/** A transform gets the Zuora value and the target field (for its size, scale, picklist). */
export type Transform = (value: unknown, field: SalesforceField) => TransformOutput;

export const ok = (value: CellValue): TransformOutput => value;
export const fail = (code: TransformErrorCode, message: string): TransformOutput =>
  new TransformFailure(code, message);

export function isFailure(output: TransformOutput): output is TransformFailure {
  return output instanceof TransformFailure;
}

/** Zuora sends absent values as null, missing keys or empty strings; all clear the Salesforce field. */
export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

export function describeValue(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
